// The backend host: the entry of the Electron utility process main.ts forks (built as
// out/main/backendHost.js), so reading and writing the workbook never holds the window's process.
// Main's first message hands over the MessagePort the whole protocol then runs on
// (host-protocol.ts); everything after that is plain Node (host-serve.ts). This file uses only
// `process.parentPort`, which Electron gives a utility process; it imports nothing of Electron.
import type { ParentPort } from 'electron';
import { mainPortLike } from './host-protocol';
import { serveBackend } from './host-serve';

const parent = (process as NodeJS.Process & { parentPort?: ParentPort }).parentPort;
if (!parent) {
  console.error('Handover Workbook backend: this file runs in an Electron utility process (utilityProcess.fork), not on its own.');
  process.exit(2);
}

parent.once('message', (e) => {
  const port = e.ports[0];
  if (!port) {
    console.error('Handover Workbook backend: the first message from the app carried no port.');
    process.exit(2);
  }
  serveBackend(mainPortLike(port), { exit: (code) => process.exit(code) });
});
