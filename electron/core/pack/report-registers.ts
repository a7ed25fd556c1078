// A vendor's security-closure registers in the report (issue 10): the access and credentials to
// revoke, rotate or transfer (planned from the exit date T, done, verified), the data sets with
// how they come back and the deletion certificate (backups and sub-processors covered or not,
// when the last backup copy expires), and the infrastructure with what happens to it and when it
// expires. In the style of the inventory tables (report-inventory.ts); a register the pack leaves
// out whole shows nothing, a field it withholds reads blank (the export's views, profiles.ts).
import { offsetLabel } from '../../../shared/checklists';
import { addDays, daysBetween, relativeDays } from '../../../shared/dates';
import type { ReportVendorRow } from '../store/reportRows';
import { registerCount, reportAccess, reportDataSets, reportInfrastructure, type RegisterTable } from '../store/reportRegisters';
import type { Block, ReportInput } from './report';
import { columns, fileSpans, label, parseFiles, REDACTED, withDetail, type Cell } from './report-cells';

const str = (v: unknown) => String(v ?? '');
const named = (name: string, under: string): Cell => withDetail(name, under);
const files = (json: unknown, included: boolean): Cell => {
  const list = parseFiles(json).map((f) => fileSpans(f, included));
  return list.length ? { lines: list } : '';
};

/** "T−7 (2027-01-24)": an offset from the exit date, with the day it falls on once T is set. */
export function fromT(offset: number, exitDate: string | null): string {
  const t = offsetLabel(offset);
  return exitDate ? `${t} (${addDays(exitDate, offset)})` : t;
}

/** A date with how far it is from today under it ("in 90 days"), and any more detail lines. */
const dated = (day: unknown, today: string, ...more: string[]): Cell =>
  (day ? { lines: [[str(day)]], detail: [relativeDays(daysBetween(today, str(day))), ...more].filter(Boolean).map((l) => [l]) } : more.filter(Boolean).join('; '));

/** Where a data set's deletion certificate stands: not required, received (and on what day), or awaited. */
export function certificateWords(required: unknown, receivedOn: unknown): string {
  if (required === 'no') return 'Not required';
  return receivedOn ? `Received ${str(receivedOn)}` : 'Awaited';
}

export function* registerBlocks(input: ReportInput, v: ReportVendorRow, level: 2 | 3): Generator<Block> {
  const { db } = input;
  const included = input.attachmentsIncluded;
  const shown = (table: RegisterTable) => !input.leftOut?.has(table);
  const heading = (name: string, n: number): Block => ({ t: 'heading', level, text: `${name} (${n})`, page: n > 0 });

  if (shown('access_credentials')) {
    yield heading('Access and credentials', registerCount(db, 'access_credentials', v.id));
    yield {
      t: 'table', empty: 'None recorded.',
      columns: columns(['Access', 21], ['Kind', 12], ['Held by', 13], ['Secret kept in', 17], ['Action and plan', 15], ['Status', 10], ['Evidence', 12]),
      rows: function* () {
        for (const r of reportAccess(db, v.id)) {
          const holder = r[3] ? str(r[3]) : 'The vendor (company)';
          const verified = r[11] ? `verified ${str(r[11])}${r[10] ? ` by ${str(r[10])}` : ''}` : '';
          const done = r[9] ? `done ${str(r[9])}` : '';
          yield [
            named(str(r[0]), str(r[2])), label(r[1]), withDetail(holder, r[4] === 'yes' ? 'privileged' : ''),
            input.redact && r[5] ? REDACTED : str(r[5]), withDetail(label(r[6]), fromT(Number(r[7] ?? 0), v.exitDate)),
            withDetail(label(r[8]), [done, verified].filter(Boolean).join('; ')), files(r[12], included),
          ];
        }
      },
    };
  }
  if (shown('data_sets')) {
    yield heading('Data sets', registerCount(db, 'data_sets', v.id));
    yield {
      t: 'table', empty: 'None recorded.',
      columns: columns(['Data set', 17], ['Personal data', 13], ['Owner', 11], ['Comes back', 14], ['Deletion certificate', 17], ['Last backup expires', 11], ['Files', 17]),
      rows: function* () {
        for (const r of reportDataSets(db, v.id)) {
          const where = [str(r[1]), str(r[2]), str(r[3])].filter(Boolean).join(' · ');
          const how = [str(r[7]), str(r[6])].filter(Boolean).join(', ');
          const received = r[8] ? `received ${str(r[8])}${r[9] ? `, checked by ${str(r[9])}` : ''}` : 'not yet received';
          // With no format or method recorded, whether it came back is the news, not "Not set".
          const back = how ? withDetail(how, received) : withDetail(r[8] ? `Received ${str(r[8])}` : 'Not yet received', r[9] ? `checked by ${str(r[9])}` : '');
          const covers = r[10] === 'no' ? '' : `backups: ${label(r[12]).toLowerCase()}; sub-processors: ${label(r[13]).toLowerCase()}`;
          yield [
            named(str(r[0]), where), label(r[4]), str(r[5]), back,
            withDetail(certificateWords(r[10], r[11]), covers), dated(r[14], input.today), files(r[15], included),
          ];
        }
      },
    };
  }
  if (shown('infrastructure_items')) {
    yield heading('Infrastructure', registerCount(db, 'infrastructure_items', v.id));
    yield {
      t: 'table', empty: 'None recorded.',
      columns: columns(['Item', 24], ['Kind', 13], ['Provider', 13], ['Held by', 11], ['What happens', 13], ['Status', 11], ['Expires', 15]),
      rows: function* () {
        for (const r of reportInfrastructure(db, v.id)) {
          const renews = r[8] && r[8] !== 'unknown' ? `renews on the account of: ${label(r[8]).toLowerCase()}` : '';
          yield [
            // The identifier under the name, unless it is the name (a domain is often named by itself).
            named(str(r[0]), r[2] === r[0] ? '' : str(r[2])), label(r[1]), str(r[3]), label(r[4]), label(r[5]), label(r[6]), dated(r[7], input.today, renews),
          ];
        }
      },
    };
  }
}
