// Encrypted pack benchmark: the same ~1 GB corpus as the pack benchmark (packs.ts), exported plain,
// encrypted to an age recipient and encrypted to a passphrase, each in a child process of its own
// so its peak RSS is its own; then the encrypted pack verified with its identity. Prints the
// figures against the targets (peak RSS ≤ 200 MB, ≥ 0.7× the plain export's throughput, same run);
// asserts nothing; deletes the corpus after. BENCH_PACK_MB sets the corpus size (default 1024).
// Standalone: node --import tsx build/bench/age.ts
import { spawnSync } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeCorpus, peakRssMb } from './packs';

const HERE = fileURLToPath(import.meta.url);
const MB = 1024 * 1024;

interface Run {
  seconds: number;
  maxRssMb: number;
  bytes: number;
}

function child(args: string[]): Run {
  const r = spawnSync(process.execPath, ['--import', 'tsx', HERE, ...args], { encoding: 'utf8', maxBuffer: 16 * MB });
  if (r.status !== 0) throw new Error(`bench child ${args[0]} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as Run;
}

async function runChild([what, workbook, pack, key]: string[]): Promise<void> {
  // Loaded before the clock starts: the clock measures the work, not the TypeScript loader.
  const { exportPack } = await import('../../electron/core/pack/export');
  const { verifyPack } = await import('../../electron/core/pack/verify');
  const started = performance.now();
  let bytes = 0;
  if (what === 'verify') {
    const r = await verifyPack(pack!, { keys: { identity: key! } });
    if (!r.ok) throw new Error(`the encrypted pack did not verify: ${JSON.stringify(r.problems.slice(0, 3))}`);
    bytes = statSync(pack!).size;
  } else {
    const encryption = what === 'recipient' ? { recipients: [key!] } : what === 'passphrase' ? { passphrase: key! } : undefined;
    const r = await exportPack({ workbookPath: workbook!, vendorIds: 'all', attachments: true, redact: false, destination: pack!, appVersion: 'bench', now: new Date(), encryption });
    bytes = r.size;
  }
  const result: Run = { seconds: (performance.now() - started) / 1000, maxRssMb: peakRssMb(), bytes };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

export async function benchAge(): Promise<void> {
  const { generateIdentity } = await import('../../electron/core/pack/age');
  const totalMb = Number(process.env.BENCH_PACK_MB ?? 1024);
  const corpus = await makeCorpus(totalMb);
  const gb = (n: number) => `${(n / 1024 ** 3).toFixed(2)} GB`;
  const line = (label: string, r: Run, base?: Run) => console.log(`  ${label.padEnd(26)}${r.seconds.toFixed(2)} s  ${(corpus.bytes / MB / r.seconds).toFixed(0)} MB/s  pack ${gb(r.bytes)}  peak RSS ${r.maxRssMb.toFixed(0)} MB`
    + (base ? `  ${(base.seconds / r.seconds).toFixed(2)}× the plain export's throughput (target ≥ 0.7×, RSS ≤ 200 MB)` : ''));
  console.log(`Encrypted packs (age): corpus of ${gb(corpus.bytes)} in ${corpus.files} attachments`);
  try {
    const { identity, recipient } = generateIdentity();
    const plain = child(['plain', corpus.workbook, join(corpus.dir, 'plain.zip')]);
    rmSync(join(corpus.dir, 'plain.zip'));
    line('export, plain', plain);
    const sealed = join(corpus.dir, 'sealed.zip.age');
    line('export, to a recipient', child(['recipient', corpus.workbook, sealed, recipient]), plain);
    line('verify, with the identity', child(['verify', '', sealed, identity]));
    rmSync(sealed);
    // scrypt at age's work factor 18 needs 256 MiB of its own for about a second, before the stream starts.
    line('export, to a passphrase', child(['passphrase', corpus.workbook, join(corpus.dir, 'pw.zip.age'), 'bench passphrase']), plain);
  } finally {
    rmSync(corpus.dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === HERE) {
  if (process.argv[2]) await runChild(process.argv.slice(2));
  else await benchAge();
}
