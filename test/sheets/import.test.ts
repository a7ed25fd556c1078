// Applying a sheet: one transaction and one activity entry naming the file and its SHA-256;
// refused rows and sheets over the limits write nothing; re-importing the edited sheet updates
// instead of duplicating (by an id column, or a natural key within the vendor); the import is
// undone and redone as a whole; the mapping is remembered for the next file from the same source.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_CELL_BYTES, MAX_SHEET_COLUMNS } from '../../shared/sheets';
import { createBackend } from '../../electron/core/backend';
import { sheetWorkbook, type SheetWorkbook } from './fixtures';

let wb: SheetWorkbook;
beforeEach(async () => { wb = await sheetWorkbook(); });
afterEach(() => wb.close());

const mapping = { columns: { Name: 'name', Criticality: 'criticality', Frequency: 'frequency' } };
const apply = (path: string, m: Record<string, unknown> = mapping) => wb.call('sheets.apply', { source: { path }, kind: 'processes', vendor: 'Acme Outsourcing', mapping: m as never });
const processes = async () => (await wb.call('process.list', { vendorId: wb.vendorId, sort: 'name' })).rows;
const SHEET = 'Name,Criticality,Frequency\nPayroll,High,Monthly\nBackup,Low,Daily\nPatching,Medium,Weekly\n';

describe('apply', () => {
  it('writes every row in one transaction with one activity entry naming the file and its SHA-256', async () => {
    const path = wb.file('register.csv', SHEET);
    const before = (await wb.call('activity.list', {})).length;
    const r = await apply(path);
    expect(r).toMatchObject({ applied: true, added: 3, updated: 0, unchanged: 0, refused: [], fileName: 'register.csv' });
    expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);
    const log = await wb.call('activity.list', {});
    expect(log).toHaveLength(before + 1);
    expect(log[0]).toMatchObject({ id: r.activityId, action: 'import', kind: 'sheet', vendorId: wb.vendorId });
    expect(log[0]!.summary).toBe(`Imported processes from “register.csv” (SHA-256 ${r.sha256}): 3 processes added, 0 updated`);
    expect((await processes()).map((p) => p.name)).toEqual(['Backup', 'Patching', 'Payroll']);
    // Searchable at once, as records typed in by hand.
    expect((await wb.call('search.query', { q: 'patch' })).map((h) => h.title)).toEqual(['Patching']);
  });

  it('re-imports the edited sheet as updates, never duplicates, matched by name within the vendor', async () => {
    await apply(wb.file('register.csv', SHEET));
    const other = await wb.call('vendor.create', { name: 'Globex' });
    await wb.call('process.create', { vendorId: other.id, name: 'Payroll' });
    const edited = wb.file('register-v2.csv', 'Name,Criticality,Frequency\npayroll,Critical,Monthly\nBackup,Low,Daily\nPatching,Medium,Fortnightly\nDNS,High,\n');
    const p = await wb.call('sheets.preview', { source: { path: edited }, kind: 'processes', vendor: 'Acme Outsourcing', mapping });
    expect(p).toMatchObject({ added: 1, updated: 2, unchanged: 1, key: 'name' });
    expect(p.rows.map((r) => [r.title, r.action, r.changed])).toEqual([
      ['payroll', 'update', ['name', 'criticality']], ['Backup', 'unchanged', []], ['Patching', 'update', ['frequency']], ['DNS', 'add', []],
    ]);
    expect(await apply(edited)).toMatchObject({ added: 1, updated: 2, unchanged: 1 });
    expect((await processes()).map((x) => [x.name, x.criticality, x.frequency])).toEqual([
      ['Backup', 'low', 'Daily'], ['DNS', 'high', ''], ['Patching', 'medium', 'Fortnightly'], ['payroll', 'critical', 'Monthly'],
    ]);
    // The other vendor's record of the same name is not this one.
    expect((await wb.call('process.list', { vendorId: other.id })).rows[0]).toMatchObject({ name: 'Payroll', criticality: 'medium' });
    expect(await apply(edited)).toMatchObject({ added: 0, updated: 0, unchanged: 4, activityId: null });
  });

  it('matches by an id column when the sheet has one (a renamed record stays the same record)', async () => {
    await apply(wb.file('r.csv', SHEET));
    const payroll = (await processes()).find((p) => p.name === 'Payroll')!;
    const path = wb.file('ids.csv', `Id,Name\n${payroll.id},Payroll (monthly)\n`);
    const r = await apply(path, { columns: { Id: 'id', Name: 'name' } });
    expect(r).toMatchObject({ added: 0, updated: 1 });
    expect((await wb.call('process.get', { id: payroll.id })).name).toBe('Payroll (monthly)');
    expect((await processes())).toHaveLength(3);
  });

  it('matches on a chosen natural key', async () => {
    const m = { columns: { Name: 'name', URL: 'url' }, key: 'url' };
    await wb.call('sheets.apply', { source: { path: wb.file('r.csv', 'Name,URL\nbilling,https://git.example/billing\n') }, kind: 'repositories', vendor: 'Acme Outsourcing', mapping: m });
    const r = await wb.call('sheets.apply', { source: { path: wb.file('r2.csv', 'Name,URL\nbilling-service,https://git.example/billing\n') }, kind: 'repositories', vendor: 'Acme Outsourcing', mapping: m });
    expect(r).toMatchObject({ added: 0, updated: 1 });
    expect((await wb.call('repository.list', { vendorId: wb.vendorId })).rows.map((x) => x.name)).toEqual(['billing-service']);
  });

  it('is undone as a whole, and redone', async () => {
    await apply(wb.file('register.csv', SHEET));
    await apply(wb.file('v2.csv', 'Name,Criticality,Frequency\nPayroll,Critical,Monthly\nDNS,High,Hourly\n'));
    expect((await wb.call('history.state', {})).undo).toMatchObject({ undoable: true });
    await wb.call('history.undo', {});
    expect((await processes()).map((p) => [p.name, p.criticality])).toEqual([['Backup', 'low'], ['Patching', 'medium'], ['Payroll', 'high']]);
    await wb.call('history.redo', {});
    expect((await processes()).map((p) => [p.name, p.criticality])).toEqual([['Backup', 'low'], ['DNS', 'high'], ['Patching', 'medium'], ['Payroll', 'critical']]);
    await wb.call('history.undo', {});
    await wb.call('history.undo', {});
    expect(await processes()).toEqual([]);
    expect((await wb.call('search.query', { q: 'payroll' }))).toEqual([]);
  });

  it('refuses to undo an import whose records changed since, changing nothing', async () => {
    await apply(wb.file('register.csv', SHEET));
    const payroll = (await processes()).find((p) => p.name === 'Payroll')!;
    // Another session on the same workbook (a second window) edits one of the imported records.
    const other = createBackend({ workbookPath: wb.path, appVersion: 'test' });
    try {
      expect((await other.dispatch('process.update', { id: payroll.id, changes: { sla: '4h' } })).ok).toBe(true);
    } finally {
      other.close();
    }
    const before = wb.counts();
    const e = await wb.refuse('history.undo', {});
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toMatch(/process “Payroll” changed since \(“Updated process “Payroll”: sla”\)\. Nothing was changed\.$/);
    expect(wb.counts()).toEqual(before);
    expect((await processes())).toHaveLength(3);
  });
});

describe('a large sheet', () => {
  it('loads in bulk (indexes rebuilt, rows searchable) and is undone as a whole', async () => {
    const indexes = () => wb.backend.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'processes' ORDER BY name").pluck().all();
    const before = indexes();
    const path = wb.file('big.csv', `Name,Frequency\n${Array.from({ length: 6000 }, (_, i) => `Process ${i},Daily`).join('\n')}\n`);
    expect(await apply(path, { columns: { Name: 'name', Frequency: 'frequency' } })).toMatchObject({ applied: true, added: 6000 });
    expect(indexes()).toEqual(before);
    expect((await wb.call('search.query', { q: 'process 4321' })).map((h) => h.title)).toContain('Process 4321');
    expect((await wb.call('process.list', { vendorId: wb.vendorId, limit: 1 })).total).toBe(6000);
    await wb.call('history.undo', {});
    expect((await wb.call('process.list', { vendorId: wb.vendorId, limit: 1 })).total).toBe(0);
    expect(await wb.call('search.query', { q: 'process 4321' })).toEqual([]);
  });
});

describe('refusals write nothing', () => {
  it.each([
    ['a bad choice value', 'Name,Criticality\nA,High\nB,Whenever\n', { columns: { Name: 'name', Criticality: 'criticality' } }, [{ row: 3, column: 'B (Criticality)', field: 'criticality', message: '"Whenever" is not one of: Critical, High, Medium, Low' }]],
    ['a missing name', 'Name,Criticality\nA,High\n,Low\n', { columns: { Name: 'name', Criticality: 'criticality' } }, [{ row: 3, column: 'A (Name)', field: 'name', message: 'is required: rows are matched on name' }]],
    ['the same key twice', 'Name\nA\nB\na\n', { columns: { Name: 'name' } }, [{ row: 4, column: 'A (Name)', field: 'name', message: 'repeats row 2 (the same name)' }]],
    ['a ragged row', 'Name,Frequency\nA,Daily\nB,Daily,oops\n', { columns: { Name: 'name', Frequency: 'frequency' } }, [{ row: 3, column: 'C', field: '', message: 'has a value in a column without a header' }]],
    ['an id that is not one', 'Id,Name\n17,A\n', { columns: { Id: 'id', Name: 'name' } }, [{ row: 2, column: 'A (Id)', field: 'id', message: '"17" is not an id of this workbook' }]],
  ])('%s: named by row and column', async (_what, text, m, refused) => {
    const path = wb.file('bad.csv', text);
    const before = wb.counts();
    const r = await apply(path, m);
    expect(r.applied).toBe(false);
    expect(r.refused).toEqual(refused);
    expect(wb.counts()).toEqual(before);
  });

  it.each([
    ['duplicate headers', 'Name,Frequency,name\nA,B,C\n', /bad\.csv \(row 1, column C\): has the header "name" twice \(columns A and C\); rename one\. Nothing was imported\./],
    ['a cell over 32 KiB', `Name,Notes\nA,${'x'.repeat(MAX_CELL_BYTES + 1)}\n`, /bad\.csv \(row 2, column B\): has a cell of 32,769 bytes, more than the 32 KiB allowed/],
    ['too many columns', `${Array.from({ length: MAX_SHEET_COLUMNS + 1 }, (_, i) => `H${i}`).join(',')}\n`, /bad\.csv \(row 1, column GS\): has 201 columns, more than the 200 allowed/],
    ['an unclosed quote', 'Name,Notes\nA,"never closed\n', /bad\.csv \(row 2\): has a quoted field that is never closed/],
    ['nothing in it', '', /bad\.csv: is empty/],
  ])('%s: the file refused', async (_what, text, message) => {
    const path = wb.file('bad.csv', text);
    const before = wb.counts();
    const e = await wb.refuse('sheets.apply', { source: { path }, kind: 'processes', vendor: 'Acme Outsourcing', mapping: { columns: { Name: 'name' } } });
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toMatch(message);
    expect(wb.counts()).toEqual(before);
  });

  it('refuses a mapping to a column or field that does not exist, naming it', async () => {
    const path = wb.file('p.csv', SHEET);
    expect((await wb.refuse('sheets.preview', { source: { path }, kind: 'processes', vendor: 'Acme Outsourcing', mapping: { columns: { Owner: 'ownerId' } } })).issues)
      .toEqual([{ field: 'mapping.columns.Owner', message: 'the sheet has no column "Owner" (it has "Name", "Criticality", "Frequency")' }]);
    expect((await wb.refuse('sheets.preview', { source: { path }, kind: 'processes', vendor: 'Acme Outsourcing', mapping: { columns: { Name: 'colour' } } })).issues)
      .toEqual([{ field: 'mapping.columns.Name', message: '"colour" is not a field of this kind' }]);
    expect((await wb.refuse('sheets.preview', { source: { path }, kind: 'processes', mapping: { columns: { Name: 'name' } } })).issues)
      .toEqual([{ field: 'vendor', message: 'choose the vendor these rows belong to, or map a column to the vendor' }]);
  });

  it('refuses a mapping without the title column, naming the kind in words', async () => {
    const path = wb.file('infra.csv', 'Hostname,Type\nweb01,VM\n');
    for (const [kind, noun] of [['infrastructure', 'infrastructure item'], ['data-sets', 'data set'], ['access', 'access or credential']] as const) {
      expect((await wb.refuse('sheets.preview', { source: { path }, kind, vendor: 'Acme Outsourcing', mapping: { columns: { Hostname: null, Type: null } } })).issues)
        .toEqual([{ field: 'mapping.columns', message: `map a column to "Name": every ${noun} needs one` }]);
    }
  });

  it('refuses a sheet of more than a million rows before planning it', async () => {
    const path = wb.file('huge.csv', `Name\n${'x\n'.repeat(1_000_001)}`);
    expect((await wb.refuse('sheets.inspect', { source: { path }, kind: 'processes' })).message).toMatch(/huge\.csv \(row 1000002\): has more than 1,000,000 rows, the most one import takes; split it/);
  });
});

describe('mapping', () => {
  it('is guessed from headers with synonyms', async () => {
    const s = await wb.call('sheets.inspect', { source: { text: 'Software\tQty\tLicensed to\tReassignable\tExpires\tPrice\nOffice\t10\tUs\tY\t2026-01-01\t$100\n' }, kind: 'licences', vendor: 'Acme Outsourcing' });
    expect(s.mapping.columns).toEqual({ Software: 'product', Qty: 'seats', 'Licensed to': 'licensee', Reassignable: 'transferable', Expires: 'renewalDate', Price: 'annualCost' });
    const p = await wb.call('sheets.inspect', { source: { text: 'Workflow\tResponsible\tSuccessor\tPriority\nBilling\tJane\tSam\tP1\n' }, kind: 'processes', vendor: 'Acme Outsourcing' });
    expect(p.mapping.columns).toEqual({ Workflow: 'name', Responsible: 'ownerId', Successor: 'successorId', Priority: 'criticality' });
    for (const h of ['Qty', 'Seats', 'Licences']) {
      const l = await wb.call('sheets.inspect', { source: { text: `Product\t${h}\nA\t1\n` }, kind: 'licences' });
      expect(l.mapping.columns).toEqual({ Product: 'product', [h]: 'seats' });
    }
  });

  it('is remembered per source: the next file with the same headers maps itself', async () => {
    const path = wb.file('a.csv', 'Col A,Col B\nPayroll,Monthly\n');
    const first = await wb.call('sheets.inspect', { source: { path }, kind: 'processes', vendor: 'Acme Outsourcing' });
    expect(first).toMatchObject({ rememberedId: null, mapping: { columns: { 'Col A': null, 'Col B': null } } });
    await wb.call('sheets.apply', { source: { path }, kind: 'processes', vendor: 'Acme Outsourcing', mapping: { columns: { 'Col A': 'name', 'Col B': 'frequency' } } });
    const next = await wb.call('sheets.inspect', { source: { path: wb.file('b.csv', 'col b;COL A\nDaily;Backup\n') }, kind: 'processes', vendor: 'Acme Outsourcing' });
    expect(next.rememberedId).not.toBeNull();
    // Under this file's own spelling of the headers.
    expect(next.mapping.columns).toEqual({ 'COL A': 'name', 'col b': 'frequency' });
    const list = await wb.call('sheets.mappings', {});
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ kind: 'processes', fileName: 'a.csv', headers: ['Col A', 'Col B'] });
    expect(await wb.call('sheets.forgetMapping', { id: list[0]!.id })).toEqual({ removed: true });
    expect(await wb.call('sheets.mappings', {})).toEqual([]);
  });
});

describe('dry runs as jobs', () => {
  it('report progress, answer the preview, and write nothing', async () => {
    const path = wb.file('p.csv', `Name\n${Array.from({ length: 5000 }, (_, i) => `P${i}`).join('\n')}\n`);
    const before = wb.counts();
    const { jobId } = await wb.call('sheets.startPreview', { source: { path }, kind: 'processes', vendor: 'Acme Outsourcing', mapping: { columns: { Name: 'name' } } });
    let s = await wb.call('sheets.jobStatus', { jobId });
    while (s.state === 'running') {
      await new Promise((r) => setImmediate(r));
      s = await wb.call('sheets.jobStatus', { jobId });
    }
    expect(s).toMatchObject({ state: 'done', rowsDone: 5000, rowsTotal: 5000 });
    expect(s.result).toMatchObject({ added: 5000, rowsTruncated: true });
    expect(s.result!.rows).toHaveLength(2000);
    expect(wb.counts()).toEqual(before);
  });

  it('can be cancelled', async () => {
    const path = wb.file('p.csv', `Name\n${Array.from({ length: 20000 }, (_, i) => `P${i}`).join('\n')}\n`);
    const { jobId } = await wb.call('sheets.startPreview', { source: { path }, kind: 'processes', vendor: 'Acme Outsourcing', mapping: { columns: { Name: 'name' } } });
    let s = await wb.call('sheets.jobStatus', { jobId });
    while (s.state === 'running' && s.rowsDone === 0) {
      await new Promise((r) => setImmediate(r));
      s = await wb.call('sheets.jobStatus', { jobId });
    }
    expect(await wb.call('sheets.cancel', { jobId })).toEqual({ cancelled: true });
    while (s.state === 'running') {
      await new Promise((r) => setImmediate(r));
      s = await wb.call('sheets.jobStatus', { jobId });
    }
    expect(s.state).toBe('cancelled');
  });
});
