// The security-closure registers as sheet kinds (issue 10): access and credentials, data sets and
// infrastructure read from an IT lead's own sheets (their headers and values mapped by synonyms),
// a cell that looks like a secret refused at the cell with nothing written, re-import idempotent,
// and a blank template of each kind with its allowed values.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INFRA_KIND, PERSONAL_DATA, YES_NO } from '../../shared/enums';
import { secretRefusal } from '../../shared/secrets';
import { SHEET_KINDS, type SheetApplyResult, type SheetKind, type SheetMapping, type SheetPreview } from '../../shared/sheets';
import { guessColumns } from '../../electron/core/sheets/fields';
import { templateBytes, templateCsv } from '../../electron/core/sheets/template';
import { readChoice } from '../../electron/core/sheets/values';
import { sheetWorkbook, type SheetWorkbook } from './fixtures';

let wb: SheetWorkbook;
beforeEach(async () => { wb = await sheetWorkbook(); });
afterEach(() => wb.close());

const source = (path: string) => ({ path });
const inspect = (kind: SheetKind, path: string) => wb.call('sheets.inspect', { source: source(path), kind, vendor: 'Acme Outsourcing' });
const input = (kind: SheetKind, path: string, mapping: SheetMapping) => ({ source: source(path), kind, vendor: 'Acme Outsourcing', mapping });
function run(method: 'sheets.preview', kind: SheetKind, path: string, mapping: SheetMapping): Promise<SheetPreview>;
function run(method: 'sheets.apply', kind: SheetKind, path: string, mapping: SheetMapping): Promise<SheetApplyResult>;
function run(method: 'sheets.preview' | 'sheets.apply', kind: SheetKind, path: string, mapping: SheetMapping): Promise<SheetPreview | SheetApplyResult> {
  return method === 'sheets.apply' ? wb.call(method, input(kind, path, mapping)) : wb.call(method, input(kind, path, mapping));
}

describe('sheet kinds of the registers', () => {
  it('are named in the style of the others', () => {
    expect(SHEET_KINDS).toEqual(expect.arrayContaining(['access', 'data-sets', 'infrastructure']));
  });

  it('guess the fields from the headers an IT lead writes', () => {
    expect(guessColumns('access', ['Username', 'Secret location', 'Privileged', 'System', 'Account owner', 'Revoked on', 'Checked by'])).toEqual({
      Username: 'name', 'Secret location': 'secretLocation', Privileged: 'privileged', System: 'system', 'Account owner': 'holderId',
      'Revoked on': 'doneOn', 'Checked by': 'verifiedById',
    });
    expect(guessColumns('access', ['Account', 'Vault path', 'Admin', 'Type'])).toEqual({ Account: 'name', 'Vault path': 'secretLocation', Admin: 'privileged', Type: 'kind' });
    expect(guessColumns('dataset', ['Data set', 'GDPR', 'Country', 'Data owner', 'Deletion certificate', 'Covers backups', 'Backup expiry', 'Sub-processors'])).toEqual({
      'Data set': 'name', GDPR: 'personalData', Country: 'region', 'Data owner': 'ownerId', 'Deletion certificate': 'certificateReceivedOn',
      'Covers backups': 'certificateCoversBackups', 'Backup expiry': 'lastBackupExpiresOn', 'Sub-processors': 'subprocessors',
    });
    expect(guessColumns('dataset', ['Name', 'Personal data', 'PII'])).toMatchObject({ 'Personal data': 'personalData', PII: null });
    // "Provider" in an asset list is where the thing is hosted, not the vendor the rows belong to.
    expect(guessColumns('infrastructure', ['Asset', 'Type', 'FQDN', 'Provider', 'Held by', 'Valid until', 'Renews on', 'Vendor'])).toEqual({
      Asset: 'name', Type: 'kind', FQDN: 'identifier', Provider: 'provider', 'Held by': 'heldBy', 'Valid until': 'expiresOn', 'Renews on': 'renewalAccount', Vendor: 'vendorId',
    });
    expect(guessColumns('infrastructure', ['Name', 'Hostname', 'Expiry'])).toEqual({ Name: 'name', Hostname: 'identifier', Expiry: 'expiresOn' });
    expect(guessColumns('infrastructure', ['Name', 'Expires'])).toEqual({ Name: 'name', Expires: 'expiresOn' });
  });
});

describe('values of the registers', () => {
  it('reads "admin" as privileged and "art. 9" as special categories in those fields only', () => {
    expect(readChoice('admin', YES_NO, undefined, 'privileged')).toEqual({ ok: true, value: 'yes' });
    expect(readChoice('Standard', YES_NO, undefined, 'privileged')).toEqual({ ok: true, value: 'no' });
    // The same words answer no other yes/no question.
    expect(readChoice('admin', YES_NO, undefined, 'deletionRequired')).toMatchObject({ ok: false });
    expect(readChoice('admin', YES_NO, undefined)).toMatchObject({ ok: false });
    for (const raw of ['special category', 'Art. 9', 'special']) expect(readChoice(raw, PERSONAL_DATA, undefined, 'personalData'), raw).toEqual({ ok: true, value: 'special' });
    expect(readChoice('PII', PERSONAL_DATA, undefined, 'personalData')).toEqual({ ok: true, value: 'yes' });
    for (const [raw, kind] of [['cert', 'tls_certificate'], ['SSL certificate', 'tls_certificate'], ['VM', 'virtual_machine'], ['circuit', 'network_link']] as const) {
      expect(readChoice(raw, INFRA_KIND, undefined, 'kind'), raw).toEqual({ ok: true, value: kind });
    }
    // The user's own value map still comes first.
    expect(readChoice('admin', YES_NO, { admin: 'no' }, 'privileged')).toEqual({ ok: true, value: 'no' });
  });
});

describe('access and credentials from a sheet', () => {
  const SHEET = [
    'Account,Type,System,Held by,Admin,Vault path,Action,Planned on,Status',
    'svc-backup,Service account,Veeam console,Jonas Weber,Y,vault://ops/veeam,Rotate,-7,Scheduled',
    'deploy key,SSH,gitlab.vendor.example,,no,1Password: Ops vault,revoke,0,active',
    'registrar login,Registrar,Gandi,,admin,vault://dns/gandi,Transfer to us,1,done',
    'grafana token,API token,Grafana,,standard,,Revoke,,Active',
  ].join('\n');

  it('maps the headers and values, creates the holder on the vendor side, and re-imports as unchanged', async () => {
    const path = wb.file('access.csv', SHEET);
    const s = await inspect('access', path);
    expect(s.mapping.columns).toEqual({
      Account: 'name', Type: 'kind', System: 'system', 'Held by': 'holderId', Admin: 'privileged', 'Vault path': 'secretLocation', Action: 'action',
      'Planned on': 'plannedOffsetDays', Status: 'status',
    });
    const mapping = { ...s.mapping, createPeople: true };
    const r = await run('sheets.apply', 'access', path, mapping);
    expect(r).toMatchObject({ applied: true, added: 4, refused: [], peopleCreated: 1 });
    const rows = (await wb.call('access.list', { vendorId: wb.vendorId, sort: 'name' })).rows;
    expect(rows.map((a) => [a.name, a.kind, a.privileged, a.action, a.plannedOffsetDays, a.status, a.secretLocation])).toEqual([
      ['deploy key', 'ssh_key', 'no', 'revoke', 0, 'active', '1Password: Ops vault'],
      ['grafana token', 'api_key', 'no', 'revoke', 0, 'active', ''],
      ['registrar login', 'dns_registrar_login', 'yes', 'transfer', 1, 'done', 'vault://dns/gandi'],
      ['svc-backup', 'service_account', 'yes', 'rotate', -7, 'scheduled', 'vault://ops/veeam'],
    ]);
    const holder = await wb.call('person.get', { id: rows[3]!.holderId! });
    expect(holder).toMatchObject({ name: 'Jonas Weber', side: 'vendor' });
    // The same sheet again changes nothing; an edited one updates the row it names.
    expect(await run('sheets.apply', 'access', path, mapping)).toMatchObject({ applied: true, added: 0, updated: 0, unchanged: 4, activityId: null });
    const edited = wb.file('access-v2.csv', SHEET.replace('Rotate,-7,Scheduled', 'Rotate,-7,Done'));
    expect(await run('sheets.apply', 'access', edited, mapping)).toMatchObject({ added: 0, updated: 1, unchanged: 3 });
    expect((await wb.call('access.list', { vendorId: wb.vendorId })).rows).toHaveLength(4);
  });

  it('refuses a cell that looks like a secret, at the cell, with the schema\'s message, and writes nothing', async () => {
    const path = wb.file('leaky.csv', [
      'Account,System,Vault path,Notes',
      'svc-backup,Veeam console,vault://ops/veeam,',
      'aws deploy,AWS,AKIAIOSFODNN7EXAMPLE,',
      'db admin,Oracle,vault://db/admin,password: Summer2026!',
    ].join('\n'));
    const s = await inspect('access', path);
    const r = await run('sheets.apply', 'access', path, s.mapping);
    expect(r.applied).toBe(false);
    expect(r.refused).toEqual([
      { row: 3, column: 'C (Vault path)', field: 'secretLocation', message: secretRefusal('an AWS access key id') },
      { row: 4, column: 'D (Notes)', field: 'notes', message: secretRefusal('a password') },
    ]);
    // The message names what it saw, never the value.
    expect(JSON.stringify(r.refused)).not.toContain('AKIAIOSFODNN7EXAMPLE');
    expect((await wb.call('access.list', { vendorId: wb.vendorId })).rows).toEqual([]);
    expect((await wb.call('activity.list', {})).filter((e) => e.action === 'import')).toEqual([]);
  });

  it('refuses a secret hidden behind invisible characters or look-alike letters, and writes nothing', async () => {
    const path = wb.file('disguised.csv', [
      'Account,System,Vault path,Notes',
      `aws deploy,AWS,\u00A0AKIA\u200BIOSFODNN7EXAMPLE\u00A0,`,
      `github bot,GitHub,vault://ci/bot,${'ghp_' + 'x'.repeat(36).replace(/x/g, 'ｘ')}`,
      `db admin,Oracle,vault://db/admin,\u0440assword\u2060: Summer2026!`,
    ].join('\n'));
    const s = await inspect('access', path);
    const r = await run('sheets.apply', 'access', path, s.mapping);
    expect(r.applied).toBe(false);
    expect(r.refused.map((x) => [x.row, x.field, x.message])).toEqual([
      [2, 'secretLocation', secretRefusal('an AWS access key id')],
      [3, 'notes', secretRefusal('a GitHub token')],
      [4, 'notes', secretRefusal('a password')],
    ]);
    expect((await wb.call('access.list', { vendorId: wb.vendorId })).rows).toEqual([]);
  });
});

describe('data sets from a sheet', () => {
  it('reads personal data as people write it, certificate dates and what the certificate covers; re-import is unchanged', async () => {
    const path = wb.file('data.csv', [
      'Data set,System,Country,GDPR,Received,Deletion certificate,Covers backups,Last backup expires,Sub-processors',
      'Payroll history,SAP HCM,Germany,special category,2026-03-01,2026-03-20,No,2026-09-30,Iron Mountain',
      'Patient bookings,Booking DB,France,art. 9,,,,,',
      'HR master data,SAP HCM,Germany,PII,,,,,',
      'Monitoring metrics,Datadog,EU,none,,,Unknown,,',
    ].join('\n'));
    const s = await inspect('data-sets', path);
    expect(s.mapping.columns).toMatchObject({ 'Data set': 'name', GDPR: 'personalData', Received: 'receivedOn', 'Deletion certificate': 'certificateReceivedOn' });
    const r = await run('sheets.apply', 'data-sets', path, s.mapping);
    expect(r).toMatchObject({ applied: true, added: 4, refused: [] });
    const rows = (await wb.call('dataset.list', { vendorId: wb.vendorId, sort: 'name' })).rows;
    expect(rows.map((d) => [d.name, d.region, d.personalData, d.certificateReceivedOn, d.certificateCoversBackups, d.lastBackupExpiresOn])).toEqual([
      ['HR master data', 'Germany', 'yes', null, 'unknown', null],
      ['Monitoring metrics', 'EU', 'no', null, 'unknown', null],
      ['Patient bookings', 'France', 'special', null, 'unknown', null],
      ['Payroll history', 'Germany', 'special', '2026-03-20', 'no', '2026-09-30'],
    ]);
    expect(await run('sheets.apply', 'data-sets', path, s.mapping)).toMatchObject({ added: 0, updated: 0, unchanged: 4 });
  });

  it('refuses a certificate dated before the data came back, naming the cell', async () => {
    const path = wb.file('early.csv', 'Data set,Received,Deletion certificate\nPayroll history,2026-03-20,2026-03-01\n');
    const r = await run('sheets.preview', 'data-sets', path, (await inspect('data-sets', path)).mapping);
    expect(r.refused).toEqual([{ row: 2, column: 'C (Deletion certificate)', field: 'certificateReceivedOn', message: 'must not be before the data came back: data is deleted only once returned' }]);
  });
});

describe('infrastructure from a sheet', () => {
  it('reads kinds such as "cert" and "VM", the expiry and whose account it renews on; re-import is unchanged', async () => {
    const path = wb.file('assets.csv', [
      'Asset,Type,FQDN,Provider,Held by,Disposition,Valid until,Renews on,Status',
      'www certificate,SSL certificate,www.ourcompany.example,DigiCert,Vendor,Transfer to us,2026-05-01,Vendor,not started',
      'app01,VM,app01.vendor.example,Hooli DC,vendor,decommission,,,in progress',
      'ourcompany.example,Domain,ourcompany.example,Gandi,Us,keep,2027-01-31,us,done',
      'api cert,cert,api.ourcompany.example,Let\'s Encrypt,third party,migrate,2026-04-15,third party,verified',
    ].join('\n'));
    const s = await inspect('infrastructure', path);
    expect(s.mapping.columns).toMatchObject({ Provider: 'provider', FQDN: 'identifier', 'Valid until': 'expiresOn', 'Renews on': 'renewalAccount' });
    const r = await run('sheets.apply', 'infrastructure', path, s.mapping);
    expect(r).toMatchObject({ applied: true, added: 4, refused: [] });
    // The log counts them as items; "Infrastructure" names the list, not what is counted.
    const [entry] = await wb.call('activity.list', {});
    expect(entry!.summary).toBe(`Imported infrastructure from “assets.csv” (SHA-256 ${r.sha256}): 4 infrastructure items added, 0 updated`);
    const rows = (await wb.call('infrastructure.list', { vendorId: wb.vendorId, sort: 'name' })).rows;
    expect(rows.map((i) => [i.name, i.kind, i.provider, i.heldBy, i.disposition, i.expiresOn, i.renewalAccount, i.status])).toEqual([
      ['api cert', 'tls_certificate', 'Let\'s Encrypt', 'third_party', 'migrate', '2026-04-15', 'third_party', 'verified'],
      ['app01', 'virtual_machine', 'Hooli DC', 'vendor', 'decommission', null, 'unknown', 'in_progress'],
      ['ourcompany.example', 'domain', 'Gandi', 'us', 'keep_at_vendor', '2027-01-31', 'us', 'done'],
      ['www certificate', 'tls_certificate', 'DigiCert', 'vendor', 'transfer', '2026-05-01', 'vendor', 'not_started'],
    ]);
    expect(await run('sheets.apply', 'infrastructure', path, s.mapping)).toMatchObject({ added: 0, updated: 0, unchanged: 4 });
  });

  it('offers the values it cannot match for the picker', async () => {
    const path = wb.file('odd.csv', 'Asset,Type\nmainframe,Sysplex\n');
    const p = await run('sheets.preview', 'infrastructure', path, (await inspect('infrastructure', path)).mapping);
    expect(p.unmatched).toEqual([{ field: 'kind', column: 'Type', values: [{ value: 'Sysplex', rows: 1 }] }]);
    expect(p.refused[0]).toMatchObject({ row: 2, column: 'B (Type)', field: 'kind' });
  });
});

describe('templates of the registers', () => {
  it('list the fields with the allowed values, and an XLSX sheet named by the kind', async () => {
    const access = templateCsv('access');
    expect(access).toMatch(/^Vendor,Name,Kind \(Named account \| Service account \| API key or token \| SSH key \|/);
    expect(access).toContain('Privileged (Yes | No)');
    expect(access).toContain('Where the secret is kept');
    expect(templateCsv('data-sets')).toContain('Personal data (No | Yes | Special categories)');
    expect(templateCsv('infrastructure')).toContain('Renews on the account of (Unknown | Us | Vendor | Third party)');
    // The template's own headers map back to every field.
    const headers = access.trim().split(',').map((h) => h.replace(/ \(.*$/, '').replace(/^"|"$/g, ''));
    expect(Object.values(guessColumns('access', headers)).every((f) => f !== null)).toBe(true);
    const xlsx = await templateBytes('data-sets', 'xlsx');
    const path = wb.file('t.xlsx', xlsx);
    expect((await inspect('data-sets', path)).sheets).toEqual(['Data sets', 'Allowed values']);
  });
});
