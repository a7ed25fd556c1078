// The browser face: a sheet travels as an upload (the pack upload route, as bytes), never as a
// path the page names; the sheet methods take the upload's id like the pack methods.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestWorkbook } from '../backend/helpers';
import { serveBrowserFace, type BrowserFace } from '../pack/browserFace';

const TOKEN = 'sheet-token';
let face: BrowserFace;
let w: TestWorkbook;
let base: string;

beforeAll(async () => {
  face = await serveBrowserFace(9, TOKEN);
  ({ w, base } = face);
  await w.call('vendor.create', { name: 'Acme Outsourcing' });
});
afterAll(() => face.close());

const api = (method: string, input: unknown) => face.api<Record<string, unknown>>(method, input);

describe('sheets on the browser face', () => {
  it('imports an uploaded sheet under its own file name, and refuses a path', async () => {
    const bytes = Buffer.from('Process,Priority\nPayroll,P1\n');
    const up = await face.upload(bytes, 'application/octet-stream');
    expect(up.status).toBe(200);
    const { value } = await up.json() as { value: { upload: string } };
    const source = { upload: value.upload, fileName: 'register.csv' };
    const inspected = await api('sheets.inspect', { source, kind: 'processes', vendor: 'Acme Outsourcing' });
    expect(inspected.body.value).toMatchObject({ fileName: 'register.csv', rowCount: 1, mapping: { columns: { Process: 'name', Priority: 'criticality' } } });
    const applied = await api('sheets.apply', { source, kind: 'processes', vendor: 'Acme Outsourcing', mapping: inspected.body.value!.mapping });
    expect(applied.body).toMatchObject({ ok: true, value: { applied: true, added: 1, fileName: 'register.csv' } });
    expect((await api('sheets.inspect', { source: { path: '/etc/passwd' }, kind: 'processes' })).status).toBe(403);
    expect(await w.refuse('sheets.inspect', { source: { path: '/etc/passwd' }, kind: 'processes' })).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('downloads a blank template from the route sheets.template names, behind the token', async () => {
    const made = await api('sheets.template', { kind: 'processes', format: 'csv' });
    const route = made.body.value!.downloadPath as string;
    expect(route).toBe('/sheets/template/processes.csv');
    expect((await fetch(`${base}${route}`)).status).toBe(401);
    expect((await fetch(`${base}${route}?token=nope`)).status).toBe(401);
    const csv = await fetch(`${base}${route}?token=${TOKEN}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="handover-processes-template\.csv"/);
    expect(await csv.text()).toMatch(/^Vendor,Name,Description,/);
    const xlsx = await fetch(`${base}/sheets/template/licences.xlsx?token=${TOKEN}`);
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
    // A kind with a hyphen in its name is a template too.
    const dataSets = await fetch(`${base}/sheets/template/data-sets.csv?token=${TOKEN}`);
    expect(dataSets.headers.get('content-disposition')).toMatch(/filename="handover-data-sets-template\.csv"/);
    expect(await dataSets.text()).toMatch(/^Vendor,Name,Description,System,/);
    const unknown = await fetch(`${base}/sheets/template/secrets.csv?token=${TOKEN}`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toMatch(/kind one of vendors, people/);
    expect((await fetch(`${base}${route}?token=${TOKEN}`, { method: 'POST' })).status).toBe(405);
  });
});
