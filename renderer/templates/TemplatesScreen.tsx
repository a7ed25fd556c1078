// Checklist templates: the built-in exits (read-only: duplicate one to make it yours) and the
// user's own, with their items (phase, title, description, offset from T, owner role, one per
// process). Items are added, edited, removed and moved up or down; every change is saved at once.
import { useLayoutEffect, useRef, useState } from 'react';
import { offsetLabel, PHASES, templateInput, type Template, type TemplateItem, type TemplateItemInput } from '../../shared/checklists';
import { api } from '../api';
import { hrefOf, navigate } from '../app/router';
import { useApi } from '../data/useApi';
import { plural } from '../format';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { EmptyState } from '../ui/EmptyState';
import { NameDialog } from '../ui/NameDialog';
import { toast, toastError } from '../ui/toasts';
import { TemplateDetailsDialog, TemplateItemDialog } from './TemplateDialogs';

// The register an item works on has no field here: it is kept as the item had it (a copy of a built-in template's).
const toInput = ({ phase, title, description, offsetDays, ownerRole, perProcess, register }: TemplateItem | TemplateItemInput): TemplateItemInput => ({
  phase,
  title,
  description: description ?? '',
  offsetDays,
  ownerRole: ownerRole ?? '',
  perProcess: !!perProcess,
  register: register ?? null,
});

export function TemplatesScreen({ selectedId }: { selectedId: string | null }) {
  const list = useApi('template.list', {});
  const [creating, setCreating] = useState(false);
  const templates = list.data ?? [];
  const selected = templates.find((t) => t.id === selectedId) ?? (selectedId ? undefined : templates[0]);
  const builtin = templates.filter((t) => t.builtin);
  const own = templates.filter((t) => !t.builtin);

  const group = (title: string, items: Template[], empty: string) => (
    <section className="template-group" aria-label={title}>
      <h2 className="template-group-title">{title}</h2>
      {items.length === 0 ? (
        <p className="muted template-group-empty">{empty}</p>
      ) : (
        <ul className="template-list">
          {items.map((t) => (
            <li key={t.id}>
              <a href={hrefOf({ name: 'templates', id: t.id })} className="template-link" aria-current={t.id === selected?.id ? 'page' : undefined}>
                <span className="template-link-name">{t.name}</span>
                <span className="template-link-meta">{plural(t.items.length, 'item', 'items')}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );

  return (
    <div className="page page-workspace">
      <header className="page-header">
        <h1>Templates</h1>
        <span className="spacer" />
        <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
          New template
        </button>
      </header>
      {list.error && (
        <div className="form-alert" role="alert">
          Could not load the templates: {list.error.message}
        </div>
      )}
      <div className="templates">
        <nav className="templates-nav" aria-label="Templates">
          {group('Built in', builtin, 'None.')}
          {group('Your templates', own, 'None yet. Duplicate a built-in template, start a new one, or save a vendor’s checklist as a template.')}
        </nav>
        <div className="templates-detail">
          {selected ? (
            <TemplateDetail key={selected.id} template={selected} />
          ) : list.data && selectedId ? (
            <EmptyState title="This template is not in the workbook" actions={<a className="button" href="#/templates">Show the templates</a>}>
              It may have been deleted.
            </EmptyState>
          ) : null}
        </div>
      </div>
      {creating && (
        <NameDialog
          title="New template"
          label="Name"
          initial=""
          confirmLabel="Create template"
          schema={templateInput.shape.name}
          onClose={() => setCreating(false)}
          onSubmit={async (name) => {
            const t = await api['template.create']({ name, items: [] });
            setCreating(false);
            navigate({ name: 'templates', id: t.id });
            toast(`Template “${t.name}” created`);
          }}
        />
      )}
    </div>
  );
}

type Editing = { index: number | null } | null;

function TemplateDetail({ template }: { template: Template }) {
  const readOnly = !!template.builtin;
  const [editing, setEditing] = useState<Editing>(null);
  const [details, setDetails] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [removing, setRemoving] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  // Read out after a move (a toast per keypress would bury the screen).
  const [announcement, setAnnouncement] = useState('');
  const tableRef = useRef<HTMLTableElement>(null);
  // After a move, focus returns to the moved item's button at its new place (the rows are new).
  const pendingFocus = useRef<{ index: number; dir: 'up' | 'down'; from: string } | null>(null);

  useLayoutEffect(() => {
    const want = pendingFocus.current;
    // Wait for the template as saved (a new version), not the one the move started from.
    if (!want || want.from === template.updatedAt) return;
    const button =
      tableRef.current?.querySelector<HTMLButtonElement>(`[data-move="${want.dir}"][data-index="${want.index}"]:not(:disabled)`) ??
      tableRef.current?.querySelector<HTMLButtonElement>(`[data-move][data-index="${want.index}"]:not(:disabled)`);
    if (button) {
      pendingFocus.current = null;
      button.focus();
    }
  });

  /** Saves the item list; `done` is toasted, or only announced when `quiet`. */
  const saveItems = async (items: TemplateItemInput[], done: string, quiet = false) => {
    setBusy(true);
    try {
      await api['template.update']({ id: template.id, items });
      if (quiet) setAnnouncement(done);
      else toast(done);
      return true;
    } catch (e) {
      toastError(e);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const current = template.items.map(toInput);
  const move = (index: number, dir: 'up' | 'down') => {
    const to = dir === 'up' ? index - 1 : index + 1;
    // One move at a time: the next one starts from the order saved by this one.
    if (busy || to < 0 || to >= current.length) return;
    const next = [...current];
    [next[index], next[to]] = [next[to]!, next[index]!];
    pendingFocus.current = { index: to, dir, from: template.updatedAt };
    void saveItems(next, `Moved “${current[index]!.title}” to place ${to + 1} of ${current.length}`, true);
  };

  const duplicate = async () => {
    try {
      const copy = await api['template.duplicate']({ id: template.id });
      navigate({ name: 'templates', id: copy.id });
      toast(`Duplicated as “${copy.name}”: this copy is yours to edit`);
    } catch (e) {
      toastError(e);
    }
  };

  const perPhase = PHASES.map((_, i) => template.items.filter((it) => it.phase === i).length);

  return (
    <section className="template-detail" aria-labelledby="template-title">
      <header className="template-header">
        <div className="template-heading">
          <h2 id="template-title">{template.name}</h2>
          {readOnly && <span className="badge badge-grey">Built in · read-only</span>}
        </div>
        <span className="spacer" />
        {!readOnly && (
          <button type="button" className="button" onClick={() => setDetails(true)}>
            Edit name and description
          </button>
        )}
        <button type="button" className={readOnly ? 'button button-primary' : 'button'} onClick={() => void duplicate()}>
          {readOnly ? 'Duplicate to edit' : 'Duplicate'}
        </button>
        {!readOnly && (
          <button type="button" className="button button-danger-quiet" onClick={() => setDeleting(true)}>
            Delete
          </button>
        )}
      </header>
      {template.description && <p className="template-description">{template.description}</p>}
      <span role="status" className="visually-hidden">
        {announcement}
      </span>
      <p className="muted template-summary">
        {plural(template.items.length, 'item', 'items')}
        {template.items.length > 0 && ` · ${PHASES.map((p, i) => (perPhase[i] ? `${p.label} ${perPhase[i]}` : null)).filter(Boolean).join(' · ')}`}
      </p>

      {template.items.length === 0 ? (
        <EmptyState
          title="No items yet"
          actions={
            !readOnly && (
              <button type="button" className="button button-primary" onClick={() => setEditing({ index: null })}>
                Add the first item
              </button>
            )
          }
        >
          Each item is a step of the exit: its phase, what done means, and when it is due in days from the exit date T.
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table ref={tableRef} className="data-table template-items" aria-label={`Items of ${template.name}`} aria-busy={busy || undefined}>
            <thead>
              <tr>
                <th scope="col" className="num">
                  #
                </th>
                <th scope="col">Phase</th>
                <th scope="col">Item</th>
                <th scope="col">Due</th>
                <th scope="col">Owner role</th>
                <th scope="col">Per process</th>
                {!readOnly && (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {template.items.map((it, i) => (
                // Keyed by place: the items are saved anew with each change, and focus stays on its row.
                <tr key={i}>
                  <td className="num muted">{i + 1}</td>
                  <td className="nowrap">{PHASES[it.phase]?.label}</td>
                  <td>
                    <div className="template-item-cell">
                      <span className="cell-title">{it.title}</span>
                      {it.description && <span className="template-item-desc">{it.description}</span>}
                    </div>
                  </td>
                  <td className="cell-mono">{offsetLabel(it.offsetDays)}</td>
                  <td>{it.ownerRole || <span className="muted">—</span>}</td>
                  <td>{it.perProcess ? 'Yes' : <span className="muted">No</span>}</td>
                  {!readOnly && (
                    <td className="row-actions">
                      <button type="button" className="icon-button" data-move="up" data-index={i} aria-label={`Move “${it.title}” up`} title="Move up" disabled={i === 0} onClick={() => move(i, 'up')}>
                        <span aria-hidden="true">↑</span>
                      </button>
                      <button
                        type="button"
                        className="icon-button"
                        data-move="down"
                        data-index={i}
                        aria-label={`Move “${it.title}” down`}
                        title="Move down"
                        disabled={i === template.items.length - 1}
                        onClick={() => move(i, 'down')}
                      >
                        <span aria-hidden="true">↓</span>
                      </button>
                      <button type="button" className="link-button" aria-label={`Edit “${it.title}”`} onClick={() => setEditing({ index: i })}>
                        Edit
                      </button>
                      <button type="button" className="link-button link-danger" aria-label={`Remove “${it.title}”`} onClick={() => setRemoving(i)}>
                        Remove
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {!readOnly && template.items.length > 0 && (
        <div className="template-actions">
          <button type="button" className="button" onClick={() => setEditing({ index: null })}>
            Add item
          </button>
        </div>
      )}
      {readOnly && (
        <p className="field-hint template-hint">Built-in templates stay as shipped, so every workbook starts from the same exit. Duplicate one to adapt it.</p>
      )}

      {editing && (
        <TemplateItemDialog
          item={editing.index === null ? null : current[editing.index]!}
          onClose={() => setEditing(null)}
          onSave={async (item) => {
            const next = editing.index === null ? [...current, item] : current.map((c, i) => (i === editing.index ? item : c));
            if (await saveItems(next, editing.index === null ? `Added “${item.title}”` : `Saved “${item.title}”`)) setEditing(null);
          }}
        />
      )}
      {details && (
        <TemplateDetailsDialog
          name={template.name}
          description={template.description}
          onClose={() => setDetails(false)}
          onSave={async (name, description) => {
            await api['template.update']({ id: template.id, name, description });
            setDetails(false);
            toast('Template saved');
          }}
        />
      )}
      <ConfirmDialog
        isOpen={removing !== null}
        title="Remove item?"
        confirmLabel="Remove"
        onClose={() => setRemoving(null)}
        onConfirm={async () => {
          const i = removing!;
          if (await saveItems(current.filter((_, j) => j !== i), `Removed “${current[i]!.title}”`)) setRemoving(null);
        }}
      >
        <p>“{removing !== null ? current[removing]?.title : ''}” will be removed from this template. Checklists already started from it keep their items.</p>
      </ConfirmDialog>
      <ConfirmDialog
        isOpen={deleting}
        title="Delete template?"
        confirmLabel="Delete template"
        onClose={() => setDeleting(false)}
        onConfirm={async () => {
          try {
            await api['template.delete']({ id: template.id });
          } catch (e) {
            toastError(e);
            return;
          }
          setDeleting(false);
          navigate({ name: 'templates', id: null });
          toast(`Template “${template.name}” deleted`);
        }}
      >
        <p>“{template.name}” will be deleted. Checklists already started from it keep their items.</p>
      </ConfirmDialog>
    </section>
  );
}
