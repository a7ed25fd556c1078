// A checklist's dialogs: rename it, save it as a template, delete it (with undo), and delete one
// of its items (with undo). Each write's own change event refreshes the screens.
import { templateInput, type ChecklistItem, type ChecklistWithProgress } from '../../shared/checklists';
import { api } from '../api';
import { navigate } from '../app/router';
import { plural } from '../format';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { NameDialog } from '../ui/NameDialog';
import { toast, toastError } from '../ui/toasts';
import type { ChecklistAction } from './ChecklistBar';

interface Props {
  vendorName: string;
  checklists: ChecklistWithProgress[];
  checklist: ChecklistWithProgress;
  dialog: ChecklistAction | null;
  onDialog(dialog: ChecklistAction | null): void;
  deletingItem: ChecklistItem | null;
  onDeletingItem(item: ChecklistItem | null): void;
  /** The item deleted was open: close it. */
  onItemGone(item: ChecklistItem): void;
  onSwitch(checklistId: string): void;
}

export function ChecklistDialogs({ vendorName, checklists, checklist, dialog, onDialog, deletingItem, onDeletingItem, onItemGone, onSwitch }: Props) {
  const deleteItem = async () => {
    const item = deletingItem!;
    try {
      await api['checklist.deleteItem']({ id: item.id });
    } catch (e) {
      toastError(e);
      return;
    }
    onDeletingItem(null);
    onItemGone(item);
    toast(`Item “${item.title}” deleted`, {
      label: 'Undo',
      run: async () => {
        try {
          await api['checklist.restoreItem']({ id: item.id });
          toast(`Item “${item.title}” restored`);
        } catch (e) {
          toastError(e);
        }
      },
    });
  };

  const deleteChecklist = async () => {
    try {
      await api['checklist.delete']({ id: checklist.id });
    } catch (e) {
      toastError(e);
      return;
    }
    onDialog(null);
    const next = checklists.find((c) => c.id !== checklist.id);
    onSwitch(next?.id ?? '');
    toast(`Checklist “${checklist.name}” deleted`, {
      label: 'Undo',
      run: async () => {
        try {
          await api['checklist.restore']({ id: checklist.id });
          onSwitch(checklist.id);
        } catch (e) {
          toastError(e);
        }
      },
    });
  };

  return (
    <>
      {dialog === 'rename' && (
        <NameDialog
          title="Rename checklist"
          label="Name"
          initial={checklist.name}
          confirmLabel="Rename"
          schema={templateInput.shape.name}
          onClose={() => onDialog(null)}
          onSubmit={async (name) => {
            await api['checklist.rename']({ id: checklist.id, name });
            onDialog(null);
            toast(`Checklist renamed to “${name}”`);
          }}
        />
      )}
      {dialog === 'template' && (
        <NameDialog
          title="Save as template"
          label="Template name"
          initial={`${checklist.name} (${vendorName})`}
          confirmLabel="Save template"
          schema={templateInput.shape.name}
          onClose={() => onDialog(null)}
          onSubmit={async (name) => {
            const t = await api['template.fromChecklist']({ checklistId: checklist.id, name });
            onDialog(null);
            toast(`Template “${t.name}” saved with ${plural(t.items.length, 'item', 'items')}`, { label: 'Open', run: () => navigate({ name: 'templates', id: t.id }) });
          }}
        >
          <p className="muted">
            The items, their phases, offsets from T and owner roles become a template of your own. Knowledge-transfer items become one per-process item again.
          </p>
        </NameDialog>
      )}
      <ConfirmDialog isOpen={dialog === 'delete'} title="Delete checklist?" confirmLabel="Delete checklist" onClose={() => onDialog(null)} onConfirm={deleteChecklist}>
        <p>
          “{checklist.name}” and its {plural(checklist.total, 'item', 'items')} will be deleted. You can undo this right after.
        </p>
      </ConfirmDialog>
      <ConfirmDialog isOpen={!!deletingItem} title="Delete item?" confirmLabel="Delete" onClose={() => onDeletingItem(null)} onConfirm={deleteItem}>
        <p>“{deletingItem?.title}” will be deleted. You can undo this right after.</p>
      </ConfirmDialog>
    </>
  );
}
