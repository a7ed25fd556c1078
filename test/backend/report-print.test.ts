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
    const printed: { html: string; name: string; running: { title: string; date: string } }[] = [];
    wb = makeWorkbook({
      dialogs: {
        openPack: async () => '/packs/in.zip',
        savePack: async (name) => `/packs/${name}`,
        saveAttachment: async () => null,
        openSheet: async () => null,
        saveTemplate: async () => null,
        printToPdf: async (html, name, _check, running) => { printed.push({ html, name, running }); return `/pdf/${name}`; },
      },
    });
    expect((await wb.call('app.info', {})).canPickFiles).toBe(true);
    expect(await wb.call('app.pickFile', { purpose: 'open-pack' })).toEqual({ path: '/packs/in.zip' });
    expect(await wb.call('app.pickFile', { purpose: 'save-pack', suggestedName: 'x.zip' })).toEqual({ path: '/packs/x.zip' });
    const v = await wb.call('vendor.create', { name: 'A/B Ltd' });
    expect(await wb.call('report.printToPdf', { vendorIds: [v.id] })).toEqual({ path: '/pdf/Exit report — A-B Ltd.pdf' });
    expect(printed[0]!.html).toContain('A/B Ltd');
    // The shell's printer draws the running header and page numbers: the page draws none of its own.
    expect(printed[0]!.running).toEqual({ title: 'Exit report — A/B Ltd', date: '2026-03-01' });
    expect(printed[0]!.html).not.toMatch(/@top-left|counter\(page\)/);
    expect(printed[0]!.html).toMatch(/\.newpage \{ break-before: page;/);
  });

  it('prints as a board document: summary first, sections on new pages, a running header with page numbers', async () => {
    wb = makeWorkbook();
    await wb.call('demo.load', {});
    const vendor = (await wb.call('vendor.summaries', {})).map((s) => s.vendor).find((v) => v.name.startsWith('Northwind'))!;
    await wb.call('vendor.update', { id: vendor.id, changes: { name: 'Northwind </style><h1>x' } });
    const { html } = await wb.call('report.html', { vendorIds: [vendor.id] });
    // The first page: key dates, readiness with its parts explained, the most pressing red flags; then a page break.
    const firstBreak = html.indexOf('class="newpage"');
    const summary = html.slice(0, firstBreak);
    for (const h of ['<h2>Key dates</h2>', '<h2>Readiness</h2>', '<h2>Red flags (']) expect(summary).toContain(h);
    for (const d of ['Contract end', 'Serve notice by', 'Planned exit (T)', 'Days to go']) expect(summary).toContain(`<dt>${d}</dt>`);
    expect(summary).toMatch(/Weighted by phase: [\d.]+ of [\d.]+ weight points \(\d+ of \d+ items done;/);
    expect(summary.match(/<li class="flag-/g)!.length).toBe(10);
    // Each major section starts a page.
    for (const h of ['Vendor and contract', 'Checklist: ', 'Processes (', 'Repositories (', 'Licences (', 'Documents (', 'People', 'Attachments']) {
      expect(html).toMatch(new RegExp(`<h2( id="[a-z]+")? class="newpage">${h.replace(/[()]/g, '\\$&')}`));
    }
    // Tables are laid out to the page width, and the header row repeats on every page.
    expect(html).toMatch(/table \{[^}]*table-layout: fixed/);
    expect(html).toMatch(/thead \{ display: table-header-group; \}/);
    expect(html).not.toMatch(/<table(?![^>]*>\s*<colgroup>|[^>]*class="facts")/);
    // The browser's print gets the report's name and date on top and page numbers below, the name escaped for CSS.
    expect(html).toMatch(/@top-left \{ content: "Exit report \\2014 {2}Northwind \\3c \\2f style\\3e \\3c h1\\3e x";/);
    expect(html).toContain('@top-right { content: "As of 2026\\2d 03\\2d 01";');
    expect(html).toContain('@bottom-right { content: "Page " counter(page) " of " counter(pages);');
    expect(html.match(/<\/style>/g)).toHaveLength(1);
  });
});
