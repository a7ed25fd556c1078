// A vendor's inventory in the report: processes, repositories, licences and documents. Related
// facts share a cell (a repository's URL under its name, when access was verified under its
// transfer status) so that every table fits a portrait page without clipping.
import type { Block, ReportInput } from './report';
import { inventoryCount, reportDocuments, reportLicences, reportProcesses, reportRepositories } from '../store/reportRows';
import { columns, fileSpans, label, link, parseFiles, REDACTED, withDetail, type Cell, type Span } from './report-cells';

const str = (v: unknown) => String(v ?? '');
/** A name with a link or reference under it, when there is one. */
const named = (name: string, under: Span): Cell => (under ? { lines: [[name]], detail: [[under]] } : name);

export function* inventoryBlocks(input: ReportInput, vendorId: string, level: 2 | 3): Generator<Block> {
  const { db } = input;
  const hide = (v: unknown) => (input.redact && v ? REDACTED : str(v));
  const location = (v: unknown): Span => (input.redact ? hide(v) : link(str(v)));
  const count = (table: 'processes' | 'repositories' | 'licences' | 'documents') => inventoryCount(db, table, vendorId);
  // A section with records starts a page of its own; an empty one stays with the one before.
  const heading = (name: string, n: number): Block => ({ t: 'heading', level, text: `${name} (${n})`, page: n > 0 });

  yield heading('Processes', count('processes'));
  yield {
    t: 'table', empty: 'None recorded.',
    columns: columns(['Process', 24], ['Criticality', 11], ['Frequency and SLA', 15], ['Owner (vendor)', 13], ['In-house successor', 13], ['Knowledge transfer', 12], ['Runbook', 12]),
    rows: function* () {
      for (const r of reportProcesses(db, vendorId)) {
        const often = str(r[2]);
        const sla = str(r[3]);
        yield [str(r[0]), label(r[1]), often ? withDetail(often, sla && `SLA ${sla}`) : sla && `SLA ${sla}`, str(r[4]), str(r[5]), label(r[6]), str(r[7])];
      }
    },
  };
  yield heading('Repositories', count('repositories'));
  yield {
    t: 'table', empty: 'None recorded.',
    columns: columns(['Repository', 25], ['Host', 14], ['Owner and admin', 14], ['CI/CD', 12], ['Secrets live in', 13], ['Escrow', 10], ['Transfer', 12]),
    rows: function* () {
      for (const r of reportRepositories(db, vendorId)) {
        yield [
          named(str(r[0]), location(r[1])), str(r[2]), withDetail(label(r[3]), r[4] ? `admin ${str(r[4])}` : ''), str(r[5]), hide(r[6]), label(r[7]),
          withDetail(label(r[9]), r[8] ? `access verified ${str(r[8])}` : ''),
        ];
      }
    },
  };
  yield heading('Licences', count('licences'));
  yield {
    t: 'table', empty: 'None recorded.',
    columns: columns(['Product', 22], ['Type', 14], ['Licensee', 16], ['Key kept in', 18], ['Renewal or expiry', 14], ['Transfer', 16]),
    rows: function* () {
      for (const r of reportLicences(db, vendorId)) {
        const cost = r[8] == null ? '' : `${Number(r[8]).toLocaleString('en', { maximumFractionDigits: 2 })}${r[9] ? ` ${str(r[9])}` : ''} a year`;
        const transferable = label(r[5]);
        yield [
          named(str(r[0]), str(r[1])), withDetail(label(r[2]), r[3] == null ? '' : `${str(r[3])} seats`),
          withDetail(label(r[4]), transferable && `transferable: ${transferable.toLowerCase()}`), hide(r[6]), withDetail(str(r[7]), cost), label(r[10]),
        ];
      }
    },
  };
  yield heading('Documents', count('documents'));
  yield {
    t: 'table', empty: 'None recorded.',
    columns: columns(['Document', 34], ['Kind', 14], ['Status', 13], ['Reviewed', 16], ['Files', 23]),
    rows: function* () {
      for (const r of reportDocuments(db, vendorId)) {
        const files = parseFiles(r[7]).map((f) => fileSpans(f, input.attachmentsIncluded));
        const reviewed: Cell = r[5] || r[6] ? withDetail(str(r[5]) || 'Reviewed', str(r[6])) : '';
        yield [named(str(r[0]), location(r[4])), label(r[1]), withDetail(label(r[2]), r[3] ? `version ${str(r[3])}` : ''), reviewed, files.length ? { lines: files } : ''];
      }
    },
  };
}
