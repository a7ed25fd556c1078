// The demo workbook's security-closure registers (issue 10): every demo vendor has accounts and
// keys, data sets with personal data and certificates, servers, cloud accounts, a domain and a TLS
// certificate; each record as the API would take it; the same seed gives the same registers; and
// they are found by search.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { addDays } from '../../shared/dates';
import { crossFieldIssues, REGISTER_KINDS, SHAPES, type RecordKind } from '../../shared/records';
import { generateDemo } from '../../electron/core/demo/generate';
import { makeWorkbook, type TestWorkbook } from './helpers';

const TODAY = '2026-03-01';
const demo = (wb: TestWorkbook, seed?: number) =>
  generateDemo(wb.backend.db, { today: TODAY, now: `${TODAY}T09:00:00.000Z`, actor: 'test', ...(seed !== undefined ? { seed } : {}) });

let wb: TestWorkbook;
beforeEach(() => { wb = makeWorkbook(); });
afterEach(() => wb.close());

type Row = Record<string, unknown>;
const list = async (kind: 'access' | 'dataset' | 'infrastructure', vendorId: string) =>
  (await wb.call(`${kind}.list` as 'access.list', { vendorId, limit: 500 })).rows as unknown as Row[];

describe('demo registers', () => {
  it('fills the three registers of every demo vendor with records the API would accept', async () => {
    const made = demo(wb);
    const vendors = (await wb.call('vendor.list', {})).rows;
    expect(vendors).toHaveLength(3);
    expect(made.registers).toBe(3 * (11 + 4 + 7));
    for (const v of vendors) {
      const access = await list('access', v.id);
      const data = await list('dataset', v.id);
      const infra = await list('infrastructure', v.id);
      expect(access.length, v.name).toBeGreaterThanOrEqual(10);
      expect(data.length, v.name).toBe(4);
      expect(infra.length, v.name).toBeGreaterThanOrEqual(6);
      expect([...new Set(access.map((a) => a.kind))].sort()).toEqual(expect.arrayContaining(['api_key', 'dns_registrar_login', 'named_account', 'service_account', 'ssh_key', 'vpn_account']));
      expect(access.some((a) => a.privileged === 'yes') && access.some((a) => a.privileged === 'no')).toBe(true);
      expect([...new Set(data.map((d) => d.personalData))].sort()).toEqual(['no', 'special', 'yes']);
      expect([...new Set(infra.map((i) => i.kind))]).toEqual(expect.arrayContaining(['cloud_account', 'domain', 'tls_certificate', 'virtual_machine']));
      // A certificate expiring within 60 days, renewed on the vendor's account.
      const cert = infra.find((i) => i.kind === 'tls_certificate')!;
      expect(cert).toMatchObject({ renewalAccount: 'vendor', heldBy: 'vendor' });
      expect(cert.expiresOn as string > TODAY && (cert.expiresOn as string) <= addDays(TODAY, 60)).toBe(true);
      // A holder is one of the vendor's own people.
      for (const a of access.filter((x) => x.holderId)) expect((await wb.call('person.get', { id: a.holderId as string })).vendorId).toBe(v.id);
      for (const [kind, rows] of [['access', access], ['dataset', data], ['infrastructure', infra]] as const) {
        for (const r of rows) {
          const fields = Object.fromEntries(Object.keys(SHAPES[kind]).map((f) => [f, r[f]]));
          expect(z.strictObject(SHAPES[kind] as z.ZodRawShape).safeParse(fields).error?.issues ?? [], `${kind} ${String(r.name)}`).toEqual([]);
          expect(crossFieldIssues(kind as RecordKind, fields), `${kind} ${String(r.name)}`).toEqual([]);
        }
      }
    }
    // Across the vendors: the statuses are mixed, some data came back with a certificate, and one
    // certificate leaves the backups out.
    const all = async (kind: 'access' | 'dataset' | 'infrastructure') => (await Promise.all(vendors.map((v) => list(kind, v.id)))).flat();
    const access = await all('access');
    expect([...new Set(access.map((a) => a.status))].sort()).toEqual(['active', 'done', 'scheduled', 'verified']);
    for (const a of access) {
      expect(a.doneOn === null, String(a.name)).toBe(a.status === 'active' || a.status === 'scheduled');
      expect(a.verifiedOn === null, String(a.name)).toBe(a.status !== 'verified');
    }
    const data = await all('dataset');
    expect(data.filter((d) => d.certificateReceivedOn !== null).length).toBeGreaterThanOrEqual(2);
    expect(data.filter((d) => d.certificateCoversBackups === 'no')).toHaveLength(1);
    expect(data.filter((d) => d.receivedOn === null).length).toBeGreaterThan(0);
    expect([...new Set((await all('infrastructure')).map((i) => i.status))].length).toBeGreaterThanOrEqual(3);
  });

  it('makes the same registers from the same seed, and others from another', async () => {
    const content = () => REGISTER_KINDS.map((k) => wb.backend.db.prepare(
      `SELECT * FROM ${k === 'access' ? 'access_credentials' : k === 'dataset' ? 'data_sets' : 'infrastructure_items'} ORDER BY rowid`).all()
      .map((r) => { const { id: _id, vendor_id: _v, holder_id: _h, owner_id: _o, checked_by_id: _c, verified_by_id: _b, ...rest } = r as Row; return rest; }));
    demo(wb, 7);
    const first = content();
    wb.close();
    wb = makeWorkbook();
    demo(wb, 7);
    expect(content()).toEqual(first);
    wb.close();
    wb = makeWorkbook();
    demo(wb, 8);
    expect(content()).not.toEqual(first);
  });

  it('puts them in the search index with their kind', async () => {
    demo(wb);
    const hits = await wb.call('search.query', { q: 'wildcard certificate', limit: 50 });
    expect(hits.length).toBe(3);
    expect(new Set(hits.map((h) => h.kind))).toEqual(new Set(['infrastructure']));
    expect((await wb.call('search.query', { q: 'iron mountain', limit: 50 })).map((h) => h.kind)).toContain('dataset');
    expect((await wb.call('search.query', { q: 'cyberark', limit: 50 })).map((h) => h.kind)).toEqual(['access', 'access', 'access']);
  });

  it('leaves the requested number of inventory records as it was, at scale too', async () => {
    const made = generateDemo(wb.backend.db, { records: 2500, today: TODAY, now: `${TODAY}T09:00:00.000Z`, actor: 'test' });
    expect(made).toMatchObject({ vendors: 3, records: 2500, registers: 3 * 22 });
    const n = (t: string) => wb.backend.db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number;
    expect(n('processes') + n('repositories') + n('licences') + n('documents')).toBe(2500);
    expect(n('access_credentials') + n('data_sets') + n('infrastructure_items')).toBe(66);
  });
});
