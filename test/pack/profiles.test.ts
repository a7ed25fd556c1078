// Redaction profiles: what each profile's pack holds and leaves out (data files, sheets, README),
// what its manifest says, that every reference in it finds its row, and that importing a cut pack
// never erases, at the receiver, what the pack did not carry.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDITOR_INTENT, NEW_PROVIDER_FIELDS } from '../../shared/pack-profiles';
import { verifyPack } from '../../electron/core/pack/verify';
import { DATA_TABLES, type DataTable } from '../../electron/core/pack/format';
import { TABLES, type Row } from '../../electron/core/pack/tables';
import type { TestWorkbook } from '../backend/helpers';
import { fill, type Fixture } from './fixture';
import { craftZip, dbSnapshot, exportThroughApi, makePackWorkbook, packFiles, toCraft, withManifest, type PackFile } from './helpers';
import { existsSync, writeFileSync } from 'node:fs';
import { runCli } from '../../electron/cli/main';
import type { Io } from '../../electron/cli/usage';

let a: TestWorkbook;
let fx: Fixture;
const NOTE = 'INTERNAL-NOTE-do-not-share';

beforeAll(async () => {
  a = makePackWorkbook(1);
  fx = await fill(a);
  await a.call('vendor.update', { id: fx.vendorA, changes: { notes: `${NOTE} vendor` } });
  await a.call('licence.update', { id: fx.licenceA, changes: { notes: `${NOTE} licence` } });
  await a.call('process.update', { id: fx.processA, changes: { notes: `${NOTE} process` } });
  await a.call('person.update', { id: fx.personIn, changes: { notes: `${NOTE} person` } });
  // Ana's first item links the repository and the licence: her pack must carry them.
  await a.call('checklist.link', { itemId: fx.itemIds[0]!, recordKind: 'repository', recordId: fx.repoA });
  await a.call('checklist.link', { itemId: fx.itemIds[0]!, recordKind: 'licence', recordId: fx.licenceA });
});

afterAll(() => a.close());

interface Pack {
  path: string;
  files: PackFile[];
  rows: Map<DataTable, Row[]>;
  manifest: { redacted: boolean; redactedFields: string[]; profile?: { name: string; person?: { id: string; name: string }; tables?: string[] }; vendors: { id: string; name: string }[] };
  readme: string;
  /** Every file but the attachments, as text. */
  text: string;
}

async function exportProfile(wb: TestWorkbook, name: string, input: Record<string, unknown>): Promise<Pack> {
  const path = await exportThroughApi(wb, { all: true, ...input, destination: join(wb.dir, `${name}.zip`) });
  const files = await packFiles(path);
  const get = (n: string) => files.find((f) => f.name === n)!.data.toString('utf8');
  const rows = new Map(DATA_TABLES.map((t) => [t, JSON.parse(get(`data/${t}.json`)) as Row[]]));
  return {
    path, files, rows, manifest: JSON.parse(get('manifest.json')) as Pack['manifest'], readme: get('README.html'),
    text: files.filter((f) => !f.name.startsWith('attachments/')).map((f) => f.data.toString('utf8')).join('\n'),
  };
}

const LINK_TABLE: Record<string, DataTable> = { process: 'processes', repository: 'repositories', licence: 'licences', document: 'documents' };

/**
 * Every reference of every row finds its row in the pack itself (required or not), so the pack
 * means the same wherever it is imported. Checklists may name a built-in template (each workbook
 * has its own copy, never in a pack).
 */
function danglingReferences(pack: Pack): string[] {
  const ids = new Map(DATA_TABLES.map((t) => [t, new Set(pack.rows.get(t)!.map((r) => r.id as string))]));
  const out: string[] = [];
  for (const t of DATA_TABLES) {
    for (const r of pack.rows.get(t)!) {
      for (const ref of TABLES[t].refs) {
        const v = r[ref.field];
        if (typeof v === 'string' && !ids.get(ref.table)!.has(v) && !(t === 'checklists' && ref.field === 'templateId')) out.push(`${t}.${ref.field} ${v}`);
      }
      if (t === 'checklist_item_links' && !ids.get(LINK_TABLE[r.recordKind as string]!)!.has(r.recordId as string)) out.push(`${t}.recordId ${String(r.recordId)}`);
      if (t === 'attachment_links' && !ids.get(r.ownerKind === 'document' ? 'documents' : 'checklist_items')!.has(r.ownerId as string)) out.push(`${t}.ownerId ${String(r.ownerId)}`);
    }
  }
  return out;
}

async function expectSound(pack: Pack) {
  const report = await verifyPack(pack.path);
  expect(report.problems).toEqual([]);
  expect(danglingReferences(pack)).toEqual([]);
  return report;
}

describe('full (the default)', () => {
  it('holds everything and says it is full', async () => {
    const plain = await exportProfile(a, 'plain', {});
    const full = await exportProfile(a, 'full', { profile: 'full' });
    for (const t of DATA_TABLES) expect(full.rows.get(t)!.length, t).toBe(plain.rows.get(t)!.length);
    expect(full.manifest.profile).toEqual({ name: 'full' });
    expect(full.manifest.redactedFields).toEqual([]);
    expect(full.text).toContain(NOTE);
    const report = await expectSound(full);
    expect(report.manifest?.profile).toEqual({ name: 'full' });
  });
});

describe('new provider', () => {
  let pack: Pack;
  beforeAll(async () => {
    pack = await exportProfile(a, 'new-provider', { profile: 'new-provider' });
  });

  it('leaves out costs, the contract terms and every note, in the data, the sheets and the README', () => {
    const licence = pack.rows.get('licences')!.find((r) => r.id === fx.licenceA)!;
    expect(licence).toMatchObject({ annualCost: null, currency: '', notes: '', product: 'PayCalc Pro', seats: 25 });
    const vendor = pack.rows.get('vendors')!.find((r) => r.id === fx.vendorA)!;
    expect(vendor).toMatchObject({ contractRef: '', contractStart: null, contractEnd: null, renewal: 'none', noticeDays: null, leadDays: null, notes: '' });
    // What the new provider plans to stays.
    expect(vendor).toMatchObject({ exitDate: '2026-11-30', services: 'Payroll runs, backups' });
    // The serve-notice date (2026-09-02) would tell the contract's end, notice and lead time.
    for (const secret of [NOTE, '12000', 'EUR', 'HYPERLINK', '2026-12-31', '2026-09-02']) expect(pack.text, secret).not.toContain(secret);
    expect(pack.readme).not.toMatch(/<(dt|th scope="row")>(Serve notice by|Contract end|Renewal|Notice period)/);
    expect(pack.readme).toContain('<td>withheld</td>');
  });

  it('leaves the activity log out, and says why: its chained summaries can name what is withheld', async () => {
    expect(pack.files.map((f) => f.name)).not.toContain('history/activity.json');
    expect(pack.readme).toContain('The activity log is left out of this pack');
    const full = await exportProfile(a, 'full-log', { profile: 'full' });
    expect(full.files.map((f) => f.name)).toContain('history/activity.json');
    expect(full.readme).not.toContain('The activity log is left out');
  });

  it('names the profile and every withheld field in the manifest, and says so in words', async () => {
    expect(pack.manifest.profile).toEqual({ name: 'new-provider' });
    expect([...pack.manifest.redactedFields].sort()).toEqual([...NEW_PROVIDER_FIELDS].sort());
    expect(pack.manifest.redacted).toBe(false);
    expect(pack.readme).toContain('Profile: New provider.');
    expect(pack.readme).toMatch(/Left out of every record: Vendors: contract reference, contract start, contract end, renewal, notice period \(days\), internal lead time \(days\), notes;/);
    expect(pack.readme).toMatch(/Licences: annual cost, currency, notes/);
    const report = await expectSound(pack);
    expect(report.manifest?.profile).toEqual({ name: 'new-provider' });
  });

  it('with the secrets left out too, lists both', async () => {
    const both = await exportProfile(a, 'np-redacted', { profile: 'new-provider', redact: true });
    expect(both.manifest.redacted).toBe(true);
    expect(both.manifest.redactedFields).toEqual(expect.arrayContaining(['repositories.secretsLocation', 'licences.annualCost']));
    expect(both.text).not.toContain('vault://ops/payroll');
    await expectSound(both);
  });
});

describe('auditor', () => {
  it('holds everything and states, in README, verify and import, that it is for review only', async () => {
    const pack = await exportProfile(a, 'auditor', { profile: 'auditor' });
    expect(pack.text).toContain(NOTE);
    expect(pack.text).toContain('12000.5');
    expect(pack.manifest.profile).toEqual({ name: 'auditor' });
    expect(pack.readme).toContain(AUDITOR_INTENT);
    const report = await expectSound(pack);
    expect(report.manifest?.profile.name).toBe('auditor');
    const b = makePackWorkbook(2);
    try {
      const preview = await b.call('pack.preview', { path: pack.path });
      expect(preview.warnings.join(' ')).toContain(AUDITOR_INTENT);
    } finally {
      b.close();
    }
  });
});

describe('one person’s tasks', () => {
  let pack: Pack;
  let owned: string[];
  beforeAll(async () => {
    owned = (a.backend.db.prepare('SELECT id FROM checklist_items WHERE owner_id = ?').pluck().all(fx.personIn) as string[]).sort();
    pack = await exportProfile(a, 'person', { profile: { person: fx.personIn } });
  });

  it('holds the items assigned to that person and only those, with the records they link', () => {
    expect(owned.length).toBeGreaterThan(0);
    expect(pack.rows.get('checklist_items')!.map((r) => r.id).sort()).toEqual(owned);
    const links = pack.rows.get('checklist_item_links')!;
    expect(links.map((l) => l.recordId).sort()).toEqual([fx.licenceA, fx.repoA].sort());
    expect(pack.rows.get('repositories')!.map((r) => r.id)).toEqual([fx.repoA]);
    expect(pack.rows.get('licences')!.map((r) => r.id)).toEqual([fx.licenceA]);
    // Nothing of the other vendor, no templates, no other documents.
    expect(pack.rows.get('vendors')!.map((r) => r.id)).toEqual([fx.vendorA]);
    expect(pack.manifest.vendors.map((v) => v.id)).toEqual([fx.vendorA]);
    expect(pack.rows.get('templates')).toEqual([]);
    expect(pack.rows.get('template_items')).toEqual([]);
    expect(pack.text).not.toContain('Beta Hosting');
    expect(pack.text).not.toContain('dns-zones');
    expect(pack.text).not.toContain('Network diagram');
    for (const c of pack.rows.get('checklists')!) expect(c.templateId).toBeNull();
  });

  it('carries only the attached files of those items and records', () => {
    const files = pack.files.filter((f) => f.name.startsWith('attachments/'));
    expect(files.map((f) => f.name.slice('attachments/'.length, 'attachments/'.length + 64))).toEqual([fx.attachments[2]!.sha256]);
    expect(pack.rows.get('attachment_links')!.map((l) => l.ownerId)).toEqual([fx.itemIds[0]]);
  });

  it('names the person in the manifest and the README, and every reference resolves', async () => {
    expect(pack.manifest.profile).toEqual({ name: 'person', person: { id: fx.personIn, name: 'Ana Costa' } });
    expect(pack.manifest.redactedFields).toEqual(['checklists.templateId']);
    expect(pack.readme).toContain('This pack holds only the checklist items assigned to Ana Costa');
    expect(pack.readme).toContain('Readiness and red flags are not shown');
    // The people the rows name are there (Bob is the vendor's contact).
    expect(pack.rows.get('people')!.map((p) => p.name).sort()).toEqual(['Ana Costa', 'Bob <script>alert(1)</script>']);
    const report = await expectSound(pack);
    expect(report.manifest?.profile).toEqual({ name: 'person', person: { id: fx.personIn, name: 'Ana Costa' } });
  });

  it('refuses an unknown person, or one with no items, naming the field', async () => {
    const failed = async (person: string) => {
      const { jobId } = await a.call('pack.export', { all: true, profile: { person }, destination: join(a.dir, 'refused.zip') });
      const status = await a.backend.packs.settled(jobId, 'export');
      expect(status.state).toBe('failed');
      return status.error!;
    };
    const unknown = await failed('99999999-0000-4000-8000-000000000001');
    expect(unknown.message).toMatch(/^profile\.person: refers to no person/);
    const bob = (a.backend.db.prepare(`SELECT id FROM people WHERE side = 'vendor'`).pluck().get() as string);
    expect((await failed(bob)).message).toMatch(/^profile\.person: Bob .* is the owner of no checklist item/);
  });
});

describe('custom', () => {
  it('leaves out the kinds chosen, and the references to them, so nothing points at a row it lacks', async () => {
    const pack = await exportProfile(a, 'custom', { profile: { custom: { tables: ['people', 'documents'], fields: ['processes.sla', 'checklist_items.evidence'] } } });
    expect(pack.rows.get('people')).toEqual([]);
    expect(pack.rows.get('documents')).toEqual([]);
    expect(pack.rows.get('attachment_links')!.every((l) => l.ownerKind === 'checklist_item')).toBe(true);
    expect(pack.rows.get('processes')!.find((p) => p.id === fx.processA)).toMatchObject({ ownerId: null, runbookId: null, sla: '' });
    expect(pack.manifest.profile).toEqual({ name: 'custom', tables: ['people', 'documents'] });
    expect(pack.manifest.redactedFields).toEqual(expect.arrayContaining([
      'vendors.vendorContactId', 'vendors.ourContactId', 'processes.ownerId', 'processes.successorId', 'processes.runbookId', 'processes.sla',
      'repositories.adminId', 'checklist_items.ownerId', 'checklist_items.signedOffById', 'checklist_items.evidence',
    ]));
    expect(pack.readme).toContain('Left out whole: people, documents.');
    await expectSound(pack);
  });

  it('names the kinds it leaves out whole in the words people read, not the kinds’ keys', async () => {
    const pack = await exportProfile(a, 'custom-registers', { profile: { custom: { tables: ['access', 'datasets', 'infrastructure', 'checklists', 'attachments'] } } });
    expect(pack.manifest.profile).toEqual({ name: 'custom', tables: ['access', 'datasets', 'infrastructure', 'checklists', 'attachments'] });
    expect(pack.readme).toContain('Left out whole: access and credentials, data sets, infrastructure, checklists and their items, attached files.');
    expect(pack.readme).not.toMatch(/Left out whole:[^.]*\bdatasets\b/);
  });

  it('refuses a field no pack can leave out, naming it', async () => {
    const e = await a.refuse('pack.export', { all: true, profile: { custom: { fields: ['vendors.name'] } } });
    expect(e.message).toMatch(/profile\.custom\.fields\.0.*not a field a pack can leave out/);
  });
});

describe('importing a cut pack', () => {
  it('a new-provider pack changes what it carries and keeps the receiver’s notes, costs and contract terms', async () => {
    const b = makePackWorkbook(3, { clockStart: '2026-03-02T09:00:00.000Z' });
    try {
      await b.call('pack.import', { path: (await exportProfile(a, 'np-base', {})).path });
      await a.call('licence.update', { id: fx.licenceA, changes: { seats: 30 } });
      await a.call('vendor.update', { id: fx.vendorA, changes: { services: 'Payroll runs only' } });
      const pack = await exportProfile(a, 'np-update', { profile: 'new-provider' });
      const result = await b.call('pack.import', { path: pack.path });
      expect(result.conflicts).toEqual({ theirs: 0, mine: 0 });
      expect(result.updated).toBeGreaterThanOrEqual(2);
      const licence = await b.call('licence.get', { id: fx.licenceA });
      expect(licence).toMatchObject({ seats: 30, annualCost: 12000.5, currency: 'EUR', notes: `${NOTE} licence` });
      const vendor = await b.call('vendor.get', { id: fx.vendorA });
      expect(vendor).toMatchObject({ services: 'Payroll runs only', contractEnd: '2026-12-31', noticeDays: 90, leadDays: 30, notes: `${NOTE} vendor` });
      expect((await b.call('person.get', { id: fx.personIn })).notes).toBe(`${NOTE} person`);
    } finally {
      b.close();
    }
  });

  it('a person pack imported into a workbook with more records deletes and erases nothing outside it', async () => {
    const b = makePackWorkbook(4, { clockStart: '2026-03-02T09:00:00.000Z' });
    try {
      await b.call('pack.import', { path: (await exportProfile(a, 'person-base', {})).path });
      await a.call('checklist.updateItem', { id: fx.itemIds[0]!, changes: { evidence: 'Handed over on the call' } });
      const pack = await exportProfile(a, 'person-update', { profile: { person: fx.personIn } });
      const templateOf = () => b.backend.db.prepare('SELECT template_id FROM checklists').pluck().all();
      const templatesBefore = templateOf();
      const before = dbSnapshot(b);
      const result = await b.call('pack.import', { path: pack.path });
      expect(result.deleted).toBe(0);
      expect(result.updated).toBe(1);
      const after = dbSnapshot(b);
      // Only the one item changed; every other table holds what it held.
      for (const t of ['vendors', 'people', 'processes', 'repositories', 'licences', 'documents', 'checklists', 'checklist_item_links', 'templates', 'template_items', 'attachments', 'attachment_links']) {
        expect(after[t], t).toBe(before[t]);
      }
      expect(templateOf()).toEqual(templatesBefore);
      const item = b.backend.db.prepare('SELECT evidence FROM checklist_items WHERE id = ?').pluck().get(fx.itemIds[0]!);
      expect(item).toBe('Handed over on the call');
    } finally {
      b.close();
    }
  });
});

describe('packs made before profiles', () => {
  it('verify and import as full packs', async () => {
    const files = await packFiles((await exportProfile(a, 'old', { vendorIds: [fx.vendorA], all: undefined })).path);
    // As the app wrote them before: no profile in the manifest, at most the four redacted fields.
    const old = withManifest(files.filter((f) => f.name !== 'manifest.json.minisig'), (m) => {
      delete m.profile;
      delete m.signer;
    });
    const path = join(a.dir, 'old-made.zip');
    writeFileSync(path, craftZip(toCraft(old)));
    const report = await verifyPack(path);
    expect(report.problems).toEqual([]);
    expect(report.manifest?.profile).toEqual({ name: 'full' });
    const b = makePackWorkbook(5);
    try {
      const result = await b.call('pack.import', { path });
      expect(result.added).toBeGreaterThan(10);
      expect((await b.call('licence.get', { id: fx.licenceA })).annualCost).toBe(12000.5);
    } finally {
      b.close();
    }
  });
});

describe('handover export --profile', () => {
  let out: string[];
  let err: string[];
  const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l) };
  const run = async (args: string[]) => {
    out = [];
    err = [];
    return runCli(args, io);
  };

  it('cuts the pack to a person named by name or id, and says which profile in the summary and in verify', async () => {
    const pack = join(a.dir, 'cli-person.zip');
    expect(await run(['export', '--db', a.path, '--all', '--out', pack, '--profile', 'person:ana costa'])).toBe(0);
    expect(out.join('\n')).toMatch(/Pack written: .*cli-person\.zip .*1 vendor.*; profile: One person’s tasks: Ana Costa;/);
    expect(await run(['verify', pack])).toBe(0);
    expect(out.join('\n')).toMatch(/intact\..*; profile: One person’s tasks: Ana Costa\./);
    expect(out.join('\n')).toContain('Left out: Checklists: template.');
    const byId = join(a.dir, 'cli-person-id.zip');
    expect(await run(['export', '--db', a.path, '--all', '--out', byId, '--profile', `person:${fx.personIn}`])).toBe(0);
  });

  it('prints a new provider’s and an auditor’s profile, and what verify tells of each', async () => {
    const np = join(a.dir, 'cli-np.zip');
    expect(await run(['export', '--db', a.path, '--vendor', fx.vendorA, '--out', np, '--profile', 'new-provider'])).toBe(0);
    expect(out.join('\n')).toContain('profile: New provider;');
    expect(await run(['verify', np])).toBe(0);
    expect(out.join('\n')).toMatch(/profile: New provider\.\nLeft out: Vendors: contract reference/);
    const audit = join(a.dir, 'cli-audit.zip');
    expect(await run(['export', '--db', a.path, '--all', '--out', audit, '--profile', 'auditor'])).toBe(0);
    expect(await run(['verify', audit])).toBe(0);
    expect(out).toContain(AUDITOR_INTENT);
  });

  it('exits 2 for an unknown profile, an unknown person or a name two people share, writing nothing', async () => {
    await a.call('person.create', { name: 'Sam Lee', side: 'in_house' });
    await a.call('person.create', { name: 'Sam Lee', side: 'vendor' });
    const pack = join(a.dir, 'cli-refused.zip');
    expect(await run(['export', '--db', a.path, '--all', '--out', pack, '--profile', 'everyone'])).toBe(2);
    expect(err.join('\n')).toMatch(/--profile "everyone" is not a profile/);
    expect(await run(['export', '--db', a.path, '--all', '--out', pack, '--profile', 'person:Nobody Here'])).toBe(2);
    expect(err.join('\n')).toMatch(/--profile person: no person "Nobody Here"/);
    expect(await run(['export', '--db', a.path, '--all', '--out', pack, '--profile', 'person:sam lee'])).toBe(2);
    expect(err.join('\n')).toMatch(/more than one person is named "sam lee"; use an id/);
    expect(existsSync(pack)).toBe(false);
  });
});

describe('the printed report', () => {
  it('is cut by the profile chosen, as the pack would carry it, and leaves the app’s own connection as it was', async () => {
    const full = await a.call('report.html', { all: true });
    expect(full.html).toContain(NOTE);
    expect(full.html).toContain('Beta Hosting');
    const forProvider = await a.call('report.html', { all: true, profile: 'new-provider' });
    expect(forProvider.html).not.toContain(NOTE);
    expect(forProvider.html).toContain('<td>withheld</td>');
    const forAna = await a.call('report.html', { all: true, profile: { person: fx.personIn } });
    expect(forAna.html).toContain('This pack holds only the checklist items assigned to Ana Costa');
    expect(forAna.html).not.toContain('Beta Hosting');
    // The cut lived on a connection of its own: the app reads and writes its real tables.
    expect((await a.call('report.html', { all: true })).html).toContain('Beta Hosting');
    await a.call('vendor.update', { id: fx.vendorA, changes: { services: 'Payroll runs, backups, printing' } });
    expect((await a.call('vendor.get', { id: fx.vendorA })).services).toBe('Payroll runs, backups, printing');
    expect((await a.refuse('report.html', { all: true, profile: { person: '11111111-2222-4333-8444-555555555555' } })).message).toContain('profile.person');
  });
});
