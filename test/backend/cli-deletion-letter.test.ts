// handover deletion-letter: the letter as an HTML file, with the conventions of the other commands
// (exit 2 on wrong usage, 1 on a refusal, an existing file kept unless --force).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deletionLetterCommand } from '../../electron/cli/commands/deletionLetter';
import { runCli } from '../../electron/cli/main';
import { makeWorkbook, type TestWorkbook } from './helpers';

let wb: TestWorkbook;
beforeEach(() => { wb = makeWorkbook(); });
afterEach(() => wb.close());

function run(args: string[]) {
  const lines: string[] = [];
  const io = { out: (s: string) => void lines.push(s), err: (s: string) => void lines.push(s) };
  return { code: deletionLetterCommand(['--db', wb.path, ...args], io, () => new Date('2026-03-01T12:00:00')), text: lines.join('\n') };
}

/** A failure the command throws is turned into its exit code by runCli: run it that way. */
async function runWhole(args: string[]) {
  const lines: string[] = [];
  const code = await runCli(['deletion-letter', '--db', wb.path, ...args], { out: (s) => void lines.push(s), err: (s) => void lines.push(s) });
  return { code, text: lines.join('\n') };
}

describe('handover deletion-letter', () => {
  it('writes the letter of a vendor named or by id; --all adds those certified; --by sets the day', async () => {
    const v = await wb.call('vendor.create', { name: 'Northwind <Ops>', exitDate: '2026-04-30' });
    await wb.call('dataset.create', { vendorId: v.id, name: 'Payroll', region: 'Germany' });
    await wb.call('dataset.create', { vendorId: v.id, name: 'Old tickets', receivedOn: '2026-01-10', certificateReceivedOn: '2026-02-01' });
    const out = join(wb.dir, 'letter.html');
    const first = run(['--vendor', 'northwind <ops>', '--out', out]);
    expect(first).toEqual({ code: 0, text: `Deletion certificate request to Northwind <Ops> for 1 data set, reply by 2026-05-30, written to ${out}` });
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<strong>Payroll</strong>');
    expect(html).not.toContain('Old tickets');
    expect(html).toContain('Northwind &lt;Ops&gt;');
    // An existing file is kept unless --force.
    expect((await runWhole(['--vendor', v.id, '--out', out, '--all'])).code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe(html);
    expect(run(['--vendor', v.id, '--out', out, '--all', '--by', '2026-03-15', '--force']).code).toBe(0);
    const all = readFileSync(out, 'utf8');
    expect(all).toContain('Old tickets');
    expect(all).toContain('by 15 March 2026');
  });

  it('refuses wrong usage (exit 2) and a vendor with nothing in scope (exit 1), writing nothing', async () => {
    const v = await wb.call('vendor.create', { name: 'Empty Ltd' });
    const out = join(wb.dir, 'letter.html');
    const none = await runWhole(['--vendor', 'Empty Ltd', '--out', out]);
    expect(none).toEqual({ code: 1, text: 'No data set of Empty Ltd is to be deleted: add its data sets, or mark those it must delete as "Deletion required".' });
    expect(existsSync(out)).toBe(false);
    await wb.call('dataset.create', { vendorId: v.id, name: 'CRM' });
    for (const [args, message] of [
      [['--out', out], '--vendor NAME_OR_ID is required'],
      [['--vendor', 'Empty'], '--out FILE.html is required'],
      [['--vendor', 'Empty', '--out', join(wb.dir, 'letter.pdf')], '--out must end in .html (the letter is a web page; print the PDF from the app)'],
      [['--vendor', 'Empty', '--out', out, '--by', '2026-02-30'], '--by must be a calendar date as YYYY-MM-DD, not "2026-02-30"'],
      [['--vendor', 'Empty', '--out', out, '--by', '2020-01-01'], '--by must not be before today'],
    ] as const) {
      const r = await runWhole([...args]);
      expect(r.code).toBe(2);
      expect(r.text).toContain(message);
    }
    expect(existsSync(out)).toBe(false);
    expect(await runWhole(['--vendor', 'Nobody', '--out', out])).toEqual({ code: 1, text: 'handover deletion-letter failed: No vendor named or with id "Nobody"' });
  });

  it('is in --help, which says the PDF is printed from the app', async () => {
    const lines: string[] = [];
    expect(await runCli(['--help'], { out: (s) => void lines.push(s), err: (s) => void lines.push(s) })).toBe(0);
    expect(lines.join('\n')).toMatch(/handover deletion-letter --db FILE --vendor NAME_OR_ID \[--by YYYY-MM-DD\] \[--all\] --out FILE\.html .*print the PDF from the app/);
  });
});
