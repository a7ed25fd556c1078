// The checklist's filters: words (through the search index), mine, overdue, blocked, an owner and
// a status; and how many items they leave.
import { useState } from 'react';
import { ITEM_STATUS, ITEM_STATUS_LABEL, type ItemStatus } from '../../shared/checklists';
import { useViewer } from '../app/viewer';
import { focusViewingAs } from '../app/ViewingAs';
import { TEAM_SIDE } from '../forms/personSides';
import { RefPicker } from '../forms/RefPicker';
import type { Filters } from './itemFilters';

interface Props {
  filters: Filters;
  text: string;
  filtering: boolean;
  /** What the count says: "Loading…", "12 of 40 items", "40 items". */
  countText: string;
  onFilters(filters: Filters): void;
  onText(text: string): void;
  onClear(): void;
}

export function ItemFilterBar({ filters, text, filtering, countText, onFilters, onText, onClear }: Props) {
  const viewer = useViewer();
  const [ownerText, setOwnerText] = useState<string | null>(null);
  // Half-typed text in the owner box goes when the owner filter is cleared from elsewhere.
  const [seenOwner, setSeenOwner] = useState(filters.owner);
  if (seenOwner !== filters.owner) {
    setSeenOwner(filters.owner);
    setOwnerText(null);
  }
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => onFilters({ ...filters, [key]: value });
  return (
    <div className="toolbar" role="group" aria-label="Filter items">
      <input
        type="search"
        className="input toolbar-filter"
        aria-label="Filter items by text"
        placeholder="Filter items…"
        title="Words in the title, description, evidence note or owner’s name"
        value={text}
        onChange={(e) => onText(e.target.value)}
      />
      <button
        type="button"
        className="button toggle"
        aria-pressed={filters.mine}
        title={viewer ? `Items owned by ${viewer.name}` : 'Choose who you are under “Viewing as” first'}
        onClick={() => (viewer ? set('mine', !filters.mine) : focusViewingAs())}
      >
        Mine{viewer ? '' : '…'}
      </button>
      <button type="button" className="button toggle" aria-pressed={filters.overdue} onClick={() => set('overdue', !filters.overdue)}>
        Overdue
      </button>
      <button type="button" className="button toggle" aria-pressed={filters.blocked} onClick={() => set('blocked', !filters.blocked)}>
        Blocked
      </button>
      <div className="toolbar-picker">
        <RefPicker
          kind="person"
          prefer={TEAM_SIDE}
          label="Owner"
          value={filters.owner?.id ?? ''}
          valueLabel={filters.owner?.name ?? ''}
          inputValue={ownerText ?? filters.owner?.name ?? ''}
          onInputChange={setOwnerText}
          onChange={(pid, name) => {
            set('owner', pid ? { id: pid, name } : null);
            setOwnerText(null);
          }}
        />
      </div>
      <select className="input select toolbar-select" aria-label="Filter by status" value={filters.status} onChange={(e) => set('status', e.target.value as ItemStatus | '')}>
        <option value="">Status: all</option>
        {ITEM_STATUS.map((s) => (
          <option key={s} value={s}>
            Status: {ITEM_STATUS_LABEL[s]}
          </option>
        ))}
      </select>
      {filtering && (
        <button type="button" className="button button-quiet" onClick={onClear}>
          Clear filters
        </button>
      )}
      <span className="spacer" />
      <span className="toolbar-count muted" role="status">
        {countText}
      </span>
    </div>
  );
}
