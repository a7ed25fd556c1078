// Attachment benchmark: a 2 GB file stored through the browser face's upload route (POST
// /attachments, the server in a child process, the bytes streamed to it from this one) and through
// `attachment.addFile` (the desktop's path, in a child process), against `cp` followed by
// `sha256sum` of the same file in the same run. The peak RSS is the storing process's own.
// Prints figures, asserts nothing; the file lives in /tmp and is deleted after.
// BENCH_ATTACH_MB sets the file size (default 2048).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { peakRssMb } from './packs';

const HERE = fileURLToPath(import.meta.url);
const MB = 1024 * 1024;
const TOKEN = 'bench-token-0123456789abcdef';

/** A file of `mb` MiB: a random block written over and over (hashing costs the same for any bytes). */
async function makeFile(path: string, mb: number): Promise<void> {
  const block = randomBytes(16 * MB);
  const fh = await open(path, 'wx');
  try {
    for (let done = 0; done < mb; done += 16) await fh.write(block, 0, Math.min(16, mb - done) * MB);
  } finally {
    await fh.close();
  }
}

/** A workbook with one document to attach to, made before any clock starts. */
async function workbookWithDocument(dir: string, name: string): Promise<{ workbook: string; documentId: string }> {
  const { createBackend } = await import('../../electron/core/backend');
  const workbook = join(dir, `${name}.sqlite`);
  const backend = createBackend({ workbookPath: workbook, appVersion: 'bench' });
  const v = await backend.dispatch('vendor.create', { name: 'Bench' });
  const d = await backend.dispatch('document.create', { vendorId: (v as { value: { id: string } }).value.id, title: 'Disk image' });
  backend.close();
  return { workbook, documentId: (d as { value: { id: string } }).value.id };
}

function timed(cmd: string, args: string[]): number {
  const t = performance.now();
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (r.error || r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.error?.message ?? r.stderr}`);
  return (performance.now() - t) / 1000;
}

/** Starts a child running `what`; resolves with its lines as they come, and a way to talk to it. */
function startChild(args: string[]) {
  const c = spawn(process.execPath, ['--import', 'tsx', HERE, ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: c.stdout! })[Symbol.asyncIterator]();
  const next = async () => {
    const { value, done } = await lines.next();
    if (done) throw new Error(`bench child ${args[0]} ended early`);
    return JSON.parse(value as string) as Record<string, number>;
  };
  return { next, say: (line: string) => c.stdin!.write(`${line}\n`), exited: new Promise<void>((r) => c.on('exit', () => r())) };
}

/** Streams the file as the body of POST /attachments; resolves with the seconds and the answer's status. */
async function upload(port: number, documentId: string, file: string): Promise<{ seconds: number; status: number }> {
  const t = performance.now();
  const status = await new Promise<number>((resolve, reject) => {
    const req = request({
      host: '127.0.0.1', port, method: 'POST', path: `/attachments?documentId=${documentId}&name=disk.img`,
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/octet-stream', 'content-length': String(statSync(file).size) },
    }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    pipeline(createReadStream(file, { highWaterMark: MB }), req).catch(reject);
  });
  return { seconds: (performance.now() - t) / 1000, status };
}

async function runChild(argv: string[]): Promise<void> {
  const [what, workbook, documentId, file] = argv;
  const { createBackend } = await import('../../electron/core/backend');
  const backend = createBackend({ workbookPath: workbook!, appVersion: 'bench', allowPackPaths: what !== 'server' });
  if (what === 'server') {
    const { startWebServer } = await import('../../electron/web/server');
    const staticDir = mkdtempSync(join(workbook!, '..', 'static-'));
    const web = await startWebServer({ dispatch: backend.dispatch, token: TOKEN, staticDir, attachments: backend.attachments });
    process.stdout.write(`${JSON.stringify({ port: web.port })}\n`);
    // Told by the parent when its upload is answered.
    await new Promise<void>((r) => process.stdin.once('data', () => r()));
    await web.close();
  } else {
    const t = performance.now();
    const r = await backend.dispatch('attachment.addFile', { documentId: documentId!, path: file! });
    if (!r.ok) throw new Error(`attachment.addFile: ${r.error.message}`);
    process.stdout.write(`${JSON.stringify({ seconds: (performance.now() - t) / 1000 })}\n`);
  }
  backend.close();
  process.stdout.write(`${JSON.stringify({ maxRssMb: peakRssMb() })}\n`);
  process.exit(0);
}

export async function benchAttachments(): Promise<void> {
  const mb = Number(process.env.BENCH_ATTACH_MB ?? 2048);
  const dir = mkdtempSync('/tmp/handover-bench-attach-');
  const file = join(dir, 'disk.img');
  const mbs = (s: number) => `${(mb / s).toFixed(0)} MB/s`;
  try {
    await makeFile(file, mb);
    console.log(`Attachments: one file of ${(mb / 1024).toFixed(2)} GiB in /tmp`);
    const copy = join(dir, 'copy.img');
    const cpS = timed('cp', [file, copy]);
    const sumS = timed('sha256sum', [copy]);
    rmSync(copy);
    const base = cpS + sumS;
    console.log(`  cp + sha256sum            ${base.toFixed(2)} s  ${mbs(base)}  (cp ${cpS.toFixed(2)} s, sha256sum ${sumS.toFixed(2)} s)`);

    const web = await workbookWithDocument(dir, 'web');
    const server = startChild(['server', web.workbook]);
    const { port } = await server.next();
    const up = await upload(port!, web.documentId, file);
    server.say('done');
    const serverRss = (await server.next()).maxRssMb!;
    await server.exited;
    if (up.status !== 200) throw new Error(`the upload was answered ${up.status}`);
    rmSync(join(dir, 'web.attachments'), { recursive: true, force: true });
    console.log(`  POST /attachments         ${up.seconds.toFixed(2)} s  ${mbs(up.seconds)}  server peak RSS ${serverRss.toFixed(0)} MB`);

    const desk = await workbookWithDocument(dir, 'desk');
    const adder = startChild(['addFile', desk.workbook, desk.documentId, file]);
    const add = (await adder.next()).seconds!;
    const addRss = (await adder.next()).maxRssMb!;
    await adder.exited;
    console.log(`  attachment.addFile        ${add.toFixed(2)} s  ${mbs(add)}  peak RSS ${addRss.toFixed(0)} MB`);
    console.log(`  upload: ${(base / up.seconds).toFixed(2)}× the speed of cp + sha256sum (target ≥ 0.8×), peak RSS ${serverRss.toFixed(0)} MB (target ≤ 200)`);
    console.log(`  addFile: ${(base / add).toFixed(2)}× the speed of cp + sha256sum (target ≥ 0.8×), peak RSS ${addRss.toFixed(0)} MB (target ≤ 200)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === HERE && process.argv[2]) {
  await runChild(process.argv.slice(2));
}
