// Verifying a pack: is it intact and exactly what its manifest says? Every problem names its file.
import type { PackVerifyReport } from '../../../shared/packs';
import type { PackLimits } from './format';
import type { PackKeys } from './encrypted';
import { inspectPack } from './inspect';
import { summarise } from './manifest';

export async function verifyPack(path: string, opts: { limits?: PackLimits; signal?: AbortSignal; onProgress?: (bytes: number) => void; keys?: PackKeys | undefined } = {}): Promise<PackVerifyReport> {
  const r = await inspectPack(path, { ...opts, collectRows: false });
  return { ok: r.problems.length === 0, problems: r.problems, manifest: r.manifest ? summarise(r.manifest) : null, history: r.history ?? null };
}
