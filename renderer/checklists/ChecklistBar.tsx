// Above a vendor's checklist: which checklist is shown, its progress, and the checklist's actions.
import { useId } from 'react';
import { Button, Menu, MenuItem, MenuTrigger, Popover } from 'react-aria-components';
import type { ChecklistWithProgress } from '../../shared/checklists';
import { formatNumber } from '../format';
import { Meter } from '../ui/Meter';

export type ChecklistAction = 'rename' | 'template' | 'delete';

interface Props {
  checklists: ChecklistWithProgress[];
  checklist: ChecklistWithProgress;
  onSwitch(checklistId: string): void;
  onAdd(): void;
  onStart(): void;
  onAction(action: ChecklistAction): void;
}

export function ChecklistBar({ checklists, checklist, onSwitch, onAdd, onStart, onAction }: Props) {
  const id = useId();
  return (
    <div className="checklist-bar">
      <div className="checklist-picker">
        <label htmlFor={`${id}-checklist`} className="field-label">
          Checklist
        </label>
        <select id={`${id}-checklist`} className="input select" value={checklist.id} onChange={(e) => onSwitch(e.target.value)}>
          {checklists.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} — {c.done}/{c.total} done
            </option>
          ))}
        </select>
      </div>
      <div className="checklist-progress">
        <Meter value={checklist.done} max={Math.max(1, checklist.total)} label={`${checklist.name} progress`} valueText={`${checklist.done} of ${checklist.total} done`} tone={checklist.total > 0 && checklist.done === checklist.total ? 'green' : 'accent'} />
        <span className="checklist-progress-text">
          {formatNumber(checklist.done)} of {formatNumber(checklist.total)} done
          {checklist.overdue > 0 && <span className="text-danger"> · {formatNumber(checklist.overdue)} overdue</span>}
          {checklist.blocked > 0 && <span className="text-warning"> · {formatNumber(checklist.blocked)} blocked</span>}
        </span>
      </div>
      <span className="spacer" />
      <button type="button" className="button" onClick={onAdd}>
        Add item
      </button>
      <button type="button" className="button" onClick={onStart}>
        Start a checklist
      </button>
      <MenuTrigger>
        <Button className="button" aria-label="More checklist actions">
          More <span aria-hidden="true">▾</span>
        </Button>
        <Popover className="popover" placement="bottom end">
          <Menu className="listbox menu" onAction={(key) => onAction(key as ChecklistAction)}>
            <MenuItem id="rename" className="listbox-item">
              Rename checklist…
            </MenuItem>
            <MenuItem id="template" className="listbox-item">
              Save as template…
            </MenuItem>
            <MenuItem id="delete" className="listbox-item menu-danger">
              Delete checklist…
            </MenuItem>
          </Menu>
        </Popover>
      </MenuTrigger>
    </div>
  );
}
