// The access register keeps where a secret is kept, never the secret: values shaped like one are
// refused at the field, through the API, and nothing is written.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { secretLookalike } from '../../shared/secrets';
import { makeWorkbook, type TestWorkbook } from './helpers';

// Built at run time so no scanner reads this file as holding real keys.
const KEY_BLOCK = ['-----BEGIN', 'OPENSSH PRIVATE KEY-----'].join(' ') + '\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----';
const SECRETS: [string, string][] = [
  [KEY_BLOCK, 'a private-key block'],
  [['-----BEGIN', 'RSA PRIVATE KEY-----'].join(' '), 'a private-key block'],
  ['AKIA' + 'IOSFODNN7EXAMPLE', 'an AWS access key id'],
  ['AIza' + 'SyA1234567890abcdefghijklmnopqrstuv', 'a Google API key'],
  ['ghp_' + 'x'.repeat(36), 'a GitHub token'],
  ['glpat-' + 'y'.repeat(20), 'a GitLab token'],
  ['xoxb-' + '1234567890-abcdef', 'a Slack token'],
  ['sk_live_' + 'z'.repeat(24), 'a Stripe secret key'],
  ['DefaultEndpointsProtocol=https;AccountName=x;AccountKey=' + 'A'.repeat(44) + '==', 'an Azure storage key'],
  ['AGE-SECRET-KEY-1' + 'Q'.repeat(58), 'an age secret key'],
  ['eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U', 'a JSON web token'],
  ['https://deploy:Tr0ub4dor@git.example.com/repo.git', 'a password in a URL'],
  ['password: Summer2026!', 'a password'],
];
const REFERENCES = [
  'kv/prod/payroll-db/svc-backup',
  '1Password: Infra vault › Payroll DB admin',
  'password: kv/prod/db',
  'https://vault.example.com/ui/vault/secrets/kv/show/payroll',
  'CyberArk safe PAYROLL-PRD, object svc_backup',
  'AKIA prefix rotated on 2026-11-02',
];

describe('what looks like a secret', () => {
  it.each(SECRETS)('%# is refused as %s', (value, what) => {
    expect(secretLookalike(value)).toBe(what);
  });
  it.each(REFERENCES)('a reference passes: %s', (value) => {
    expect(secretLookalike(value)).toBeNull();
  });
});

// A secret pasted from a chat or a web page may carry invisible characters, or come in full-width
// or Cyrillic letters that look like the Latin ones; it is still that secret.
const DISGUISED: [string, string][] = [
  ['AKIA\u200B' + 'IOSFODNN7EXAMPLE', 'an AWS access key id'],
  ['AKIA' + 'IOSFODNN7EXAMPLE'.replace(/./g, (c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0)), 'an AWS access key id'],
  ['\u0410\u041aIA' + 'IOSFODNN7EXAMPLE', 'an AWS access key id'],
  ['pass\u00ADword: Summer2026!', 'a password'],
  ['password\u2060: Summer2026!', 'a password'],
  ['ghp_' + 'x'.repeat(18) + '\uFEFF' + 'x'.repeat(18), 'a GitHub token'],
];

describe('a secret in disguise', () => {
  it.each(DISGUISED)('%# is still refused as %s', (value, what) => {
    expect(secretLookalike(value)).toBe(what);
  });
});

describe('the access register refuses secrets', () => {
  let wb: TestWorkbook;
  beforeEach(() => { wb = makeWorkbook(); });
  afterEach(() => wb.close());

  it('at the field that holds one, on create and on update, and writes nothing', async () => {
    const v = await wb.call('vendor.create', { name: 'Northwind' });
    const refused = await wb.refuse('access.create', { vendorId: v.id, name: 'svc-backup', secretLocation: KEY_BLOCK });
    expect(refused.code).toBe('INVALID_INPUT');
    expect(refused.issues).toEqual([{ field: 'secretLocation', message: expect.stringContaining('looks like a private-key block') }]);
    expect(refused.issues?.[0]?.message).not.toContain('b3BlbnNz');
    expect((await wb.call('access.list', { vendorId: v.id })).rows).toHaveLength(0);

    const a = await wb.call('access.create', { vendorId: v.id, name: 'svc-backup', secretLocation: 'kv/prod/svc-backup' });
    const notes = await wb.refuse('access.update', { id: a.id, changes: { notes: 'temporary: password: Summer2026!' } });
    expect(notes.issues).toEqual([{ field: 'changes.notes', message: expect.stringContaining('looks like a password') }]);
    const name = await wb.refuse('access.update', { id: a.id, changes: { name: 'AKIA' + 'IOSFODNN7EXAMPLE' } });
    expect(name.issues?.[0]?.field).toBe('changes.name');
    expect(await wb.call('access.get', { id: a.id })).toMatchObject({ name: 'svc-backup', notes: '', secretLocation: 'kv/prod/svc-backup' });
  });
});
