// Every dated thing someone must act on, in one list (shared/deadlines.ts has the shape): contract
// notice dates and term ends, express renewal options, licence renewals and expiries, open
// checklist items' due dates, access to revoke, rotate or transfer (planned from the exit date) and
// infrastructure expiries (certificates, domains …) while its handover is open. The Upcoming screen, the calendar export, the deadlines CLI and the
// notifications all read it.
//
// Ids are `${kind}:${sourceId}`, without any date: when a tacit notice date passes unserved the
// contract's notice moves to the next term, and the same id then moves the calendar event (and
// the row on Upcoming) to the new date instead of leaving a stale event and adding a second one.
//
// The window runs from today to today + days. Open checklist items already due are kept however
// late they are (they still have to be done), as is a notice start date whose lead time has begun
// to run out while the notice itself is not yet due, and open access past its planned day (the
// vendor can still get in); a reader tells them apart by `date < today`. Licence and
// infrastructure expiries in the past are history (renewed or lapsed) and are left out.
//
// Every infrastructure item with an expiry date counts, whatever its kind: the form offers the
// date on every kind ("for certificates and domains" is its hint, not a rule), and a cloud
// subscription or a network link that lapses takes the service with it just as a certificate does.
// An access record's person is its holder; infrastructure names no one.
import { offsetLabel, PHASES } from '../../../shared/checklists';
import { needsNotice, type ContractWithNotice } from '../../../shared/contract-deadlines';
import { addDays } from '../../../shared/dates';
import type { Deadline } from '../../../shared/deadlines';
import { enumLabel } from '../../../shared/enums';
import { contractsByVendor } from '../store/contracts';
import { keptPositionOf } from './contractPositions';
import {
  deadlineVendors, infrastructureExpiries, licenceDates, openAccessPlanned, openItemsDue,
  type DeadlineAccess, type DeadlineInfrastructure, type DeadlineVendor,
} from '../store/deadlines';
import type { Db } from '../store/open';

export interface DeadlineOptions {
  days: number;
  vendorId?: string;
  personId?: string;
}

type Draft = Omit<Deadline, 'vendorId' | 'vendorName' | 'personId' | 'personName'>;

/** A contract's dates: its notice (tacit renewals the exit ends), its option window (express), its term end. */
function contractDeadlines(c: ContractWithNotice, today: string): Draft[] {
  const p = keptPositionOf(c, today);
  if (p.ended) return [];
  const source = { kind: 'contract', id: c.id } as const;
  const out: Draft[] = [];
  if (needsNotice(c) && p.noticeBy && p.serveBy && p.endsOn) {
    if (p.serveBy !== p.noticeBy) {
      out.push({ id: `notice_start:${c.id}`, kind: 'notice_start', date: p.serveBy, title: `Start serving notice: ${c.title}`,
        detail: `Notice must reach the vendor by ${p.noticeBy} to end it on ${p.endsOn}.`, source });
    }
    out.push({ id: `notice_due:${c.id}`, kind: 'notice_due', date: p.noticeBy, title: `Notice due: ${c.title}`,
      detail: `Last day for notice to end it on ${p.endsOn}; otherwise it renews until ${p.ifMissedRunsUntil}.`, source });
  }
  if (c.renewal === 'express' && p.noticeBy) {
    out.push({ id: `option_expiry:${c.id}`, kind: 'option_expiry', date: p.noticeBy, title: `Renewal option closes: ${c.title}`,
      detail: `Unless the option is exercised, it ends on ${p.currentEnd}.`, source });
  }
  // The term end matters where the exit ends the contract and no notice has been served yet.
  if (c.endedByExit === 'yes' && c.servedOn === null && p.currentEnd) {
    const detail = c.renewal === 'tacit'
      ? p.endsOn !== p.currentEnd ? `It renews until ${p.endsOn}: its notice date has passed.` : `It renews until ${p.ifMissedRunsUntil} unless notice is served by ${p.noticeBy}.`
      : c.renewal === 'express' ? 'It ends unless the renewal option is exercised.' : 'It ends; no renewal.';
    out.push({ id: `contract_renewal:${c.id}`, kind: 'contract_renewal', date: p.currentEnd, title: `Term ends: ${c.title}`, detail, source });
  }
  return out;
}

const ACCESS_VERB: Record<string, string> = { revoke: 'Revoke access', rotate: 'Rotate the secret', transfer: 'Transfer access to us' };

function accessDeadline(a: DeadlineAccess, v: DeadlineVendor): Deadline {
  const what = [enumLabel(a.kind), a.system && `on ${a.system}`, a.privileged === 'yes' && '(privileged)'].filter(Boolean).join(' ');
  return {
    id: `access_due:${a.id}`, kind: 'access_due', date: a.plannedOn, title: `${ACCESS_VERB[a.action] ?? enumLabel(a.action)}: ${a.name}`,
    detail: `${what} · held by ${a.holderName ?? 'the vendor'} · planned ${offsetLabel(a.plannedOffsetDays)} · ${enumLabel(a.status).toLowerCase()}`,
    vendorId: v.id, vendorName: v.name, personId: a.holderId, personName: a.holderName, source: { kind: 'access', id: a.id },
  };
}

const RENEWS_ON: Record<string, string> = {
  us: 'renews on our account', vendor: 'renews on the vendor\'s account', third_party: 'renews on a third party\'s account', unknown: 'renewal account unknown',
};

function infrastructureDeadline(i: DeadlineInfrastructure, v: DeadlineVendor): Deadline {
  const what = i.kind === 'other' ? 'Expires' : `${enumLabel(i.kind)} expires`;
  const handover = `${enumLabel(i.disposition)}: ${enumLabel(i.status).toLowerCase()}`;
  return {
    id: `infrastructure_expiry:${i.id}`, kind: 'infrastructure_expiry', date: i.expiresOn, title: `${what}: ${i.name}`,
    detail: [i.identifier, RENEWS_ON[i.renewalAccount] ?? '', handover].filter(Boolean).join(' · '),
    vendorId: v.id, vendorName: v.name, personId: null, personName: null, source: { kind: 'infrastructure', id: i.id },
  };
}

export function listDeadlines(db: Db, today: string, options: DeadlineOptions): Deadline[] {
  const until = addDays(today, options.days);
  const vendors = new Map<string, DeadlineVendor>(deadlineVendors(db, options.vendorId).map((v) => [v.id, v]));
  const out: Deadline[] = [];
  // Contract and licence dates fall to our side's point of contact for the vendor, when one is named.
  const ofVendor = (v: DeadlineVendor, d: Draft): Deadline =>
    ({ ...d, vendorId: v.id, vendorName: v.name, personId: v.ourContactId, personName: v.ourContactName });

  for (const [vendorId, contracts] of contractsByVendor(db, options.vendorId)) {
    const v = vendors.get(vendorId);
    if (!v) continue;
    for (const c of contracts) {
      for (const d of contractDeadlines(c, today)) if (d.date <= until) out.push(ofVendor(v, d));
    }
  }
  for (const l of licenceDates(db, today, until, options.vendorId)) {
    const v = vendors.get(l.vendorId);
    if (!v) continue;
    out.push(ofVendor(v, {
      id: `licence_expiry:${l.id}`, kind: 'licence_expiry', date: l.renewalDate, title: `Licence renews or expires: ${l.product}`,
      detail: `${enumLabel(l.type)} licence; transfer: ${enumLabel(l.transferStatus).toLowerCase()}.`, source: { kind: 'licence', id: l.id },
    }));
  }
  for (const i of openItemsDue(db, until, options)) {
    const v = vendors.get(i.vendorId);
    if (!v) continue;
    const where = `${i.checklistName} · ${PHASES[i.phase]?.label ?? `phase ${i.phase}`}`;
    out.push({
      id: `item_due:${i.id}`, kind: 'item_due', date: i.dueDate, title: i.title,
      detail: i.status === 'blocked' ? `${where} · blocked: ${i.blockedReason}` : where,
      vendorId: v.id, vendorName: v.name, personId: i.ownerId, personName: i.ownerName, source: { kind: 'checklist_item', id: i.id, checklistId: i.checklistId },
    });
  }
  for (const a of openAccessPlanned(db, until, options)) {
    const v = vendors.get(a.vendorId);
    if (v) out.push(accessDeadline(a, v));
  }
  for (const i of infrastructureExpiries(db, today, until, options.vendorId)) {
    const v = vendors.get(i.vendorId);
    if (v) out.push(infrastructureDeadline(i, v));
  }
  const mine = options.personId ? out.filter((d) => d.personId === options.personId) : out;
  return mine.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.title.localeCompare(b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
}
