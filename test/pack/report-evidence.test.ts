// The proof behind checklist items in README.html and report.md: per item its owner, its status
// (blocked with the reason), the evidence note, the evidence files (linked to the pack's copies
// when the pack carries them, named with their size otherwise) and who signed it off when.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestWorkbook } from '../backend/helpers';
import { exportThroughApi, makePackWorkbook, packFiles } from './helpers';

let wb: TestWorkbook;
let withFiles: Map<string, Buffer>;
let withoutFiles: Map<string, Buffer>;
let evidenceSha: string;

beforeAll(async () => {
  wb = makePackWorkbook(7);
  const ours = await wb.call('person.create', { name: 'Ana Costa', side: 'in_house' });
  const signer = await wb.call('person.create', { name: 'Lee <Chief> Signer', side: 'in_house' });
  const vendor = await wb.call('vendor.create', { name: 'Acme', exitDate: '2026-11-30' });
  const templates = await wb.call('template.list', {});
  const checklist = await wb.call('checklist.start', { vendorId: vendor.id, templateId: templates[0]!.id });
  const items = (await wb.call('checklist.items', { checklistId: checklist.id, limit: 1000 })).rows;
  const [proved, bare, blocked] = items;
  await wb.call('checklist.updateItem', { id: proved!.id, changes: { title: 'Appoint the exit manager', status: 'done', ownerId: ours.id, evidence: 'Nomination signed by the CIO.\nFiled with the contract.' } });
  const att = await wb.attach({ itemId: proved!.id, fileName: 'nomination.pdf', content: new TextEncoder().encode('%PDF-1.4 '.repeat(256)) });
  evidenceSha = att.sha256;
  await wb.call('checklist.signOff', { id: proved!.id, byId: signer.id });
  await wb.call('checklist.updateItem', { id: bare!.id, changes: { title: 'Name the vendor’s exit manager', status: 'done' } });
  await wb.call('checklist.updateItem', { id: blocked!.id, changes: { title: 'Calendar the notice date', status: 'blocked', blockedReason: 'Contract end | unknown' } });
  const read = async (attachments: boolean, name: string) =>
    new Map((await packFiles(await exportThroughApi(wb, { vendorIds: [vendor.id], attachments, destination: join(wb.dir, name) }))).map((f) => [f.name, f.data]));
  withFiles = await read(true, 'with.zip');
  withoutFiles = await read(false, 'without.zip');
});

afterAll(() => wb.close());

/** The HTML row of the item with this title. */
const rowOf = (html: string, title: string) => html.split('\n').find((l) => l.startsWith('<tr>') && l.includes(`<td>${title}</td>`)) ?? '';

describe('evidence in the pack report', () => {
  it('README.html shows per item the owner, the note, a relative link to the file in the pack with its size, and the sign-off', () => {
    const html = withFiles.get('README.html')!.toString('utf8');
    expect(html).toContain('<th scope="col">Evidence</th>');
    const row = rowOf(html, 'Appoint the exit manager');
    expect(row).toContain('<td>Ana Costa</td>');
    expect(row).toContain('Nomination signed by the CIO.');
    expect(row).toContain('Filed with the contract.');
    // The link names a file the pack really holds.
    const href = /<a href="(attachments\/[^"]+)"[^>]*>nomination\.pdf<\/a> \(2\.3 KB\)/.exec(row)?.[1];
    expect(href).toMatch(new RegExp(`^attachments/${evidenceSha}`));
    expect(withFiles.has(href!)).toBe(true);
    expect(row).toContain('Lee &lt;Chief&gt; Signer');
    expect(row).toMatch(/Signer<\/span><span class="detail">\d{4}-\d{2}-\d{2}<\/span>/);
  });

  it('says when a done item has no evidence, and gives a blocked item its reason', () => {
    const html = withFiles.get('README.html')!.toString('utf8');
    expect(rowOf(html, 'Name the vendor’s exit manager')).toContain('<span class="none">None recorded</span>');
    expect(rowOf(html, 'Calendar the notice date')).toContain('<td>Blocked: Contract end | unknown</td>');
  });

  it('names the file and its size, with no link, when the pack leaves the files out', () => {
    const html = withoutFiles.get('README.html')!.toString('utf8');
    const row = rowOf(html, 'Appoint the exit manager');
    expect(row).toContain('nomination.pdf (2.3 KB)');
    expect(row).not.toContain('href="attachments/');
    expect([...withoutFiles.keys()].some((n) => n.startsWith('attachments/'))).toBe(false);
  });

  it('report.md carries the same: owner, note, linked file with size, sign-off; markup in the data escaped', () => {
    const md = withFiles.get('report.md')!.toString('utf8');
    expect(md).toContain('| Item | Owner | Due | Status | Evidence | Signed off |');
    const row = md.split('\n').find((l) => l.startsWith('| Appoint the exit manager |'))!;
    expect(row).toContain('| Ana Costa |');
    expect(row).toMatch(new RegExp(`Nomination signed by the CIO\\. · Filed with the contract\\. \\(\\[nomination\\.pdf\\]\\(<attachments/${evidenceSha}[^>]*>\\) \\(2\\.3 KB\\)\\)`));
    expect(row).toMatch(/\| Lee \\<Chief\\> Signer \(\d{4}-\d{2}-\d{2}\) \|$/);
    expect(md).toContain('| Name the vendor’s exit manager |');
    expect(md.split('\n').find((l) => l.startsWith('| Name the vendor’s exit manager |'))).toContain('_None recorded_');
    expect(md).toContain('Blocked: Contract end \\| unknown');
    // Phases group the items.
    expect(md).toMatch(/\| \*\*Set-up — \d+ of \d+ done\*\* \|/);
    const without = withoutFiles.get('report.md')!.toString('utf8');
    expect(without).toContain('nomination.pdf (2.3 KB)');
    expect(without).not.toContain('](<attachments/');
  });
});
