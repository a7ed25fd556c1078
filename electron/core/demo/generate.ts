// Demo workbooks: three realistic vendors for trying the app, or N inventory records spread over
// many vendors for scale tests. Deterministic (seeded), so benchmarks compare like with like.
import { randomUUID } from 'node:crypto';
import { addDays } from '../../../shared/dates';
import { DEFAULTS, type RecordKind } from '../../../shared/records';
import { logActivity } from '../store/activity';
import { bulkLoad } from '../store/bulk';
import type { Db } from '../store/open';
import { prepareInsert } from '../store/records';
import { setVendorContacts } from '../store/vendors';
import { EMERGENCY_TEMPLATE, EXIT_TEMPLATE } from '../../../shared/templates';
import { demoChecklist, type DemoProcess } from './checklists';
import { demoContracts } from './contracts';
import { demoCosts } from './costs';
import { demoRegisters } from './registers';
import * as W from './words';
import { seededRandom } from './random';

export interface DemoOptions {
  /** Inventory records in all (processes, repositories, licences, documents); default: a few dozen per kind per vendor. */
  records?: number;
  /** Checklist items in all; default: each vendor's exit checklist with one KT item per process (200 per vendor at scale). */
  items?: number;
  today: string;
  now: string;
  actor: string;
  seed?: number;
}

const RECORDS_PER_VENDOR_AT_SCALE = 1000;

export function generateDemo(db: Db, opts: DemoOptions): { vendors: number; records: number; registers: number; items: number } {
  const rand = seededRandom(opts.seed ?? 42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const chance = (p: number) => rand() < p;
  const scale = opts.records !== undefined;
  const totalRecords = opts.records ?? 3 * 4 * 30;
  const vendorCount = scale ? Math.max(1, Math.ceil(totalRecords / RECORDS_PER_VENDOR_AT_SCALE)) : 3;
  const stamp = { createdAt: opts.now, updatedAt: opts.now, deletedAt: null };

  return bulkLoad(db, () => {
    const ins = Object.fromEntries((['vendor', 'person', 'process', 'repository', 'licence', 'document', 'contract', 'cost', 'access', 'dataset', 'infrastructure'] as RecordKind[])
      .map((k) => [k, prepareInsert(db, k)])) as Record<RecordKind, ReturnType<typeof prepareInsert>>;
    let made = 0;
    let registers = 0;
    let items = 0;
    for (let v = 0; v < vendorCount; v++) {
      const base = W.VENDORS[v % W.VENDORS.length]!;
      const name = vendorCount > W.VENDORS.length ? `${base.name} ${Math.floor(v / W.VENDORS.length) + 1}` : base.name;
      const vendorId = randomUUID();
      // Names drawn without repeats within a vendor, so its two points of contact never share one.
      let nth = 0;
      const person = (side: 'in_house' | 'vendor', role: string) => {
        const id = randomUUID();
        const k = nth++;
        const first = W.FIRST[(v * 7 + k) % W.FIRST.length]!;
        const last = W.LAST[(v * 3 + k * 7) % W.LAST.length]!;
        const domain = side === 'vendor' ? `${base.name.split(' ')[0]!.toLowerCase()}.example` : 'ourcompany.example';
        ins.person({
          ...DEFAULTS.person, ...stamp, id, name: `${first} ${last}`, role, side,
          email: `${first}.${last}`.toLowerCase().normalize('NFD').replace(/[^a-z.]/g, '') + `@${domain}`,
          vendorId: side === 'vendor' ? vendorId : null,
        });
        return id;
      };
      // The vendor row comes first: people and records refer to it.
      const exitIn = [75, 160, 240, 40, 300][v % 5]!;
      const exitDate = addDays(opts.today, exitIn + (v % 7));
      const contractRef = `MSA-${2021 + (v % 4)}-${String(100 + v).padStart(4, '0')}`;
      ins.vendor({
        ...DEFAULTS.vendor, ...stamp, id: vendorId, name, services: base.services,
        contractRef,
        contractStart: addDays(opts.today, -3 * 365 - v), contractEnd: addDays(exitDate, 30),
        renewal: pick(['tacit', 'express', 'none'] as const), noticeDays: pick([90, 180, 60]), leadDays: pick([30, 45, 60]),
        exitDate, exitKind: v % 11 === 10 ? 'emergency' : 'ordinary', target: base.target,
        newProviderName: 'provider' in base ? base.provider : '', status: pick(['exit_planned', 'in_transition', 'active'] as const),
      });
      const inHouse = Array.from({ length: scale ? 6 : 5 }, (_, i) => person('in_house', W.IN_HOUSE_ROLES[i % W.IN_HOUSE_ROLES.length]!));
      const vendorSide = Array.from({ length: scale ? 4 : 4 }, (_, i) => person('vendor', W.VENDOR_ROLES[i % W.VENDOR_ROLES.length]!));
      setVendorContacts(db, vendorId, vendorSide[0]!, inHouse[0]!);
      demoContracts(ins.contract, { vendorId, index: v, reference: contractRef, exitDate, today: opts.today, stamp });
      demoCosts(ins.cost, { vendorId, index: v, stamp });
      // Beside the N inventory records asked for, as contracts and costs are: a fixed few per vendor.
      registers += demoRegisters(ins, {
        vendorId, index: v, seed: opts.seed ?? 42, short: base.name.split(' ')[0]!.toLowerCase(), exitDate, today: opts.today, inHouse, vendorSide, stamp,
      });

      const perVendor = Math.floor(totalRecords / vendorCount) + (v < totalRecords % vendorCount ? 1 : 0);
      const perKind = [0, 1, 2, 3].map((k) => Math.floor(perVendor / 4) + (k < perVendor % 4 ? 1 : 0));
      const numbered = (i: number, n: number, s: string) => (i < n ? s : `${s} ${Math.floor(i / n) + 1}`);

      const docIds: string[] = [];
      for (let i = 0; i < perKind[3]!; i++) {
        const [title, kind] = W.DOCUMENTS[i % W.DOCUMENTS.length]!;
        const id = randomUUID();
        docIds.push(id);
        const status = chance(0.1) ? 'missing' : pick(['draft', 'published', 'published', 'obsolete'] as const);
        ins.document({
          ...DEFAULTS.document, ...stamp, id, vendorId, title: numbered(i, W.DOCUMENTS.length, title), kind,
          location: status === 'missing' ? '' : `https://wiki.ourcompany.example/handover/${encodeURIComponent(title.toLowerCase().replaceAll(' ', '-'))}-${i}`,
          version: `${1 + (i % 3)}.${i % 10}`, status,
          reviewedById: status === 'published' && chance(0.6) ? pick(inHouse) : null,
          reviewedOn: status === 'published' ? addDays(opts.today, -Math.floor(rand() * 200)) : null,
        });
      }
      const processes: DemoProcess[] = [];
      for (let i = 0; i < perKind[0]!; i++) {
        const [pname, description, frequency, criticality, sla] = W.PROCESSES[i % W.PROCESSES.length]!;
        const stage = pick(['not_started', 'not_started', 'documented', 'shadowing', 'reverse_shadowing', 'signed_off'] as const);
        const pid = randomUUID();
        processes.push({ id: pid, name: numbered(i, W.PROCESSES.length, pname), ktStage: stage });
        ins.process({
          ...DEFAULTS.process, ...stamp, id: pid, vendorId, name: numbered(i, W.PROCESSES.length, pname), description,
          frequency, criticality, sla, ownerId: pick(vendorSide), successorId: chance(0.8) ? pick(inHouse) : null,
          runbookId: docIds.length && chance(0.7) ? pick(docIds) : null, ktStage: stage,
        });
      }
      for (let i = 0; i < perKind[1]!; i++) {
        const [rname, host, branch, ci] = W.REPOS[i % W.REPOS.length]!;
        const repoName = numbered(i, W.REPOS.length, rname).replaceAll(' ', '-');
        const orgOwner = pick(['vendor', 'vendor', 'us', 'third_party'] as const);
        ins.repository({
          ...DEFAULTS.repository, ...stamp, id: randomUUID(), vendorId, name: repoName, url: `https://${host}/${orgOwner === 'us' ? 'ourcompany' : 'ops'}/${repoName}`,
          host, defaultBranch: branch, orgOwner, adminId: chance(0.6) ? pick([...inHouse, ...vendorSide]) : null, ciCd: ci,
          secretsLocation: chance(0.7) ? `vault://ops/${repoName}` : '', escrow: pick(['none', 'requested', 'deposited', 'not_needed'] as const),
          accessVerifiedOn: chance(0.4) ? addDays(opts.today, -Math.floor(rand() * 60)) : null,
          transferStatus: pick(['not_started', 'requested', 'transferred', 'verified'] as const),
        });
      }
      for (let i = 0; i < perKind[2]!; i++) {
        const [product, licensor, type, currency, cost] = W.LICENCES[i % W.LICENCES.length]!;
        ins.licence({
          ...DEFAULTS.licence, ...stamp, id: randomUUID(), vendorId, product: numbered(i, W.LICENCES.length, product), licensor, type,
          seats: type === 'open_source' ? null : 10 * (1 + Math.floor(rand() * 50)), licensee: pick(['us', 'vendor', 'vendor', 'unknown'] as const),
          transferable: pick(['yes', 'no', 'consent_required', 'unknown'] as const), keyLocation: chance(0.5) ? `vault://licences/${licensor.toLowerCase().replaceAll(' ', '-')}` : '',
          renewalDate: addDays(opts.today, Math.floor(rand() * 400) - 30), annualCost: cost, currency,
          transferStatus: pick(['not_started', 'consent_requested', 'novated', 're_procured', 'lapsed'] as const),
        });
      }
      made += perVendor;
      const itemBudget = opts.items !== undefined
        ? Math.floor(opts.items / vendorCount) + (v < opts.items % vendorCount ? 1 : 0)
        : scale ? 200 : undefined;
      items += demoChecklist(db, {
        vendorId, exitDate, today: opts.today, now: opts.now, processes, owners: inHouse, budget: itemBudget, rand, template: v % 11 === 10 ? EMERGENCY_TEMPLATE : EXIT_TEMPLATE,
      });
      logActivity(db, {
        id: randomUUID(), at: opts.now, actor: opts.actor, action: 'demo', kind: 'vendor', recordId: vendorId, vendorId,
        summary: `Demo data: vendor “${name}” with ${perVendor} inventory records`,
      });
    }
    return { vendors: vendorCount, records: made, registers, items };
  });
}
