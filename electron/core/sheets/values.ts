// Reading one cell as a field's value: choices matched case- and space-insensitively and by
// synonyms, dates (ISO, d/m/y, m/d/y, Excel serial numbers, names of months), numbers with
// thousands separators and currency signs. Each reader answers the value or why not.
import { enumLabel } from '../../../shared/enums';
import type { DateOrder } from '../../../shared/sheets';
import { isErrorValue, isFormulaWithoutValue, type Cell } from './grid';
import { norm } from './fields';

export type Read<T> = { ok: true; value: T } | { ok: false; message: string };
const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const no = (message: string): Read<never> => ({ ok: false, message });

/** Other words for choice values, by value (normalised). Every value also matches itself and its label. */
const VALUE_SYNONYMS: Record<string, string[]> = {
  critical: ['p1', 'crit', '1', 'veryhigh', 'urgent', 'highest', 'blocker', 'sev1'],
  high: ['p2', '2', 'major', 'sev2'],
  medium: ['p3', '3', 'med', 'normal', 'moderate', 'average', 'sev3'],
  low: ['p4', 'p5', '4', '5', 'minor', 'lowest', 'sev4'],
  yes: ['y', 'true', 'oui', 'ja', 'si', 'transferable', 'x'],
  no: ['n', 'false', 'non', 'nein', 'nontransferable', 'nottransferable'],
  consent_required: ['consent', 'withconsent', 'requiresconsent', 'subjecttoconsent'],
  unknown: ['?', 'tbd', 'dontknow', 'notknown', 'unclear'],
  in_house: ['internal', 'inhouse', 'employee', 'staff', 'ours', 'insource', 'insourced'],
  vendor: ['supplier', 'external', 'contractor', 'provider', 'outsourcer'],
  new_provider: ['newvendor', 'incoming', 'incomingprovider', 'newsupplier'],
  subscription: ['saas', 'annual', 'term', 'yearly', 'monthly', 'subscr'],
  perpetual: ['permanent', 'oem', 'lifetime', 'volume'],
  open_source: ['oss', 'foss', 'free', 'gpl', 'mit', 'apache', 'bsd'],
  us: ['we', 'ours', 'company', 'customer', 'client', 'inhouse'],
  third_party: ['3rdparty', 'thirdparty', 'external', 'other'],
  signed_off: ['done', 'complete', 'completed', 'signoff', 'finished'],
  not_started: ['todo', 'new', 'open', 'notyet', 'pending'],
  documented: ['docs', 'written'],
  reverse_shadowing: ['reverse', 'reverseshadow'],
  shadowing: ['shadow'],
  transferred: ['moved', 'migrated'],
  deposited: ['inescrow'],
  not_needed: ['na', 'n/a', 'notapplicable', 'none needed'],
  novated: ['assigned'],
  re_procured: ['rebought', 'repurchased', 'reprocure'],
  lapsed: ['expired', 'cancelled', 'canceled', 'terminated'],
  operating_procedure: ['sop', 'procedure', 'howto', 'manual'],
  architecture: ['design', 'diagram'],
  runbook: ['playbook'],
  contract: ['agreement', 'msa', 'sow', 'nda', 'dpa'],
  access_list: ['access', 'accounts', 'permissions'],
  draft: ['wip', 'inprogress', 'review'],
  published: ['final', 'approved', 'current', 'released'],
  obsolete: ['archived', 'deprecated', 'retired', 'superseded', 'outdated'],
  missing: ['notfound', 'absent', 'lost'],
  exit_planned: ['planned', 'exiting'],
  in_transition: ['transition', 'transitioning'],
  exited: ['terminated', 'ended', 'closed', 'inactive', 'former'],
  active: ['current', 'live', 'inuse'],
  tacit: ['automatic', 'auto', 'autorenew', 'autorenewal', 'evergreen'],
  express: ['manual', 'explicit'],
  none: ['no', 'fixed', 'fixedterm'],
  // The security-closure registers (issue 10).
  named_account: ['account', 'useraccount', 'user', 'personalaccount', 'named', 'login'],
  service_account: ['serviceaccount', 'technicalaccount', 'systemaccount', 'functionalaccount', 'svc', 'svcaccount'],
  api_key: ['apikey', 'apitoken', 'token', 'accesstoken', 'pat', 'personalaccesstoken', 'key'],
  ssh_key: ['ssh', 'sshkey', 'publickey', 'deploykey', 'sshpublickey'],
  vpn_account: ['vpn', 'vpnuser', 'vpnaccount', 'remoteaccess'],
  oauth_grant: ['oauth', 'oauthapp', 'oauthgrant', 'app', 'integration', 'connectedapp'],
  ip_allowlist: ['allowlist', 'ipallowlist', 'whitelist', 'ipwhitelist', 'firewallrule', 'ipallowlistentry'],
  cloud_role: ['role', 'iamrole', 'cloudrole', 'rbac', 'rbacrole', 'consolerole'],
  dns_registrar_login: ['registrar', 'registrarlogin', 'registraraccount', 'dnslogin', 'dns'],
  shared_secret: ['secret', 'sharedpassword', 'password', 'psk', 'presharedkey', 'sharedaccount'],
  badge_hardware: ['badge', 'keycard', 'accesscard', 'fob', 'hardwaretoken', 'yubikey', 'hardware'],
  revoke: ['revoked', 'disable', 'disabled', 'delete', 'remove', 'deactivate', 'close'],
  rotate: ['rotated', 'change', 'changepassword', 'reset', 'rekey', 'renew'],
  transfer: ['transfertous', 'handover', 'takeover', 'takeon'],
  scheduled: ['planned', 'booked', 'due'],
  done: ['complete', 'completed', 'finished', 'closed'],
  verified: ['checked', 'confirmed', 'validated'],
  in_progress: ['started', 'ongoing', 'underway', 'wip'],
  server: ['physicalserver', 'physical', 'baremetal', 'host'],
  virtual_machine: ['vm', 'virtualserver', 'vps', 'instance', 'guest', 'ec2'],
  cloud_account: ['cloud', 'tenant', 'awsaccount', 'gcpproject', 'azuretenant'],
  domain: ['domainname', 'dnsname'],
  dns_zone: ['zone', 'dns', 'dnszone'],
  tls_certificate: ['cert', 'certificate', 'ssl', 'sslcertificate', 'tls', 'tlscert', 'sslcert', 'x509'],
  network_link: ['link', 'circuit', 'wan', 'wanlink', 'mpls', 'leasedline', 'internetline'],
  migrate: ['migration', 'move', 'rehost', 'liftandshift'],
  decommission: ['decom', 'shutdown', 'switchoff', 'turnoff', 'retire', 'dispose'],
  keep_at_vendor: ['keep', 'stay', 'remain', 'retain', 'keepatvendor', 'stayswithvendor'],
  // Contracts and exit costs.
  master_agreement: ['msa', 'masteragreement', 'masterservicesagreement', 'frameworkagreement', 'framework', 'main'],
  statement_of_work: ['sow', 'statementofwork', 'workorder', 'serviceschedule', 'schedule'],
  order_form: ['order', 'orderform', 'po', 'purchaseorder'],
  data_processing_agreement: ['dpa', 'dataprocessingagreement', 'dataprocessingaddendum', 'gdpr', 'avv'],
  nda: ['nda', 'confidentialityagreement', 'nondisclosure', 'nondisclosureagreement', 'cda'],
  licence_agreement: ['licenseagreement', 'eula', 'licence', 'license'],
  written_letter: ['letter', 'writing', 'inwriting', 'written', 'post', 'mail'],
  registered_post: ['registered', 'registeredmail', 'registeredletter', 'recorded', 'recordeddelivery', 'einschreiben', 'lettrerecommandee'],
  certified_email: ['certifiedemail', 'pec', 'demail', 'registeredemail'],
  termination_fee: ['termination', 'earlytermination', 'exitfee', 'fee', 'penalty', 'breakfee'],
  dual_running: ['dualrunning', 'parallel', 'parallelrun', 'parallelrunning', 'overlap', 'doublerun'],
  migration_work: ['migration', 'transition', 'cutover', 'project', 'professionalservices'],
  onboarding: ['newprovider', 'onboarding', 'newprovideronboarding', 'knowledgetransfer'],
  licences_rebought: ['licences', 'licenses', 'rebuy', 'repurchase', 'licencesrebought', 'licensesrebought', 'newlicences'],
};

/**
 * Words that mean a value in one field only: "Admin" answers "Privileged?", not "Transferable?",
 * which share the values yes and no.
 */
const FIELD_VALUE_SYNONYMS: Record<string, Record<string, string[]>> = {
  privileged: {
    yes: ['admin', 'administrator', 'privileged', 'elevated', 'root', 'superuser', 'domainadmin', 'fullaccess'],
    no: ['standard', 'regular', 'normal', 'user', 'readonly', 'nonprivileged', 'unprivileged'],
  },
  personalData: {
    special: ['specialcategory', 'special', 'art9', 'article9', 'art9gdpr', 'sensitive', 'health', 'biometric'],
    yes: ['personal', 'personaldata', 'pii', 'gdpr'],
    no: ['none', 'nopii', 'nonpersonal', 'anonymous', 'anonymised', 'anonymized'],
  },
};

/** The text of a cell as the sheet shows it ('' for empty). */
export function cellText(c: Cell): string {
  if (c === null || isFormulaWithoutValue(c) || isErrorValue(c)) return '';
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  if (typeof c === 'boolean') return c ? 'TRUE' : 'FALSE';
  return String(c).trim();
}

/**
 * A choice value: the user's own value map first, then the value itself, its label and the
 * synonyms, all compared normalised; an option's own words win over another option's synonyms.
 */
export function readChoice(raw: string, options: readonly string[], userMap: Record<string, string> | undefined, field?: string): Read<string> {
  const mapped = userMap?.[raw] ?? userMap?.[raw.trim()];
  if (mapped !== undefined) return options.includes(mapped) ? ok(mapped) : no(`is mapped to "${mapped}", which is not one of: ${options.join(', ')}`);
  const found = choiceIndex(options, field).get(norm(raw));
  return found !== undefined ? ok(found) : no(`"${raw}" is not one of: ${options.map(enumLabel).join(', ')}`);
}

const choiceIndexes = new WeakMap<readonly string[], Map<string, Map<string, string>>>();

/**
 * Every normalised word of a field's options → the option: its value and label first, then the
 * field's own synonyms, then the general ones (built once per field).
 */
function choiceIndex(options: readonly string[], field: string | undefined): Map<string, string> {
  const scoped = field !== undefined && Object.prototype.hasOwnProperty.call(FIELD_VALUE_SYNONYMS, field) ? field : '';
  let byField = choiceIndexes.get(options);
  if (!byField) choiceIndexes.set(options, (byField = new Map()));
  let index = byField.get(scoped);
  if (!index) {
    index = new Map();
    for (const o of options) for (const w of [norm(o), norm(enumLabel(o))]) if (!index.has(w)) index.set(w, o);
    const own = scoped ? FIELD_VALUE_SYNONYMS[scoped]! : {};
    for (const o of options) for (const w of (own[o] ?? []).map(norm)) if (!index.has(w)) index.set(w, o);
    for (const o of options) for (const w of (VALUE_SYNONYMS[o] ?? []).map(norm)) if (!index.has(w)) index.set(w, o);
    byField.set(scoped, index);
  }
  return index;
}

// ---- dates -------------------------------------------------------------------------------

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const pad = (n: number) => String(n).padStart(2, '0');

function isoOf(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1000 || y > 9999) return null;
  const iso = `${y}-${pad(m)}-${pad(d)}`;
  const t = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(t.getTime()) || t.toISOString().slice(0, 10) !== iso ? null : iso;
}

const fullYear = (y: string) => (y.length === 2 ? 2000 + Number(y) - (Number(y) >= 70 ? 100 : 0) : Number(y));

/** Days since 1899-12-30: Excel's serial dates (the 1900 leap-year bug makes this the epoch from March 1900 on). */
export function excelSerialDate(n: number): string | null {
  if (!Number.isFinite(n) || n < 61 || n > 2_958_465) return null;
  return new Date(Date.UTC(1899, 11, 30) + Math.floor(n) * 86_400_000).toISOString().slice(0, 10);
}

/** Numeric day-month-year with / . or - (d and m both ≤ 12 is ambiguous without a date order). */
const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/;

/** What a numeric date can be read as: 'dmy', 'mdy', both (ambiguous), or none. */
export function dateOrdersOf(raw: string): DateOrder[] {
  const m = DMY.exec(raw.trim());
  if (!m) return [];
  const a = Number(m[1]);
  const b = Number(m[2]);
  const y = fullYear(m[3]!);
  const out: DateOrder[] = [];
  if (isoOf(y, b, a)) out.push('dmy');
  if (isoOf(y, a, b)) out.push('mdy');
  return out;
}

export function readDate(c: Cell, order: DateOrder | undefined): Read<string> {
  if (c instanceof Date) return ok(c.toISOString().slice(0, 10));
  if (typeof c === 'number') return excelSerialDate(c) ? ok(excelSerialDate(c)!) : no(`${c} is not a date`);
  const raw = cellText(c);
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(raw);
  if (m) return isoOf(Number(m[1]), Number(m[2]), Number(m[3])) ? ok(isoOf(Number(m[1]), Number(m[2]), Number(m[3]))!) : no(`"${raw}" is not a calendar date`);
  m = DMY.exec(raw.replace(/\s+\d{1,2}:\d{2}(:\d{2})?$/, ''));
  if (m) {
    const orders = dateOrdersOf(m[0]);
    const y = fullYear(m[3]!);
    if (orders.length === 0) return no(`"${raw}" is not a calendar date`);
    const use = orders.length === 1 ? orders[0]! : order;
    if (!use || use === 'ymd') return no(`"${raw}" could be day/month or month/day: choose the date order`);
    if (!orders.includes(use)) return no(`"${raw}" is not a date in the order ${use === 'dmy' ? 'day/month/year' : 'month/day/year'}`);
    const [d, mo] = use === 'dmy' ? [Number(m[1]), Number(m[2])] : [Number(m[2]), Number(m[1])];
    return ok(isoOf(y, mo, d)!);
  }
  // "3 Apr 2026", "03-Apr-2026", "April 3, 2026".
  m = /^(\d{1,2})[\s-]+([a-z]{3,9})\.?[\s-]+(\d{4}|\d{2})$/i.exec(raw) ?? null;
  if (m) {
    const mo = MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase()) + 1;
    const iso = mo > 0 ? isoOf(fullYear(m[3]!), mo, Number(m[1])) : null;
    return iso ? ok(iso) : no(`"${raw}" is not a date`);
  }
  m = /^([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/i.exec(raw);
  if (m) {
    const mo = MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase()) + 1;
    const iso = mo > 0 ? isoOf(Number(m[3]), mo, Number(m[2])) : null;
    return iso ? ok(iso) : no(`"${raw}" is not a date`);
  }
  // A serial number written as text (a CSV saved from a sheet whose date column had no format).
  if (/^\d{5}(\.\d+)?$/.test(raw) && excelSerialDate(Number(raw))) return ok(excelSerialDate(Number(raw))!);
  return no(`"${raw}" is not a date (use YYYY-MM-DD, day/month/year or month/day/year)`);
}

// ---- numbers -----------------------------------------------------------------------------

const CURRENCY_SIGNS: Record<string, string> = { '€': 'EUR', '$': 'USD', '£': 'GBP', '¥': 'JPY', '₹': 'INR', 'CHF': 'CHF', 'Fr.': 'CHF', 'kr': 'SEK', 'zł': 'PLN' };

/**
 * A number as people write it: "1,234.50", "1.234,50", "1 234", "1'234", "€ 1,200", "1200 EUR",
 * "(300)" refused as negative by the field. One separator followed by exactly three digits is a
 * thousands separator ("1,000"); otherwise it is the decimal point ("12,5").
 * Also the currency the cell names, when it names one.
 */
export function readNumber(c: Cell): Read<{ value: number; currency: string | null }> {
  if (typeof c === 'number') return ok({ value: c, currency: null });
  const raw = cellText(c);
  let s = raw.replace(/[\s\u00a0\u202f']/g, '');
  let currency: string | null = null;
  const code = /^([A-Z]{3})(?=[\d.,-])|(?<=[\d.,])([A-Z]{3})$/.exec(s);
  if (code) {
    currency = code[1] ?? code[2]!;
    s = s.replace(currency, '');
  }
  for (const [sign, iso] of Object.entries(CURRENCY_SIGNS)) {
    if (s.startsWith(sign) || s.endsWith(sign)) {
      currency ??= iso;
      s = s.startsWith(sign) ? s.slice(sign.length) : s.slice(0, -sign.length);
      break;
    }
  }
  const negative = /^\(.*\)$/.test(s) || s.startsWith('-');
  s = s.replace(/^\(|\)$/g, '').replace(/^-/, '');
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return no(`"${raw}" is not a number`);
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let normalised: string;
  if (lastDot >= 0 && lastComma >= 0) {
    const dec = lastDot > lastComma ? '.' : ',';
    const thou = dec === '.' ? ',' : '.';
    normalised = s.split(thou).join('').replace(dec, '.');
  } else {
    const sep = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : '';
    const parts = sep ? s.split(sep) : [s];
    const grouped = parts.length > 1 && parts.slice(1).every((p) => p.length === 3) && parts[0]!.length <= 3 && parts[0] !== '0';
    // "1.5" and "12,5" are decimals; "1,000" and "1.000.000" are thousands.
    if (sep && grouped && (parts.length > 2 || sep === ',')) normalised = parts.join('');
    else if (parts.length > 2) return no(`"${raw}" is not a number`);
    else normalised = parts.join('.');
  }
  const value = Number(normalised);
  if (!Number.isFinite(value)) return no(`"${raw}" is not a number`);
  return ok({ value: negative ? -value : value, currency });
}
