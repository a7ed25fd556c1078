// The fields a sheet can fill per kind, the header words that name them, and the guess of a
// mapping from a sheet's headers. Header words are compared normalised: lower case, letters and
// digits only ("E-mail address" → "emailaddress").
import { REQUIRED_FIELDS } from '../../../shared/contract';
import { fieldMeta, fieldNames, SHAPES, TITLE_FIELD, type RecordKind } from '../../../shared/records';
import type { SheetFieldInfo } from '../../../shared/sheets';

export const norm = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9?]+/g, '');

/** The id column: matched records are updated (idempotent re-import of an exported sheet). */
export const ID_FIELD = 'id';

const COMMON: Record<string, string[]> = {
  id: ['id', 'uuid', 'recordid'],
  notes: ['notes', 'note', 'comment', 'comments', 'remarks'],
  vendorId: ['vendor', 'vendorname', 'supplier', 'suppliername', 'provider'],
};

/** Header words per field beyond the field's own name and label (which always match). */
const SYNONYMS: { [K in RecordKind]: Record<string, string[]> } = {
  vendor: {
    name: ['vendor', 'vendorname', 'supplier', 'suppliername', 'company', 'organisation', 'organization', 'provider'],
    services: ['services', 'service', 'description'],
    contractRef: ['contract', 'contractnumber', 'contractno', 'reference', 'ref'],
    contractStart: ['start', 'startdate', 'begindate', 'contractstartdate'],
    contractEnd: ['end', 'enddate', 'expiry', 'expirydate', 'contractenddate'],
    noticeDays: ['notice', 'noticeperiod', 'noticedays'],
    leadDays: ['leadtime', 'leaddays', 'internallead'],
    exitDate: ['exit', 'exitdate', 'plannedexit', 't'],
    status: ['status', 'state'],
    vendorContactId: ['vendorcontact', 'contact', 'contactname', 'pointofcontact', 'spoc'],
    ourContactId: ['ourcontact', 'internalcontact', 'exitmanager'],
    newProviderName: ['newprovider', 'newvendor', 'incomingprovider'],
  },
  person: {
    name: ['name', 'fullname', 'person', 'employee', 'contactname'],
    role: ['role', 'title', 'jobtitle', 'position', 'function'],
    email: ['email', 'mail', 'emailaddress', 'e-mail'],
    side: ['side', 'team', 'employer'],
    vendorId: ['vendor', 'company', 'supplier', 'organisation', 'organization'],
  },
  process: {
    name: ['process', 'processname', 'name', 'workflow', 'task', 'activity'],
    frequency: ['frequency', 'schedule', 'cadence', 'runs', 'period'],
    criticality: ['criticality', 'priority', 'severity', 'impact', 'crit'],
    sla: ['sla', 'servicelevel'],
    ownerId: ['owner', 'responsible', 'currentowner', 'vendorowner', 'runby', 'operator'],
    successorId: ['successor', 'inhousesuccessor', 'newowner', 'takeover', 'backup'],
    runbookId: ['runbook', 'procedure', 'playbook'],
    ktStage: ['kt', 'ktstage', 'stage', 'knowledgetransfer', 'ktstatus'],
  },
  repository: {
    name: ['repository', 'repo', 'reponame', 'repositoryname', 'name', 'project'],
    url: ['url', 'link', 'cloneurl', 'repourl', 'giturl', 'address'],
    host: ['host', 'platform', 'hosting', 'githost', 'forge'],
    defaultBranch: ['branch', 'defaultbranch', 'mainbranch'],
    orgOwner: ['orgowner', 'ownedby', 'accountowner', 'organisationowner', 'organizationowner'],
    adminId: ['admin', 'admins', 'administrator', 'maintainer', 'adminrights'],
    ciCd: ['ci', 'cicd', 'pipeline', 'pipelines', 'build'],
    secretsLocation: ['secrets', 'secretslocation', 'vault', 'secretstore'],
    escrow: ['escrow'],
    accessVerifiedOn: ['accessverified', 'verifiedon', 'accesschecked'],
    transferStatus: ['transfer', 'transferstatus', 'status'],
  },
  licence: {
    product: ['product', 'software', 'softwarename', 'licence', 'license', 'licencename', 'licensename', 'name', 'title'],
    licensor: ['licensor', 'manufacturer', 'publisher', 'editor', 'maker'],
    type: ['type', 'licencetype', 'licensetype', 'model'],
    seats: ['seats', 'qty', 'quantity', 'licences', 'licenses', 'numberoflicences', 'numberoflicenses', 'count', 'totalseats', 'number'],
    licensee: ['licensee', 'licensedto', 'licenceholder', 'licenseholder', 'holder', 'licenseeofrecord'],
    transferable: ['transferable', 'transferrable', 'reassignable', 'assignable'],
    keyLocation: ['keylocation', 'wherekeyiskept', 'keystore'],
    renewalDate: ['renewal', 'renewaldate', 'expiry', 'expirydate', 'expires', 'expiration', 'expirationdate', 'enddate', 'renewalorexpiry'],
    annualCost: ['cost', 'annualcost', 'price', 'yearlycost', 'amount', 'purchasecost', 'annualfee'],
    currency: ['currency', 'ccy'],
    transferStatus: ['transferstatus', 'transfer', 'status'],
  },
  document: {
    title: ['title', 'name', 'document', 'documentname', 'doc'],
    kind: ['kind', 'type', 'documenttype', 'category'],
    location: ['location', 'url', 'link', 'path', 'file', 'filename', 'where'],
    version: ['version', 'rev', 'revision'],
    status: ['status', 'state'],
    reviewedById: ['reviewedby', 'reviewer'],
    reviewedOn: ['reviewedon', 'reviewdate', 'lastreviewed', 'reviewed'],
  },
  // The security-closure registers (issue 10), in the words of an IT lead's access list, data
  // inventory (a GDPR record of processing) and asset or CMDB export.
  access: {
    name: ['account', 'accountname', 'username', 'user', 'login', 'loginname', 'credential', 'credentialname', 'keyname', 'tokenname', 'identity'],
    kind: ['kind', 'type', 'accesstype', 'credentialtype', 'accounttype', 'category'],
    system: ['system', 'application', 'app', 'service', 'target', 'targetsystem', 'resource', 'platform', 'host', 'server'],
    holderId: ['holder', 'heldby', 'owner', 'accountowner', 'assignedto', 'usedby', 'vendorcontact'],
    privileged: ['privileged', 'admin', 'administrator', 'adminrights', 'isadmin', 'privilege', 'elevated', 'superuser', 'root'],
    secretLocation: ['vaultpath', 'secretlocation', 'secretslocation', 'vault', 'keyvault', 'secretstore', 'passwordmanager', 'storedin', 'keptin', 'wherekept', 'secretref', 'secretreference'],
    action: ['action', 'atexit', 'exitaction', 'whattodo', 'plan'],
    plannedOffsetDays: ['offset', 'plannedoffset', 'daysfromt', 'daysfromexit', 'tdays', 'plannedon'],
    status: ['status', 'state'],
    doneOn: ['done', 'doneon', 'datedone', 'revoked', 'revokedon', 'rotatedon', 'completed', 'completedon'],
    verifiedById: ['verifiedby', 'checkedby', 'verifier', 'reviewer', 'reviewedby'],
    verifiedOn: ['verified', 'verifiedon', 'verificationdate', 'checkedon', 'reviewedon'],
  },
  dataset: {
    name: ['dataset', 'datasetname', 'data', 'dataasset', 'informationasset', 'asset', 'title'],
    description: ['description', 'desc', 'contents', 'content', 'categoriesofdata'],
    system: ['system', 'application', 'app', 'sourcesystem', 'database', 'db', 'platform'],
    location: ['location', 'storedat', 'storedin', 'storage', 'datacentre', 'datacenter', 'site', 'hosting', 'where'],
    region: ['region', 'country', 'jurisdiction', 'residency', 'dataresidency'],
    format: ['format', 'fileformat', 'dataformat'],
    personalData: ['personaldata', 'gdpr', 'pii', 'personal', 'containspii', 'containspersonaldata', 'dataprotection', 'personaldatacategory'],
    volume: ['volume', 'size', 'datasize', 'approximatevolume', 'approxvolume', 'records', 'rows'],
    ownerId: ['owner', 'dataowner', 'responsible', 'steward', 'datasteward'],
    returnFormat: ['returnformat', 'returnedformat', 'exportformat', 'returnedas'],
    returnMethod: ['returnmethod', 'returnedhow', 'howreturned', 'transfermethod', 'delivery', 'deliverymethod'],
    receivedOn: ['received', 'receivedon', 'returned', 'returnedon', 'datereceived'],
    checkedById: ['checkedby', 'verifiedby', 'validatedby'],
    deletionRequired: ['deletionrequired', 'deletion', 'delete', 'mustdelete', 'todelete', 'erasure'],
    certificateReceivedOn: ['certificate', 'deletioncertificate', 'certificatereceived', 'certificatereceivedon', 'certificatedate', 'certifiedon'],
    certificateCoversBackups: ['coversbackups', 'backupscovered', 'includesbackups', 'certificatecoversbackups'],
    certificateCoversSubprocessors: ['coverssubprocessors', 'subprocessorscovered', 'includessubprocessors', 'certificatecoverssubprocessors'],
    lastBackupExpiresOn: ['lastbackup', 'lastbackupexpires', 'lastbackupexpiry', 'backupexpiry', 'backupexpires', 'backupretention', 'retentionuntil'],
    subprocessors: ['subprocessors', 'subprocessor', 'subcontractors', 'processors', 'thirdparties'],
  },
  infrastructure: {
    name: ['asset', 'assetname', 'item', 'itemname', 'resource', 'ci', 'ciname', 'configurationitem', 'title'],
    kind: ['kind', 'type', 'assettype', 'category', 'class', 'citype', 'resourcetype'],
    identifier: ['identifier', 'hostname', 'host', 'fqdn', 'domain', 'domainname', 'subscriptionid', 'accountid', 'subject', 'commonname', 'cn',
      'serialnumber', 'serial', 'ipaddress', 'ip', 'circuitid'],
    provider: ['provider', 'location', 'datacentre', 'datacenter', 'cloud', 'registrar', 'ca', 'certificateauthority', 'issuer', 'carrier', 'site', 'hostedat'],
    heldBy: ['heldby', 'holder', 'holderofrecord', 'owner', 'ownedby', 'ownerofrecord', 'registrant', 'accountowner'],
    disposition: ['disposition', 'action', 'atexit', 'exitaction', 'plan', 'whathappens'],
    status: ['status', 'state', 'progress'],
    expiresOn: ['expiry', 'expires', 'expirydate', 'expiration', 'expirationdate', 'validuntil', 'validto', 'notafter', 'renewaldate', 'enddate'],
    renewalAccount: ['renewalaccount', 'renewson', 'renewedby', 'renewedon', 'billedto', 'paidby', 'billingaccount'],
  },
  // A contract register: one row per agreement, its terms and which exit clauses it has.
  contract: {
    title: ['contract', 'contractname', 'agreement', 'agreementname', 'name', 'document'],
    kind: ['kind', 'type', 'contracttype', 'agreementtype', 'category'],
    reference: ['reference', 'ref', 'contractnumber', 'contractno', 'contractid', 'number', 'agreementnumber'],
    start: ['start', 'startdate', 'effectivedate', 'effective', 'commencement', 'commencementdate', 'signed', 'signedon'],
    initialEnd: ['end', 'enddate', 'expiry', 'expirydate', 'expires', 'termend', 'initialterm', 'initialtermend', 'initialend'],
    renewal: ['renewal', 'renewaltype', 'renews', 'autorenewal', 'autorenew'],
    renewalMonths: ['renewalterm', 'renewalmonths', 'renewalperiod', 'renewsfor'],
    optionsExercised: ['optionsexercised', 'renewaloptionsexercised', 'optionsused'],
    noticeAmount: ['notice', 'noticeperiod', 'noticedays', 'noticemonths', 'terminationnotice'],
    noticeUnit: ['noticeunit', 'noticein'],
    noticeMethod: ['noticemethod', 'noticeby', 'noticeform', 'howtoservenotice'],
    noticeTo: ['noticeto', 'noticeaddress', 'noticerecipient', 'sendnoticeto'],
    leadDays: ['leadtime', 'leaddays', 'internallead'],
    assistanceMonths: ['terminationassistance', 'exitassistancemonths', 'assistancemonths', 'assistanceperiod'],
    endedByExit: ['endedbyexit', 'endsatexit', 'terminate', 'toterminate', 'inscope'],
    dataReturn: ['datareturn', 'datareturnclause'],
    deletionCertificate: ['deletioncertificate', 'certificateofdeletion', 'deletionclause'],
    ipOwnership: ['ip', 'ipownership', 'intellectualproperty', 'sourcecodeownership'],
    escrowClause: ['escrow', 'escrowclause', 'sourcecodeescrow'],
    stepIn: ['stepin', 'stepinrights'],
    serviceCredits: ['servicecredits', 'penalties', 'slacredits'],
    confidentiality: ['confidentiality', 'survivingconfidentiality'],
  },
  cost: {
    description: ['description', 'item', 'costitem', 'what', 'name', 'title'],
    category: ['category', 'type', 'costtype', 'kind'],
    amount: ['amount', 'cost', 'value', 'total', 'price', 'monthlycost', 'amounteur', 'sum'],
    months: ['months', 'duration', 'durationmonths', 'nummonths', 'period'],
    currency: ['currency', 'ccy', 'cur'],
  },
  // Notices served are not among the sheet kinds (shared/sheets.ts SHEET_KINDS).
  notice: {},
};

/** The fields a sheet of this kind can fill: the record's fields and its id. */
export function importableFields(kind: RecordKind): string[] {
  return [ID_FIELD, ...fieldNames(kind)];
}

export function fieldInfos(kind: RecordKind): SheetFieldInfo[] {
  const required = REQUIRED_FIELDS[kind] as readonly string[];
  return importableFields(kind).map((field) => {
    if (field === ID_FIELD) return { field, label: 'Id (for re-import)', control: 'text', required: false };
    const m = fieldMeta(kind, field);
    return { field, label: m.label, control: m.control, ...(m.options ? { options: m.options } : {}), required: required.includes(field) && field !== 'vendorId' };
  });
}

/**
 * Every normalised word that names each field, the field's own words first. A common word that
 * one of the kind's own fields claims is left to that field: "Provider" in a sheet of
 * infrastructure is where it is hosted, not the vendor.
 */
function wordsOf(kind: RecordKind): Map<string, string[]> {
  const own = new Map<string, string[]>();
  for (const field of importableFields(kind)) {
    const named = field === ID_FIELD ? [] : [norm(field), norm(fieldMeta(kind, field).label)];
    own.set(field, [...named, ...(SYNONYMS[kind][field] ?? []).map(norm)]);
  }
  const claimed = new Set([...own.values()].flat());
  const out = new Map<string, string[]>();
  for (const [field, words] of own) {
    out.set(field, [...words, ...(COMMON[field] ?? []).map(norm).filter((w) => !claimed.has(w) || words.includes(w))]);
  }
  return out;
}

/**
 * A mapping guessed from headers: an exact word first (a field's name, label or synonym), then
 * a header that starts with one ("Process name (internal)"); each field taken once, the title
 * field preferred for the kind's own name words.
 */
export function guessColumns(kind: RecordKind, headers: readonly string[]): Record<string, string | null> {
  const words = wordsOf(kind);
  const taken = new Set<string>();
  const out: Record<string, string | null> = {};
  const pick = (h: string, match: (w: string, n: string) => boolean) => {
    const n = norm(h);
    if (!n) return null;
    // The title field wins ties ("Name" in a sheet of people), then the order of the fields.
    const order = [TITLE_FIELD[kind] as string, ...importableFields(kind).filter((f) => f !== TITLE_FIELD[kind])];
    for (const field of order) if (!taken.has(field) && words.get(field)!.some((w) => match(w, n))) return field;
    return null;
  };
  for (const h of headers) {
    const f = pick(h, (w, n) => w === n);
    if (f) { taken.add(f); out[h] = f; }
  }
  for (const h of headers) {
    if (h in out) continue;
    const f = pick(h, (w, n) => w.length >= 4 && n.startsWith(w));
    out[h] = f;
    if (f) taken.add(f);
  }
  return out;
}

/** How many headers name a field: used to find the header row. */
export function headerScore(kind: RecordKind, cells: readonly string[]): number {
  const words = wordsOf(kind);
  const all = new Set([...words.values()].flat());
  return cells.filter((c) => all.has(norm(c))).length;
}

export const isChoice = (kind: RecordKind, field: string) => field !== ID_FIELD && fieldMeta(kind, field).control === 'enum';

export function hasField(kind: RecordKind, field: string): boolean {
  return field === ID_FIELD || Object.prototype.hasOwnProperty.call(SHAPES[kind], field);
}
