import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/core/backend';
import { MIGRATIONS, SCHEMA_VERSION } from '../../electron/core/store/migrations';
import { BUSY_TIMEOUT_MS, migrate, openWorkbook } from '../../electron/core/store/open';

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
      ['activity', 'attachment_links', 'attachments', 'checklist_item_links', 'checklist_items', 'checklists', 'documents', 'licences', 'people',
        'processes', 'readiness_history', 'repositories', 'search_docs', 'settings', 'template_items', 'templates', 'vendors'],
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

  it('keeps the activity log append-only', () => {
    const db = openWorkbook(fresh());
    db.prepare(`INSERT INTO activity (id, at, actor, action, kind, summary) VALUES ('a', 'now', 'me', 'create', 'vendor', 's')`).run();
    expect(() => db.prepare(`UPDATE activity SET actor = 'someone else'`).run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM activity').run()).toThrow(/append-only/);
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
