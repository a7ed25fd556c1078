// Pack benchmark: export and import of a workbook with about 1 GB of attachments (half text, half
// already-compressed random bytes), against Info-ZIP in the same run: `zip -r` of the same files,
// and `unzip` followed by `sha256sum -c` of the same pack. Export and import run in child
// processes so their peak RSS is their own; each also watches its event loop
// (perf_hooks.monitorEventLoopDelay). Prints figures, asserts nothing; deletes the corpus after.
// BENCH_PACK_MB sets the corpus size (default 1024).
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { seededRandom } from '../../electron/core/demo/random';

const HERE = fileURLToPath(import.meta.url);
const MB = 1024 * 1024;

interface ChildResult {
  seconds: number;
  /** CPU time of the whole process (all threads): above `seconds` means more than one core worked. */
  cpuSeconds: number;
  maxRssMb: number;
  loopMaxMs: number;
  loopP99Ms: number;
  bytes: number;
}

// ---- the corpus ------------------------------------------------------------------------------


const WORDS = ('payroll backup restore verify certificate renewal firewall rule change ticket incident problem release deploy rollback '
  + 'database replica snapshot retention schedule nightly weekly monthly vendor handover runbook escalation on-call engineer approval '
  + 'account access revoke rotate secret vault token pipeline build artifact repository branch merge review export import invoice '
  + 'ledger cost centre budget licence seat renewal contract notice exit transition knowledge transfer shadowing sign-off service '
  + 'level availability latency throughput capacity storage network switch router gateway dns zone record mail relay queue').split(' ');
const NAMES = ['anna.costa', 'bob.meyer', 'chen.li', 'dara.okafor', 'emil.novak', 'farid.rossi', 'greta.berg', 'hugo.lambert'];
const LEVELS = ['INFO', 'INFO', 'INFO', 'WARN', 'DEBUG', 'ERROR'];

/** Realistic text: log lines and prose, about 3–4× compressible like real logs and documents. */
function textFile(rand: () => number, size: number): Buffer {
  const parts: string[] = [];
  let n = 0;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  let t = Date.UTC(2026, 0, 1) + Math.floor(rand() * 1e9);
  while (n < size) {
    let line: string;
    if (rand() < 0.7) {
      t += Math.floor(rand() * 5000);
      line = `${new Date(t).toISOString()} ${pick(LEVELS)} ${pick(WORDS)}-${pick(WORDS)}[${Math.floor(rand() * 65536)}]: ${pick(WORDS)} ${pick(WORDS)} `
        + `batch=${Math.floor(rand() * 1e6)} user=${pick(NAMES)} took=${Math.floor(rand() * 5000)}ms id=${Math.floor(rand() * 2 ** 32).toString(16)}\n`;
    } else {
      const words = Array.from({ length: 8 + Math.floor(rand() * 14) }, () => pick(WORDS));
      line = `${words.join(' ')}.\n`;
    }
    parts.push(line);
    n += line.length;
  }
  return Buffer.from(parts.join('')).subarray(0, size);
}

interface Corpus {
  dir: string;
  workbook: string;
  store: string;
  bytes: number;
  files: number;
}

export async function makeCorpus(totalMb: number): Promise<Corpus> {
  const { createBackend } = await import('../../electron/core/backend');
  const { attachmentDir, blobPath } = await import('../../electron/core/store/blobs');
  const dir = mkdtempSync(join(tmpdir(), 'hw-bench-packs-'));
  const workbook = join(dir, 'corpus.sqlite');
  const backend = createBackend({ workbookPath: workbook, appVersion: 'bench' });
  const call = async (m: string, input: unknown) => {
    const r = await backend.dispatch(m, input);
    if (!r.ok) throw new Error(`${m}: ${r.error.message}`);
    return r.value as { id: string };
  };
  const store = attachmentDir(workbook);
  const rand = seededRandom(7);
  const vendor = await call('vendor.create', { name: 'Bench Vendor' });
  const docs: string[] = [];
  for (let i = 0; i < 20; i++) docs.push((await call('document.create', { vendorId: vendor.id, title: `Document ${i}` })).id);
  // Files straight into the store (as an attachment upload would put them) and rows in one transaction:
  // adding a gigabyte through the API one fsync at a time would only slow the setup down.
  const rows: { sha: string; size: number; name: string; type: string; doc: string }[] = [];
  const half = (totalMb * MB) / 2;
  let bytes = 0;
  for (const kind of ['text', 'random'] as const) {
    let made = 0;
    let i = 0;
    while (made < half) {
      // Mostly small and medium files, a few large ones.
      const r = rand();
      const size = Math.min(half - made, Math.floor(r < 0.6 ? 20_000 + rand() * 500_000 : r < 0.95 ? 1 * MB + rand() * 6 * MB : 20 * MB + rand() * 30 * MB));
      const content = kind === 'text' ? textFile(rand, size) : randomBytes(size);
      const sha = createHash('sha256').update(content).digest('hex');
      const path = blobPath(store, sha);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
      const ext = kind === 'text' ? (i % 3 === 0 ? 'md' : 'log') : ['jpg', 'zip', 'bin', 'dat'][i % 4]!;
      rows.push({ sha, size, name: `${kind}-${i}.${ext}`, type: kind === 'text' ? 'text/plain' : 'application/octet-stream', doc: docs[i % docs.length]! });
      made += size;
      bytes += size;
      i++;
    }
  }
  const now = new Date().toISOString();
  backend.db.transaction(() => {
    const att = backend.db.prepare('INSERT INTO attachments (id, sha256, size, file_name, media_type, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const link = backend.db.prepare(`INSERT INTO attachment_links (id, attachment_id, owner_kind, owner_id, file_name, created_at, updated_at) VALUES (?, ?, 'document', ?, ?, ?, ?)`);
    for (const r of rows) {
      const id = crypto.randomUUID();
      att.run(id, r.sha, r.size, r.name, r.type, now, now);
      link.run(crypto.randomUUID(), id, r.doc, r.name, now, now);
    }
  })();
  backend.db.pragma('wal_checkpoint(TRUNCATE)');
  backend.close();
  return { dir, workbook, store, bytes, files: rows.length };
}

// ---- the measured runs (child processes) -----------------------------------------------------

function child(args: string[]): ChildResult {
  const r = spawnSync(process.execPath, ['--import', 'tsx', HERE, ...args], { encoding: 'utf8', maxBuffer: 16 * MB });
  if (r.status !== 0) throw new Error(`bench child ${args[0]} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as ChildResult;
}

async function runChild(argv: string[]): Promise<void> {
  const [what, a, b] = argv;
  // Load the code first: the clock measures the work, not the TypeScript loader.
  const { exportPack } = await import('../../electron/core/pack/export');
  const { createBackend } = await import('../../electron/core/backend');
  const { importPack } = await import('../../electron/core/pack/import');
  // The empty workbook to import into is made before the clock starts.
  const backend = what === 'import' ? createBackend({ workbookPath: b!, appVersion: 'bench' }) : null;
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const started = performance.now();
  const cpu = process.cpuUsage();
  let bytes = 0;
  if (what === 'export') {
    const r = await exportPack({ workbookPath: a!, vendorIds: 'all', attachments: true, redact: false, destination: b!, appVersion: 'bench', now: new Date() });
    bytes = r.size;
  } else {
    const r = await importPack({ db: backend!.db, workbookPath: b!, clock: { now: () => new Date() }, newId: () => crypto.randomUUID() }, a!);
    bytes = r.attachmentsWritten;
  }
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  loop.disable();
  backend?.close();
  const result: ChildResult = {
    seconds, bytes, cpuSeconds: (used.user + used.system) / 1e6, maxRssMb: peakRssMb(), loopMaxMs: loop.max / 1e6, loopP99Ms: loop.percentile(99) / 1e6,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/**
 * This process's own peak RSS. Not getrusage's ru_maxrss: on Linux an exec'd child keeps the
 * high-water mark its parent had when it forked, so it would report the parent's peak.
 */
export function peakRssMb(): number {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kb) return Number(kb) / 1024;
  } catch {
    // not Linux: fall back below
  }
  return process.resourceUsage().maxRSS / 1024;
}

function timed(cmd: string, args: string[], cwd: string): number | null {
  const t = performance.now();
  const r = spawnSync(cmd, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (r.error) return null;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  return (performance.now() - t) / 1000;
}

const has = (cmd: string) => spawnSync(cmd, ['-v'], { stdio: 'ignore' }).error === undefined;

export async function benchPacks(): Promise<void> {
  const totalMb = Number(process.env.BENCH_PACK_MB ?? 1024);
  const setup = performance.now();
  const corpus = await makeCorpus(totalMb);
  const gb = (n: number) => `${(n / 1024 ** 3).toFixed(2)} GB`;
  const mbs = (bytes: number, s: number) => `${(bytes / MB / s).toFixed(0)} MB/s`;
  console.log(`Packs: corpus of ${gb(corpus.bytes)} in ${corpus.files} attachments, half text, half incompressible (made in ${((performance.now() - setup) / 1000).toFixed(0)} s)`);
  try {
    const ours = join(corpus.dir, 'ours.zip');
    const ex = child(['export', corpus.workbook, ours]);
    const oursSize = statSync(ours).size;
    console.log(`  export (ours)             ${ex.seconds.toFixed(2)} s  ${mbs(corpus.bytes, ex.seconds)}  pack ${gb(oursSize)}  CPU ${ex.cpuSeconds.toFixed(1)} s  peak RSS ${ex.maxRssMb.toFixed(0)} MB  event loop max ${ex.loopMaxMs.toFixed(0)} ms (p99 ${ex.loopP99Ms.toFixed(0)} ms)`);

    const target = join(corpus.dir, 'imported', 'wb.sqlite');
    mkdirSync(dirname(target));
    const im = child(['import', ours, target]);
    console.log(`  import (ours, verified)   ${im.seconds.toFixed(2)} s  ${mbs(corpus.bytes, im.seconds)}  CPU ${im.cpuSeconds.toFixed(1)} s  peak RSS ${im.maxRssMb.toFixed(0)} MB  event loop max ${im.loopMaxMs.toFixed(0)} ms (p99 ${im.loopP99Ms.toFixed(0)} ms)`);
    rmSync(dirname(target), { recursive: true, force: true });

    if (!has('zip') || !has('unzip') || !has('sha256sum')) {
      console.log('  Info-ZIP comparison skipped: zip, unzip or sha256sum is missing (apt-get install -y zip unzip).');
      return;
    }
    const theirs = join(corpus.dir, 'infozip.zip');
    const zipS = timed('zip', ['-r', '-q', theirs, '.'], corpus.store)!;
    const theirSize = statSync(theirs).size;
    rmSync(theirs);
    console.log(`  zip -r                    ${zipS.toFixed(2)} s  ${mbs(corpus.bytes, zipS)}  zip ${gb(theirSize)}`);

    const out = join(corpus.dir, 'unzipped');
    mkdirSync(out);
    const manifest = JSON.parse(spawnSync('unzip', ['-p', ours, 'manifest.json'], { encoding: 'utf8', maxBuffer: 64 * MB }).stdout) as { files: { path: string; sha256: string }[] };
    writeFileSync(join(corpus.dir, 'SHA256SUMS'), manifest.files.map((f) => `${f.sha256}  ${f.path}\n`).join(''));
    const unzipS = timed('unzip', ['-q', ours, '-d', out], corpus.dir)!;
    const sumS = timed('sha256sum', ['--quiet', '-c', join(corpus.dir, 'SHA256SUMS')], out)!;
    rmSync(out, { recursive: true, force: true });
    console.log(`  unzip + sha256sum -c      ${(unzipS + sumS).toFixed(2)} s  ${mbs(corpus.bytes, unzipS + sumS)}  (unzip ${unzipS.toFixed(2)} s, sha256sum ${sumS.toFixed(2)} s)`);
    console.log(`  export: ${(zipS / ex.seconds).toFixed(2)}× the throughput of zip -r (target ≥ 1.5×), size ${(oursSize / theirSize).toFixed(3)}× (target ≤ 1.01×), peak RSS ${ex.maxRssMb.toFixed(0)} MB (target ≤ 200)`);
    console.log(`  import: ${((unzipS + sumS) / im.seconds).toFixed(2)}× the throughput of unzip + sha256sum -c (target ≥ 1.2×), peak RSS ${im.maxRssMb.toFixed(0)} MB (target ≤ 200)`);
    console.log(`  event loop: longest stall ${Math.max(ex.loopMaxMs, im.loopMaxMs).toFixed(0)} ms (target ≤ 100 ms)`);
  } finally {
    rmSync(corpus.dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === HERE && process.argv[2]) {
  await runChild(process.argv.slice(2));
}

