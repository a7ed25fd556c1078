// The security-closure registers (issue 10: access and credentials, data sets, infrastructure),
// the files attached to notices, access records and data sets, and a contract's links to its
// documents and licences (issue 11) travel in packs of format version 2: data and sheets counted
// in the manifest, merged on import like every record kind (again changes nothing; a change and a
// deletion travel), their references checked; version 1 packs still verify and import; the
// profiles carry what they say; README.html lists the records; docs/check-pack.mjs knows them.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPack } from '../../electron/core/pack/verify';
import type { TestWorkbook } from '../backend/helpers';
import { dbSnapshot, exportThroughApi, makePackWorkbook, packFiles, withManifest, writeCraftedPack, type PackFile } from './helpers';

let a: TestWorkbook;
let vendorId: string;
let otherVendorId: string;
let anaId: string;
let brunoId: string;
let contractId: string;
let runbookId: string;
let licenceId: string;
let vpnId: string;
let rotateId: string;
let crmId: string;
let domainId: string;
let full: string;

const REGISTERS = ['access_credentials', 'data_sets', 'infrastructure_items'] as const;
const TRAVELLING = [...REGISTERS, 'contract_links', 'attachment_links', 'attachments'];
const SECRET_PLACE = 'vault://ops/acme-vpn';

const rows = (wb: TestWorkbook, table: string) => wb.backend.db.prepare(`SELECT * FROM ${table} ORDER BY id`).all();
const text = (files: PackFile[], name: string) => files.find((f) => f.name === name)!.data.toString('utf8');
const json = (files: PackFile[], table: string) => JSON.parse(text(files, `data/${table}.json`)) as Record<string, unknown>[];
const manifestOf = (files: PackFile[]) => JSON.parse(text(files, 'manifest.json')) as { version: number; counts: Record<string, number>; redactedFields: string[] };
const rewrite = (list: Record<string, unknown>[]) => Buffer.from(list.length ? `[\n${list.map((r) => JSON.stringify(r)).join(',\n')}\n]\n` : '[\n]\n');
/** The pack's files with one data table edited (the manifest recomputed around it). */
const edited = (files: PackFile[], table: string, edit: (list: Record<string, unknown>[]) => Record<string, unknown>[]) =>
  withManifest(files.map((f) => (f.name === `data/${table}.json` ? { name: f.name, data: rewrite(edit(JSON.parse(f.data.toString('utf8')) as Record<string, unknown>[])) } : f)));

beforeAll(async () => {
  a = makePackWorkbook(71);
  vendorId = (await a.call('vendor.create', { name: 'Acme Managed Services', exitDate: '2027-01-31', status: 'exit_planned' })).id;
  otherVendorId = (await a.call('vendor.create', { name: 'Beta Hosting' })).id;
  anaId = (await a.call('person.create', { name: 'Ana Costa', side: 'in_house' })).id;
  brunoId = (await a.call('person.create', { name: 'Bruno Vendorman', side: 'vendor', vendorId })).id;
  contractId = (await a.call('contract.create', { vendorId, title: 'Managed services agreement', kind: 'master_agreement', initialEnd: '2026-12-31' })).id;
  runbookId = (await a.call('document.create', { vendorId, title: 'Operations runbook', kind: 'runbook', status: 'published' })).id;
  licenceId = (await a.call('licence.create', { vendorId, product: 'Oracle Database EE', licensee: 'vendor' })).id;
  await a.call('contract.link', { contractId, recordKind: 'document', recordId: runbookId });
  await a.call('contract.link', { contractId, recordKind: 'licence', recordId: licenceId });
  const notice = await a.call('notice.create', { vendorId, contractId, servedOn: '2026-02-15', method: 'email' });
  await a.attach({ noticeId: notice.id, fileName: 'Notice letter.pdf', content: Buffer.from('%PDF notice letter') });

  vpnId = (await a.call('access.create', {
    vendorId, name: 'Vendor admin VPN', kind: 'vpn_account', system: 'Corporate VPN', holderId: brunoId, privileged: 'yes', secretLocation: SECRET_PLACE,
    action: 'revoke', plannedOffsetDays: 0, status: 'scheduled', notes: 'INTERNAL-NOTE access',
  })).id;
  await a.attach({ accessId: vpnId, fileName: 'VPN revocation.png', content: Buffer.from('png evidence of revocation') });
  rotateId = (await a.call('access.create', { vendorId, name: 'Backup service account', kind: 'service_account', action: 'rotate', plannedOffsetDays: 7, verifiedById: anaId })).id;
  // A tombstone travels too.
  const gone = await a.call('access.create', { vendorId, name: 'Old jump host key', kind: 'ssh_key' });
  await a.call('access.delete', { id: gone.id });

  crmId = (await a.call('dataset.create', {
    vendorId, name: 'Customer CRM export', system: 'CRM', location: 'Frankfurt DC', region: 'DE', personalData: 'yes', ownerId: anaId,
    returnFormat: 'CSV', returnMethod: 'SFTP transfer', receivedOn: '2027-02-01', checkedById: anaId, deletionRequired: 'yes',
    certificateReceivedOn: '2027-02-10', certificateCoversBackups: 'no', certificateCoversSubprocessors: 'yes', lastBackupExpiresOn: '2027-04-30',
  })).id;
  await a.attach({ datasetId: crmId, fileName: 'Deletion certificate.pdf', content: Buffer.from('%PDF signed deletion certificate') });

  domainId = (await a.call('infrastructure.create', {
    vendorId, name: 'acme-shop.example', kind: 'domain', identifier: 'acme-shop.example', provider: 'Gandi', heldBy: 'vendor', disposition: 'transfer',
    status: 'in_progress', expiresOn: '2027-06-01', renewalAccount: 'vendor',
  })).id;
  await a.call('infrastructure.create', { vendorId: otherVendorId, name: 'beta-vm-01', kind: 'virtual_machine', disposition: 'decommission' });
  full = await exportThroughApi(a, { all: true, destination: join(a.dir, 'full.zip') });
});

afterAll(() => a.close());

describe('a full pack', () => {
  it('is format version 2 and holds the registers, contract links and the new owners’ files as data and sheets, counted in the manifest', async () => {
    const files = await packFiles(full);
    const manifest = manifestOf(files);
    expect(manifest.version).toBe(2);
    expect(json(files, 'access_credentials').map((r) => r.name).sort()).toEqual(['Backup service account', 'Old jump host key', 'Vendor admin VPN']);
    expect(json(files, 'access_credentials').find((r) => r.id === vpnId)).toMatchObject({ holderId: brunoId, secretLocation: SECRET_PLACE, privileged: 'yes', status: 'scheduled' });
    expect(json(files, 'data_sets')).toEqual([expect.objectContaining({ id: crmId, certificateReceivedOn: '2027-02-10', certificateCoversBackups: 'no', ownerId: anaId })]);
    expect(json(files, 'infrastructure_items').map((r) => r.name).sort()).toEqual(['acme-shop.example', 'beta-vm-01']);
    expect(json(files, 'contract_links').map((r) => `${String(r.recordKind)}:${String(r.recordId)}`).sort()).toEqual([`document:${runbookId}`, `licence:${licenceId}`]);
    expect(json(files, 'attachment_links').map((l) => l.ownerKind).sort()).toEqual(['access', 'dataset', 'notice']);
    for (const t of [...REGISTERS, 'contract_links']) expect(manifest.counts[t], t).toBe(json(files, t).length);
    // The sheets hold the live records, each reference with the name it points at.
    const sheet = text(files, 'data/access_credentials.csv');
    expect(sheet).toContain('Vendor admin VPN');
    expect(sheet).toContain('Bruno Vendorman');
    expect(sheet).not.toContain('Old jump host key');
    expect(text(files, 'data/data_sets.csv')).toContain('Customer CRM export');
    expect(text(files, 'data/infrastructure_items.csv')).toContain('acme-shop.example');
    // The attached files themselves travel.
    expect(files.filter((f) => f.name.startsWith('attachments/')).map((f) => f.data.toString())).toEqual(expect.arrayContaining(['%PDF notice letter', 'png evidence of revocation', '%PDF signed deletion certificate']));
    expect((await verifyPack(full)).problems).toEqual([]);
  });

  it('imports into a fresh workbook with the same records, links and files; again it changes nothing', async () => {
    const b = makePackWorkbook(72);
    try {
      expect((await b.call('pack.import', { path: full })).added).toBeGreaterThan(0);
      for (const t of TRAVELLING) expect(rows(b, t), t).toEqual(rows(a, t));
      expect((await b.call('contract.links', { contractId })).map((l) => l.title).sort()).toEqual(['Operations runbook', 'Oracle Database EE']);
      expect((await b.call('search.query', { q: 'CRM export' })).map((h) => h.id)).toContain(crmId);
      const before = dbSnapshot(b);
      expect(await b.call('pack.import', { path: full })).toMatchObject({ added: 0, updated: 0, deleted: 0 });
      const after = dbSnapshot(b);
      for (const t of [...TRAVELLING, 'search_docs']) expect(after[t], t).toBe(before[t]);
    } finally {
      b.close();
    }
  });

  it('brings a change and a deletion (a record, a link) to a workbook that had them', async () => {
    const b = makePackWorkbook(73);
    try {
      await b.call('pack.import', { path: full });
      await a.call('infrastructure.update', { id: domainId, changes: { status: 'done' } });
      await a.call('access.delete', { id: rotateId });
      await a.call('contract.unlink', { contractId, recordKind: 'document', recordId: runbookId });
      const later = await exportThroughApi(a, { all: true, destination: join(a.dir, 'later.zip') });
      const result = await b.call('pack.import', { path: later });
      // The link taken back travels as its tombstone: a deletion.
      expect(result).toMatchObject({ updated: 1, deleted: 2 });
      expect((await b.call('infrastructure.get', { id: domainId })).status).toBe('done');
      expect((await b.call('access.get', { id: rotateId })).deletedAt).not.toBeNull();
      expect((await b.call('contract.links', { contractId })).map((l) => l.title)).toEqual(['Oracle Database EE']);
      for (const t of TRAVELLING) expect(rows(b, t), t).toEqual(rows(a, t));
    } finally {
      await a.call('infrastructure.update', { id: domainId, changes: { status: 'in_progress' } });
      await a.call('access.restore', { id: rotateId });
      await a.call('contract.link', { contractId, recordKind: 'document', recordId: runbookId });
      b.close();
    }
  });
});

describe('references', () => {
  const refused = async (files: PackFile[], n: number, ...words: string[]) => {
    const b = makePackWorkbook(n);
    try {
      const path = writeCraftedPack(b.dir, 'bad.zip', files);
      const before = dbSnapshot(b);
      const err = await b.refuse('pack.import', { path });
      for (const w of words) expect(err.message).toContain(w);
      expect(dbSnapshot(b)).toEqual(before);
    } finally {
      b.close();
    }
  };
  const nowhere = '00000000-0000-4000-8000-00000000dead';

  it('refuses a register record whose vendor is neither in the pack nor in the workbook, naming the file and the record, changing nothing', async () => {
    const files = await packFiles(full);
    for (const [i, [table, id]] of ([['access_credentials', vpnId], ['data_sets', crmId], ['infrastructure_items', domainId]] as const).entries()) {
      await refused(edited(files, table, (l) => l.map((r) => (r.id === id ? { ...r, vendorId: nowhere } : r))), 74 + i, `data/${table}.json`, id, 'vendorId');
    }
  });

  it('refuses a file attached to an access record, or a contract link to a document, that is nowhere, changing nothing', async () => {
    const files = await packFiles(full);
    const accessLink = json(files, 'attachment_links').find((l) => l.ownerKind === 'access')!;
    await refused(edited(files, 'attachment_links', (l) => l.map((r) => (r.id === accessLink.id ? { ...r, ownerId: nowhere } : r))), 77, 'data/attachment_links.json', String(accessLink.id), 'ownerId');
    const docLink = json(files, 'contract_links').find((l) => l.recordKind === 'document')!;
    await refused(edited(files, 'contract_links', (l) => l.map((r) => (r.id === docLink.id ? { ...r, recordId: nowhere } : r))), 78, 'data/contract_links.json', String(docLink.id), 'recordId');
  });

  it('refuses a contract link to another vendor’s licence, changing nothing', async () => {
    const files = edited(await packFiles(full), 'licences', (l) => l.map((r) => (r.id === licenceId ? { ...r, vendorId: otherVendorId } : r)));
    const link = json(files, 'contract_links').find((l) => l.recordKind === 'licence')!;
    await refused(files, 84, 'data/contract_links.json', String(link.id), 'of another vendor');
  });

  it('leaves a holder who is nowhere empty, with a warning, as for every optional reference to a person', async () => {
    const files = edited(await packFiles(full), 'access_credentials', (l) => l.map((r) => (r.id === vpnId ? { ...r, holderId: nowhere } : r)));
    const b = makePackWorkbook(79);
    try {
      const result = await b.call('pack.import', { path: writeCraftedPack(b.dir, 'holder.zip', files) });
      expect(result.warnings.join(' ')).toContain('holderId');
      expect((await b.call('access.get', { id: vpnId })).holderId).toBeNull();
    } finally {
      b.close();
    }
  });

  it('refuses an access record whose text looks like a secret, naming the file, changing nothing', async () => {
    const files = edited(await packFiles(full), 'access_credentials', (l) => l.map((r) => (r.id === vpnId ? { ...r, secretLocation: '-----BEGIN OPENSSH PRIVATE KEY-----' } : r)));
    await refused(files, 80, 'data/access_credentials.json', vpnId);
  });
});

/** A version 1 pack of the same workbook, as the format was before this change: no registers, no contract links, files on documents and items only. */
async function versionOnePack(): Promise<PackFile[]> {
  const files = await packFiles(full);
  const newOwner = (l: Record<string, unknown>) => ['notice', 'access', 'dataset'].includes(String(l.ownerKind));
  const links = json(files, 'attachment_links').filter((l) => !newOwner(l));
  const ids = new Set(json(files, 'attachment_links').filter(newOwner).map((l) => l.attachmentId));
  const attachments = json(files, 'attachments').filter((r) => !ids.has(r.id));
  const shas = new Set(json(files, 'attachments').filter((r) => ids.has(r.id)).map((r) => String(r.sha256)));
  const kept = files
    .filter((f) => !/^data\/(access_credentials|data_sets|infrastructure_items|contract_links)\./.test(f.name))
    .filter((f) => !(f.name.startsWith('attachments/') && shas.has(f.name.slice('attachments/'.length, 'attachments/'.length + 64))))
    .map((f) => {
      if (f.name === 'data/attachment_links.json') return { name: f.name, data: rewrite(links) };
      if (f.name === 'data/attachments.json') return { name: f.name, data: rewrite(attachments) };
      return f;
    });
  return withManifest(kept, (m) => {
    m.version = 1;
    const counts = m.counts as Record<string, number>;
    for (const t of [...REGISTERS, 'contract_links']) delete counts[t];
    counts.attachment_links = links.length;
    counts.attachments = attachments.length;
  });
}

describe('format versions', () => {
  it('an older pack (version 1, before the registers travelled) verifies and imports', async () => {
    const b = makePackWorkbook(81);
    try {
      const path = writeCraftedPack(b.dir, 'v1.zip', await versionOnePack());
      expect((await verifyPack(path)).problems).toEqual([]);
      expect((await b.call('pack.import', { path })).added).toBeGreaterThan(0);
      expect((await b.call('vendor.get', { id: vendorId })).name).toBe('Acme Managed Services');
      expect((await b.call('licence.get', { id: licenceId })).product).toBe('Oracle Database EE');
      for (const t of [...REGISTERS, 'contract_links', 'attachment_links']) expect(rows(b, t), t).toEqual([]);
    } finally {
      b.close();
    }
  });

  it('a version 2 pack without a register, or a version 1 pack counting one, is damaged, not older', async () => {
    const dir = a.dir;
    const lacking = withManifest((await packFiles(full)).filter((f) => !/^data\/data_sets\./.test(f.name)), (m) => { delete (m.counts as Record<string, number>).data_sets; });
    expect((await verifyPack(writeCraftedPack(dir, 'lacking.zip', lacking))).problems).toEqual([{ file: 'manifest.json', message: 'counts.data_sets: is missing: a version 2 pack counts the data_sets it holds' }]);
    const v1 = await versionOnePack();
    const counting = withManifest(v1, (m) => { (m.counts as Record<string, number>).data_sets = 0; });
    expect((await verifyPack(writeCraftedPack(dir, 'counting.zip', counting))).problems).toEqual([{ file: 'manifest.json', message: 'counts.data_sets: is not a table of version 1 packs (it came with version 2)' }]);
    // A file of its counted table gone is named as missing.
    const noFile = withManifest((await packFiles(full)).filter((f) => f.name !== 'data/contract_links.json'));
    expect((await verifyPack(writeCraftedPack(dir, 'nofile.zip', noFile))).problems).toContainEqual({ file: 'data/contract_links.json', message: 'is missing from the pack (the manifest does not list it)' });
  });
});

describe('profiles', () => {
  const allText = (files: PackFile[]) => files.filter((f) => f.name.startsWith('data/') || f.name === 'README.html' || f.name === 'report.md').map((f) => f.data.toString('utf8')).join('\n');

  it('a new provider’s pack holds the registers without where access secrets are kept or any notes, and leaves the receiver’s values as they were', async () => {
    const path = await exportThroughApi(a, { all: true, profile: 'new-provider', destination: join(a.dir, 'np.zip') });
    const files = await packFiles(path);
    const manifest = manifestOf(files);
    expect(manifest.redactedFields).toEqual(expect.arrayContaining(['access_credentials.secretLocation', 'access_credentials.notes', 'data_sets.notes', 'infrastructure_items.notes']));
    expect(json(files, 'access_credentials').find((r) => r.id === vpnId)).toMatchObject({ name: 'Vendor admin VPN', secretLocation: '', notes: '', holderId: brunoId });
    expect(json(files, 'data_sets')).toHaveLength(1);
    expect(json(files, 'infrastructure_items')).toHaveLength(2);
    expect(json(files, 'contract_links')).toHaveLength(2);
    const all = allText(files);
    for (const secret of [SECRET_PLACE, 'INTERNAL-NOTE access']) expect(all, secret).not.toContain(secret);
    expect(text(files, 'README.html')).toContain('Access and credentials: where the secret is kept, notes');
    expect((await verifyPack(path)).problems).toEqual([]);

    const b = makePackWorkbook(82);
    try {
      await b.call('pack.import', { path: full });
      expect(await b.call('pack.import', { path })).toMatchObject({ added: 0, updated: 0, deleted: 0 });
      expect((await b.call('access.get', { id: vpnId })).secretLocation).toBe(SECRET_PLACE);
    } finally {
      b.close();
    }
  });

  it('a new provider’s pack leaves out the served notice’s letter with the notice, and imports into a fresh workbook', async () => {
    const path = await exportThroughApi(a, { all: true, profile: 'new-provider', destination: join(a.dir, 'np-fresh.zip') });
    const files = await packFiles(path);
    expect(json(files, 'contract_notices')).toEqual([]);
    expect(json(files, 'attachment_links').map((l) => l.ownerKind).sort()).toEqual(['access', 'dataset']);
    expect(files.filter((f) => f.name.startsWith('attachments/')).map((f) => f.data.toString())).not.toContain('%PDF notice letter');
    expect(allText(files)).not.toContain('Notice letter.pdf');
    const b = makePackWorkbook(84);
    try {
      expect((await b.call('pack.import', { path })).added).toBeGreaterThan(0);
      expect(rows(b, 'attachment_links').map((l) => (l as { owner_kind: string }).owner_kind).sort()).toEqual(['access', 'dataset']);
    } finally {
      b.close();
    }
  });

  it('an auditor’s pack holds everything, secret locations included', async () => {
    const files = await packFiles(await exportThroughApi(a, { all: true, profile: 'auditor', destination: join(a.dir, 'auditor.zip') }));
    const whole = await packFiles(await exportThroughApi(a, { all: true, destination: join(a.dir, 'full-now.zip') }));
    for (const t of [...REGISTERS, 'contract_links', 'attachment_links']) expect(json(files, t), t).toEqual(json(whole, t));
    expect(text(files, 'README.html')).toContain(SECRET_PLACE);
  });

  it('a redacted pack blanks where access secrets are kept, in the data and the report', async () => {
    const files = await packFiles(await exportThroughApi(a, { all: true, redact: true, destination: join(a.dir, 'redacted.zip') }));
    expect(json(files, 'access_credentials').find((r) => r.id === vpnId)!.secretLocation).toBe('');
    expect(allText(files)).not.toContain(SECRET_PLACE);
    expect(manifestOf(files).redactedFields).toContain('access_credentials.secretLocation');
  });

  it('one person’s pack holds none of the registers or contract links: their items link none of them', async () => {
    const template = await a.call('template.create', { name: 'Blank', items: [] });
    const checklist = await a.call('checklist.start', { vendorId, templateId: template.id });
    await a.call('checklist.addItem', { checklistId: checklist.id, phase: 5, title: 'Revoke the VPN', ownerId: anaId });
    const path = await exportThroughApi(a, { all: true, profile: { person: anaId }, destination: join(a.dir, 'ana.zip') });
    const files = await packFiles(path);
    for (const t of [...REGISTERS, 'contract_links']) expect(manifestOf(files).counts[t], t).toBe(0);
    expect(json(files, 'attachment_links')).toEqual([]);
    expect(text(files, 'README.html')).not.toContain('Vendor admin VPN');
    expect((await verifyPack(path)).problems).toEqual([]);
  });

  it('a custom pack that leaves out documents keeps the licence link only; one that leaves out access keeps none of its files', async () => {
    const noDocs = await packFiles(await exportThroughApi(a, { all: true, profile: { custom: { tables: ['documents'] } }, destination: join(a.dir, 'nodocs.zip') }));
    expect(json(noDocs, 'contract_links').map((l) => l.recordKind)).toEqual(['licence']);
    const path = await exportThroughApi(a, { all: true, profile: { custom: { tables: ['access'] } }, destination: join(a.dir, 'noaccess.zip') });
    const files = await packFiles(path);
    expect(json(files, 'access_credentials')).toEqual([]);
    expect(json(files, 'attachment_links').map((l) => l.ownerKind).sort()).toEqual(['dataset', 'notice']);
    expect(text(files, 'README.html')).not.toContain('Vendor admin VPN');
    expect((await verifyPack(path)).problems).toEqual([]);
    const b = makePackWorkbook(83);
    try {
      expect((await b.call('pack.import', { path })).added).toBeGreaterThan(0);
      expect(rows(b, 'access_credentials')).toEqual([]);
    } finally {
      b.close();
    }
  });
});

describe('the report', () => {
  it('README.html and report.md list every register’s records with their plan, certificate and expiries', async () => {
    const files = await packFiles(full);
    for (const name of ['README.html', 'report.md']) {
      const page = text(files, name);
      for (const words of [
        'Access and credentials (2)', 'Vendor admin VPN', 'Backup service account', 'Bruno Vendorman', SECRET_PLACE, 'T (2027-01-31)', 'T+7 (2027-02-07)',
        'Data sets (1)', 'Customer CRM export', 'Received 2027-02-10', 'backups: no', 'sub-processors: yes', '2027-04-30',
        'Infrastructure (1)', 'acme-shop.example', '2027-06-01', 'renews on the account of: vendor', 'beta-vm-01',
        'VPN revocation.png', 'Deletion certificate.pdf',
      ]) expect(page, `${name}: ${words}`).toContain(words);
      // A deleted record is not listed.
      expect(page, name).not.toContain('Old jump host key');
    }
  });

  it('the printed report has the same sections', async () => {
    const { html } = await a.call('report.html', { vendorIds: [vendorId] });
    for (const words of ['Access and credentials (2)', 'Data sets (1)', 'Infrastructure (1)', 'Customer CRM export', 'acme-shop.example']) expect(html, words).toContain(words);
  });
});

describe('docs/check-pack.mjs', () => {
  const extract = async (files: PackFile[], name: string) => {
    const dir = join(a.dir, name);
    for (const f of files) {
      mkdirSync(dirname(join(dir, f.name)), { recursive: true });
      writeFileSync(join(dir, f.name), f.data);
    }
    return dir;
  };
  const check = (dir: string) => spawnSync(process.execPath, [join(__dirname, '../../docs/check-pack.mjs'), dir], { encoding: 'utf8' });

  it('finds an exported pack intact and counts its registers; finds a count that disagrees', async () => {
    const files = await packFiles(full);
    const ok = check(await extract(files, 'checked'));
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('format version 2');
    expect(ok.stdout).toContain('3 access_credentials, 1 data_sets, 2 infrastructure_items, 2 contract_links');
    const miscounted = withManifest(files, (m) => { (m.counts as Record<string, number>).data_sets = 5; });
    const bad = check(await extract(miscounted, 'miscounted'));
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('data/data_sets.json: holds 1 records, the manifest says 5');
    const lacking = withManifest(files.filter((f) => !f.name.startsWith('data/contract_links.')), (m) => { delete (m.counts as Record<string, number>).contract_links; });
    const old = check(await extract(lacking, 'lacking'));
    expect(old.status).toBe(1);
    expect(old.stderr).toContain('does not count contract_links, which every version 2 pack holds');
  });

  it('names a manifest whose version is no version at all, instead of failing on it', async () => {
    for (const version of ['constructor', 'toString', 1.5]) {
      const odd = await packFiles(full).then((files) => withManifest(files, (m) => { m.version = version; }));
      const r = check(await extract(odd, `odd-${String(version)}`));
      expect(r.status, String(version)).toBe(1);
      expect(r.stderr, String(version)).toContain('manifest.json: not a version 1 or 2 transition pack');
      expect(r.stderr, String(version)).not.toContain('TypeError');
    }
  });
});
