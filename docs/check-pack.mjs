#!/usr/bin/env node
// Checks an extracted transition pack without Handover Workbook: every file manifest.json lists is
// there with its size and SHA-256, and nothing else is. Needs only Node.js (18 or later).
//   unzip pack.zip -d pack && node check-pack.mjs pack
// The app's own `handover verify pack.zip` checks much more (the zip itself, every record).
import { createHash } from 'node:crypto';
import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const dir = process.argv[2];
if (!dir) {
  console.error('Usage: node check-pack.mjs FOLDER (a pack extracted with unzip)');
  process.exit(2);
}

const sha256 = (path) => new Promise((resolve, reject) => {
  const hash = createHash('sha256');
  createReadStream(path).on('data', (c) => hash.update(c)).on('error', reject).on('end', () => resolve(hash.digest('hex')));
});

function walk(d, out = []) {
  for (const name of readdirSync(d)) {
    const p = join(d, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(relative(dir, p).split(sep).join('/'));
  }
  return out;
}

const problems = [];
let manifest;
try {
  manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
} catch (e) {
  console.error(`manifest.json: cannot be read (${e.message})`);
  process.exit(1);
}
if (manifest.format !== 'handover-workbook-pack' || manifest.version !== 1) problems.push('manifest.json: not a version 1 transition pack');
const listed = new Map((manifest.files ?? []).map((f) => [f.path, f]));
for (const [path, f] of listed) {
  // Only the format's own names: never follow a listed path out of the folder.
  if (!/^(README\.html|report\.md|history\/activity\.json|data\/[a-z_]+\.(json|csv)|attachments\/[0-9a-f]{64}(\.[a-z0-9]{1,10})?)$/.test(path)) {
    problems.push(`${path}: not a name a pack may hold`);
    continue;
  }
  let size;
  try {
    size = statSync(join(dir, path)).size;
  } catch {
    problems.push(`${path}: missing`);
    continue;
  }
  if (size !== f.size) problems.push(`${path}: ${size} bytes, the manifest says ${f.size}`);
  else if ((await sha256(join(dir, path))) !== f.sha256) problems.push(`${path}: its SHA-256 differs from the manifest's`);
}
// manifest.json.minisig signs the manifest (minisign -Vm manifest.json checks it), so it is not listed.
for (const path of walk(dir)) if (path !== 'manifest.json' && path !== 'manifest.json.minisig' && !listed.has(path)) problems.push(`${path}: not listed in the manifest`);

if (problems.length) {
  console.error(`NOT intact (${problems.length} problem${problems.length === 1 ? '' : 's'}):`);
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
console.log(`Intact: ${listed.size} files as listed in manifest.json (made ${manifest.createdAt} by ${manifest.createdBy}).`);
