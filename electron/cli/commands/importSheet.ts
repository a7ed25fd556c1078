// handover import-sheet --db FILE --kind KIND [--vendor NAME_OR_ID] [--sheet NAME] [--map "Header=field" ...]
//   [--key FIELD] [--date-order dmy|mdy] [--create-people] [--dry-run] [--json] SHEET
// and handover sheet-template --kind KIND --out FILE.csv|FILE.xlsx
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ApiError, type ApiErrorBody } from '../../../shared/errors';
import type { MethodName } from '../../../shared/contract';
import { DATE_ORDERS, SHEET_KINDS, type DateOrder, type SheetKind, type SheetMapping, type SheetRefusal } from '../../../shared/sheets';
import { createBackend, type Backend } from '../../core/backend';
import { appVersion } from '../../core/project';
import { UsageError, type Io } from '../usage';
import { existingWorkbook } from '../workbookArg';

const KINDS = `KIND one of ${SHEET_KINDS.join(', ')}`;
export const usage = `handover import-sheet --db FILE --kind KIND [--vendor NAME_OR_ID] [--sheet NAME] [--map "Header=field" ...] [--key FIELD] [--date-order dmy|mdy] [--create-people] [--dry-run] [--json] SHEET   import records from a CSV/TSV/XLSX (${KINDS}; 0 imported or clean dry run, 1 refused rows: nothing written)`;
export const templateUsage = `handover sheet-template --kind KIND --out FILE.csv|FILE.xlsx   a blank sheet of a kind with its headers and allowed values (${KINDS})`;

function kindOf(value: string | undefined): SheetKind {
  if (!value) throw new UsageError(`--kind is required (one of ${SHEET_KINDS.join(', ')})`);
  if (!(SHEET_KINDS as readonly string[]).includes(value)) throw new UsageError(`--kind must be one of ${SHEET_KINDS.join(', ')}, not "${value}"`);
  return value as SheetKind;
}

async function call<T>(backend: Backend, method: MethodName, input: unknown): Promise<T> {
  const r = await backend.dispatch(method, input);
  if (!r.ok) throw fromBody(r.error);
  return r.value as T;
}

const fromBody = (e: ApiErrorBody) => new ApiError(e.code, e.message, e.issues);

function printRefusals(refused: readonly SheetRefusal[], io: Io) {
  for (const r of refused.slice(0, 50)) io.err(`  row ${r.row}${r.column ? `, column ${r.column}` : ''}${r.field ? ` (${r.field})` : ''}: ${r.message}`);
  if (refused.length > 50) io.err(`  … and ${refused.length - 50} more`);
}

export async function importSheetCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true,
    options: {
      db: { type: 'string' }, kind: { type: 'string' }, vendor: { type: 'string' }, sheet: { type: 'string' }, map: { type: 'string', multiple: true },
      key: { type: 'string' }, 'date-order': { type: 'string' }, 'create-people': { type: 'boolean' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' },
    },
  });
  if (!values.db) throw new UsageError('--db FILE is required');
  const kind = kindOf(values.kind);
  if (positionals.length !== 1) throw new UsageError('name one sheet to import');
  const order = values['date-order'];
  if (order !== undefined && !(DATE_ORDERS as readonly string[]).includes(order)) throw new UsageError(`--date-order must be one of ${DATE_ORDERS.join(', ')}`);
  const overrides: [string, string | null][] = (values.map ?? []).map((m) => {
    const at = m.lastIndexOf('=');
    if (at <= 0) throw new UsageError(`--map "${m}": write it as "Header=field" (an empty field leaves the column out)`);
    return [m.slice(0, at), m.slice(at + 1).trim() || null];
  });
  const path = existingWorkbook(values.db, io);
  if (!path) return 1;
  const backend = createBackend({ workbookPath: path, appVersion });
  try {
    const source = { path: resolve(positionals[0]!) };
    const base = { source, kind, ...(values.vendor ? { vendor: values.vendor } : {}), ...(values.sheet ? { sheet: values.sheet } : {}) };
    const inspection = await call<{ mapping: SheetMapping; knownFormat: { label: string } | null }>(backend, 'sheets.inspect', base);
    for (const [header] of overrides) {
      if (!(header in inspection.mapping.columns)) throw new UsageError(`--map "${header}=…": the sheet has no column "${header}"`);
    }
    const mapping: SheetMapping = {
      ...inspection.mapping,
      columns: { ...inspection.mapping.columns, ...Object.fromEntries(overrides) },
      ...(values.key ? { key: values.key } : {}),
      ...(order ? { dateOrder: order as DateOrder } : {}),
      ...(values['create-people'] ? { createPeople: true } : {}),
    };
    const input = { ...base, mapping };
    const result = values['dry-run']
      ? await call<{ added: number; updated: number; unchanged: number; refused: SheetRefusal[]; refusedRows: number }>(backend, 'sheets.preview', input)
      : await call<{ added: number; updated: number; unchanged: number; refused: SheetRefusal[]; applied: boolean }>(backend, 'sheets.apply', input);
    const refused = result.refused.length > 0;
    if (values.json) {
      io.out(JSON.stringify({ added: result.added, updated: result.updated, unchanged: result.unchanged, refused: result.refused }, null, 2));
    } else {
      const counts = `${result.added} added, ${result.updated} updated, ${result.unchanged} unchanged`;
      if (refused) {
        const would = `${result.added} row${result.added === 1 ? '' : 's'} would be added, ${result.updated} updated, ${result.unchanged} unchanged`;
        io.err(`${result.refused.length} cell${result.refused.length === 1 ? '' : 's'} refused; nothing was imported (${would}):`);
        printRefusals(result.refused, io);
      } else {
        io.out(`${inspection.knownFormat ? `${inspection.knownFormat.label}: ` : ''}${counts}${values['dry-run'] ? ' (dry run: nothing was changed)' : ''}.`);
      }
    }
    return refused ? 1 : 0;
  } finally {
    backend.close();
  }
}

export async function sheetTemplateCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { kind: { type: 'string' }, out: { type: 'string' } } });
  const kind = kindOf(values.kind);
  if (!values.out) throw new UsageError('--out FILE.csv|FILE.xlsx is required');
  const format = /\.xlsx$/i.test(values.out) ? 'xlsx' : /\.csv$/i.test(values.out) ? 'csv' : null;
  if (!format) throw new UsageError('--out must end in .csv or .xlsx');
  const { sheetTemplateFile } = await import('../../core/sheets/handlers');
  const out = resolve(values.out);
  await sheetTemplateFile(kind, format, out);
  io.out(`Wrote ${out}`);
  return 0;
}
