// The built-in checklist templates. T is the vendor's planned exit date; offsets are days from T.
// Each item says what "done" means, so a backup team member knows when to tick it.
import type { ItemRegister, PhaseIndex } from './checklists';

export interface BuiltinItem {
  phase: PhaseIndex;
  title: string;
  description: string;
  offsetDays: number;
  ownerRole: string;
  perProcess?: boolean;
  /** The register the item works on: its checklist items list that register's open records. */
  register?: ItemRegister;
}

export interface BuiltinTemplate {
  key: 'exit' | 'emergency_exit';
  name: string;
  description: string;
  items: BuiltinItem[];
}

const i = (phase: PhaseIndex, offsetDays: number, ownerRole: string, title: string, description: string, perProcess = false): BuiltinItem =>
  ({ phase, offsetDays, ownerRole, title, description, ...(perProcess ? { perProcess } : {}) });
/** An item that works on a register (migration 10 names these for workbooks made before it: keep the two lists alike). */
const on = (register: ItemRegister, item: BuiltinItem): BuiltinItem => ({ ...item, register });

export const EXIT_TEMPLATE: BuiltinTemplate = {
  key: 'exit',
  name: 'Vendor exit (ordinary)',
  description: 'A planned exit at contract end: registers, knowledge transfer, commercial steps, cutover, security closure and close.',
  items: [
    i(0, -180, 'IT lead', 'Appoint our exit manager', 'Done when one named person owns the exit, has the time for it, and is announced to the vendor and management.'),
    i(0, -175, 'IT lead', 'Get the vendor to name its exit manager', 'Done when the vendor has confirmed in writing who runs the exit on its side, with a deputy.'),
    i(0, -175, 'IT lead', 'Confirm the kind of exit', 'Done when management has decided ordinary or emergency exit, in-house or new provider, and it is recorded on the vendor.'),
    i(0, -170, 'Procurement', 'Calendar the serve-notice date', 'Done when the serve-notice-by date (contract end − notice − our lead time) is checked against the contract and in the calendars of IT lead, procurement and legal.'),
    i(0, -150, 'Procurement', 'Agree the termination-assistance period', 'Done when the contract’s exit-assistance clause is read, and the period, scope and rates of the vendor’s help are agreed in writing.'),
    i(0, -150, 'IT lead', 'Name owners and successors', 'Done when every service area has an in-house owner, and every process a named successor in the inventory.'),
    i(0, -140, 'IT lead', 'Communication plan', 'Done when who hears what and when (staff, users, vendor, new provider, management) is written and approved.'),
    i(0, -130, 'IT lead', 'Budget and approvals', 'Done when the exit budget (overlap costs, licences, training, tooling) is approved.'),
    i(1, -120, 'Service owner', 'Register the processes and their runbooks', 'Done when every process the vendor runs is in the inventory with frequency, criticality, SLA, owner and a runbook link.'),
    i(1, -120, 'Engineering lead', 'Register the source repositories', 'Done when every repository is listed with host, owner of the organisation, admins, CI/CD and where its secrets live.'),
    i(1, -110, 'Procurement', 'Register the software licences', 'Done when every licence is listed with licensee of record, transferability, renewal date, cost and where its key is kept.'),
    i(1, -110, 'Service owner', 'Register the documentation', 'Done when runbooks, architecture, procedures, contracts and access lists are listed with location and status; missing ones are marked missing.'),
    on('access', i(1, -100, 'Security officer', 'Register access and credentials', 'Done when every account, key and certificate the vendor holds or uses is listed with its owner and how it will be revoked or rotated.')),
    on('dataset', i(1, -100, 'Data protection officer', 'Register where data lives', 'Done when every data store, backup and export location is listed with its owner and retention.')),
    i(1, -95, 'Service owner', 'Capture open work', 'Done when open tickets, changes and projects are exported and each has an owner after the exit.'),
    i(1, -90, 'IT lead', 'Register key people', 'Done when the vendor’s key people per area are listed with contact details and availability until T.'),
    i(2, -120, 'Backup team lead', 'Plan the knowledge transfer', 'Done when there is a session schedule per process, agreed with the vendor, ending before T−30.'),
    i(2, -45, 'Backup engineer', 'Knowledge transfer', 'Done when the process is documented, shadowed, reverse-shadowed and signed off by its successor.', true),
    i(2, -75, 'Backup team lead', 'Walk through the documentation', 'Done when each runbook and architecture document has been walked through with the vendor and gaps recorded.'),
    i(2, -60, 'Backup team lead', 'Shadowing period', 'Done when our team has watched the vendor run every critical process at least once.'),
    i(2, -40, 'Backup team lead', 'Reverse shadowing period', 'Done when our team has run every critical process with the vendor watching, without help.'),
    i(2, -50, 'Backup team lead', 'Training', 'Done when the tools and platforms our team takes over have been trained and attendance recorded.'),
    i(2, -30, 'IT lead', 'Sign off the knowledge transfer', 'Done when every process is signed off by its successor, or has a written risk acceptance.'),
    i(3, -120, 'Procurement', 'Serve notice', 'Done when the termination notice is sent as the contract requires (form, addressee, channel) and receipt is confirmed.'),
    i(3, -60, 'Procurement', 'Novate, assign or re-buy licences', 'Done when every licence held by the vendor has a settled route: novated, assigned, re-procured or allowed to lapse.'),
    i(3, -45, 'Legal', 'Settle source code escrow', 'Done when escrow deposits are current or released, and the release conditions are understood.'),
    i(3, -10, 'Legal', 'Surviving clauses', 'Done when confidentiality, data return, non-solicitation and warranty clauses that survive T are listed with their end dates.'),
    i(3, 0, 'Procurement', 'Final invoices', 'Done when final invoices, credits and service-credit claims are reconciled and the last payment is scheduled.'),
    on('dataset', i(4, -10, 'Data owner', 'Migrate and reconcile data', 'Done when data is migrated and reconciled (counts and checksums) and the vendor confirms no data remains in use.')),
    i(4, -7, 'Engineering lead', 'Move the repositories', 'Done when every repository is in our organisation, admins are in-house, and access was verified.'),
    on('infrastructure', i(4, -7, 'Network engineer', 'Domains, DNS and certificates', 'Done when domains, DNS zones and certificates are under our accounts, with renewals on our calendar.')),
    i(4, -5, 'Backup engineer', 'Backups under our control', 'Done when backups run under our control and one restore test succeeded.'),
    i(4, -2, 'IT lead', 'Go / no-go', 'Done when the go/no-go meeting decided, with the open risks written down.'),
    on('access', i(5, 0, 'Security officer', 'Revoke the vendor’s access', 'Done when every vendor account, VPN, token and key on the access register is disabled, with evidence.')),
    on('access', i(5, 2, 'Security officer', 'Rotate shared secrets', 'Done when every secret the vendor knew (service accounts, API keys, break-glass passwords) is rotated.')),
    on('dataset', i(5, 30, 'Data protection officer', 'Deletion certificate', 'Done when the vendor certified deletion of our data, backups included.')),
    on('access', i(5, 30, 'Security officer', 'Access review at T+30', 'Done when a review found no vendor access left anywhere.')),
    i(6, 30, 'Service owner', 'Hypercare', 'Done when the hypercare period ended with no open exit-related incidents.'),
    i(6, 60, 'IT lead', 'Lessons learned', 'Done when a lessons-learned session was held and its notes filed.'),
    i(6, 90, 'IT lead', 'Archive the final transition pack', 'Done when the final pack is exported, verified and archived with the contract records.'),
  ],
};

export const EMERGENCY_TEMPLATE: BuiltinTemplate = {
  key: 'emergency_exit',
  name: 'Vendor exit (emergency)',
  description: 'Vendor insolvency or breach: access revocation, data capture and escrow first, on compressed dates.',
  items: [
    i(0, -30, 'IT lead', 'Declare the emergency exit', 'Done when management, legal and security have been told and the exit kind is recorded as emergency.'),
    on('access', i(5, -30, 'Security officer', 'Take back privileged access', 'Done when every admin account the vendor controls is under our control or disabled, with evidence.')),
    on('dataset', i(1, -29, 'Data owner', 'Capture data and configuration now', 'Done when exports of every data store and configuration are in our hands and checksummed.')),
    i(3, -28, 'Legal', 'Invoke source code escrow', 'Done when the escrow release is requested and the deposit received and checked.'),
    on('access', i(5, -27, 'Security officer', 'Rotate shared secrets', 'Done when every secret the vendor knew is rotated.')),
    i(4, -27, 'Engineering lead', 'Snapshot the repositories', 'Done when full mirrors of every repository are in our organisation.'),
    i(0, -26, 'IT lead', 'Name owners and an interim team', 'Done when each service area has an in-house owner or interim provider.'),
    i(1, -25, 'Service owner', 'Register processes, repositories, licences and documents', 'Done when the inventory lists what the vendor ran, even roughly, with criticality.'),
    i(3, -21, 'Procurement', 'Secure licence continuity', 'Done when every licensor of a vendor-held licence has confirmed continuity or a re-purchase.'),
    i(2, -20, 'Backup engineer', 'Knowledge recovery', 'Done when the process can be run from documentation and captured configuration, and is signed off.', true),
    i(4, -14, 'Backup engineer', 'Backups under our control', 'Done when backups run under our control and one restore test succeeded.'),
    i(4, -14, 'IT lead', 'Interim support in place', 'Done when an interim provider or team covers incidents for every critical process.'),
    i(4, -2, 'IT lead', 'Go / no-go', 'Done when the go/no-go decided, with the open risks written down.'),
    i(3, 0, 'Legal', 'Claims and final accounts', 'Done when claims against the vendor are filed and final accounts reconciled.'),
    on('dataset', i(5, 30, 'Data protection officer', 'Deletion certificate', 'Done when deletion of our data, backups included, is certified or the claim is with legal.')),
    i(6, 45, 'IT lead', 'Lessons learned', 'Done when a lessons-learned session was held and its notes filed.'),
  ],
};

export const BUILTIN_TEMPLATES: readonly BuiltinTemplate[] = [EXIT_TEMPLATE, EMERGENCY_TEMPLATE];
