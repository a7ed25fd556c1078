// `npm run bench`: prints speed figures (tests never time anything). The backend, pack, attachment and sheet parts run here;
// the UI part (Chromium) runs when the renderer is built and Chromium is installed.
import { existsSync } from 'node:fs';
import { register } from 'tsx/esm/api';

register();
const { benchBackend } = await import('./bench/backend.ts');
console.log('Handover Workbook benchmarks\n');
await benchBackend();
console.log('');
const { benchDashboard } = await import('./bench/dashboard.ts');
await benchDashboard();
console.log('');
const { benchPacks } = await import('./bench/packs.ts');
await benchPacks();
console.log('');
const { benchAge } = await import('./bench/age.ts');
await benchAge();
console.log('');
const { benchImportLive } = await import('./bench/import-live.ts');
await benchImportLive();
console.log('');
const { benchAttachments } = await import('./bench/attachments.ts');
await benchAttachments();
console.log('');
const { benchSheets } = await import('./bench/sheets.ts');
await benchSheets();
console.log('');
const { benchActivityChain } = await import('./bench/activity-chain.ts');
await benchActivityChain();

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(new URL('./bench-ui.mjs', import.meta.url))) {
  if (existsSync(chromium)) {
    console.log('');
    await import('./bench-ui.mjs');
  } else {
    console.log(`\nUI benchmark skipped: no Chromium at ${chromium} (apt-get install chromium).`);
  }
}
