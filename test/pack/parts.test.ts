// The pieces: CSV cells, entry names, the zip writer (store or deflate, blocks, zip64) and reader.
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvCell, csvLine } from '../../electron/core/pack/csv';
import { removeStaleStaging } from '../../electron/core/pack/import';
import { attachmentName } from '../../electron/core/pack/format';
import { collisionProblems, nameProblem } from '../../electron/core/pack/names';
import { openPack } from '../../electron/core/pack/zip-read';
import { ZipWriter, type ZipEntryInput } from '../../electron/core/pack/zip-write';
import { escapeHtml } from '../../electron/core/pack/report-html';
import { escapeMd } from '../../electron/core/pack/report-md';
import { builtinTemplateId } from '../../electron/core/pack/tables';
import { craftZip, sha256, zeroBomb } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'hw-parts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('CSV', () => {
  it('escapes every cell a spreadsheet would run as a formula, full-width forms included', () => {
    for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '＝1', '＋1', '－1', '＠x']) expect(csvCell(s).replace(/^"|"$/g, '')).toBe(`'${s}`);
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell(-5)).toBe('-5'); // numbers are numbers, not text
  });

  const hex = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

  it('escapes a formula behind invisible characters, each of them', () => {
    for (const z of ['\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u2060', '\uFEFF', '\u00AD', '\u180E']) {
      expect(csvCell(`${z}=1+1`), hex(z)).toBe(`'${z}=1+1`);
      expect(csvCell(`${z}${z}@SUM(A1)`), `${hex(z)} twice`).toBe(`'${z}${z}@SUM(A1)`);
      expect(csvCell(`${z}\u200B-2`), `${hex(z)} then U+200B`).toBe(`'${z}\u200B-2`);
      expect(csvCell(`${z}plain text`), `${hex(z)} before text`).toBe(`${z}plain text`);
    }
  });

  it('escapes the look-alike starters, alone or behind an invisible character', () => {
    for (const c of ['\uFE62', '\uFE63', '\uFE66', '\uFE6B', '\u2212']) {
      expect(csvCell(`${c}1`), hex(c)).toBe(`'${c}1`);
      expect(csvCell(`\u2060${c}cmd|' /C calc'!A0`), `U+2060 then ${hex(c)}`).toBe(`'\u2060${c}cmd|' /C calc'!A0`);
      expect(csvCell(`a${c}b`), `${hex(c)} inside`).toBe(`a${c}b`);
    }
  });

  it('quotes as RFC 4180 says', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=a,"b"')).toBe(`"'=a,""b"""`);
    expect(csvCell(null)).toBe('');
    expect(csvCell(true)).toBe('true');
    expect(csvLine(['a', 1, null])).toBe('a,1,\r\n');
  });
});

describe('entry names', () => {
  it('accept only the format\'s own names', () => {
    expect(nameProblem('manifest.json')).toBeNull();
    expect(nameProblem('data/checklist_items.csv')).toBeNull();
    expect(nameProblem(`attachments/${'a'.repeat(64)}`)).toBeNull();
    expect(nameProblem(`attachments/${'A'.repeat(64)}`)).toMatch(/not a file of the pack format/);
    expect(nameProblem(`attachments/${'a'.repeat(64)}.pdf`)).toBeNull();
    expect(nameProblem(`attachments/${'a'.repeat(64)}.7z`)).toBeNull();
    for (const bad of ['.PDF', '.exe', '.lnk', '.tar.gz', '.', '.a-b', '.abcdefghijk', '.pdf.', '/x.pdf']) {
      expect(nameProblem(`attachments/${'a'.repeat(64)}${bad}`), bad).not.toBeNull();
    }
    expect(nameProblem('data/settings.json')).toMatch(/not a file of the pack format/);
    expect(nameProblem('README.HTML')).toMatch(/not a file of the pack format/);
    expect(nameProblem('x'.repeat(300))).toMatch(/longer than 255/);
    expect(nameProblem('data/vendors.json ')).toMatch(/dot or a space/);
  });

  it('give an attachment the extension of its file name when it is short, plain and safe', () => {
    const sha = 'b'.repeat(64);
    expect(attachmentName(sha, 'Contract.PDF')).toBe(`attachments/${sha}.pdf`);
    expect(attachmentName(sha, 'backup.tar.gz')).toBe(`attachments/${sha}.gz`);
    expect(attachmentName(sha, 'scan 2026.03.jpeg')).toBe(`attachments/${sha}.jpeg`);
    // None: no extension, a dot file, too long, not plain letters and digits, or one that runs.
    for (const name of ['README', '.bashrc', 'notes.', 'x.verylongextension', 'x.tar-gz', 'x.pdf ', 'x.ﬁle', 'x.ｐｄｆ', 'setup.exe', 'run.BAT', 'link.lnk', 'a.url', 'deploy.sh', 'dir/x', undefined]) {
      expect(attachmentName(sha, name), String(name)).toBe(`attachments/${sha}`);
    }
    for (const name of ['a.pdf', 'b.docx', 'c.7z', 'd.log']) expect(nameProblem(attachmentName(sha, name)), name).toBeNull();
  });

  it('find duplicates and case or Unicode collisions', () => {
    expect(collisionProblems(['a', 'b'])).toEqual([]);
    expect(collisionProblems(['a', 'a', 'a'])).toHaveLength(1);
    expect(collisionProblems(['README.html', 'readme.HTML'])[0]!.message).toMatch(/collides/);
    expect(collisionProblems(['ﬁle', 'file'])[0]!.message).toMatch(/collides/); // NFKC ligature
  });
});

describe('escaping in the reports', () => {
  it('HTML and Markdown', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(escapeMd('a|b *c* [d](e) <f> # g\nh')).toBe('a\\|b \\*c\\* \\[d\\](e) \\<f\\> # g h');
    expect(escapeMd('# heading')).toBe('\\# heading');
  });
});

describe('built-in template ids in packs', () => {
  it('are stable UUIDs made from the key', () => {
    expect(builtinTemplateId('exit')).toBe(builtinTemplateId('exit'));
    expect(builtinTemplateId('exit')).not.toBe(builtinTemplateId('emergency_exit'));
    expect(builtinTemplateId('exit')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('the zip writer and reader', () => {
  const text = Buffer.from(Array.from({ length: 60000 }, (_, i) => `row ${i}: the quick brown fox ${i % 17}\n`).join(''));
  const random = randomBytes(700_000);
  const inputs = (): ZipEntryInput[] => {
    writeFileSync(join(dir, 'text.txt'), text);
    writeFileSync(join(dir, 'random.bin'), random);
    writeFileSync(join(dir, 'photo.jpg'), Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('x'.repeat(50000))]));
    writeFileSync(join(dir, 'empty'), '');
    return [
      { name: 'report.md', source: { kind: 'generated', chunks: async function* () { for (let i = 0; i < 3000; i++) yield `line ${i} ${'é'.repeat(i % 5)}\n`; } } },
      { name: `attachments/${sha256(text)}`, source: { kind: 'file', path: join(dir, 'text.txt'), size: text.length } },
      { name: `attachments/${sha256(random)}`, source: { kind: 'file', path: join(dir, 'random.bin'), size: random.length } },
      { name: 'attachments/c'.padEnd(76, 'c'), source: { kind: 'file', path: join(dir, 'photo.jpg'), size: 50004, fileName: 'photo.jpg' } },
      { name: 'attachments/e'.padEnd(76, 'e'), source: { kind: 'file', path: join(dir, 'empty'), size: 0 } },
      { name: 'README.html', source: { kind: 'generated', chunks: async function* () {} } },
    ];
  };

  for (const forceZip64 of [false, true]) {
    it(`writes entries in small blocks that read back byte for byte${forceZip64 ? ' (zip64 records forced)' : ''}`, async () => {
      const path = join(dir, `t${forceZip64 ? '64' : ''}.zip`);
      const fh = await open(path, 'w');
      const w = new ZipWriter(fh, { blockSize: 64 * 1024, forceZip64 });
      const written = await w.write(inputs());
      await w.finish();
      await fh.close();
      const method = Object.fromEntries(written.map((e) => [e.name.slice(0, 13), e.method]));
      expect(method['attachments/c']).toBe(0); // a JPEG (magic number) is stored
      expect(written.find((e) => e.size === random.length)!.method).toBe(0); // random bytes do not deflate
      expect(written.find((e) => e.size === text.length)!.method).toBe(8);
      expect(written.find((e) => e.size === text.length)!.compressedSize).toBeLessThan(text.length / 4);
      const pack = await openPack(path);
      expect(pack.problems).toEqual([]);
      for (const e of pack.entries) {
        const chunks: Buffer[] = [];
        await pack.read(e, (c) => { chunks.push(c); });
        const got = Buffer.concat(chunks);
        expect(sha256(got)).toBe(written.find((x) => x.name === e.name)!.sha256);
      }
      await pack.close();
      const unzip = spawnSync('unzip', ['-tq', path], { encoding: 'utf8' });
      if (unzip.error === undefined) expect(unzip.status, unzip.stdout + unzip.stderr).toBe(0);
    });
  }

  it('read an honest entry that expands 1000 times; stop a lying one at the first byte beyond its declared size', async () => {
    const path = join(dir, 'zeros.zip');
    const declared = 1024 * 1024;
    writeFileSync(path, craftZip([
      { name: `attachments/${'d'.repeat(64)}.img`, data: Buffer.alloc(20 * declared) },
      // 1 GiB of zeros inflating from 1 MiB, declared as 1 MiB.
      { name: `attachments/${'e'.repeat(64)}.img`, data: Buffer.alloc(declared), body: zeroBomb(64) },
    ]));
    const pack = await openPack(path);
    try {
      expect(pack.problems).toEqual([]);
      const [honest, bomb] = pack.entries;
      expect(honest!.size / honest!.compressedSize).toBeGreaterThan(1000);
      let got = 0;
      await pack.read(honest!, (c) => { got += c.length; });
      expect(got).toBe(20 * declared);
      got = 0;
      await expect(pack.read(bomb!, (c) => { got += c.length; })).rejects.toThrow(/more than the 1048576 bytes its header declares/);
      expect(got).toBeLessThanOrEqual(declared);
    } finally {
      await pack.close();
    }
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    const fh = await open(join(dir, 'abort.zip'), 'w');
    const w = new ZipWriter(fh, { blockSize: 16 * 1024, signal: controller.signal, onProgress: () => controller.abort() });
    await expect(w.write(inputs())).rejects.toMatchObject({ name: 'AbortError' });
    await fh.close();
  });
});

describe('staging folders left by a killed import', () => {
  it('are removed when the workbook opens, once they are an hour old; others are kept', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hw-stale-'));
    try {
      const old = join(dir, '.wb.import-0123456789ab');
      const fresh = join(dir, '.wb.import-ba9876543210');
      const other = join(dir, '.other.import-0123456789ab');
      for (const d of [old, fresh, other]) {
        mkdirSync(d);
        writeFileSync(join(d, 'blob'), 'x');
      }
      const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
      utimesSync(old, twoHoursAgo, twoHoursAgo);
      utimesSync(other, twoHoursAgo, twoHoursAgo);
      expect(removeStaleStaging(join(dir, 'wb.sqlite'))).toBe(1);
      expect([existsSync(old), existsSync(fresh), existsSync(other)]).toEqual([false, true, true]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

