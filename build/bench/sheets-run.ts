// One sheet import end to end in a process of its own (build/bench/sheets.ts starts it), so its
// peak memory is its own: a fresh workbook with one vendor, the dry run, then the apply, through
// the dispatcher as every face calls it. Prints one line of JSON with the figures.
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createBackend } from '../../electron/core/backend';

const [dir, sheet] = process.argv.slice(2) as [string, string];
const backend = createBackend({ workbookPath: join(dir, `wb-${Date.now()}.sqlite`), appVersion: 'bench' });
const call = async (method: string, input: unknown) => {
  const r = await backend.dispatch(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as Record<string, unknown>;
};
await call('vendor.create', { name: 'Bench vendor' });
const base = { source: { path: sheet }, kind: 'processes', vendor: 'Bench vendor' };
const t0 = performance.now();
const inspection = await call('sheets.inspect', base);
const t1 = performance.now();
const preview = await call('sheets.preview', { ...base, mapping: inspection.mapping });
const t2 = performance.now();
// How long the backend's event loop was held at most while the apply ran (what every face waits at worst).
const held = monitorEventLoopDelay({ resolution: 10 });
held.enable();
const applied = await call('sheets.apply', { ...base, mapping: inspection.mapping });
const t3 = performance.now();
// One more timer turn: the delay monitor samples a hold only when its timer next fires, and the
// apply's last stretch (its commit) ends in the very turn the call answers.
await new Promise((resolve) => setTimeout(resolve, 20));
held.disable();
backend.close();
console.log(JSON.stringify({
  inspectMs: t1 - t0, previewMs: t2 - t1, applyMs: t3 - t2, totalMs: t3 - t0,
  applyHeldMs: held.max / 1e6, added: applied.added, refused: (preview.refused as unknown[]).length, maxRssMb: process.resourceUsage().maxRSS / 1024,
}));
