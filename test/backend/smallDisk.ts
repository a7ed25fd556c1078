// Real file systems that refuse to be written: a tiny one that fills up (ENOSPC) and a read-only
// one (EROFS). They are tmpfs mounts, so they need a machine where the tests may mount (root);
// where they may not, the tests that need them are skipped.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SmallDisk {
  /** The mounted folder. */
  dir: string;
  unmount(): void;
}

/** Mounts a tmpfs of `kilobytes` (read-only when asked); null where mounting is not permitted. */
export function mountSmallDisk(kilobytes: number, options: { readOnly?: boolean } = {}): SmallDisk | null {
  const dir = mkdtempSync(join(tmpdir(), 'hw-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${kilobytes}k${options.readOnly ? ',ro' : ''}`, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
  return {
    dir,
    unmount() {
      execFileSync('umount', [dir], { stdio: 'ignore' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A folder nothing may be written in: a read-only mount for root (who ignores permissions), a
 * folder without write permission for anyone else; null where neither can be had.
 */
export function readOnlyFolder(): SmallDisk | null {
  if (process.getuid?.() === 0) return mountSmallDisk(64, { readOnly: true });
  const dir = mkdtempSync(join(tmpdir(), 'hw-ro-'));
  chmodSync(dir, 0o555);
  return {
    dir,
    unmount() {
      chmodSync(dir, 0o755);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
