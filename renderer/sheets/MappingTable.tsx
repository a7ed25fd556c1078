// Step 2's table: one row per column of the sheet — its letter and header, a few of its values,
// and the field it fills (guessed by the backend, or remembered from the last file of this source),
// which the user can change or set to ignore.
import type { SheetFieldInfo, SheetInspection, SheetMapping } from '../../shared/sheets';
import { doubleMapped } from './mappingRules';

interface Props {
  inspection: SheetInspection;
  mapping: SheetMapping;
  onColumn(header: string, field: string | null): void;
}

export function MappingTable({ inspection, mapping, onColumn }: Props) {
  const twice = doubleMapped(mapping);
  const labelOf = (f: string) => inspection.fields.find((x) => x.field === f)?.label ?? f;
  return (
    <div className="table-wrap sheet-mapping-wrap">
      <table className="simple-table sheet-mapping" aria-label="Column mapping">
        <thead>
          <tr>
            <th scope="col" className="sheet-col-letter">
              Column
            </th>
            <th scope="col">Header in the sheet</th>
            <th scope="col">Sample values</th>
            <th scope="col">Field</th>
          </tr>
        </thead>
        <tbody>
          {inspection.columns.map((c) => {
            const field = mapping.columns[c.header] ?? null;
            const header = c.header || `(column ${c.letter})`;
            return (
              <tr key={c.index} className={field ? undefined : 'sheet-ignored'}>
                <td className="cell-mono sheet-col-letter">{c.letter}</td>
                <th scope="row" className="sheet-header-cell">
                  {header}
                </th>
                <td className="sheet-samples">
                  {c.samples.length ? c.samples.map((s, i) => <span key={i} className="sheet-sample">{s}</span>) : <span className="muted">empty</span>}
                </td>
                <td>
                  <select
                    className="input select"
                    aria-label={`Field for column ${c.letter} “${header}”`}
                    value={field ?? ''}
                    onChange={(e) => onColumn(c.header, e.target.value || null)}
                  >
                    <option value="">Ignore this column</option>
                    {inspection.fields.map((f) => (
                      <option key={f.field} value={f.field}>
                        {fieldOption(f)}
                      </option>
                    ))}
                  </select>
                  {field && twice.has(field) && <span className="field-error sheet-cell-note">Another column also fills {labelOf(field)}.</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function fieldOption(f: SheetFieldInfo): string {
  return f.required ? `${f.label} (required)` : f.label;
}
