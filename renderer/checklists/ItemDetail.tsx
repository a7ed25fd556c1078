// One checklist item in full: what it asks, who owns it, when it is due (an offset from the exit
// date T, or a date set by hand), its status, the evidence (a note and files), the inventory
// records it concerns, the knowledge-transfer stage of its process, and the sign-off.
// Field edits are saved together with Save (kept as a draft until then, and asked about before
// they are thrown away); files, links, the KT stage and the sign-off apply at once.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ITEM_STATUS, ITEM_STATUS_LABEL, LINK_KINDS, offsetLabel, PHASES, type ChecklistItem, type ItemChanges, type LinkKind } from '../../shared/checklists';
import { enumLabel, KT_STAGE } from '../../shared/enums';
import { ApiError } from '../../shared/errors';
import { KIND_LABEL } from '../../shared/records';
import { api } from '../api';
import { hrefOf, TAB_OF_KIND } from '../app/router';
import { dataChanged } from '../app/store';
import { useLoad } from '../app/useLoad';
import { useViewer } from '../app/viewer';
import { Attachments, uploadAll } from '../documents/Attachments';
import { useFileDrop } from '../documents/useFileDrop';
import { DateInput } from '../forms/DateInput';
import { clearDraft, labelsOf, useDraftKey, useFoundDraft, useKeepDraft } from '../forms/drafts';
import { DraftNotice } from '../forms/DraftNotice';
import { changedFieldsText, useDiscardConfirm } from '../forms/useDiscardConfirm';
import { TEAM_SIDE } from '../forms/personSides';
import { RefPicker } from '../forms/RefPicker';
import { formatDateTime } from '../format';
import { AppDialog } from '../ui/Dialog';
import { toast, toastError } from '../ui/toasts';
import { dueFromOffset } from './items';
import { fieldIssues, parseOffset, PhaseSelect } from './itemFields';

interface Values {
  title: string;
  phase: string;
  description: string;
  ownerId: string;
  status: string;
  blockedReason: string;
  evidence: string;
  offset: string;
  /** The hand-set date ('' when the date follows the exit date). */
  due: string;
  manual: boolean;
}

function toValues(item: ChecklistItem): Values {
  return {
    title: item.title,
    phase: String(item.phase),
    description: item.description,
    ownerId: item.ownerId ?? '',
    status: item.status,
    blockedReason: item.blockedReason,
    evidence: item.evidence,
    offset: item.offsetDays == null ? '' : String(item.offsetDays),
    due: item.dueManual ? (item.dueDate ?? '') : '',
    manual: item.dueManual,
  };
}

const KEYS = Object.keys(toValues({} as ChecklistItem)) as (keyof Values)[];

/** The fields of a stored draft that fit this form (storage holds whatever was written to it). */
function draftValues(original: Values, stored: Record<string, unknown> | undefined): Partial<Values> {
  return Object.fromEntries(KEYS.filter((k) => stored && typeof stored[k] === typeof original[k]).map((k) => [k, stored![k]])) as Partial<Values>;
}

/** The changes to send, or an error naming the field a value is wrong in. */
function changesOf(original: Values, v: Values): { changes: ItemChanges } | { field: string; message: string } {
  const ch: ItemChanges = {};
  if (v.title !== original.title) ch.title = v.title;
  if (v.phase !== original.phase) ch.phase = Number(v.phase);
  if (v.description !== original.description) ch.description = v.description;
  if (v.ownerId !== original.ownerId) ch.ownerId = v.ownerId || null;
  if (v.status !== original.status) ch.status = v.status as ChecklistItem['status'];
  if (v.blockedReason !== original.blockedReason || (v.status === 'blocked' && v.status !== original.status)) ch.blockedReason = v.blockedReason;
  if (v.evidence !== original.evidence) ch.evidence = v.evidence;
  const offsetChanged = v.offset.trim() !== original.offset;
  if (offsetChanged) {
    const n = parseOffset(v.offset);
    if (n === null) return { field: 'offset', message: 'Days from T must be a whole number, e.g. -30 for 30 days before the exit date.' };
    ch.offsetDays = n;
  }
  const manual = v.manual && v.due.trim() !== '';
  if (manual && (v.due !== original.due || !original.manual || offsetChanged)) ch.dueDate = v.due.trim();
  else if (!manual && original.manual) ch.dueDate = null;
  return { changes: ch };
}

interface Props {
  item: ChecklistItem;
  /** Names of people by id (owner, signed off by). */
  labels: Record<string, string>;
  exitDate: string | null;
  checklistName: string;
  onClose(): void;
  onDelete(item: ChecklistItem): void;
}

/** Mount with a key per item: the form starts from that item and follows its later versions. */
export function ItemDetail({ item, labels, exitDate, checklistName, onClose, onDelete }: Props) {
  const id = useId();
  const viewer = useViewer();
  const [base, setBase] = useState(item);
  const [original, setOriginal] = useState(() => toValues(item));
  const draftKey = useDraftKey(`item.${item.id}`);
  const draft = useFoundDraft(draftKey);
  const [restoredAt, setRestoredAt] = useState(draft?.savedAt ?? null);
  const [values, setValues] = useState(() => ({ ...original, ...draftValues(original, draft?.values) }));
  const [names, setNames] = useState<Record<string, string>>(() => ({ ...labels, ...draft?.labels }));
  const [ownerText, setOwnerText] = useState<string | null>(null);
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [attachmentsVersion, setAttachmentsVersion] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  /** Takes a newer version of the item; fields the user has not touched follow it. */
  const adopt = (next: ChecklistItem) => {
    const nextValues = toValues(next);
    setValues((v) => Object.fromEntries(KEYS.map((k) => [k, v[k] === original[k] ? nextValues[k] : v[k]])) as unknown as Values);
    setOriginal(nextValues);
    setBase(next);
  };
  // A newer version from the list (after a change made elsewhere, or the exit date moving).
  if (item.updatedAt > base.updatedAt) adopt(item);

  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [issues]);

  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setIssues((i) => {
      if (!(key in i)) return i;
      const next = { ...i };
      delete next[key];
      return next;
    });
  };
  const dirty = KEYS.filter((k) => values[k] !== original[k] && !(k === 'due' && !values.manual && !original.manual));
  const changed = Object.fromEntries(dirty.map((k) => [k, values[k]]));
  useKeepDraft(draftKey, changed, labelsOf([changed.ownerId], names));
  // Escape, × and Cancel with a typed note or any other unsaved field ask first.
  const { requestClose, discardDialog } = useDiscardConfirm({
    unsaved: dirty.length ? changedFieldsText(dirty.length) : null,
    onClose: (discarded) => {
      if (discarded) clearDraft(draftKey);
      onClose();
    },
  });

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const result = changesOf(original, values);
    if ('field' in result) {
      setIssues({ [result.field]: result.message });
      return;
    }
    if (Object.keys(result.changes).length === 0) {
      onClose();
      return;
    }
    setBusy(true);
    setAlert(null);
    try {
      await api['checklist.updateItem']({ id: base.id, expectedUpdatedAt: base.updatedAt, changes: result.changes });
      clearDraft(draftKey);
      dataChanged();
      toast(`Item “${values.title.trim() || base.title}” saved`);
      onClose();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'INVALID_INPUT' && err.issues?.length) {
        const byField: Record<string, string> = {};
        for (const issue of err.issues) {
          const field = issue.field.replace(/^changes\./, '');
          const key = field === 'offsetDays' ? 'offset' : field === 'dueDate' ? 'due' : field;
          byField[key] ??= `${FIELD_LABEL[key] ?? field} ${issue.message}.`;
        }
        setIssues(byField);
      } else if (err instanceof ApiError && err.code === 'CONFLICT') {
        setAlert('This item was changed elsewhere since you opened it. Close it and open it again to see the latest version.');
      } else if (err instanceof ApiError) {
        setAlert(err.message);
      } else {
        toastError(err);
      }
    } finally {
      setBusy(false);
    }
  };

  /** Runs a step that applies at once (KT stage, sign-off) and takes the item it returns. */
  const apply = async (step: () => Promise<ChecklistItem>, done: string) => {
    try {
      adopt(await step());
      dataChanged();
      toast(done);
    } catch (err) {
      toastError(err);
    }
  };

  const addFiles = async (files: File[]) => {
    const n = await uploadAll({ itemId: base.id }, files);
    if (n) {
      setAttachmentsVersion((v) => v + 1);
      toast(n === 1 ? `Attached ${files[0]!.name}` : `Attached ${n} files`);
    }
  };
  const { over, dropProps } = useFileDrop((files) => void addFiles(files));

  const offsetNumber = parseOffset(values.offset);
  const followed = dueFromOffset(exitDate, offsetNumber);
  const field = (key: string) => ({
    id: `${id}-${key}`,
    'aria-invalid': issues[key] ? true : undefined,
    'aria-describedby': issues[key] ? `${id}-${key}-error` : undefined,
  });
  const { error } = fieldIssues(id, issues);

  return (
    <AppDialog
      title={base.title}
      isOpen
      onClose={requestClose}
      size="large"
      footer={
        <>
          <button type="button" className="button button-danger-quiet" onClick={() => onDelete(base)}>
            Delete item
          </button>
          <span className="spacer" />
          <span className="muted footer-note">{dirty.length ? `${dirty.length} unsaved change${dirty.length === 1 ? '' : 's'}` : ''}</span>
          <button type="button" className="button" onClick={requestClose}>
            {dirty.length ? 'Cancel' : 'Close'}
          </button>
          <button type="submit" form={`${id}-form`} className="button button-primary" disabled={busy || dirty.length === 0}>
            Save
          </button>
        </>
      }
    >
      <div className={over ? 'drop-target drop-over' : 'drop-target'} {...dropProps}>
        <p className="item-context muted">
          {PHASES[base.phase]?.label} · {checklistName}
          {base.ownerRole && <> · owner role: {base.ownerRole}</>}
          {base.completedAt && base.status === 'done' && <> · done {formatDateTime(base.completedAt)}</>}
        </p>
        <form id={`${id}-form`} ref={formRef} onSubmit={save} noValidate>
          {restoredAt && dirty.length > 0 && (
            <DraftNotice
              savedAt={restoredAt}
              onDiscard={() => {
                clearDraft(draftKey);
                setValues(original);
                setIssues({});
                setRestoredAt(null);
              }}
            />
          )}
          {alert && (
            <div className="form-alert" role="alert">
              {alert}
            </div>
          )}
          <div className="form-grid">
            <div className="field field-longtext">
              <label className="field-label" htmlFor={`${id}-title`}>
                Title
              </label>
              <input {...field('title')} className="input" value={values.title} onChange={(e) => set('title', e.target.value)} />
              {error('title')}
            </div>
            <div className="field">
              <label className="field-label" htmlFor={`${id}-status`}>
                Status
              </label>
              <select {...field('status')} className="input select" value={values.status} onChange={(e) => set('status', e.target.value)}>
                {ITEM_STATUS.map((s) => (
                  <option key={s} value={s}>
                    {ITEM_STATUS_LABEL[s]}
                  </option>
                ))}
              </select>
              {error('status')}
            </div>
            <RefPicker
              kind="person"
              prefer={TEAM_SIDE}
              label="Owner"
              value={values.ownerId}
              valueLabel={values.ownerId ? (names[values.ownerId] ?? '') : ''}
              inputValue={ownerText ?? (values.ownerId ? (names[values.ownerId] ?? '') : '')}
              onInputChange={setOwnerText}
              onChange={(pickedId, name) => {
                if (pickedId) setNames((n) => ({ ...n, [pickedId]: name }));
                set('ownerId', pickedId);
                setOwnerText(null);
              }}
              hint={base.ownerRole ? `The template suggests: ${base.ownerRole}` : undefined}
              error={issues.ownerId}
            />
            {values.status === 'blocked' && (
              <div className="field field-longtext">
                <label className="field-label" htmlFor={`${id}-blockedReason`}>
                  Blocked by
                  <span className="field-required" aria-hidden="true">
                    {' '}
                    *
                  </span>
                </label>
                <textarea
                  {...field('blockedReason')}
                  aria-required
                  className="input textarea"
                  rows={2}
                  placeholder="What is it waiting for?"
                  value={values.blockedReason}
                  onChange={(e) => set('blockedReason', e.target.value)}
                />
                {error('blockedReason')}
              </div>
            )}
            <div className="field">
              <label className="field-label" htmlFor={`${id}-phase`}>
                Phase
              </label>
              <PhaseSelect {...field('phase')} value={values.phase} onChange={(e) => set('phase', e.target.value)} />
            </div>
            <div className="field">
              <label className="field-label" htmlFor={`${id}-offset`}>
                Days from exit date (T)
              </label>
              <input
                {...field('offset')}
                aria-describedby={issues.offset ? `${id}-offset-error` : `${id}-offset-hint`}
                className="input input-number"
                inputMode="numeric"
                placeholder="e.g. -30"
                value={values.offset}
                onChange={(e) => set('offset', e.target.value)}
              />
              {issues.offset ? (
                error('offset')
              ) : (
                <div id={`${id}-offset-hint`} className="field-hint">
                  {offsetNumber == null ? 'Negative: before T. Positive: after T.' : `${offsetLabel(offsetNumber)}${exitDate ? ` = ${followed}` : ': set the vendor’s exit date to get a date'}`}
                </div>
              )}
            </div>
            <div className="field field-longtext due-field">
              <label className="field-label" htmlFor={`${id}-due`}>
                Due date
              </label>
              <div className="due-row">
                <DateInput
                  {...field('due')}
                  aria-describedby={`${id}-due-hint`}
                  className="input input-date"
                  label="Due date"
                  value={values.manual ? values.due : exitDate ? followed : ''}
                  placeholder={!values.manual && !exitDate && offsetNumber != null ? offsetLabel(offsetNumber) : 'YYYY-MM-DD'}
                  onChange={(v) => {
                    set('due', v);
                    set('manual', true);
                  }}
                />
                {values.manual ? (
                  <>
                    <span className="badge badge-amber">Set by hand</span>
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() => {
                        set('manual', false);
                        set('due', '');
                      }}
                    >
                      Follow the exit date
                    </button>
                  </>
                ) : (
                  <span className="muted">{offsetNumber == null ? 'No due date' : exitDate ? `Follows the exit date (${offsetLabel(offsetNumber)})` : offsetLabel(offsetNumber)}</span>
                )}
              </div>
              {issues.due ? (
                error('due')
              ) : (
                <div id={`${id}-due-hint`} className="field-hint">
                  {values.manual ? 'A date set by hand stays put when the exit date moves.' : 'Type a date to set it by hand; otherwise it moves with the exit date.'}
                </div>
              )}
            </div>
            <div className="field field-longtext">
              <label className="field-label" htmlFor={`${id}-description`}>
                Description
              </label>
              <textarea {...field('description')} className="input textarea" rows={3} value={values.description} onChange={(e) => set('description', e.target.value)} />
              {error('description')}
            </div>
            <div className="field field-longtext">
              <label className="field-label" htmlFor={`${id}-evidence`}>
                Evidence note
              </label>
              <textarea
                {...field('evidence')}
                className="input textarea"
                rows={2}
                placeholder="What shows this is done: a ticket, minutes, a confirmation…"
                value={values.evidence}
                onChange={(e) => set('evidence', e.target.value)}
              />
              {error('evidence')}
            </div>
          </div>
        </form>

        <Attachments owner={{ itemId: base.id }} title="Evidence files" pending={[]} onPendingChange={() => {}} refreshKey={attachmentsVersion} onFiles={(files) => void addFiles(files)} />

        <Links item={base} />

        {base.processId && <KtStage item={base} processId={base.processId} onApply={apply} />}

        <SignOff item={base} names={names} defaultSigner={viewer} onApply={apply} onName={(pid, name) => setNames((n) => ({ ...n, [pid]: name }))} />

        {over && (
          <div className="drop-hint" aria-hidden="true">
            Drop files to attach them as evidence
          </div>
        )}
        {discardDialog}
      </div>
    </AppDialog>
  );
}

const FIELD_LABEL: Record<string, string> = {
  title: 'Title',
  phase: 'Phase',
  description: 'Description',
  ownerId: 'Owner',
  status: 'Status',
  blockedReason: 'The reason',
  evidence: 'Evidence note',
  offset: 'Days from T',
  due: 'Due date',
};

/** The stage of a knowledge-transfer item's process; the item's status follows it. */
function KtStage({ item, processId, onApply }: { item: ChecklistItem; processId: string; onApply(step: () => Promise<ChecklistItem>, done: string): Promise<void> }) {
  const id = useId();
  // Read from the process itself: documented, shadowing and reverse shadowing all read "in progress" on the item.
  const { data: process } = useLoad(`process:${processId}`, () => api['process.get']({ id: processId }));
  return (
    <section className="detail-section" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Knowledge transfer</h3>
      <div className="detail-row">
        <label htmlFor={`${id}-stage`} className="field-label">
          Stage of {process ? `“${process.name}”` : 'the process'}
        </label>
        <select
          id={`${id}-stage`}
          className="input select detail-select"
          value={process?.ktStage ?? ''}
          disabled={!process}
          aria-describedby={`${id}-hint`}
          onChange={(e) => {
            const stage = e.target.value as (typeof KT_STAGE)[number];
            void onApply(() => api['checklist.setKtStage']({ id: item.id, stage }), `Knowledge transfer: ${enumLabel(stage).toLowerCase()}`);
          }}
        >
          {!process && <option value="">Loading…</option>}
          {KT_STAGE.map((s) => (
            <option key={s} value={s}>
              {enumLabel(s)}
            </option>
          ))}
        </select>
      </div>
      <p id={`${id}-hint`} className="field-hint">
        The process&apos;s stage in the inventory and this item&apos;s status move together: signed off means done.
      </p>
    </section>
  );
}

function SignOff({
  item,
  names,
  defaultSigner,
  onApply,
  onName,
}: {
  item: ChecklistItem;
  names: Record<string, string>;
  defaultSigner: { id: string; name: string } | null;
  onApply(step: () => Promise<ChecklistItem>, done: string): Promise<void>;
  onName(id: string, name: string): void;
}) {
  const id = useId();
  const [signer, setSigner] = useState<{ id: string; name: string } | null>(defaultSigner);
  const [text, setText] = useState<string | null>(null);
  return (
    <section className="detail-section" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Sign-off</h3>
      {item.signedOffById ? (
        <div className="detail-row">
          <span>
            Signed off by <strong>{names[item.signedOffById] ?? 'someone no longer in the workbook'}</strong>
            {item.signedOffAt && <span className="muted"> on {formatDateTime(item.signedOffAt)}</span>}
          </span>
          <button type="button" className="button button-small" onClick={() => void onApply(() => api['checklist.signOff']({ id: item.id, byId: null }), 'Sign-off withdrawn')}>
            Withdraw sign-off
          </button>
        </div>
      ) : (
        <div className="detail-row signoff-row">
          <RefPicker
            kind="person"
              prefer={TEAM_SIDE}
            label="Signed off by"
            value={signer?.id ?? ''}
            valueLabel={signer?.name ?? ''}
            inputValue={text ?? signer?.name ?? ''}
            onInputChange={setText}
            onChange={(pid, name) => {
              setSigner(pid ? { id: pid, name } : null);
              setText(null);
            }}
          />
          <button
            type="button"
            className="button"
            disabled={!signer}
            title={signer ? undefined : 'Pick who signs off first'}
            onClick={() => {
              if (!signer) return;
              onName(signer.id, signer.name);
              void onApply(() => api['checklist.signOff']({ id: item.id, byId: signer.id }), `Signed off by ${signer.name}`);
            }}
          >
            Sign off
          </button>
        </div>
      )}
      <p className="field-hint">Pick who signs off, then Sign off: it records who accepted the item, and when, and marks the item done.</p>
    </section>
  );
}

function Links({ item }: { item: ChecklistItem }) {
  const id = useId();
  const { data: links, error } = useLoad(`links:${item.id}`, () => api['checklist.links']({ itemId: item.id }));
  const [kind, setKind] = useState<LinkKind>('process');
  const [picked, setPicked] = useState<{ id: string; name: string } | null>(null);
  const [text, setText] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (step: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await step();
      dataChanged();
      toast(done);
    } catch (e) {
      toastError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="detail-section" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Linked records</h3>
      {error && <p className="field-error">{error.message}</p>}
      {links && links.length === 0 && <p className="muted">Not linked to any record yet. Link the processes, repositories, licences or documents this item is about.</p>}
      {links && links.length > 0 && (
        <ul className="link-list" aria-label="Linked records">
          {links.map((l) => (
            <li key={l.id}>
              <span className="kind-tag">{KIND_LABEL[l.recordKind].one}</span>
              <a href={hrefOf({ name: 'vendor', vendorId: item.vendorId, tab: TAB_OF_KIND[l.recordKind], open: l.recordId })}>{l.title}</a>
              {l.id.startsWith('process:') ? (
                <span className="muted link-note">this item&apos;s process</span>
              ) : (
                <button
                  type="button"
                  className="link-button link-danger"
                  aria-label={`Unlink ${l.title}`}
                  disabled={busy}
                  onClick={() => void run(() => api['checklist.unlink']({ itemId: item.id, recordKind: l.recordKind, recordId: l.recordId }), `Unlinked ${l.title}`)}
                >
                  Unlink
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <div className="detail-row link-add">
        <div className="field">
          <label htmlFor={`${id}-kind`} className="field-label">
            Kind
          </label>
          <select
            id={`${id}-kind`}
            className="input select"
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as LinkKind);
              setPicked(null);
              setText(null);
            }}
          >
            {LINK_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABEL[k].one}
              </option>
            ))}
          </select>
        </div>
        <RefPicker
          key={kind}
          kind={kind}
          label={`${KIND_LABEL[kind].one} to link`}
          value={picked?.id ?? ''}
          valueLabel={picked?.name ?? ''}
          inputValue={text ?? picked?.name ?? ''}
          onInputChange={setText}
          onChange={(pid, name) => {
            setPicked(pid ? { id: pid, name } : null);
            setText(null);
          }}
          vendorId={item.vendorId}
        />
        <button
          type="button"
          className="button"
          disabled={!picked || busy}
          onClick={() => {
            if (!picked) return;
            void run(() => api['checklist.link']({ itemId: item.id, recordKind: kind, recordId: picked.id }), `Linked ${picked.name}`).then(() => {
              setPicked(null);
              setText(null);
            });
          }}
        >
          Link
        </button>
      </div>
    </section>
  );
}
