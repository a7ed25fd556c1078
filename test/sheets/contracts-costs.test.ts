// Contracts and exit costs as sheet kinds: a contract register's "Notice period" written with its
// unit ("3 months") fills the amount and the unit; a cost sheet's amounts as people write them
// ("€ 12,000.00") become the exact decimal with its currency; a new cost without an amount or a
// currency is refused at the row, nothing written; re-import is idempotent.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SheetKind, SheetMapping } from '../../shared/sheets';
import { createBackend } from '../../electron/core/backend';
import { guessColumns } from '../../electron/core/sheets/fields';
import { templateCsv } from '../../electron/core/sheets/template';
import { sheetWorkbook, type SheetWorkbook } from './fixtures';

let wb: SheetWorkbook;
beforeEach(async () => { wb = await sheetWorkbook(); });
afterEach(() => wb.close());

const input = (kind: SheetKind, path: string, mapping: SheetMapping) => ({ source: { path }, kind, vendor: 'Acme Outsourcing', mapping });
const inspect = (kind: SheetKind, path: string) => wb.call('sheets.inspect', { source: { path }, kind, vendor: 'Acme Outsourcing' });
const apply = (kind: SheetKind, path: string, mapping: SheetMapping) => wb.call('sheets.apply', input(kind, path, mapping));
const preview = (kind: SheetKind, path: string, mapping: SheetMapping) => wb.call('sheets.preview', input(kind, path, mapping));

describe('contracts from a sheet', () => {
  const SHEET = [
    'Agreement,Type,Contract number,Effective date,Expiry,Renewal,Notice period,Notice by,Data return,Escrow',
    'Managed services agreement,MSA,MSA-2022-0100,2022-01-01,2026-12-31,automatic,3 months,registered mail,yes,no',
    'Statement of work 3,SOW,MSA-2022-0100-SOW-3,2023-04-01,2026-09-30,tacit,90 days,e-mail,,',
    'Data processing agreement,DPA,MSA-2022-0100-DPA,2022-01-01,,none,30,letter,yes,',
  ].join('\n');

  it('guesses the columns, reads the notice period with its unit, and re-imports as unchanged', async () => {
    const path = wb.file('contracts.csv', SHEET);
    const s = await inspect('contracts', path);
    expect(s.mapping.columns).toEqual({
      Agreement: 'title', Type: 'kind', 'Contract number': 'reference', 'Effective date': 'start', Expiry: 'initialEnd', Renewal: 'renewal',
      'Notice period': 'noticeAmount', 'Notice by': 'noticeMethod', 'Data return': 'dataReturn', Escrow: 'escrowClause',
    });
    expect(await apply('contracts', path, s.mapping)).toMatchObject({ applied: true, added: 3, refused: [] });
    const rows = (await wb.call('contract.list', { vendorId: wb.vendorId })).rows.sort((x, y) => x.title.localeCompare(y.title));
    expect(rows.map((c) => [c.title, c.kind, c.renewal, c.noticeAmount, c.noticeUnit, c.noticeMethod, c.dataReturn, c.escrowClause])).toEqual([
      ['Data processing agreement', 'data_processing_agreement', 'none', 30, 'days', 'written_letter', 'yes', 'unknown'],
      ['Managed services agreement', 'master_agreement', 'tacit', 3, 'months', 'registered_post', 'yes', 'no'],
      ['Statement of work 3', 'statement_of_work', 'tacit', 90, 'days', 'email', 'unknown', 'unknown'],
    ]);
    expect(await apply('contracts', path, s.mapping)).toMatchObject({ added: 0, updated: 0, unchanged: 3 });
    // A sheet that says the unit in a column of its own: that column decides, the period's word does not overrule it.
    const own = wb.file('own-unit.csv', 'Agreement,Notice period,Notice unit\nManaged services agreement,90 days,months\n');
    const p = await preview('contracts', own, (await inspect('contracts', own)).mapping);
    expect(p.rows[0]).toMatchObject({ action: 'update', changed: ['noticeAmount'] });
  });

  it('refuses a notice period it cannot read, or months beyond ten years, at the cell', async () => {
    const path = wb.file('bad.csv', 'Agreement,Notice period\nMSA,three months\nSOW,3 fortnights\nNDA,121 months\n');
    const p = await preview('contracts', path, (await inspect('contracts', path)).mapping);
    expect(p.refused).toEqual([
      { row: 2, column: 'B (Notice period)', field: 'noticeAmount', message: '"three months" is not a notice period (write it as 90 days or 3 months)' },
      { row: 3, column: 'B (Notice period)', field: 'noticeAmount', message: '"3 fortnights": the unit must be days or months' },
      { row: 4, column: 'B (Notice period)', field: 'noticeAmount', message: 'is more than ten years (120 months at most)' },
    ]);
  });

  it('reads a renewal term or termination assistance written with its unit, in months or years, and refuses another unit at the cell', async () => {
    const mapping = { columns: { Agreement: 'title', Renews: 'renewal', Term: 'renewalMonths', Assistance: 'assistanceMonths' } };
    const rows = 'MSA,tacit,12 months,6 mths\nSOW,express,1 year,18\nDPA,tacit,-----,2 yrs\n';
    const path = wb.file('terms.csv', `Agreement,Renews,Term,Assistance\n${rows}NDA,tacit,6 weeks,\n`);
    const p = await preview('contracts', path, mapping);
    expect(p.refused).toEqual([{ row: 5, column: 'C (Term)', field: 'renewalMonths', message: '"6 weeks": write it in months or years' }]);
    const ok = wb.file('terms-ok.csv', `Agreement,Renews,Term,Assistance\n${rows}`);
    expect(await apply('contracts', ok, mapping)).toMatchObject({ applied: true, added: 3 });
    const stored = (await wb.call('contract.list', { vendorId: wb.vendorId })).rows.sort((a, b) => a.title.localeCompare(b.title));
    expect(stored.map((c) => [c.title, c.renewalMonths, c.assistanceMonths])).toEqual([['DPA', null, 24], ['MSA', 12, 6], ['SOW', 12, 18]]);
  });

  it('has a template that maps itself back', () => {
    const headers = templateCsv('contracts').trim().split(',').map((h) => h.replace(/ \(.*$/, '').replace(/^"|"$/g, ''));
    expect(headers.slice(0, 3)).toEqual(['Vendor', 'Title', 'Kind']);
    expect(Object.entries(guessColumns('contract', headers)).filter(([, f]) => f === null)).toEqual([]);
  });
});

describe('exit costs from a sheet', () => {
  it('reads amounts as people write them with their currency, and re-imports as unchanged', async () => {
    const path = wb.file('costs.csv', [
      'Item,Type,Cost,Months',
      'Early termination fee,termination,"€ 45,000.00",',
      'Both service desks,parallel run,"7,500 GBP",3',
      'Data migration weekend,migration,28500 EUR,',
      'Backup licences in our name,licences,$9800.5,',
    ].join('\n'));
    const s = await inspect('exit-costs', path);
    expect(s.mapping.columns).toEqual({ Item: 'description', Type: 'category', Cost: 'amount', Months: 'months' });
    expect(await apply('exit-costs', path, s.mapping)).toMatchObject({ applied: true, added: 4, refused: [] });
    const rows = (await wb.call('cost.list', { vendorId: wb.vendorId })).rows.sort((x, y) => x.description.localeCompare(y.description));
    expect(rows.map((c) => [c.description, c.category, c.amount, c.currency, c.months])).toEqual([
      ['Backup licences in our name', 'licences_rebought', '9800.50', 'USD', null],
      ['Both service desks', 'dual_running', '7500.00', 'GBP', 3],
      ['Data migration weekend', 'migration_work', '28500.00', 'EUR', null],
      ['Early termination fee', 'termination_fee', '45000.00', 'EUR', null],
    ]);
    expect(await apply('exit-costs', path, s.mapping)).toMatchObject({ added: 0, updated: 0, unchanged: 4 });
  });

  it('refuses a new cost without an amount or a currency, and a bad amount, writing nothing', async () => {
    const path = wb.file('bad-costs.csv', 'Description,Amount,Currency\nNo amount,,EUR\nNo currency,1200,\nToo precise,12.345,EUR\nNegative,-5,EUR\nFine,100,EUR\n');
    const r = await apply('exit-costs', path, (await inspect('exit-costs', path)).mapping);
    expect(r.applied).toBe(false);
    expect(r.refused).toEqual([
      { row: 2, column: 'B (Amount)', field: 'amount', message: 'is required for a new record' },
      { row: 3, column: 'C (Currency)', field: 'currency', message: 'is required for a new record' },
      { row: 4, column: 'B (Amount)', field: 'amount', message: '"12.345" has more than two decimals' },
      { row: 5, column: 'B (Amount)', field: 'amount', message: 'cannot be negative' },
    ]);
    expect((await wb.call('cost.list', { vendorId: wb.vendorId })).rows).toEqual([]);
  });

  it('names the cost by its description when an undo is refused because it changed since', async () => {
    const path = wb.file('fees.csv', 'Description,Amount,Currency\nEarly termination fee,45000,EUR\n');
    await apply('exit-costs', path, (await inspect('exit-costs', path)).mapping);
    const [fee] = (await wb.call('cost.list', { vendorId: wb.vendorId })).rows;
    // Another window on the same workbook edits the imported cost.
    const other = createBackend({ workbookPath: wb.path, appVersion: 'test' });
    try {
      expect((await other.dispatch('cost.update', { id: fee!.id, changes: { amount: '40000.00' } })).ok).toBe(true);
    } finally {
      other.close();
    }
    const e = await wb.refuse('history.undo', {});
    expect(e.message).toMatch(/exit cost “Early termination fee” changed since/);
  });

  it('keeps the rule between dual running and its months', async () => {
    const path = wb.file('dual.csv', 'Description,Category,Amount,Currency\nBoth desks,Dual running,7500,GBP\n');
    const p = await preview('exit-costs', path, (await inspect('exit-costs', path)).mapping);
    expect(p.refused).toEqual([{ row: 2, column: '', field: 'months', message: 'is required for dual running: how many months both run side by side' }]);
  });
});
