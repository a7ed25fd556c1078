// The exports of Snipe-IT, GLPI and iTop are recognised by their headers (written here as each
// tool writes them; see electron/core/sheets/known.ts for the source files) and import with no
// mapping by hand: the inspection's mapping is applied as it comes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SheetKind } from '../../shared/sheets';
import { sheetWorkbook, type SheetWorkbook } from './fixtures';

let wb: SheetWorkbook;
beforeEach(async () => { wb = await sheetWorkbook(); });
afterEach(() => wb.close());

interface Case {
  tool: string;
  kind: SheetKind;
  csv: string;
  mapped: Record<string, string>;
  check: () => Promise<void>;
}

const CASES: Case[] = [
  {
    tool: 'snipe-it', kind: 'licences',
    csv: 'id,Company,Name,Serial Number,Purchase Date,Purchase Cost,Order Number,Licenses available,Seats,Created By,Depreciation,Updated at,Deleted at,Email,Fully Depreciated,Supplier,Expiration Date,Purchase Order Number,Termination Date,Maintained,Manufacturer,Category,Min. QTY,Reassignable,Notes,Created At\n'
      + '12,Acme Corp,Office 365 E3,XXXX-SECRET-KEY,2024-01-10,12000.00,PO-1,5,50,Admin,,2025-01-01 10:00:00,,it@acme.example,No,Reseller Ltd,2026-01-31,PO-1,,Yes,Microsoft,Productivity,0,Yes,Tenant acme,2024-01-10 09:00:00\n',
    mapped: { Name: 'product', Seats: 'seats', 'Expiration Date': 'renewalDate', Manufacturer: 'licensor', Reassignable: 'transferable', Notes: 'notes' },
    check: async () => {
      const l = (await wb.call('licence.list', { vendorId: wb.vendorId })).rows[0]!;
      expect(l).toMatchObject({ product: 'Office 365 E3', seats: 50, renewalDate: '2026-01-31', licensor: 'Microsoft', transferable: 'yes', notes: 'Tenant acme', keyLocation: '' });
    },
  },
  {
    tool: 'snipe-it', kind: 'vendors',
    csv: 'ID,Image,Supplier Name,Supplier Address,Contact Name,Email,Phone,Fax,URL,Assets,Accessories,Licenses,Components,Consumables\n7,,Globex Services,1 Main St,,ops@globex.example,555,,https://globex.example,3,0,2,0,0\n',
    mapped: { 'Supplier Name': 'name', 'Contact Name': 'vendorContactId' },
    check: async () => {
      expect((await wb.call('vendor.list', { sort: 'name' })).rows.map((v) => v.name)).toEqual(['Acme Outsourcing', 'Globex Services']);
    },
  },
  {
    tool: 'glpi', kind: 'licences',
    csv: 'Name;Entity;Software;Number;Type;Expiration;Serial number;Status;Comments\nAdobe CC Teams;Root entity;Adobe Creative Cloud;25;OEM;2026-06-30;ABC-123;In use;Design team\n',
    mapped: { Name: 'product', Number: 'seats', Type: 'type', Expiration: 'renewalDate', Comments: 'notes' },
    check: async () => {
      expect((await wb.call('licence.list', { vendorId: wb.vendorId })).rows[0]).toMatchObject({ product: 'Adobe CC Teams', seats: 25, type: 'perpetual', renewalDate: '2026-06-30', notes: 'Design team' });
    },
  },
  {
    tool: 'glpi', kind: 'vendors',
    csv: 'Name;Entity;Number;Type;Associated suppliers;Start date;Duration;Notice;End date;Renewal;Comments\nMSA 2021;Root entity;C-77;Maintenance;Initech Hosting;2021-01-01;36 months;3 months;2026-12-31;Never;Hosting and backups\n',
    mapped: { Name: 'contractRef', 'Associated suppliers': 'name', 'Start date': 'contractStart', 'End date': 'contractEnd', Renewal: 'renewal', Comments: 'notes' },
    check: async () => {
      const v = (await wb.call('vendor.list', { filter: 'Initech' })).rows[0]!;
      expect(v).toMatchObject({ name: 'Initech Hosting', contractRef: 'MSA 2021', contractStart: '2021-01-01', contractEnd: '2026-12-31', renewal: 'none', notes: 'Hosting and backups' });
    },
  },
  {
    tool: 'glpi', kind: 'vendors',
    csv: 'Name;Entity;Third party type;Address;Phone;Fax;Website;Email;Comments\nUmbrella IT;Root entity;Outsourcer;2 Side St;555;;https://umbrella.example;ops@umbrella.example;Managed desktops\n',
    mapped: { Name: 'name', Comments: 'notes' },
    check: async () => {
      expect((await wb.call('vendor.list', { filter: 'Umbrella' })).rows[0]).toMatchObject({ name: 'Umbrella IT', notes: 'Managed desktops' });
    },
  },
  {
    tool: 'glpi', kind: 'documents',
    csv: 'Name;Entity;File;Web link;Heading;MIME type;Tag;Comments\nBackup runbook;Root entity;backup.pdf;https://wiki.example/backup;Runbook;application/pdf;;Reviewed yearly\n',
    mapped: { Name: 'title', 'Web link': 'location', Heading: 'kind', Comments: 'notes' },
    check: async () => {
      expect((await wb.call('document.list', { vendorId: wb.vendorId })).rows[0]).toMatchObject({ title: 'Backup runbook', location: 'https://wiki.example/backup', kind: 'runbook' });
    },
  },
  {
    tool: 'itop', kind: 'vendors',
    csv: 'id,Name,Code,Status,Parent->Name,Delivery model->Name\n3,Hooli Ops,HOOLI,inactive,,Standard delivery\n',
    mapped: { Name: 'name', Status: 'status' },
    check: async () => {
      expect((await wb.call('vendor.list', { filter: 'Hooli' })).rows[0]).toMatchObject({ name: 'Hooli Ops', status: 'exited' });
    },
  },
  {
    tool: 'itop', kind: 'vendors',
    csv: 'id,Name,Customer->Name,Provider->Name,Description,Start date,End date,Cost,Cost Currency,Status\n9,Support contract 2022,Acme Corp,Stark Support,Level 2 support,2022-03-01,2027-02-28,1000,euros,production\n',
    mapped: { Name: 'contractRef', 'Provider->Name': 'name', Description: 'services', 'Start date': 'contractStart', 'End date': 'contractEnd' },
    check: async () => {
      expect((await wb.call('vendor.list', { filter: 'Stark' })).rows[0]).toMatchObject({ name: 'Stark Support', contractRef: 'Support contract 2022', services: 'Level 2 support', contractEnd: '2027-02-28' });
    },
  },
  {
    tool: 'itop', kind: 'licences',
    csv: 'id,Name,Organization->Name,Software->Name,Usage limit,Description,Start date,End date,Key,Perpetual\n4,Oracle DB EE,Acme Corp,Oracle Database,16,Core licences,2020-01-01,,SECRET,yes\n',
    mapped: { Name: 'product', 'Usage limit': 'seats', Description: 'notes', 'End date': 'renewalDate', Perpetual: 'type' },
    check: async () => {
      expect((await wb.call('licence.list', { vendorId: wb.vendorId })).rows[0]).toMatchObject({ product: 'Oracle DB EE', seats: 16, type: 'perpetual', keyLocation: '' });
    },
  },
  {
    tool: 'itop', kind: 'documents',
    csv: 'id,Name,Organization->Name,Document type->Name,Version,Description,Status,URL\n5,Network architecture,Acme Corp,Architecture,2.1,Core network,published,https://docs.example/net\n',
    mapped: { Name: 'title', 'Document type->Name': 'kind', Version: 'version', Description: 'notes', Status: 'status', URL: 'location' },
    check: async () => {
      expect((await wb.call('document.list', { vendorId: wb.vendorId })).rows[0]).toMatchObject({ title: 'Network architecture', kind: 'architecture', version: '2.1', status: 'published' });
    },
  },
];

describe('known export formats', () => {
  it.each(CASES.map((c) => [`${c.tool} ${c.kind} (${c.csv.split('\n')[0]!.slice(0, 40)}…)`, c] as const))('%s', async (_name, c) => {
    const path = wb.file('export.csv', c.csv);
    const source = { path };
    const vendor = c.kind === 'vendors' ? {} : { vendor: 'Acme Outsourcing' };
    const s = await wb.call('sheets.inspect', { source, kind: c.kind, ...vendor });
    expect(s.knownFormat?.tool).toBe(c.tool);
    const mapped = Object.fromEntries(Object.entries(s.mapping.columns).filter(([, f]) => f !== null));
    expect(mapped).toEqual(c.mapped);
    const r = await wb.call('sheets.apply', { source, kind: c.kind, ...vendor, mapping: { ...s.mapping, createPeople: true } });
    expect(r.refused).toEqual([]);
    expect(r.applied).toBe(true);
    await c.check();
  });

  it('leaves an ordinary sheet unrecognised', async () => {
    const s = await wb.call('sheets.inspect', { source: { text: 'Name\tSeats\nA\t1\n' }, kind: 'licences' });
    expect(s.knownFormat).toBeNull();
  });
});
