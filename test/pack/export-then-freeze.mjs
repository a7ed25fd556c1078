// Test helper (leftovers.test.ts): exports a pack and freezes once the pack's partial file is being
// written, saying so on stdout, so the test can kill this process exactly there (SIGKILL: nothing
// of ours runs after it, as when the machine loses power).
//   node export-then-freeze.mjs WORKBOOK DESTINATION
import { writeSync } from 'node:fs';
import { register } from 'tsx/esm/api';

register();
const { exportPack } = await import('../../electron/core/pack/export.ts');
const [workbookPath, destination] = process.argv.slice(2);
let frozen = false;
await exportPack({
  workbookPath, destination, vendorIds: 'all', attachments: true, redact: false, appVersion: 'test', now: new Date(),
  onProgress: (p) => {
    if (frozen || p.bytesDone === 0) return;
    frozen = true;
    writeSync(1, 'writing\n');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0); // until killed
  },
});
