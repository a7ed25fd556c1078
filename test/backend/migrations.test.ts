import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/core/backend';
import { MIGRATIONS, SCHEMA_VERSION } from '../../electron/core/store/migrations';
import { BUSY_TIMEOUT_MS, migrate, openWorkbook, type Db } from '../../electron/core/store/open';
import { logActivity } from '../../electron/core/store/activity';
import { chainHead, keptHead, verifyActivityChain } from '../../electron/core/store/activityChain';
import { ITEM_STATUS, LINK_KINDS } from '../../shared/checklists';
import * as E from '../../shared/enums';
import { REGISTER_KINDS } from '../../shared/records';
import { BUILTIN_TEMPLATES } from '../../shared/templates';
import { expectCountsMatchRecords } from './readinessInput';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const fresh = () => {
  dir = mkdtempSync(join(tmpdir(), 'hw-mig-'));
  return join(dir, 'wb.sqlite');
};

describe('opening a workbook', () => {
  it('creates a fresh workbook at the newest schema with the safety pragmas', () => {
    const db = openWorkbook(fresh());
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('busy_timeout', { simple: true })).toBe(BUSY_TIMEOUT_MS);
    const tables = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'search_fts%' AND name NOT LIKE 'sqlite_%'`).all() as { name: string; sql: string }[];
    expect(tables.map((t) => t.name).sort()).toEqual(
      ['access_credentials', 'activity', 'attachment_links', 'attachments', 'checklist_item_links', 'checklist_items', 'checklists', 'contract_links', 'contract_notices',
        'contract_terms_version', 'contracts', 'data_sets', 'documents', 'exit_costs', 'infrastructure_items', 'licences', 'people',
        'processes', 'readiness_access_counts', 'readiness_dataset_counts', 'readiness_document_counts', 'readiness_history', 'readiness_infrastructure_counts',
        'readiness_item_counts', 'readiness_licence_counts', 'readiness_process_counts', 'readiness_repository_counts', 'repositories', 'search_docs', 'settings', 'template_items', 'templates', 'vendors'],
    );
    for (const t of tables) expect(t.sql, t.name).toMatch(/\)\s*STRICT(, WITHOUT ROWID)?$/);
    db.close();
  });

  it('applies pending migrations once and in order, and is idempotent', () => {
    const path = fresh();
    openWorkbook(path).close();
    const db = openWorkbook(path);
    expect(migrate(db)).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('brings a version-1 workbook forward and keeps its records', () => {
    const path = fresh();
    const db = new Database(path);
    migrate(db, MIGRATIONS.filter((m) => m.version === 1));
    const now = '2026-01-01T00:00:00.000Z';
    db.prepare(`INSERT INTO vendors (id, name, created_at, updated_at) VALUES ('v1', 'Kept', ?, ?)`).run(now, now);
    db.close();
    const upgraded = openWorkbook(path);
    expect(upgraded.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(upgraded.prepare('SELECT name FROM vendors').all()).toEqual([{ name: 'Kept' }]);
    upgraded.close();
  });

  it('puts a version-2 workbook\'s live checklist items into the search index (migration 3)', () => {
    const path = fresh();
    const db = new Database(path);
    migrate(db, MIGRATIONS.filter((m) => m.version <= 2));
    const now = '2026-01-01T00:00:00.000Z';
    const vendorId = '11111111-1111-4111-8111-111111111111';
    db.prepare(`INSERT INTO vendors (id, name, created_at, updated_at) VALUES (?, 'Kept', ?, ?)`).run(vendorId, now, now);
    db.prepare(`INSERT INTO checklists (id, vendor_id, name, created_at, updated_at) VALUES ('c1', ?, 'Exit', ?, ?)`).run(vendorId, now, now);
    const item = db.prepare(`INSERT INTO checklist_items (id, checklist_id, vendor_id, position, phase, title, description, evidence, created_at, updated_at, deleted_at)
      VALUES (?, 'c1', ?, ?, 1, ?, ?, ?, ?, ?, ?)`);
    item.run('i1', vendorId, 0, 'Collect firewall rules', 'From the appliance', 'Ticket OPS-4711', now, now, null);
    item.run('i2', vendorId, 1, 'Deleted firewall item', '', '', now, now, now);
    db.close();
    const upgraded = openWorkbook(path);
    const hits = (q: string) => upgraded.prepare(`SELECT d.record_id AS id, d.kind, d.vendor_id AS vendorId FROM search_fts f JOIN search_docs d ON d.rowid = f.rowid
      WHERE search_fts MATCH ?`).all(q);
    expect(hits('"firewall"*')).toEqual([{ id: 'i1', kind: 'checklist_item', vendorId }]);
    expect(hits('"ops"* "4711"*')).toEqual([{ id: 'i1', kind: 'checklist_item', vendorId }]);
    expect(hits(`{scope} : ("kchecklist_item" "v${vendorId.replaceAll('-', '')}")`)).toHaveLength(1);
    upgraded.close();
  });

  it('marks a version-3 workbook\'s item owners as set by hand: until then every owner was (migration 4)', () => {
    const path = fresh();
    const db = new Database(path);
    migrate(db, MIGRATIONS.filter((m) => m.version <= 3));
    const now = '2026-01-01T00:00:00.000Z';
    const vendorId = '11111111-1111-4111-8111-111111111111';
    db.prepare(`INSERT INTO vendors (id, name, created_at, updated_at) VALUES (?, 'Kept', ?, ?)`).run(vendorId, now, now);
    db.prepare(`INSERT INTO people (id, name, created_at, updated_at) VALUES ('p1', 'Anna', ?, ?)`).run(now, now);
    db.prepare(`INSERT INTO checklists (id, vendor_id, name, created_at, updated_at) VALUES ('c1', ?, 'Exit', ?, ?)`).run(vendorId, now, now);
    const item = db.prepare(`INSERT INTO checklist_items (id, checklist_id, vendor_id, position, phase, title, owner_id, created_at, updated_at)
      VALUES (?, 'c1', ?, ?, 2, ?, ?, ?, ?)`);
    item.run('owned', vendorId, 0, 'Knowledge transfer: Payroll', 'p1', now, now);
    item.run('unowned', vendorId, 1, 'Knowledge transfer: Patching', null, now, now);
    db.close();
    const upgraded = openWorkbook(path);
    expect(upgraded.prepare('SELECT id, owner_id, owner_manual FROM checklist_items ORDER BY id').all()).toEqual([
      { id: 'owned', owner_id: 'p1', owner_manual: 1 },
      { id: 'unowned', owner_id: null, owner_manual: 0 },
    ]);
    expect(() => upgraded.prepare(`UPDATE checklist_items SET owner_manual = 2 WHERE id = 'owned'`).run()).toThrow(/CHECK/);
    upgraded.close();
  });

  it('runs all pending migrations in one transaction: a failing one leaves the workbook as it was', () => {
    const path = fresh();
    const db = new Database(path);
    const broken = [...MIGRATIONS, { version: SCHEMA_VERSION + 1, name: 'adds a table', sql: 'CREATE TABLE extra (x INTEGER) STRICT;' },
      { version: SCHEMA_VERSION + 2, name: 'broken', sql: 'CREATE TABLE nope (' }];
    expect(() => migrate(db, broken)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'`).get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuses a workbook written by a newer version and leaves the file byte for byte untouched', () => {
    const path = fresh();
    const future = new Database(path);
    future.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    future.exec('CREATE TABLE from_the_future (x INTEGER)');
    future.close();
    const before = createHash('sha256').update(readFileSync(path)).digest('hex');
    expect(() => openWorkbook(path)).toThrow(/newer version of Handover Workbook/);
    expect(() => createBackend({ workbookPath: path, appVersion: 'x' })).toThrow(/newer version/);
    expect(createHash('sha256').update(readFileSync(path)).digest('hex')).toBe(before);
  });

  it('keeps the activity log append-only, every entry chained', () => {
    const db = openWorkbook(fresh());
    logActivity(db, { id: 'a', at: 'now', actor: 'me', action: 'create', kind: 'vendor', recordId: null, vendorId: null, summary: 's' });
    expect(() => db.prepare(`UPDATE activity SET actor = 'someone else'`).run()).toThrow(/append-only/);
    // A hash, once there, is never rewritten either (only the upgrade fills in missing ones).
    expect(() => db.prepare(`UPDATE activity SET hash = 'x'`).run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM activity').run()).toThrow(/append-only/);
    expect(() => db.prepare(`INSERT INTO activity (id, at, actor, action, kind, summary) VALUES ('b', 'now', 'me', 'create', 'vendor', 's')`).run())
      .toThrow(/place in the chain/);
    db.close();
  });

  it('enforces the closed value sets in the database itself', () => {
    const db = openWorkbook(fresh());
    const now = '2026-01-01T00:00:00.000Z';
    expect(() => db.prepare(`INSERT INTO vendors (id, name, status, created_at, updated_at) VALUES ('v', 'V', 'bogus', ?, ?)`).run(now, now)).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO vendors (id, name, exit_date, created_at, updated_at) VALUES ('v', 'V', '2026-1-1', ?, ?)`).run(now, now)).toThrow(/CHECK/);
    db.close();
  });
});

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

// The SHA-256 of each shipped migration's SQL. A workbook at version N has exactly the schema these
// texts make: editing one would give new workbooks a different "version N" than existing ones.
// Record a new migration's digest here when you add it (the failure message prints it).
const SHIPPED: Record<number, string> = {
  1: '26bc87721d24f2fd90222d8b90b24f0877da70628cf836c631b69fc9ceaf865f',
  2: '9b1c43ac6b55b3335582db1f2d3afb84b368e4e90f10ad1e5bc370ff1e1848b9',
  3: '0a2de36f2c5ecb700eb3f28ec80f68bcb11483635125cc5eaa362e20dbda09b7',
  4: '7f86ac181035cc52b7a0f95132767dcd133e468dc17cafa4b4c8f781b56303ab',
  5: '396613b07ff8ede24903affbd91098467229db3ceb8d6e19823c30756ac60efd',
  6: '205f2c83a4049b6d1c31712519d935d9c962a469bb6541c4c5000df490b6f747',
  7: '5d6a398ee24888fd013c53f3accd4523cf46206150251b132d06399b89b6a375',
  8: 'bb96c8a8662aed66134048ab290b8443779f3d61ac2d29ef5568d4d3715f0c59',
  9: 'db8b69aa5fc4014d746d44fa18f5b579d36a54e732d311569ba2bb043886bce9',
  10: '434e6e676552b10b4ed1e1e0dda55b7bce4ab1f4474b5ca70aa7e4c3a13e5531',
};

const STORE = join(__dirname, '../../electron/core/store');
const MIGRATION_DIR = join(STORE, 'migrations');
const FIXTURES = join(__dirname, '../fixtures/workbooks');

describe('frozen migrations', () => {
  it('numbers the migrations 1, 2, 3 … in order', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('keeps every shipped migration\'s text as it shipped', () => {
    for (const m of MIGRATIONS) {
      const digest = sha256(m.sql);
      const shipped = SHIPPED[m.version];
      if (shipped === undefined) {
        expect.fail(`migration ${m.version} (${m.name}) has no recorded digest: add ${m.version}: '${digest}' to SHIPPED in test/backend/migrations.test.ts`);
      }
      expect(digest, `migration ${m.version} (${m.name}) was edited after it shipped. Workbooks at version ${m.version} already exist with the old schema: `
        + `put the text back and add a new migration at the end of electron/core/store/migrations.ts instead`).toBe(shipped);
    }
  });

  it('takes each migration\'s SQL from a file of its own that imports and interpolates nothing', () => {
    // The schema of a shipped version must not follow today's code: no enum arrays, no helpers.
    const files = readdirSync(MIGRATION_DIR).sort();
    expect(files, 'one file per migration, named NNNN-what.ts').toEqual(
      MIGRATIONS.map((m) => expect.stringMatching(new RegExp(`^${String(m.version).padStart(4, '0')}-[a-z0-9-]+\\.ts$`))),
    );
    for (const file of files) {
      const text = readFileSync(join(MIGRATION_DIR, file), 'utf8');
      expect(text, `${file} imports nothing`).not.toMatch(/\bimport\b|\brequire\s*\(/);
      expect(text, `${file} interpolates nothing`).not.toContain('${');
      expect(text, `${file} exports only its SQL text`).toMatch(/^(\/\/.*\n)*export default `[^`]*`;\n$/);
    }
    const list = readFileSync(join(STORE, 'migrations.ts'), 'utf8');
    const imports = [...list.matchAll(/\bfrom\s+'([^']+)'/g)].map((m) => m[1]);
    expect(imports, 'migrations.ts imports only the migration files').toEqual(files.map((f) => `./migrations/${f.replace(/\.ts$/, '')}`));
    expect(list).not.toMatch(/\$\{|\brequire\s*\(/);
  });

  it('still allows exactly the values of each closed set in shared/: a changed set needs a new migration', () => {
    const db = new Database(':memory:');
    migrate(db);
    const sets: [table: string, column: string, values: readonly string[]][] = [
      ['vendors', 'renewal', E.RENEWAL], ['vendors', 'exit_kind', E.EXIT_KIND], ['vendors', 'target', E.EXIT_TARGET],
      ['vendors', 'status', E.VENDOR_STATUS], ['people', 'side', E.PERSON_SIDE], ['processes', 'criticality', E.CRITICALITY],
      ['processes', 'kt_stage', E.KT_STAGE], ['repositories', 'org_owner', E.ORG_OWNER], ['repositories', 'escrow', E.ESCROW],
      ['repositories', 'transfer_status', E.REPO_TRANSFER], ['licences', 'type', E.LICENCE_TYPE], ['licences', 'licensee', E.LICENSEE],
      ['licences', 'transferable', E.TRANSFERABLE], ['licences', 'transfer_status', E.LICENCE_TRANSFER],
      ['documents', 'kind', E.DOCUMENT_KIND], ['documents', 'status', E.DOCUMENT_STATUS],
      ['checklist_items', 'status', ITEM_STATUS], ['checklist_item_links', 'record_kind', LINK_KINDS],
      ['contracts', 'kind', E.CONTRACT_KIND], ['contracts', 'renewal', E.RENEWAL], ['contracts', 'notice_unit', E.NOTICE_UNIT],
      ['contracts', 'notice_method', E.NOTICE_METHOD], ['contracts', 'ended_by_exit', E.YES_NO], ['contracts', 'exit_assistance', E.CLAUSE],
      ['contract_notices', 'method', E.NOTICE_METHOD], ['exit_costs', 'category', E.COST_CATEGORY],
      ['template_items', 'register', REGISTER_KINDS], ['checklist_items', 'register', REGISTER_KINDS],
    ];
    for (const [table, column, values] of sets) {
      const sql = db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`).pluck().get(table) as string;
      const check = new RegExp(`CHECK \\(${column} IN \\(([^)]*)\\)\\)`).exec(sql);
      expect(check, `${table}.${column} has a CHECK of its values`).not.toBeNull();
      expect(check![1]!.split(', ').map((v) => v.replace(/^'|'$/g, '')),
        `${table}.${column} allows other values than shared/ lists: add a migration that changes the CHECK`).toEqual([...values]);
    }
    db.close();
  });
});

type Rows = Map<string, { columns: string[]; rows: string[] }>;

/** Every row of every table (FTS shadow tables aside: search_fts itself is read), as JSON text per row. */
function snapshot(db: Db): Rows {
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_fts_%' ORDER BY name`).pluck().all() as string[];
  const out: Rows = new Map();
  for (const t of tables) {
    const columns = (db.prepare(`SELECT name FROM pragma_table_xinfo(?) WHERE hidden = 0`).pluck().all(t) as string[]);
    const select = t === 'search_fts' ? ['rowid', ...columns] : columns;
    const rows = (db.prepare(`SELECT ${select.map((c) => `"${c}"`).join(', ')} FROM "${t}"`).raw().all() as unknown[][]).map((r) => JSON.stringify(r)).sort();
    out.set(t, { columns: select, rows });
  }
  return out;
}

/**
 * The built-in templates' items and the checklist items started from them name the register the
 * shipped templates give them (shared/templates.ts), recognised by phase and title; others none.
 */
function expectBuiltinRegisters(db: Db): void {
  const expected = new Map<string, string | null>(BUILTIN_TEMPLATES.flatMap((t) => t.items.map((i) => [`${t.key}|${i.phase}|${i.title}`, i.register ?? null] as const)));
  const rows = (sql: string) => db.prepare(sql).all() as { key: string; register: string | null }[];
  const templateItems = rows(`SELECT t.builtin || '|' || i.phase || '|' || i.title AS key, i.register FROM template_items i JOIN templates t ON t.id = i.template_id WHERE t.builtin IS NOT NULL`);
  const items = rows(`SELECT t.builtin || '|' || i.phase || '|' || i.title AS key, i.register FROM checklist_items i JOIN checklists c ON c.id = i.checklist_id
    JOIN templates t ON t.id = c.template_id WHERE t.builtin IS NOT NULL`);
  for (const r of [...templateItems, ...items]) expect(r.register, r.key).toBe(expected.get(r.key) ?? null);
  expect(templateItems.filter((r) => r.register !== null).length, 'built-in template items name their register').toBeGreaterThan(0);
  expect(items.filter((r) => r.register !== null).length, 'checklist items from the built-in template name their register').toBeGreaterThan(0);
  expect(db.prepare(`SELECT count(*) FROM checklist_items i JOIN checklists c ON c.id = i.checklist_id LEFT JOIN templates t ON t.id = c.template_id
    WHERE i.register IS NOT NULL AND t.builtin IS NULL`).pluck().get(), 'items of other checklists are left alone').toBe(0);
}

const schemaOf = (db: Db) => db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name').all();

function schemaAt(version: number) {
  const db = new Database(':memory:');
  migrate(db, MIGRATIONS.filter((m) => m.version <= version));
  const schema = schemaOf(db);
  db.close();
  return schema;
}

const fixtures = readdirSync(FIXTURES).filter((f) => f.endsWith('.sqlite')).map((f) => ({ file: f, version: Number(/^v(\d+)\.sqlite$/.exec(f)?.[1]) })).sort((a, b) => a.version - b.version);

describe('workbooks written by earlier versions of the app (test/fixtures/workbooks, see make.sh there)', () => {
  it('has one for every earlier schema version', () => {
    const earlier = MIGRATIONS.map((m) => m.version).filter((v) => v < SCHEMA_VERSION);
    expect(fixtures.map((f) => f.version), 'make the missing ones with test/fixtures/workbooks/make.sh').toEqual(expect.arrayContaining(earlier));
  });

  it.each(fixtures)('$file has the schema the frozen migrations make for its version, and upgrades keeping every row', async ({ file, version }) => {
    dir = mkdtempSync(join(tmpdir(), 'hw-mig-'));
    const path = join(dir, file);
    copyFileSync(join(FIXTURES, file), path);

    const old = new Database(path, { readonly: true });
    expect(old.pragma('user_version', { simple: true })).toBe(version);
    // The old app's own schema, byte for byte: the frozen text is what really shipped.
    expect(schemaOf(old)).toEqual(schemaAt(version));
    const before = snapshot(old);
    old.close();
    expect(before.get('vendors')!.rows.length, `${file} holds records to lose`).toBeGreaterThan(0);

    const db = openWorkbook(path);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(schemaOf(db), 'an upgraded workbook has the schema of a new one').toEqual(schemaAt(SCHEMA_VERSION));
    // Nothing lost: every row that was there is still there with the values of the columns it had.
    for (const [table, { columns, rows }] of before) {
      const now = db.prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${table}"`).raw().all() as unknown[][];
      const kept = new Set(now.map((r) => JSON.stringify(r)));
      const lost = rows.filter((r) => !kept.has(r));
      expect(lost, `rows of ${table} lost or changed by the upgrade from ${version}`).toEqual([]);
    }
    // What the later migrations add, on the old app's real data.
    if (version >= 2) {
      const items = db.prepare(`SELECT count(*) FROM checklist_items WHERE deleted_at IS NULL`).pluck().get();
      expect(items).toBeGreaterThan(0);
      expect(db.prepare(`SELECT count(*) FROM search_docs WHERE kind = 'checklist_item'`).pluck().get(), 'live items are searchable (migration 3)').toBe(items);
    }
    // Migrations 5 and 10 count what was there: the kept readiness counts match the records.
    if (version < 10) expectCountsMatchRecords(db);
    // Migration 10 names the register of the built-in templates' items, and of the checklist
    // items started from them that still read as that item (same phase and title).
    if (version >= 2 && version < 10) expectBuiltinRegisters(db);
    // Migration 6 chains the entries that were there, oldest first, and keeps the head.
    if (version < 6) {
      const chain = verifyActivityChain(db);
      expect(chain.broken).toBeNull();
      expect(chain.entries).toBe(before.get('activity')!.rows.length);
      expect(chain.entries).toBeGreaterThan(0);
      expect(keptHead(db)).toEqual(chainHead(db));
    }
    if (version < 4 && version >= 2) {
      expect(db.prepare('SELECT count(*) FROM checklist_items WHERE owner_manual <> (owner_id IS NOT NULL)').pluck().get(),
        'owners chosen before migration 4 count as set by hand').toBe(0);
    }
    db.close();

    // The app itself works on it.
    const backend = createBackend({ workbookPath: path, appVersion: 'x' });
    const vendorId = (backend.db.prepare('SELECT id FROM vendors WHERE deleted_at IS NULL LIMIT 1').pluck().get() as string);
    const readiness = await backend.dispatch('readiness.vendor', { vendorId });
    expect(readiness.ok, JSON.stringify(readiness)).toBe(true);
    backend.close();
  });
});
