import { afterEach, describe, expect, it } from 'vitest';
import { makeWorkbook, type TestWorkbook } from './helpers';

let wb: TestWorkbook;
afterEach(() => wb.close());

describe('printing the report', () => {
  it('gives the self-contained report page of the chosen vendors', async () => {
    wb = makeWorkbook();
    const v = await wb.call('vendor.create', { name: 'Northwind <Ops>' });
    await wb.call('vendor.create', { name: 'Other' });
    const r = await wb.call('report.html', { vendorIds: [v.id] });
    expect(r.title).toBe('Exit report — Northwind <Ops>');
    expect(r.html).toContain('Northwind &lt;Ops&gt;');
    expect(r.html).not.toContain('Other');
    expect(r.html).not.toMatch(/<script/i);
    expect((await wb.call('report.html', { all: true })).html).toContain('Other');
    expect((await wb.refuse('report.html', {})).issues?.[0]?.field).toBe('vendorIds');
  });

  it('the browser face has no dialogs: it says so, and the renderer uses the browser instead', async () => {
    wb = makeWorkbook();
    const info = await wb.call('app.info', {});
    expect(info).toMatchObject({ canPickFiles: false, canPrintToPdf: false });
    expect((await wb.refuse('app.pickFile', { purpose: 'open-pack' })).code).toBe('UNSUPPORTED');
    const v = await wb.call('vendor.create', { name: 'V' });
    expect((await wb.refuse('report.printToPdf', { vendorIds: [v.id] })).code).toBe('UNSUPPORTED');
  });

  it('the desktop face hands the dialogs and the printing to the shell', async () => {
    const printed: { html: string; name: string }[] = [];
    wb = makeWorkbook({
      dialogs: {
        openPack: async () => '/packs/in.zip',
        savePack: async (name) => `/packs/${name}`,
        printToPdf: async (html, name) => { printed.push({ html, name }); return `/pdf/${name}`; },
      },
    });
    expect((await wb.call('app.info', {})).canPickFiles).toBe(true);
    expect(await wb.call('app.pickFile', { purpose: 'open-pack' })).toEqual({ path: '/packs/in.zip' });
    expect(await wb.call('app.pickFile', { purpose: 'save-pack', suggestedName: 'x.zip' })).toEqual({ path: '/packs/x.zip' });
    const v = await wb.call('vendor.create', { name: 'A/B Ltd' });
    expect(await wb.call('report.printToPdf', { vendorIds: [v.id] })).toEqual({ path: '/pdf/Exit report — A-B Ltd.pdf' });
    expect(printed[0]!.html).toContain('A/B Ltd');
  });
});
