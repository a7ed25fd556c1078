// A demo vendor's security-closure registers (issue 10): the accounts and keys it holds, the data
// sets it keeps for us, and the infrastructure it runs. Statuses move with how near the exit is
// (a vendor leaving soon has revoked and verified more), with something for each flag to find: a
// deletion certificate that leaves the backups out, and a TLS certificate that expires within 60
// days and renews on the vendor's account.
import { randomUUID } from 'node:crypto';
import { addDays } from '../../../shared/dates';
import { DEFAULTS, type Fields } from '../../../shared/records';
import type { prepareInsert } from '../store/records';
import { seededRandom } from './random';

type Insert = ReturnType<typeof prepareInsert>;

export interface DemoRegistersInput {
  vendorId: string;
  /** The vendor's place among the demo vendors: what varies between them. */
  index: number;
  /** The demo's seed: with the index, it makes this vendor's draws (apart from the rest of the demo's, which stay as they were). */
  seed: number;
  /** The vendor's name, for its host names ("northwind"). */
  short: string;
  exitDate: string;
  today: string;
  /** In-house people (index 3 is the security officer, 2 the service owner) and the vendor's. */
  inHouse: readonly string[];
  vendorSide: readonly string[];
  stamp: { createdAt: string; updatedAt: string; deletedAt: null };
}

type DemoAccess = Pick<Fields<'access'>, 'name' | 'kind' | 'system' | 'privileged' | 'secretLocation' | 'action' | 'plannedOffsetDays'> & {
  /** Which of the vendor's people holds it (null: the vendor as a company). */
  holder: number | null;
};

const ACCESS: readonly DemoAccess[] = [
  { name: 'adm-{op} (domain admin)', kind: 'named_account', system: 'Active Directory corp.ourcompany.example', holder: 1, privileged: 'yes', secretLocation: 'Vendor PAM (CyberArk), safe OPS-ADMINS', action: 'revoke', plannedOffsetDays: 0 },
  { name: 'svc-backup', kind: 'service_account', system: 'Veeam Backup & Replication', holder: null, privileged: 'yes', secretLocation: 'vault://ops/veeam/svc-backup', action: 'rotate', plannedOffsetDays: -3 },
  { name: 'Jump host SSH key (ed25519)', kind: 'ssh_key', system: 'bastion01.ourcompany.example', holder: 2, privileged: 'yes', secretLocation: 'vault://ssh/{short}-jump', action: 'revoke', plannedOffsetDays: 0 },
  { name: 'Monitoring API token', kind: 'api_key', system: 'Datadog', holder: null, privileged: 'no', secretLocation: 'vault://monitoring/datadog-api', action: 'rotate', plannedOffsetDays: 1 },
  { name: 'Remote-access VPN accounts', kind: 'vpn_account', system: 'FortiGate SSL VPN', holder: 0, privileged: 'no', secretLocation: '', action: 'revoke', plannedOffsetDays: 0 },
  { name: 'Registrar account for {domain}', kind: 'dns_registrar_login', system: 'Gandi', holder: null, privileged: 'yes', secretLocation: '1Password: Infrastructure / Gandi', action: 'transfer', plannedOffsetDays: -14 },
  { name: 'Ticketing integration app', kind: 'oauth_grant', system: 'Microsoft Entra ID', holder: null, privileged: 'no', secretLocation: 'Entra app registration “{short}-itsm”', action: 'revoke', plannedOffsetDays: 0 },
  { name: 'Vendor office range 203.0.113.0/24', kind: 'ip_allowlist', system: 'Edge firewall', holder: null, privileged: 'no', secretLocation: '', action: 'revoke', plannedOffsetDays: 1 },
  { name: 'Owner role on the production subscription', kind: 'cloud_role', system: 'Microsoft Azure', holder: 2, privileged: 'yes', secretLocation: 'Entra PIM', action: 'revoke', plannedOffsetDays: 0 },
  { name: 'Break-glass domain admin password', kind: 'shared_secret', system: 'Active Directory corp.ourcompany.example', holder: null, privileged: 'yes', secretLocation: 'Sealed envelope 7, safe in the server room', action: 'rotate', plannedOffsetDays: 1 },
  { name: 'Data centre access badges (3)', kind: 'badge_hardware', system: 'Server room access control', holder: 0, privileged: 'no', secretLocation: '', action: 'revoke', plannedOffsetDays: 0 },
];

type DemoDataSet = Pick<Fields<'dataset'>, 'name' | 'description' | 'system' | 'location' | 'region' | 'format' | 'personalData' | 'volume' | 'returnFormat' | 'returnMethod' | 'subprocessors'>;

const DATA_SETS: readonly DemoDataSet[] = [
  {
    name: 'Payroll history 2019–2026', description: 'Pay slips, sick leave and union membership deductions for every employee.', system: 'SAP HCM',
    location: 'Vendor data centre, Frankfurt', region: 'Germany', format: 'SAP tables', personalData: 'special', volume: '180 GB',
    returnFormat: 'CSV and SAP table export', returnMethod: 'SFTP to our landing zone', subprocessors: 'Iron Mountain (tape vault)',
  },
  {
    name: 'Service desk tickets', description: 'Tickets, call notes and requester details since 2021.', system: 'ServiceNow',
    location: 'ServiceNow EU instance', region: 'EU (Netherlands)', format: 'ServiceNow records', personalData: 'yes', volume: '2.4 million tickets',
    returnFormat: 'JSON export', returnMethod: 'Export over HTTPS, checked against record counts', subprocessors: 'ServiceNow Nederland B.V.',
  },
  {
    name: 'Server backups', description: 'Nightly and monthly Veeam restore points of every managed server.', system: 'Veeam Backup & Replication',
    location: 'Vendor data centre, Frankfurt; tape copies off site', region: 'Germany', format: 'Veeam backup files', personalData: 'yes', volume: '38 TB',
    returnFormat: 'Veeam backup files', returnMethod: 'Encrypted disks by courier', subprocessors: 'Iron Mountain (tape vault)',
  },
  {
    name: 'Monitoring metrics and logs', description: 'Host metrics and application logs kept 15 months.', system: 'Datadog',
    location: 'Datadog EU1', region: 'EU', format: 'Metrics and log archives', personalData: 'no', volume: '400 GB',
    returnFormat: 'Log archives (JSON)', returnMethod: 'Archive bucket handed over', subprocessors: '',
  },
];

type DemoInfra = Pick<Fields<'infrastructure'>, 'name' | 'kind' | 'identifier' | 'provider' | 'heldBy' | 'disposition' | 'renewalAccount'> & {
  /** Days from today it expires (certificates and domains). */
  expiresIn?: number;
};

const INFRASTRUCTURE: readonly DemoInfra[] = [
  { name: 'ERP application server', kind: 'virtual_machine', identifier: 'erp-app01.corp.ourcompany.example', provider: 'Vendor data centre, Frankfurt', heldBy: 'vendor', disposition: 'migrate', renewalAccount: 'unknown' },
  { name: 'Backup storage array', kind: 'hardware', identifier: 'SN 4CZ2190KXL', provider: 'Vendor data centre, Frankfurt', heldBy: 'vendor', disposition: 'decommission', renewalAccount: 'unknown' },
  { name: 'Production Azure subscription', kind: 'cloud_account', identifier: '8c6a1f7e-2b3d-4e5f-9a0b-1c2d3e4f5a6b', provider: 'Microsoft Azure, West Europe', heldBy: 'vendor', disposition: 'transfer', renewalAccount: 'vendor' },
  { name: '{domain}', kind: 'domain', identifier: '{domain}', provider: 'Gandi', heldBy: 'vendor', disposition: 'transfer', renewalAccount: 'vendor', expiresIn: 210 },
  { name: 'Wildcard certificate *.{domain}', kind: 'tls_certificate', identifier: 'CN=*.{domain}', provider: 'DigiCert', heldBy: 'vendor', disposition: 'transfer', renewalAccount: 'vendor', expiresIn: 45 },
  { name: 'Public DNS zone {domain}', kind: 'dns_zone', identifier: '{domain}.', provider: 'Vendor PowerDNS', heldBy: 'vendor', disposition: 'migrate', renewalAccount: 'unknown' },
  { name: 'MPLS link to the vendor data centre', kind: 'network_link', identifier: 'Circuit DE-FRA-88231', provider: 'Deutsche Telekom', heldBy: 'third_party', disposition: 'decommission', renewalAccount: 'third_party' },
];

/** The domain each demo vendor runs for us: its registrar login, zone and certificate. */
const DOMAINS = ['ourcompany.example', 'ourcompany-shop.example', 'ourcompany-careers.example', 'ourcompany-status.example', 'ourcompany-partners.example'];

/** Inserts the vendor's access records, data sets and infrastructure items; answers how many. */
export function demoRegisters(ins: { access: Insert; dataset: Insert; infrastructure: Insert }, c: DemoRegistersInput): number {
  const rand = seededRandom(c.seed * 7919 + c.index);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  // Work done lies 15 to 45 days back, so what followed it (verified, certified) a few days later is still in the past.
  const daysAgo = () => addDays(c.today, -15 - Math.floor(rand() * 30));
  const securityOfficer = c.inHouse[3] ?? c.inHouse[0]!;
  // How far the vendor is along: the first demo vendor (T in 75 days) has started on it, the others less.
  const progress = [0.45, 0.25, 0.1][c.index % 3]!;
  const domain = DOMAINS[c.index % DOMAINS.length]!;
  const words = (t: string) => t.replaceAll('{short}', c.short).replaceAll('{domain}', domain);
  let made = 0;

  for (const { holder, ...a } of ACCESS) {
    const r = rand();
    const status = r < progress / 2 ? 'verified' : r < progress ? 'done' : pick(['active', 'active', 'scheduled'] as const);
    const doneOn = status === 'done' || status === 'verified' ? daysAgo() : null;
    ins.access({
      ...DEFAULTS.access, ...c.stamp, id: randomUUID(), vendorId: c.vendorId, ...a,
      name: words(a.name.replace('{op}', `op${c.index + 1}`)), secretLocation: words(a.secretLocation),
      holderId: holder === null ? null : c.vendorSide[holder % c.vendorSide.length] ?? null,
      status, doneOn,
      verifiedById: status === 'verified' ? securityOfficer : null,
      verifiedOn: status === 'verified' ? addDays(doneOn!, 1 + Math.floor(rand() * 3)) : null,
    });
    made++;
  }

  DATA_SETS.forEach((d, i) => {
    // The first vendor has the payroll history and the tickets back, and the payroll's deletion
    // certificate leaves out the tape copies at the sub-processor; the others have less back.
    const firstPayroll = c.index % 3 === 0 && i === 0;
    const returned = (c.index % 3 === 0 && i <= 1) || (c.index % 3 === 1 && i === 1) || rand() < progress / 2;
    const receivedOn = returned ? daysAgo() : null;
    const certified = firstPayroll || (receivedOn !== null && rand() < 0.5);
    const certificateReceivedOn = certified ? addDays(receivedOn!, 3 + Math.floor(rand() * 10)) : null;
    ins.dataset({
      ...DEFAULTS.dataset, ...c.stamp, id: randomUUID(), vendorId: c.vendorId, ...d,
      ownerId: c.inHouse[2] ?? null, receivedOn, checkedById: receivedOn ? (c.inHouse[1] ?? null) : null,
      deletionRequired: 'yes', certificateReceivedOn,
      certificateCoversBackups: certified ? (firstPayroll ? 'no' : 'yes') : 'unknown',
      certificateCoversSubprocessors: certified ? pick(['yes', 'unknown'] as const) : 'unknown',
      // The backups' last copy outlives the exit by their retention.
      lastBackupExpiresOn: d.system.startsWith('Veeam') || i === 0 ? addDays(c.exitDate, 90) : null,
    });
    made++;
  });

  for (const { expiresIn, ...item } of INFRASTRUCTURE) {
    const r = rand();
    const status = r < progress / 2 ? 'verified' : r < progress ? 'done' : pick(['not_started', 'not_started', 'in_progress'] as const);
    ins.infrastructure({
      ...DEFAULTS.infrastructure, ...c.stamp, id: randomUUID(), vendorId: c.vendorId, ...item, name: words(item.name), identifier: words(item.identifier),
      expiresOn: expiresIn === undefined ? null : addDays(c.today, expiresIn + (c.index % 5)),
      // The certificate that expires soon must renew before anything moves: it is not done yet.
      status: item.kind === 'tls_certificate' ? 'not_started' : status,
    });
    made++;
  }
  return made;
}
