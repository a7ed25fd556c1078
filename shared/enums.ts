// Every closed set of values the domain knows, with the words people read.
// The database CHECK constraints, the zod schemas and the screens all come from these arrays.

export const VENDOR_STATUS = ['active', 'exit_planned', 'in_transition', 'exited'] as const;
export const RENEWAL = ['none', 'tacit', 'express'] as const;
export const EXIT_KIND = ['ordinary', 'emergency'] as const;
export const EXIT_TARGET = ['in_house', 'new_provider'] as const;
export const PERSON_SIDE = ['in_house', 'vendor', 'new_provider'] as const;
export const CRITICALITY = ['critical', 'high', 'medium', 'low'] as const;
export const KT_STAGE = ['not_started', 'documented', 'shadowing', 'reverse_shadowing', 'signed_off'] as const;
export const ORG_OWNER = ['us', 'vendor', 'third_party'] as const;
export const ESCROW = ['none', 'requested', 'deposited', 'not_needed'] as const;
export const REPO_TRANSFER = ['not_started', 'requested', 'transferred', 'verified'] as const;
export const LICENCE_TYPE = ['subscription', 'perpetual', 'open_source', 'other'] as const;
export const LICENSEE = ['us', 'vendor', 'unknown'] as const;
export const TRANSFERABLE = ['yes', 'no', 'consent_required', 'unknown'] as const;
export const LICENCE_TRANSFER = ['not_started', 'consent_requested', 'novated', 're_procured', 'lapsed'] as const;
export const DOCUMENT_KIND = ['runbook', 'architecture', 'operating_procedure', 'contract', 'access_list', 'other'] as const;
export const DOCUMENT_STATUS = ['draft', 'published', 'obsolete', 'missing'] as const;
export const CONTRACT_KIND = ['master_agreement', 'statement_of_work', 'order_form', 'data_processing_agreement', 'nda', 'licence_agreement', 'other'] as const;
export const NOTICE_UNIT = ['days', 'months'] as const;
export const NOTICE_METHOD = ['unknown', 'written_letter', 'email', 'registered_post', 'certified_email'] as const;
/** Whether a contract has a clause: 'unknown' until someone has read the contract for it. */
export const CLAUSE = ['unknown', 'yes', 'no'] as const;
export const YES_NO = ['yes', 'no'] as const;
/** What an exit cost is for; dual running is the one recurring category (a monthly cost for some months). */
export const COST_CATEGORY = ['termination_fee', 'dual_running', 'migration_work', 'onboarding', 'licences_rebought', 'other'] as const;

// The security-closure registers (issue 10).
export const ACCESS_KIND = [
  'named_account', 'service_account', 'api_key', 'ssh_key', 'vpn_account', 'oauth_grant', 'ip_allowlist', 'cloud_role',
  'dns_registrar_login', 'shared_secret', 'badge_hardware',
] as const;
/** What happens to an access at the exit: revoked, rotated (the secret changed, the access kept), or transferred to us. */
export const ACCESS_ACTION = ['revoke', 'rotate', 'transfer'] as const;
export const ACCESS_STATUS = ['active', 'scheduled', 'done', 'verified'] as const;
/** Personal data in a data set: none, some, or special categories (GDPR art. 9: health, biometrics …). */
export const PERSONAL_DATA = ['no', 'yes', 'special'] as const;
export const INFRA_KIND = [
  'server', 'virtual_machine', 'cloud_account', 'subscription', 'domain', 'dns_zone', 'tls_certificate', 'network_link', 'hardware', 'other',
] as const;
export const INFRA_DISPOSITION = ['transfer', 'migrate', 'decommission', 'keep_at_vendor'] as const;
export const INFRA_STATUS = ['not_started', 'in_progress', 'done', 'verified'] as const;
/** Whose account an expiring certificate or domain renews on. */
export const RENEWAL_ACCOUNT = ['unknown', 'us', 'vendor', 'third_party'] as const;

/** Human words for enum values; a value without an entry is shown with underscores as spaces. */
const LABELS: Record<string, string> = {
  active: 'Active',
  exit_planned: 'Exit planned',
  in_transition: 'In transition',
  exited: 'Exited',
  none: 'None',
  tacit: 'Tacit',
  express: 'Express',
  ordinary: 'Ordinary',
  emergency: 'Emergency',
  in_house: 'In-house',
  new_provider: 'New provider',
  vendor: 'Vendor',
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  not_started: 'Not started',
  documented: 'Documented',
  shadowing: 'Shadowing',
  reverse_shadowing: 'Reverse shadowing',
  signed_off: 'Signed off',
  us: 'Us',
  third_party: 'Third party',
  requested: 'Requested',
  deposited: 'Deposited',
  not_needed: 'Not needed',
  transferred: 'Transferred',
  verified: 'Verified',
  subscription: 'Subscription',
  perpetual: 'Perpetual',
  open_source: 'Open source',
  other: 'Other',
  unknown: 'Unknown',
  yes: 'Yes',
  no: 'No',
  consent_required: 'Consent required',
  consent_requested: 'Consent requested',
  novated: 'Novated',
  re_procured: 'Re-procured',
  lapsed: 'Lapsed',
  runbook: 'Runbook',
  architecture: 'Architecture',
  operating_procedure: 'Operating procedure',
  contract: 'Contract',
  access_list: 'Access list',
  draft: 'Draft',
  published: 'Published',
  obsolete: 'Obsolete',
  missing: 'Missing',
  master_agreement: 'Master agreement',
  statement_of_work: 'Statement of work',
  order_form: 'Order form',
  data_processing_agreement: 'Data processing agreement',
  nda: 'NDA',
  licence_agreement: 'Licence agreement',
  days: 'Days',
  months: 'Months',
  written_letter: 'Written letter',
  email: 'E-mail',
  registered_post: 'Registered post',
  certified_email: 'Certified e-mail',
  termination_fee: 'Termination fee',
  dual_running: 'Dual running',
  migration_work: 'Migration work',
  onboarding: 'New-provider onboarding',
  licences_rebought: 'Licences bought again',
  named_account: 'Named account',
  service_account: 'Service account',
  api_key: 'API key or token',
  ssh_key: 'SSH key',
  vpn_account: 'VPN account',
  oauth_grant: 'OAuth grant or app',
  ip_allowlist: 'IP allow-list entry',
  cloud_role: 'Cloud console role',
  dns_registrar_login: 'DNS or registrar login',
  shared_secret: 'Shared secret',
  badge_hardware: 'Badge or hardware',
  revoke: 'Revoke',
  rotate: 'Rotate',
  transfer: 'Transfer to us',
  scheduled: 'Scheduled',
  done: 'Done',
  special: 'Special categories',
  server: 'Server',
  virtual_machine: 'Virtual machine',
  cloud_account: 'Cloud account',
  domain: 'Domain',
  dns_zone: 'DNS zone',
  tls_certificate: 'TLS certificate',
  network_link: 'Network link',
  hardware: 'Hardware',
  migrate: 'Migrate',
  decommission: 'Decommission',
  keep_at_vendor: 'Keep at the vendor',
  in_progress: 'In progress',
};

export function enumLabel(value: string | null | undefined): string {
  if (value == null || value === '') return '';
  return LABELS[value] ?? value.replaceAll('_', ' ');
}
