// Picks a referenced record (a person, a vendor, or a process, repository, licence or document of
// this vendor) by typing part of its name: the options come from the backend's list search, so it
// stays quick with thousands of them. A person picker can list one side first (the in-house
// people for a successor, the vendor's for a current owner), each side under its own heading.
// "None" comes last (and only while nothing is typed), so typing a name, ↓ and Enter picks the
// first match. The quickest way to none by keyboard: empty the box and press Enter or Tab
// (Escape still takes back what was typed).
import { useRef, useState } from 'react';
import { Button, Collection, ComboBox, FieldError, Header, Input, Label, ListBox, ListBoxItem, ListBoxSection, Popover, Text } from 'react-aria-components';
import { enumLabel, PERSON_SIDE } from '../../shared/enums';
import { TITLE_FIELD } from '../../shared/records';
import { useDebounced } from '../app/useDebounced';
import { useApiWith } from '../data/useApi';
import { recordApi } from '../records/recordApi';
import { matchesWords } from './wordMatch';

export type RefKind = 'person' | 'document' | 'vendor' | 'process' | 'repository' | 'licence';
export type PersonSide = (typeof PERSON_SIDE)[number];

interface Option {
  id: string;
  name: string;
  /** What tells two people of the same name apart: role and side; a document's kind. */
  detail?: string;
  /** A person's side. */
  side?: string;
}

interface Group {
  id: string;
  heading: string | null;
  options: Option[];
}

interface Props {
  kind: RefKind;
  label: string;
  /** The chosen id, '' for none. */
  value: string;
  /** The chosen record's display name. */
  valueLabel: string;
  onChange(id: string, name: string): void;
  /** Limits inventory records (documents, processes, …) to one vendor's. */
  vendorId?: string;
  /** For people: the side listed first; the others follow under their own headings. */
  prefer?: PersonSide;
  hint?: string;
  /** What choosing nobody means ("The vendor (company)"); "None" when not given. */
  noneLabel?: string;
  error?: string;
  inputValue: string;
  onInputChange(text: string): void;
}

const NONE = '__none__';
const PAGE = 50;

async function loadPage(kind: RefKind, filter: string, vendorId: string | undefined, where?: Record<string, string>): Promise<Option[]> {
  const input = { filter: filter || undefined, vendorId, where, sort: TITLE_FIELD[kind], dir: 'asc' as const, limit: PAGE };
  const result = await recordApi(kind).list(input);
  return result.rows.map((row) => {
    const r = row as unknown as Record<string, string>;
    const detail =
      kind === 'person'
        ? [r.role, enumLabel(r.side)].filter(Boolean).join(' · ')
        : kind === 'document'
          ? enumLabel(r.kind)
          : kind === 'process'
            ? enumLabel(r.criticality)
            : kind === 'repository'
              ? r.host
              : kind === 'licence'
                ? r.licensor
                : '';
    return { id: row.id, name: String(r[TITLE_FIELD[kind]] ?? ''), detail: detail || undefined, side: kind === 'person' ? r.side : undefined };
  });
}

/** One page per side when sides are grouped, so a crowded side never pushes the others off the list. */
async function loadOptions(kind: RefKind, filter: string, vendorId: string | undefined, grouped: boolean): Promise<Option[]> {
  if (!grouped) return loadPage(kind, filter, vendorId);
  return (await Promise.all(PERSON_SIDE.map((side) => loadPage(kind, filter, vendorId, { side })))).flat();
}

/** Whether the keyboard has moved to an option other than the chosen one (which the list starts on). */
function pointsElsewhere(input: HTMLElement): boolean {
  const active = input.getAttribute('aria-activedescendant');
  return !!active && document.getElementById(active)?.getAttribute('aria-selected') !== 'true';
}

/** The preferred side's people first, then each other side under its heading. */
function groupsOf(options: Option[], prefer: PersonSide | undefined): Group[] {
  if (!prefer) return [{ id: 'all', heading: null, options }];
  const order = [prefer, ...PERSON_SIDE.filter((s) => s !== prefer)];
  return order.map((side) => ({ id: side, heading: enumLabel(side), options: options.filter((o) => o.side === side) })).filter((g) => g.options.length > 0);
}

export function RefPicker({ kind, label, value, valueLabel, onChange, vendorId, prefer, hint, noneLabel, error, inputValue, onInputChange }: Props) {
  // While the box shows the chosen name, offer the first options rather than that one name only.
  const typed = inputValue === valueLabel ? '' : inputValue.trim();
  const query = useDebounced(typed, 120);
  const grouped = kind === 'person' && !!prefer;
  // Options are fetched once the list is first opened: a dialog with three pickers asks for nothing
  // until one is used.
  const [wanted, setWanted] = useState(false);
  // Set while Escape is handled: the box going back to the chosen name is not a choice of none.
  const reverting = useRef(false);
  // The previous options stay listed until the new ones arrive: a click on an option while the
  // list refreshes for the last keystroke must land on what the user saw.
  // Cached and refreshed like the list they come from: a change event for that kind (a person added
  // in another dialog) brings the new options in.
  const { data, loading } = useApiWith(`${kind}.list`, wanted ? { vendorId, filter: query || undefined } : null, `ref-options:${grouped ? prefer : ''}`, () => loadOptions(kind, query, vendorId, grouped), {
    keepPrevious: true,
  });
  // Until the answer for what is typed now arrives, the options already here are narrowed to it at
  // once, so no keystroke ever leaves names on the list that do not match it.
  const stale = loading || query !== typed;
  const shown = (data ?? []).filter((o) => !stale || matchesWords(`${o.name} ${o.detail ?? ''}`, typed));

  const groups = groupsOf(shown, grouped ? prefer : undefined);
  // The chosen record stays in the list (first) while it matches, even when the page did not bring it.
  const chosenMissing = value && !(data ?? []).some((o) => o.id === value) && matchesWords(valueLabel, typed);
  if (chosenMissing) groups.unshift({ id: 'chosen', heading: null, options: [{ id: value, name: valueLabel || 'Unnamed' }] });
  // None clears a choice; while a name is being typed, the list is only about finding it.
  if (value && !typed) groups.push({ id: 'none', heading: null, options: [{ id: NONE, name: noneLabel ?? 'None' }] });
  const all = groups.flatMap((g) => g.options);

  return (
    <ComboBox
      className="field ref-picker"
      items={groups}
      // None is a choice of its own: choosing it is a change of selection, which closes the list.
      selectedKey={value || NONE}
      onSelectionChange={(key) => {
        // The chosen record committed again with the box emptied (Enter, Tab, a click away) means none.
        const emptied = key != null && key === value && inputValue.trim() === '' && !reverting.current;
        const id = emptied || key == null || key === NONE ? '' : String(key);
        const name = id ? (all.find((o) => o.id === id)?.name ?? (id === value ? valueLabel : '')) : '';
        onChange(id, name);
        onInputChange(name);
      }}
      inputValue={inputValue}
      onInputChange={onInputChange}
      menuTrigger="focus"
      onOpenChange={(open) => open && setWanted(true)}
      isInvalid={!!error}
      allowsEmptyCollection
    >
      <Label className="field-label">{label}</Label>
      <div
        className="combo"
        onKeyDownCapture={(e) => {
          if (e.key === 'Escape') {
            reverting.current = true;
            setTimeout(() => (reverting.current = false));
          } else if (e.key === 'Enter' && value && !inputValue.trim() && !pointsElsewhere(e.target as HTMLElement)) {
            // Enter in the emptied box, with no other option picked out: none, and the list closes.
            // (Done here rather than by the combobox's own Enter, which would open the list again.)
            e.preventDefault();
            e.stopPropagation();
            onChange('', '');
            onInputChange('');
          }
        }}
      >
        <Input className="input combo-input" placeholder={noneLabel ?? 'None'} />
        <Button className="combo-button" aria-label="Show options">
          <span aria-hidden="true">▾</span>
        </Button>
      </div>
      {hint && (
        <Text slot="description" className="field-hint">
          {hint}
        </Text>
      )}
      <FieldError className="field-error">{error}</FieldError>
      <Popover className="popover" placement="bottom start">
        <ListBox<Group>
          className="listbox"
          renderEmptyState={() => <div className="listbox-empty">{stale && typed ? 'Searching…' : `Nothing matches “${typed}”`}</div>}
        >
          {(g) => (
            <ListBoxSection id={g.id} className={g.id === 'none' ? 'listbox-section listbox-section-none' : 'listbox-section'}>
              {g.heading && <Header className="listbox-header">{g.heading}</Header>}
              <Collection items={g.options}>
                {(o) => (
                  // None's text is empty, as the box reads with nothing chosen (its placeholder says None).
                  <ListBoxItem id={o.id} textValue={o.id === NONE ? '' : o.name} className={o.id === NONE ? 'listbox-item listbox-none' : 'listbox-item'}>
                    <Text slot="label">{o.name}</Text>
                    {o.detail && (
                      <Text slot="description" className="listbox-detail">
                        {o.detail}
                      </Text>
                    )}
                  </ListBoxItem>
                )}
              </Collection>
            </ListBoxSection>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
