// Picks a referenced record (a person, a vendor, or a process, repository, licence or document of
// this vendor) by typing part of its name: the options come from the backend's list search, so it
// stays quick with thousands of them.
import { useState } from 'react';
import { Button, ComboBox, FieldError, Input, Label, ListBox, ListBoxItem, Popover, Text } from 'react-aria-components';
import { enumLabel } from '../../shared/enums';
import { TITLE_FIELD } from '../../shared/records';
import { useDebounced } from '../app/useDebounced';
import { useLoad } from '../app/useLoad';
import { recordApi } from '../records/recordApi';

export type RefKind = 'person' | 'document' | 'vendor' | 'process' | 'repository' | 'licence';

interface Option {
  id: string;
  name: string;
  /** What tells two people of the same name apart: role and side; a document's kind. */
  detail?: string;
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
  hint?: string;
  error?: string;
  inputValue: string;
  onInputChange(text: string): void;
}

const NONE = '__none__';
const PAGE = 50;

async function loadOptions(kind: RefKind, filter: string, vendorId: string | undefined): Promise<Option[]> {
  const input = { filter: filter || undefined, vendorId, sort: TITLE_FIELD[kind], dir: 'asc' as const, limit: PAGE };
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
    return { id: row.id, name: String(r[TITLE_FIELD[kind]] ?? ''), detail: detail || undefined };
  });
}

export function RefPicker({ kind, label, value, valueLabel, onChange, vendorId, hint, error, inputValue, onInputChange }: Props) {
  // While the box shows the chosen name, offer the first options rather than that one name only.
  const typed = inputValue === valueLabel ? '' : inputValue.trim();
  const query = useDebounced(typed, 120);
  // Options are fetched once the list is first opened: a dialog with three pickers asks for nothing
  // until one is used.
  const [wanted, setWanted] = useState(false);
  // The previous options stay listed until the new ones arrive: a click on an option while the
  // list refreshes for the last keystroke must land on what the user saw.
  const { data } = useLoad(wanted ? `ref:${kind}:${vendorId ?? ''}:${query}` : null, () => loadOptions(kind, query, vendorId), { keepPrevious: true });

  const options: Option[] = [{ id: NONE, name: 'None' }];
  if (value && !data?.some((o) => o.id === value)) options.push({ id: value, name: valueLabel || 'Unnamed' });
  for (const o of data ?? []) options.push(o);

  return (
    <ComboBox
      className="field ref-picker"
      items={options}
      selectedKey={value || null}
      onSelectionChange={(key) => {
        const id = key == null || key === NONE ? '' : String(key);
        const name = id ? (options.find((o) => o.id === id)?.name ?? '') : '';
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
      <div className="combo">
        <Input className="input combo-input" placeholder="None" />
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
        <ListBox className="listbox" renderEmptyState={() => <div className="listbox-empty">Nothing matches “{typed}”</div>}>
          {(o: Option) => (
            <ListBoxItem id={o.id} textValue={o.name} className={o.id === NONE ? 'listbox-item listbox-none' : 'listbox-item'}>
              <Text slot="label">{o.name}</Text>
              {o.detail && (
                <Text slot="description" className="listbox-detail">
                  {o.detail}
                </Text>
              )}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
