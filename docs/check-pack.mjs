#!/usr/bin/env node
// Checks an extracted transition pack without Handover Workbook: every file manifest.json lists is
// there with its size and SHA-256, and nothing else is; every table the manifest counts has its
// data file holding that many records, and every table of the pack's format version is counted.
// Needs only Node.js (18 or later).
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
// The tables of each format version (docs/pack-format.md): version 2 added the registers and contract links.
const V1_TABLES = ['vendors', 'people', 'processes', 'repositories', 'licences', 'documents', 'contracts', 'contract_notices', 'exit_costs',
  'templates', 'template_items', 'checklists', 'checklist_items', 'checklist_item_links', 'attachments', 'attachment_links'];
const V2_TABLES = ['access_credentials', 'data_sets', 'infrastructure_items', 'contract_links'];
// Packs of the first version made before contracts and exit costs travelled do not count them.
const OPTIONAL_IN_V1 = new Set(['contracts', 'contract_notices', 'exit_costs']);
const TABLES_OF = { 1: V1_TABLES, 2: [...V1_TABLES, ...V2_TABLES] };
// Looked up as an own key only: a version such as "constructor" names no table list.
const tables = manifest.format === 'handover-workbook-pack' && Object.hasOwn(TABLES_OF, String(manifest.version)) ? TABLES_OF[manifest.version] : undefined;
if (!tables) {
  problems.push(manifest.format === 'handover-workbook-pack' && typeof manifest.version === 'number' && manifest.version > 2
    ? `manifest.json: format version ${manifest.version}, newer than this checker knows (1 and 2): get the check-pack.mjs of the app that made it`
    : 'manifest.json: not a version 1 or 2 transition pack');
}
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
const counts = manifest.counts ?? {};
for (const table of Object.keys(counts)) {
  if (tables && !tables.includes(table)) problems.push(`manifest.json: counts ${table}, which is not a table of version ${manifest.version} packs`);
}
for (const table of tables ?? []) {
  const path = `data/${table}.json`;
  if (counts[table] === undefined) {
    if (!(manifest.version === 1 && OPTIONAL_IN_V1.has(table))) problems.push(`manifest.json: does not count ${table}, which every version ${manifest.version} pack holds`);
    continue;
  }
  if (!listed.has(path)) {
    problems.push(`${path}: missing (the manifest counts ${counts[table]} of its records)`);
    continue;
  }
  let text;
  try {
    text = readFileSync(join(dir, path), 'utf8');
  } catch {
    continue; // reported above as missing
  }
  // One record per line between "[" and "]" (docs/pack-format.md).
  const records = text.split('\n').filter((l) => l.trimStart().startsWith('{')).length;
  if (records !== counts[table]) problems.push(`${path}: holds ${records} records, the manifest says ${counts[table]}`);
}
// manifest.json.minisig signs the manifest (minisign -Vm manifest.json checks it), so it is not listed.
for (const path of walk(dir)) if (path !== 'manifest.json' && path !== 'manifest.json.minisig' && !listed.has(path)) problems.push(`${path}: not listed in the manifest`);

if (problems.length) {
  console.error(`NOT intact (${problems.length} problem${problems.length === 1 ? '' : 's'}):`);
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
const held = (tables ?? []).filter((t) => counts[t] !== undefined).map((t) => `${counts[t]} ${t}`).join(', ');
console.log(`Intact: ${listed.size} files as listed in manifest.json (format version ${manifest.version}, made ${manifest.createdAt} by ${manifest.createdBy}); records: ${held}.`);
