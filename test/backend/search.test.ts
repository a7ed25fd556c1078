import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KIND_LABEL, type RecordKind } from '../../shared/records';
import { toMatchQuery } from '../../electron/core/store/search';
import { makeWorkbook, type TestWorkbook } from './helpers';

let wb: TestWorkbook;
beforeEach(() => { wb = makeWorkbook(); });
afterEach(() => wb.close());

describe('global search', () => {
  it('finds every kind by prefix, and follows creates, renames and deletes', async () => {
    const v = await wb.call('vendor.create', { name: 'Northwind Managed Services' });
    const p = await wb.call('process.create', { vendorId: v.id, name: 'Nightly payroll export', description: 'SEPA files over SFTP' });
    await wb.call('repository.create', { vendorId: v.id, name: 'payroll-bank-export' });
    await wb.call('person.create', { name: 'Chloé Dubois', role: 'Payroll specialist' });

    const hits = await wb.call('search.query', { q: 'payr' });
    expect(hits.map((h) => h.kind).sort()).toEqual(['person', 'process', 'repository']);
    expect(hits.find((h) => h.kind === 'process')).toMatchObject({ id: p.id, vendorId: v.id, vendorName: 'Northwind Managed Services' });

    expect((await wb.call('search.query', { q: 'sftp' })).map((h) => h.id)).toEqual([p.id]);
    expect((await wb.call('search.query', { q: 'chloe' })).map((h) => h.kind)).toEqual(['person']); // diacritics folded

    await wb.call('process.update', { id: p.id, changes: { name: 'Quarterly tax filing', description: '' } });
    expect((await wb.call('search.query', { q: 'sftp' }))).toEqual([]);
    expect((await wb.call('search.query', { q: 'quarterly tax' })).map((h) => h.id)).toEqual([p.id]);

    await wb.call('process.delete', { id: p.id });
    expect(await wb.call('search.query', { q: 'quarterly' })).toEqual([]);
    await wb.call('process.restore', { id: p.id });
    expect((await wb.call('search.query', { q: 'quarterly' })).length).toBe(1);
  });

  it('finds the registers\' records by every word of their search fields, under their kind\'s label', async () => {
    const v = await wb.call('vendor.create', { name: 'Northwind Managed Services' });
    const access = await wb.call('access.create', { vendorId: v.id, name: 'svc-backup', system: 'Veeam console', secretLocation: 'vault://ops/kestrel', notes: 'Rotated after every leaver' });
    const data = await wb.call('dataset.create', {
      vendorId: v.id, name: 'Payroll history', description: 'Pay slips since 2019', system: 'SAP HCM', location: 'Frankfurt data centre', region: 'Bavaria',
      subprocessors: 'Iron Mountain', notes: 'Tape vault',
    });
    const infra = await wb.call('infrastructure.create', { vendorId: v.id, name: 'Wildcard certificate', identifier: 'ourcompany.example', provider: 'DigiCert', notes: 'Renews in May' });
    const found = async (q: string) => (await wb.call('search.query', { q })).map((h) => [h.kind, h.id]);
    for (const q of ['svc-backup', 'veeam', 'kestrel', 'leaver']) expect(await found(q), q).toEqual([['access', access.id]]);
    for (const q of ['payroll', 'slips', 'hcm', 'frankfurt', 'bavaria', 'iron mountain', 'tape']) expect(await found(q), q).toEqual([['dataset', data.id]]);
    for (const q of ['wildcard', 'ourcompany', 'digicert', 'renews may']) expect(await found(q), q).toEqual([['infrastructure', infra.id]]);
    const [hit] = await wb.call('search.query', { q: 'kestrel' });
    expect(hit).toMatchObject({ title: 'svc-backup', vendorId: v.id, vendorName: 'Northwind Managed Services' });
    expect(['access', 'dataset', 'infrastructure'].map((k) => KIND_LABEL[k as RecordKind].one)).toEqual(['Access or credential', 'Data set', 'Infrastructure item']);
    // Limited to one kind, as the search screen's filter asks.
    expect((await wb.call('search.query', { q: 'frankfurt', kind: 'access' }))).toEqual([]);
  });

  it('marks the matched words in the snippet', async () => {
    await wb.call('vendor.create', { name: 'Contoso Cloud Operations' });
    const [hit] = await wb.call('search.query', { q: 'clou' });
    expect(hit!.snippet).toContain('\u0002Cloud\u0003');
  });

  it('hides the records of a deleted vendor', async () => {
    const v = await wb.call('vendor.create', { name: 'Gone Ltd' });
    await wb.call('document.create', { vendorId: v.id, title: 'Zebra runbook' });
    await wb.call('vendor.delete', { id: v.id });
    expect(await wb.call('search.query', { q: 'zebra' })).toEqual([]);
  });

  it('treats search syntax in the input as plain words', async () => {
    await wb.call('vendor.create', { name: 'AND OR NOT NEAR' });
    for (const q of ['"', 'a"b', 'NEAR(', '*', 'col:umn', '-', '(((', 'AND', '^x']) {
      const r = await wb.backend.dispatch('search.query', { q });
      expect(r.ok, q).toBe(true);
    }
    expect(toMatchQuery('  ')).toBeNull();
    expect(toMatchQuery('Payroll "export')).toBe('{title body} : ("payroll"* "export"*)');
  });

  it('uses the full-text index, not a table scan, on the keystroke path', () => {
    const plan = wb.backend.db.prepare(`EXPLAIN QUERY PLAN SELECT d.record_id FROM search_fts f JOIN search_docs d ON d.rowid = f.rowid
      WHERE search_fts MATCH '"pay"*'`).all() as { detail: string }[];
    const details = plan.map((p) => p.detail).join(' | ');
    expect(details).toMatch(/VIRTUAL TABLE INDEX/);
    expect(details).toMatch(/INTEGER PRIMARY KEY|USING INDEX/);
    expect(details).not.toMatch(/SCAN d\b/);
  });

  it('lists a vendor\'s page through the vendor index', () => {
    const plan = wb.backend.db.prepare(`EXPLAIN QUERY PLAN SELECT id FROM processes t WHERE t.deleted_at IS NULL AND t.vendor_id = ?
      ORDER BY t.name COLLATE NOCASE, t.id LIMIT 200`).all('x') as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' | ')).toMatch(/USING INDEX processes_vendor/);
  });
});

describe('search order', () => {
  it('puts records whose name matches before records that match only in their text', async () => {
    const wb2 = makeWorkbook();
    try {
      const v = await wb2.call('vendor.create', { name: 'V' });
      for (let i = 0; i < 5; i++) await wb2.call('process.create', { vendorId: v.id, name: `Job ${i}`, description: 'mentions the ledger' });
      const named = await wb2.call('process.create', { vendorId: v.id, name: 'Ledger close' });
      const hits = await wb2.call('search.query', { q: 'ledg', limit: 3 });
      expect(hits[0]!.id).toBe(named.id);
      expect(hits).toHaveLength(3);
    } finally {
      wb2.close();
    }
  });

  it('filters a vendor\'s table by words without reaching other vendors or kinds', async () => {
    const a = await wb.call('vendor.create', { name: 'A' });
    const b = await wb.call('vendor.create', { name: 'B' });
    await wb.call('process.create', { vendorId: a.id, name: 'Backup check' });
    await wb.call('process.create', { vendorId: b.id, name: 'Backup check' });
    await wb.call('document.create', { vendorId: a.id, title: 'Backup runbook' });
    const page = await wb.call('process.list', { vendorId: a.id, filter: 'back' });
    expect(page.rows.map((r) => [r.vendorId, r.name])).toEqual([[a.id, 'Backup check']]);
    expect((await wb.call('process.list', { filter: 'back' })).total).toBe(2);
  });
});
