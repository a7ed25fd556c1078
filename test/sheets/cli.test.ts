// handover import-sheet and sheet-template: exit 0 when imported (or a clean dry run), 1 when rows
// are refused (nothing written), 2 for wrong usage; --json prints the counts and every refusal.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import type { Io } from '../../electron/cli/usage';
import { createBackend } from '../../electron/core/backend';

let dir: string;
let db: string;
let out: string[];
let err: string[];
const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l) };
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const processCount = () => {
  const b = createBackend({ workbookPath: db, appVersion: 'test' });
  try {
    return (b.db.prepare('SELECT count(*) FROM processes').pluck().get() as number);
  } finally {
    b.close();
  }
};

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hw-sheet-cli-'));
  db = join(dir, 'wb.sqlite');
  const b = createBackend({ workbookPath: db, appVersion: 'test' });
  await b.dispatch('vendor.create', { name: 'Acme Outsourcing' });
  b.close();
  out = [];
  err = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('handover import-sheet', () => {
  it('dry-runs, imports, and re-imports as unchanged (exit 0)', async () => {
    const sheet = file('p.csv', 'Process,Priority\nPayroll,P1\nBackup,low\n');
    expect(await runCli(['import-sheet', '--db', db, '--kind', 'processes', '--vendor', 'Acme Outsourcing', '--dry-run', '--json', sheet], io)).toBe(0);
    expect(JSON.parse(out.join('\n'))).toEqual({ added: 2, updated: 0, unchanged: 0, refused: [] });
    expect(processCount()).toBe(0);
    out = [];
    expect(await runCli(['import-sheet', '--db', db, '--kind', 'processes', '--vendor', 'Acme Outsourcing', sheet], io)).toBe(0);
    expect(out.join('\n')).toBe('2 added, 0 updated, 0 unchanged.');
    out = [];
    expect(await runCli(['import-sheet', '--db', db, '--kind', 'processes', '--vendor', 'Acme Outsourcing', '--json', sheet], io)).toBe(0);
    expect(JSON.parse(out.join('\n'))).toEqual({ added: 0, updated: 0, unchanged: 2, refused: [] });
    expect(processCount()).toBe(2);
  });

  it('exits 1 with every refused cell when rows are refused, writing nothing', async () => {
    const sheet = file('p.csv', 'Process,Priority,Owner\nPayroll,P1,\nBackup,whenever,Nobody\n');
    expect(await runCli(['import-sheet', '--db', db, '--kind', 'processes', '--vendor', 'Acme Outsourcing', '--json', sheet], io)).toBe(1);
    expect(JSON.parse(out.join('\n'))).toEqual({
      added: 1, updated: 0, unchanged: 0,
      refused: [
        { row: 3, column: 'B (Priority)', field: 'criticality', message: '"whenever" is not one of: Critical, High, Medium, Low' },
        { row: 3, column: 'C (Owner)', field: 'ownerId', message: 'no person is named "Nobody" (create the missing people, or add them first)' },
      ],
    });
    expect(processCount()).toBe(0);
    out = [];
    expect(await runCli(['import-sheet', '--db', db, '--kind', 'processes', '--vendor', 'Acme Outsourcing', sheet], io)).toBe(1);
    expect(err[0]).toBe('2 cells refused; nothing was imported (1 row would be added, 0 updated, 0 unchanged):');
    expect(err[1]).toBe('  row 3, column B (Priority) (criticality): "whenever" is not one of: Critical, High, Medium, Low');
  });

  it('takes --map, --key, --create-people and --date-order', async () => {
    const sheet = file('p.csv', 'Process,Priority,Owner,Checked\nPayroll,whenever,Jane Doe,03/04/2026\n');
    expect(await runCli(['import-sheet', '--db', db, '--kind', 'processes', '--vendor', 'Acme Outsourcing', '--map', 'Priority=', '--map', 'Checked=',
      '--create-people', '--key', 'name', '--json', sheet], io)).toBe(0);
    expect(JSON.parse(out.join('\n'))).toMatchObject({ added: 1, refused: [] });
    const lic = file('l.csv', 'Product,Ends\nOffice,03/04/2026\n');
    out = [];
    expect(await runCli(['import-sheet', '--db', db, '--kind', 'licences', '--vendor', 'Acme Outsourcing', '--map', 'Ends=renewalDate', '--json', lic], io)).toBe(1);
    out = [];
    expect(await runCli(['import-sheet', '--db', db, '--kind', 'licences', '--vendor', 'Acme Outsourcing', '--map', 'Ends=renewalDate', '--date-order', 'dmy', '--json', lic], io)).toBe(0);
  });

  it.each([
    [['--kind', 'processes', 'x.csv'], /--db FILE is required/],
    [['--db', 'DB', 'x.csv'], /--kind is required/],
    [['--db', 'DB', '--kind', 'gadgets', 'x.csv'], /--kind must be one of vendors, people, processes, repositories, licences, documents, access, data-sets, infrastructure, contracts, exit-costs, not "gadgets"/],
    [['--db', 'DB', '--kind', 'processes'], /name one sheet to import/],
    [['--db', 'DB', '--kind', 'processes', '--map', 'nonsense', 'x.csv'], /--map "nonsense": write it as "Header=field"/],
    [['--db', 'DB', '--kind', 'processes', '--date-order', 'ydm', 'x.csv'], /--date-order must be one of ymd, dmy, mdy/],
    [['--db', 'DB', '--kind', 'processes', '--bogus', 'x.csv'], /Unknown option '--bogus'/],
  ])('exits 2 for wrong usage: %j', async (args, message) => {
    expect(await runCli(['import-sheet', ...args.map((a) => (a === 'DB' ? db : a))], io)).toBe(2);
    expect(err.join('\n')).toMatch(message);
  });

  it('exits 2 for a --map naming a column the sheet lacks, and 1 for a file that is not a sheet', async () => {
    const sheet = file('p.csv', 'Process\nPayroll\n');
    expect(await runCli(['import-sheet', '--db', db, '--kind', 'processes', '--vendor', 'Acme Outsourcing', '--map', 'Owner=ownerId', sheet], io)).toBe(2);
    expect(err.join('\n')).toMatch(/the sheet has no column "Owner"/);
    err = [];
    const bin = file('x.csv', '\u0000\u0001\u0002binary');
    expect(await runCli(['import-sheet', '--db', db, '--kind', 'processes', '--vendor', 'Acme Outsourcing', bin], io)).toBe(1);
    expect(err.join('\n')).toMatch(/x\.csv: is not a sheet/);
  });
});

describe('handover import-sheet for the registers', () => {
  const count = (table: string) => {
    const b = createBackend({ workbookPath: db, appVersion: 'test' });
    try {
      return b.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    } finally {
      b.close();
    }
  };

  it('imports access and credentials, refuses a secret in a cell (exit 1, nothing written), and names the kinds in --help', async () => {
    const sheet = file('access.csv', 'Account,Type,System,Admin,Vault path\nsvc-backup,Service account,Veeam,Y,vault://ops/veeam\ndeploy key,SSH,GitLab,no,\n');
    expect(await runCli(['import-sheet', '--db', db, '--kind', 'access', '--vendor', 'Acme Outsourcing', '--json', sheet], io)).toBe(0);
    expect(JSON.parse(out.join('\n'))).toEqual({ added: 2, updated: 0, unchanged: 0, refused: [] });
    out = [];
    expect(await runCli(['import-sheet', '--db', db, '--kind', 'access', '--vendor', 'Acme Outsourcing', sheet], io)).toBe(0);
    expect(out.join('\n')).toBe('0 added, 0 updated, 2 unchanged.');
    const leaky = file('leaky.csv', 'Account,Vault path\naws deploy,AKIAIOSFODNN7EXAMPLE\nother,vault://x\n');
    expect(await runCli(['import-sheet', '--db', db, '--kind', 'access', '--vendor', 'Acme Outsourcing', leaky], io)).toBe(1);
    expect(err.join('\n')).toMatch(/row 2, column B \(Vault path\) \(secretLocation\): looks like an AWS access key id, not a reference to one/);
    expect(err.join('\n')).not.toContain('AKIAIOSFODNN7EXAMPLE');
    expect(count('access_credentials')).toBe(2);
    out = [];
    expect(await runCli(['--help'], io)).toBe(0);
    expect(out.join('\n')).toMatch(/import-sheet .*KIND one of vendors, people, processes, repositories, licences, documents, access, data-sets, infrastructure/);
  });

  it('writes a template of data sets and of infrastructure that imports itself', async () => {
    for (const [kind, table, row] of [
      ['data-sets', 'data_sets', 'Acme Outsourcing,Payroll history,,SAP HCM,,Germany,,Special categories,,,,,,,,,,,,,'],
      ['infrastructure', 'infrastructure_items', 'Acme Outsourcing,www certificate,TLS certificate,www.ourcompany.example,DigiCert,Vendor,Transfer to us,Not started,2026-05-01,Vendor,'],
    ] as const) {
      const csv = join(dir, `${kind}.csv`);
      expect(await runCli(['sheet-template', '--kind', kind, '--out', csv], io)).toBe(0);
      writeFileSync(csv, `${readFileSync(csv, 'utf8')}${row}\n`);
      out = [];
      expect(await runCli(['import-sheet', '--db', db, '--kind', kind, '--json', csv], io), kind).toBe(0);
      expect(JSON.parse(out.join('\n'))).toMatchObject({ added: 1, refused: [] });
      expect(count(table)).toBe(1);
    }
  });
});

describe('handover import-sheet for contracts and exit costs', () => {
  it('imports a cost sheet whose amounts carry their currency, and says so in --help', async () => {
    const sheet = file('costs.csv', 'Item,Type,Cost\nEarly termination fee,termination,"€ 45,000.00"\nMigration weekend,migration,28500 GBP\n');
    expect(await runCli(['import-sheet', '--db', db, '--kind', 'exit-costs', '--vendor', 'Acme Outsourcing', '--json', sheet], io)).toBe(0);
    expect(JSON.parse(out.join('\n'))).toEqual({ added: 2, updated: 0, unchanged: 0, refused: [] });
    const b = createBackend({ workbookPath: db, appVersion: 'test' });
    try {
      expect(b.db.prepare('SELECT description, amount, currency FROM exit_costs ORDER BY description').raw().all()).toEqual([
        ['Early termination fee', '45000.00', 'EUR'], ['Migration weekend', '28500.00', 'GBP'],
      ]);
    } finally {
      b.close();
    }
    out = [];
    expect(await runCli(['--help'], io)).toBe(0);
    expect(out.join('\n')).toMatch(/sheet-template .*KIND one of .*, contracts, exit-costs\)/);
  });
});

describe('handover sheet-template', () => {
  it('writes a CSV with the headers and allowed values that imports itself, and an XLSX', async () => {
    const csv = join(dir, 'processes.csv');
    expect(await runCli(['sheet-template', '--kind', 'processes', '--out', csv], io)).toBe(0);
    const text = readFileSync(csv, 'utf8');
    expect(text.split('\r\n')[0]).toBe('Vendor,Name,Description,Frequency,Criticality (Critical | High | Medium | Low),SLA,Current owner (vendor),In-house successor,Runbook,'
      + 'Knowledge-transfer stage (Not started | Documented | Shadowing | Reverse shadowing | Signed off),Notes');
    writeFileSync(csv, `${text}Acme Outsourcing,Payroll,,Monthly,High,,,,,Shadowing,\n`);
    out = [];
    expect(await runCli(['import-sheet', '--db', db, '--kind', 'processes', '--json', csv], io)).toBe(0);
    expect(JSON.parse(out.join('\n'))).toMatchObject({ added: 1, refused: [] });
    const xlsx = join(dir, 'licences.xlsx');
    expect(await runCli(['sheet-template', '--kind', 'licences', '--out', xlsx], io)).toBe(0);
    // Every header of the template maps itself; the allowed values are on a sheet of their own.
    const b = createBackend({ workbookPath: db, appVersion: 'test' });
    try {
      const r = await b.dispatch('sheets.inspect', { source: { path: xlsx }, kind: 'licences' });
      if (!r.ok) throw new Error(r.error.message);
      const s = r.value as { sheets: string[]; mapping: { columns: Record<string, string | null> } };
      expect(s.sheets).toEqual(['Licences', 'Allowed values']);
      expect(Object.values(s.mapping.columns)).toEqual(['vendorId', 'product', 'licensor', 'type', 'seats', 'licensee', 'transferable', 'keyLocation',
        'renewalDate', 'annualCost', 'currency', 'transferStatus', 'notes']);
      const allowed = await b.dispatch('sheets.inspect', { source: { path: xlsx }, kind: 'licences', sheet: 'Allowed values' });
      expect(allowed.ok && (allowed.value as { columns: { header: string; samples: string[] }[] }).columns[0]).toEqual({ index: 0, letter: 'A', header: 'Type', samples: ['Subscription', 'Perpetual', 'Open source', 'Other'] });
    } finally {
      b.close();
    }
    expect(await runCli(['sheet-template', '--kind', 'licences', '--out', xlsx], io)).toBe(1);
    expect(err.join('\n')).toMatch(/already exists/);
    expect(await runCli(['sheet-template', '--kind', 'licences', '--out', join(dir, 'x.txt')], io)).toBe(2);
  });
});
