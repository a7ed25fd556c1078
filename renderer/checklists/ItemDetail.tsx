// One checklist item in full: what it asks, who owns it, when it is due (an offset from the exit
// date T, or a date set by hand), its status, the evidence (a note and files), the inventory
// records it concerns, the knowledge-transfer stage of its process, and the sign-off.
// Field edits are saved together with Save (kept as a draft until then, and asked about before
// they are thrown away); files, links, the KT stage and the sign-off apply at once.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { itemChanges, PHASES, type ChecklistItem } from '../../shared/checklists';
import { ApiError } from '../../shared/errors';
import { api } from '../api';
import { useViewer } from '../app/viewer';
import { Attachments, uploadAll } from '../documents/Attachments';
import { useFileDrop } from '../documents/useFileDrop';
import { clearDraft, labelsOf, useDraftKey, useFoundDraft, useKeepDraft } from '../forms/drafts';
import { DraftNotice } from '../forms/DraftNotice';
import { changedFieldsText, useDiscardConfirm } from '../forms/useDiscardConfirm';
import { useForm } from '../forms/useForm';
import { formatDateTime } from '../format';
import { AppDialog } from '../ui/Dialog';
import { toast, toastError } from '../ui/toasts';
import { ItemDetailFields } from './ItemDetailFields';
import { ItemKtStage } from './ItemKtStage';
import { ItemLinks } from './ItemLinks';
import { ItemRegister } from './ItemRegister';
import { ItemSignOff } from './ItemSignOff';
import { changesOf, fromFormValues, ITEM_FORM, toFormValues, type ItemValues } from './itemValues';

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
  const draftKey = useDraftKey(`item.${item.id}`);
  const draft = useFoundDraft(draftKey);
  const [start] = useState(() => toFormValues(item));
  const form = useForm(ITEM_FORM, start, draft?.values);
  const values = fromFormValues(form.values);
  const original = fromFormValues(form.original);
  const [restoredAt, setRestoredAt] = useState(draft?.savedAt ?? null);
  const [names, setNames] = useState<Record<string, string>>(() => ({ ...labels, ...draft?.labels }));
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [attachmentsVersion, setAttachmentsVersion] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  /** Takes a newer version of the item; fields the user has not touched follow it. */
  const adopt = (next: ChecklistItem) => {
    form.adopt(toFormValues(next));
    setBase(next);
  };
  // A newer version from the list (after a change made elsewhere, or the exit date moving).
  if (item.updatedAt > base.updatedAt) adopt(item);

  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [form.issues]);

  const set = <K extends keyof ItemValues>(key: K, value: ItemValues[K]) => form.set(key, typeof value === 'boolean' ? (value ? 'true' : '') : value);
  // A due date that follows T on both sides is no change, whatever the box held.
  const dirty = form.dirty.filter((k) => !(k === 'due' && !values.manual && !original.manual));
  const changed = Object.fromEntries(dirty.map((k) => [k, form.values[k]]));
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
      form.showIssues([result]);
      return;
    }
    // The shared schema the backend checks the changes with, so its messages show at the fields before sending.
    if (!form.check(itemChanges, () => result.changes)) return;
    if (Object.keys(result.changes).length === 0) {
      onClose();
      return;
    }
    setBusy(true);
    setAlert(null);
    try {
      await api['checklist.updateItem']({ id: base.id, expectedUpdatedAt: base.updatedAt, changes: result.changes });
      clearDraft(draftKey);
      toast(`Item “${values.title.trim() || base.title}” saved`);
      onClose();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'INVALID_INPUT' && err.issues?.length) {
        form.showIssues(err.issues);
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
                form.reset();
                setRestoredAt(null);
              }}
            />
          )}
          {alert && (
            <div className="form-alert" role="alert">
              {alert}
            </div>
          )}
          <ItemDetailFields
            values={values}
            issues={form.issues.byField}
            exitDate={exitDate}
            ownerRole={base.ownerRole}
            names={names}
            onChange={set}
            onName={(pid, name) => setNames((n) => ({ ...n, [pid]: name }))}
          />
        </form>

        <Attachments owner={{ itemId: base.id }} title="Evidence files" pending={[]} onPendingChange={() => {}} refreshKey={attachmentsVersion} onFiles={(files) => void addFiles(files)} />

        <ItemLinks item={base} />

        {base.register && <ItemRegister item={{ ...base, register: base.register }} />}

        {base.processId && <ItemKtStage item={base} processId={base.processId} onApply={apply} />}

        <ItemSignOff item={base} names={names} defaultSigner={viewer} onApply={apply} onName={(pid, name) => setNames((n) => ({ ...n, [pid]: name }))} />

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

