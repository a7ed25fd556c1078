// GLPI's and iTop's contract exports recognised as the contracts sheet kind (issue 9 with issue
// 11's contract records): the headers as each tool writes them (sources named in
// electron/core/sheets/known.ts), mapped without a hand, and a dry run giving the contracts' terms.
// The same files read as vendors keep their vendors-kind format.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SheetKind, SheetMapping } from '../../shared/sheets';
import { recognise } from '../../electron/core/sheets/known';
import { sheetWorkbook, type SheetWorkbook } from './fixtures';

let wb: SheetWorkbook;
beforeEach(async () => { wb = await sheetWorkbook(); });
afterEach(() => wb.close());

const inspect = (kind: SheetKind, path: string) => wb.call('sheets.inspect', { source: { path }, kind, vendor: 'Acme Outsourcing' });
const run = (kind: SheetKind, path: string, mapping: SheetMapping) => ({ source: { path }, kind, vendor: 'Acme Outsourcing', mapping });
const contracts = async (vendorId: string) =>
  (await wb.call('contract.list', { vendorId })).rows.sort((a, b) => a.title.localeCompare(b.title))
    .map((c) => [c.title, c.reference, c.kind, c.start, c.initialEnd, c.noticeAmount, c.noticeUnit, c.renewal, c.renewalMonths, c.notes]);

// A search result of Management › Contracts exported as CSV (GLPI's default delimiter is ';'):
// the number columns carry their unit, as Dropdown::getValueWithUnit writes it.
const GLPI_HEADERS = 'Name;Entity;Number;Type;Associated suppliers;Start date;Duration;Notice;End date;Renewal;Periodicity;Comments';
const GLPI_CSV = [
  GLPI_HEADERS,
  'Hosting MSA;Root entity;C-2021-07;Framework agreement;Initech Hosting;2021-01-01;36 months;3 months;2023-12-31;Tacit;12 months;Hosting and backups',
  'Backup NDA;Root entity;NDA-11;NDA;Initech Hosting;2021-02-01;60 months;1 month;2026-01-31;Never;-----;',
  'Service desk SOW;Root entity;SOW-3;Statement of work;Acme Outsourcing;2024-04-01;24 months;0 months;2026-03-31;Express;12 months;First line',
].join('\n');

// Combodo iTop's CSV export of provider contracts: attribute labels, external fields as "Key->Field".
const ITOP_HEADERS = 'id,Name,Customer->Name,Provider->Name,Description,Start date,End date,Cost,Cost Currency,Contract type->Name,Billing frequency,Status,Contract sub-class';
const ITOP_CSV = [
  ITOP_HEADERS,
  '9,Support contract 2022,Acme Corp,Stark Support,Level 2 support,2022-03-01,2027-02-28,1000,euros,Statement of work,monthly,production,ProviderContract',
  '12,Stark NDA,Acme Corp,Stark Support,,2022-01-15,,,,NDA,,production,ProviderContract',
].join('\n');

describe('GLPI contracts export as contracts', () => {
  it('is recognised by its headers and maps every column our contract holds', async () => {
    expect(recognise('contracts', GLPI_HEADERS.split(';'))).toMatchObject({ tool: 'glpi', table: 'Contract', kind: 'contracts' });
    const s = await inspect('contracts', wb.file('glpi.csv', GLPI_CSV));
    expect(s.knownFormat).toEqual({ tool: 'glpi', table: 'Contract', label: 'GLPI contracts export' });
    expect(s.mapping.columns).toEqual({
      Name: 'title', Entity: null, Number: 'reference', Type: 'kind', 'Associated suppliers': 'vendorId', 'Start date': 'start', Duration: null,
      Notice: 'noticeAmount', 'End date': 'initialEnd', Renewal: 'renewal', Periodicity: 'renewalMonths', Comments: 'notes',
    });
    expect(s.mapping.values).toEqual({ renewal: { Never: 'none' } });
  });

  it('dry-runs into contracts with their notice in months, renewal and vendor, then applies them', async () => {
    const initech = await wb.call('vendor.create', { name: 'Initech Hosting' });
    const path = wb.file('glpi.csv', GLPI_CSV);
    const { mapping } = await inspect('contracts', path);
    const p = await wb.call('sheets.preview', run('contracts', path, mapping));
    expect(p.refused).toEqual([]);
    expect(p.rows.map((r) => [r.row, r.action, r.title])).toEqual([[2, 'add', 'Hosting MSA'], [3, 'add', 'Backup NDA'], [4, 'add', 'Service desk SOW']]);
    expect(await wb.call('sheets.apply', run('contracts', path, mapping))).toMatchObject({ applied: true, added: 3, refused: [] });
    expect(await contracts(initech.id)).toEqual([
      ['Backup NDA', 'NDA-11', 'nda', '2021-02-01', '2026-01-31', 1, 'months', 'none', null, ''],
      ['Hosting MSA', 'C-2021-07', 'master_agreement', '2021-01-01', '2023-12-31', 3, 'months', 'tacit', 12, 'Hosting and backups'],
    ]);
    expect(await contracts(wb.vendorId)).toEqual([
      ['Service desk SOW', 'SOW-3', 'statement_of_work', '2024-04-01', '2026-03-31', 0, 'months', 'express', 12, 'First line'],
    ]);
  });

  it('offers a contract type of its own in the value picker, and imports once it is mapped', async () => {
    const initech = await wb.call('vendor.create', { name: 'Initech Hosting' });
    const path = wb.file('glpi-types.csv', `${GLPI_HEADERS}\nPrinter lease;Root entity;L-1;Leasing;Initech Hosting;2024-01-01;36 months;2 months;2026-12-31;Tacit;12 months;\n`);
    const { mapping } = await inspect('contracts', path);
    const p = await wb.call('sheets.preview', run('contracts', path, mapping));
    expect(p.unmatched).toEqual([{ field: 'kind', column: 'Type', values: [{ value: 'Leasing', rows: 1 }] }]);
    const mapped = { ...mapping, values: { ...mapping.values, kind: { Leasing: 'other' } } };
    expect(await wb.call('sheets.apply', run('contracts', path, mapped))).toMatchObject({ applied: true, added: 1 });
    expect(await contracts(initech.id)).toEqual([['Printer lease', 'L-1', 'other', '2024-01-01', '2026-12-31', 2, 'months', 'tacit', 12, '']]);
  });

  it('still reads the same headers as vendors when the kind is vendors', async () => {
    expect(recognise('vendors', GLPI_HEADERS.split(';'))).toMatchObject({ tool: 'glpi', table: 'Contract', kind: 'vendors' });
    const s = await wb.call('sheets.inspect', { source: { path: wb.file('glpi.csv', GLPI_CSV) }, kind: 'vendors' });
    expect(s.knownFormat?.label).toBe('GLPI contracts export');
    expect(Object.fromEntries(Object.entries(s.mapping.columns).filter(([, f]) => f !== null))).toEqual({
      Name: 'contractRef', 'Associated suppliers': 'name', 'Start date': 'contractStart', 'End date': 'contractEnd', Renewal: 'renewal', Comments: 'notes',
    });
  });
});

describe('iTop provider contracts export as contracts', () => {
  it('is recognised by its headers, with the provider as the vendor and its own id left out', async () => {
    expect(recognise('contracts', ITOP_HEADERS.split(','))).toMatchObject({ tool: 'itop', table: 'ProviderContract', kind: 'contracts' });
    // The provider's name as an external field of its own ("Provider Name") instead of "Provider->Name".
    expect(recognise('contracts', ['id', 'Name', 'Provider', 'Provider Name', 'Start date', 'End date'])?.tool).toBe('itop');
    const s = await inspect('contracts', wb.file('itop.csv', ITOP_CSV));
    expect(s.knownFormat).toEqual({ tool: 'itop', table: 'ProviderContract', label: 'iTop contracts export' });
    expect(Object.fromEntries(Object.entries(s.mapping.columns).filter(([, f]) => f !== null))).toEqual({
      Name: 'title', 'Provider->Name': 'vendorId', Description: 'notes', 'Start date': 'start', 'End date': 'initialEnd', 'Contract type->Name': 'kind',
    });
  });

  it('dry-runs into the provider\'s contracts, then applies them', async () => {
    const stark = await wb.call('vendor.create', { name: 'Stark Support' });
    const path = wb.file('itop.csv', ITOP_CSV);
    const { mapping } = await inspect('contracts', path);
    const p = await wb.call('sheets.preview', run('contracts', path, mapping));
    expect(p.refused).toEqual([]);
    expect(p.rows.map((r) => [r.action, r.title])).toEqual([['add', 'Support contract 2022'], ['add', 'Stark NDA']]);
    expect(await wb.call('sheets.apply', run('contracts', path, mapping))).toMatchObject({ applied: true, added: 2 });
    expect(await contracts(stark.id)).toEqual([
      ['Stark NDA', '', 'nda', '2022-01-15', null, null, 'days', 'none', null, ''],
      ['Support contract 2022', '', 'statement_of_work', '2022-03-01', '2027-02-28', null, 'days', 'none', null, 'Level 2 support'],
    ]);
  });

  it('still reads the same headers as vendors when the kind is vendors', () => {
    expect(recognise('vendors', ITOP_HEADERS.split(','))).toMatchObject({ tool: 'itop', table: 'ProviderContract', kind: 'vendors' });
  });
});
