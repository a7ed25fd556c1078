// Files the CLI writes for the user (a calendar, a deletion letter) go in under a temporary name
// and are renamed into place: never half-written at the path, never replacing what appeared meanwhile.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeDestination } from '../../electron/core/services/destination';

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'hw-dest-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const rules = (replace: boolean) => ({ field: '--out', extension: '.ics', workbookPath: join(dir, 'wb.sqlite'), replace });

describe('writeDestination', () => {
  it('writes the whole file and leaves no temporary file beside it', () => {
    const target = join(dir, 'deadlines.ics');
    writeDestination(target, 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n', rules(false));
    expect(readFileSync(target, 'utf8')).toBe('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
    expect(readdirSync(dir)).toEqual(['deadlines.ics']);
  });

  it('does not replace a file that appeared after the first check, and cleans up its temporary file', () => {
    const target = join(dir, 'deadlines.ics');
    writeFileSync(target, 'theirs');
    expect(() => writeDestination(target, 'ours', rules(false))).toThrow(/--out/);
    expect(readFileSync(target, 'utf8')).toBe('theirs');
    expect(readdirSync(dir)).toEqual(['deadlines.ics']);
  });

  it('replaces it when the user said so', () => {
    const target = join(dir, 'deadlines.ics');
    writeFileSync(target, 'theirs');
    writeDestination(target, 'ours', rules(true));
    expect(readFileSync(target, 'utf8')).toBe('ours');
  });
});
