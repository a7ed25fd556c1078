// The Electron fuses electron-builder.yml burns into the packaged binary: every switch the app
// does not need is off, the integrity checks are on (Electron's security checklist).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

/** The `electronFuses:` block of electron-builder.yml as name → value. */
function fuses(): Record<string, string> {
  const yml = readFileSync(join(root, 'electron-builder.yml'), 'utf8');
  const block = /^electronFuses:\n((?:[ \t]+.*\n|\n)+)/m.exec(yml)?.[1] ?? '';
  const out: Record<string, string> = {};
  for (const line of block.split('\n')) {
    const m = /^\s+(\w+):\s*(\S+)\s*$/.exec(line);
    if (m) out[m[1]!] = m[2]!;
  }
  return out;
}

describe('electron-builder.yml fuses', () => {
  it('turns off running as Node, NODE_OPTIONS, the inspector and file:// extra privileges', () => {
    expect(fuses()).toMatchObject({
      runAsNode: 'false',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      grantFileProtocolExtraPrivileges: 'false',
    });
  });

  it('loads the app only from an integrity-checked app.asar, and encrypts cookies', () => {
    expect(fuses()).toMatchObject({
      onlyLoadAppFromAsar: 'true',
      enableEmbeddedAsarIntegrityValidation: 'true',
      enableCookieEncryption: 'true',
    });
  });
});
