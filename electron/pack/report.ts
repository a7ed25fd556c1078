// What README.html and report.md say, as a sequence of blocks both renderers turn into text: the
// pack's cover, then per vendor its facts, readiness and parts, red flags, checklists with status
// and owners, and the inventory tables; then people and attachments. Table rows are pulled from
// the database as the renderer writes them (never the whole table in memory).
import { ITEM_STATUS_LABEL, PHASES, type ItemStatus, type PhaseIndex } from '../../shared/checklists';
import { daysBetween, serveNoticeBy } from '../../shared/dates';
import { enumLabel } from '../../shared/enums';
import type { Readiness, RedFlag } from '../../shared/readiness';
import { loadReadiness } from '../services/readiness';
import type { Db } from '../store/open';

export type Cell = string | { text: string; href: string };

export type Block =
  | { t: 'title'; text: string; lines: string[] }
  | { t: 'toc'; rows: { anchor: string; name: string; score: number; flags: number; exitDate: string }[] }
  | { t: 'h2'; text: string; anchor: string }
  | { t: 'h3'; text: string }
  | { t: 'p'; text: string }
  | { t: 'facts'; rows: [string, Cell][] }
  | { t: 'readiness'; readiness: Readiness }
  | { t: 'flags'; flags: RedFlag[] }
  | { t: 'table'; columns: string[]; rows: () => Iterable<Cell[]>; empty: string };

export interface ReportInput {
  db: Db;
  vendorIds: string[];
  today: string;
  redact: boolean;
  attachmentsIncluded: boolean;
  /** A report printed from the app rather than a pack's README: no words about the pack's files. */
  printed?: boolean;
  createdAt: string;
  createdBy: string;
  workbookId: string;
  appVersion: string;
  /** Readiness per vendor, computed once for both renderers. */
  readiness: Map<string, Readiness | null>;
}

const REDACTED = '[redacted]';

const label = (v: unknown) => enumLabel(v as string | null);
const link = (url: string): Cell => (/^https?:\/\/\S+$/i.test(url) ? { text: url, href: url } : url);

interface VendorRow {
  id: string; name: string; services: string; contractRef: string; contractStart: string | null; contractEnd: string | null; renewal: string;
  noticeDays: number | null; leadDays: number | null; exitDate: string | null; exitKind: string; target: string; newProviderName: string;
  status: string; vendorContact: string | null; ourContact: string | null; notes: string;
}

/** A vendor's readiness (shared/readiness.ts, through the service), computed for all the pack's vendors in one pass. */
export function readinessOf(input: ReportInput, vendorId: string): Readiness | null {
  if (input.readiness.size === 0) {
    const all = loadReadiness(input.db, input.today, { vendorId: input.vendorIds.length === 1 ? input.vendorIds[0] : undefined, detailed: true });
    for (const id of input.vendorIds) input.readiness.set(id, all.get(id) ?? null);
  }
  return input.readiness.get(vendorId) ?? null;
}

function vendorRows(input: ReportInput): VendorRow[] {
  return input.db.prepare(`SELECT v.id, v.name, v.services, v.contract_ref AS contractRef, v.contract_start AS contractStart, v.contract_end AS contractEnd,
      v.renewal, v.notice_days AS noticeDays, v.lead_days AS leadDays, v.exit_date AS exitDate, v.exit_kind AS exitKind, v.target,
      v.new_provider_name AS newProviderName, v.status, vc.name AS vendorContact, oc.name AS ourContact, v.notes
    FROM vendors v LEFT JOIN people vc ON vc.id = v.vendor_contact_id LEFT JOIN people oc ON oc.id = v.our_contact_id
    WHERE v.deleted_at IS NULL AND v.id IN (SELECT value FROM json_each(?)) ORDER BY v.name COLLATE NOCASE, v.id`).all(JSON.stringify(input.vendorIds)) as VendorRow[];
}

/** The blocks of the report, in reading order. */
export function* reportBlocks(input: ReportInput): Generator<Block> {
  const { db } = input;
  const vendors = vendorRows(input);
  yield {
    t: 'title',
    text: `${input.printed ? 'Exit report' : 'Transition pack'}: ${vendors.length === 1 ? vendors[0]!.name : `${vendors.length} vendors`}`,
    lines: [
      `Made on ${input.createdAt.slice(0, 10)} by ${input.createdBy} with Handover Workbook ${input.appVersion} (workbook ${input.workbookId}).`,
      `Readiness and red flags as of ${input.today}.`,
      ...(input.redact ? [`Redacted: repository URLs, where secrets and licence keys are kept, and document locations are left out of this ${input.printed ? 'report' : 'pack'}.`] : []),
      ...(input.printed ? [] : [
        input.attachmentsIncluded ? 'The attached files are in the attachments folder, named by their SHA-256.' : 'The attached files are not included in this pack.',
        'manifest.json lists every file with its size and SHA-256: check the pack with “handover verify” before relying on it.',
      ]),
    ],
  };
  yield {
    t: 'toc',
    rows: vendors.map((v) => {
      const r = readinessOf(input, v.id);
      return { anchor: `v-${v.id}`, name: v.name, score: r?.score ?? 0, flags: r?.flags.length ?? 0, exitDate: v.exitDate ?? '' };
    }),
  };
  for (const v of vendors) {
    yield { t: 'h2', text: v.name, anchor: `v-${v.id}` };
    const notice = serveNoticeBy(v);
    const days = v.exitDate ? daysBetween(input.today, v.exitDate) : null;
    yield {
      t: 'facts',
      rows: [
        ['Status', label(v.status)],
        ['Services', v.services],
        ['Contract', [v.contractRef, v.contractStart && `from ${v.contractStart}`, v.contractEnd && `to ${v.contractEnd}`].filter(Boolean).join(' ')],
        ['Renewal', label(v.renewal)],
        ['Notice period', v.noticeDays == null ? '' : `${v.noticeDays} days`],
        ['Internal lead time', v.leadDays == null ? '' : `${v.leadDays} days`],
        ['Serve notice by', notice ?? ''],
        ['Planned exit (T)', v.exitDate ? `${v.exitDate}${days === null ? '' : days >= 0 ? ` (in ${days} days)` : ` (${-days} days ago)`}` : ''],
        ['Exit kind', label(v.exitKind)],
        ['Target', v.target === 'new_provider' ? `New provider${v.newProviderName ? `: ${v.newProviderName}` : ''}` : label(v.target)],
        ['Vendor contact', v.vendorContact ?? ''],
        ['Our contact', v.ourContact ?? ''],
        ...(v.notes ? [['Notes', v.notes] as [string, Cell]] : []),
      ],
    };
    const r = readinessOf(input, v.id);
    yield { t: 'h3', text: 'Readiness' };
    if (r) {
      yield { t: 'readiness', readiness: r };
      yield { t: 'h3', text: `Red flags (${r.flags.length})` };
      yield { t: 'flags', flags: r.flags };
    }
    const checklists = db.prepare(`SELECT c.id, c.name, t.name AS template,
        (SELECT count(*) FROM checklist_items i WHERE i.checklist_id = c.id AND i.deleted_at IS NULL AND i.status = 'done') AS done,
        (SELECT count(*) FROM checklist_items i WHERE i.checklist_id = c.id AND i.deleted_at IS NULL AND i.status <> 'not_applicable') AS total
      FROM checklists c LEFT JOIN templates t ON t.id = c.template_id
      WHERE c.vendor_id = ? AND c.deleted_at IS NULL ORDER BY c.created_at, c.id`).all(v.id) as { id: string; name: string; template: string | null; done: number; total: number }[];
    yield { t: 'h3', text: `Checklists (${checklists.length})` };
    if (checklists.length === 0) yield { t: 'p', text: 'No checklist yet.' };
    for (const c of checklists) {
      yield { t: 'p', text: `${c.name}: ${c.done} of ${c.total} items done${c.template ? ` (from the template “${c.template}”)` : ''}.` };
      yield {
        t: 'table', columns: ['Phase', 'Item', 'Owner', 'Due', 'Status', 'Signed off'], empty: 'No items.',
        rows: function* () {
          for (const i of db.prepare(`SELECT i.phase, i.title, coalesce(o.name, i.owner_role) AS owner, i.due_date, i.offset_days, i.status, i.blocked_reason,
              s.name AS signer, i.signed_off_at FROM checklist_items i LEFT JOIN people o ON o.id = i.owner_id LEFT JOIN people s ON s.id = i.signed_off_by_id
              WHERE i.checklist_id = ? AND i.deleted_at IS NULL ORDER BY i.phase, i.position, i.id`).raw().iterate(c.id) as IterableIterator<unknown[]>) {
            const [phase, title, owner, due, offset, status, reason, signer, signedAt] = i as [PhaseIndex, string, string | null, string | null, number | null, ItemStatus, string, string | null, string | null];
            const offsetText = offset == null ? '' : offset === 0 ? 'T' : offset < 0 ? `T−${-offset}` : `T+${offset}`;
            yield [
              PHASES[phase]?.label ?? String(phase), title, owner ?? '', due ?? offsetText,
              `${ITEM_STATUS_LABEL[status] ?? status}${status === 'blocked' && reason ? `: ${reason}` : ''}`,
              signer ? `${signer}${signedAt ? `, ${signedAt.slice(0, 10)}` : ''}` : '',
            ];
          }
        },
      };
    }
    yield* inventory(input, v.id);
  }
  yield { t: 'h2', text: 'People', anchor: 'people' };
  yield {
    t: 'table', columns: ['Name', 'Role', 'Side', 'Vendor', 'E-mail'], empty: 'Nobody.',
    rows: function* () {
      for (const p of db.prepare(`SELECT p.name, p.role, p.side, v.name, p.email FROM people p LEFT JOIN vendors v ON v.id = p.vendor_id
          WHERE p.deleted_at IS NULL AND (p.vendor_id IN (SELECT value FROM json_each(@v)) OR p.id IN (SELECT value FROM json_each(@p)))
          ORDER BY p.name COLLATE NOCASE, p.id`).raw().iterate({ v: JSON.stringify(input.vendorIds), p: JSON.stringify(peopleIds(input)) }) as IterableIterator<unknown[]>) {
        yield [String(p[0]), String(p[1] ?? ''), label(p[2]), String(p[3] ?? ''), String(p[4] ?? '')];
      }
    },
  };
  yield { t: 'h2', text: 'Attachments', anchor: 'attachments' };
  yield {
    t: 'table', columns: ['File', 'Attached to', 'Size', 'SHA-256'], empty: 'No attached files.',
    rows: function* () {
      for (const a of db.prepare(`SELECT l.file_name, coalesce(d.title, i.title), a.size, a.sha256 FROM attachment_links l JOIN attachments a ON a.id = l.attachment_id
          LEFT JOIN documents d ON l.owner_kind = 'document' AND d.id = l.owner_id LEFT JOIN checklist_items i ON l.owner_kind = 'checklist_item' AND i.id = l.owner_id
          WHERE l.deleted_at IS NULL AND a.deleted_at IS NULL AND coalesce(d.vendor_id, i.vendor_id) IN (SELECT value FROM json_each(?))
          ORDER BY l.file_name COLLATE NOCASE, l.id`).raw().iterate(JSON.stringify(input.vendorIds)) as IterableIterator<unknown[]>) {
        const sha = String(a[3]);
        yield [input.attachmentsIncluded ? { text: String(a[0]), href: `attachments/${sha}` } : String(a[0]), String(a[1] ?? ''), formatBytes(Number(a[2])), sha];
      }
    },
  };
}

/** Everyone an exported record refers to (people are shared between vendors). */
function peopleIds(input: ReportInput): string[] {
  const ids = JSON.stringify(input.vendorIds);
  return (input.db.prepare(`SELECT vendor_contact_id FROM vendors WHERE id IN (SELECT value FROM json_each(@v))
    UNION SELECT our_contact_id FROM vendors WHERE id IN (SELECT value FROM json_each(@v))
    UNION SELECT owner_id FROM processes WHERE vendor_id IN (SELECT value FROM json_each(@v)) AND deleted_at IS NULL
    UNION SELECT successor_id FROM processes WHERE vendor_id IN (SELECT value FROM json_each(@v)) AND deleted_at IS NULL
    UNION SELECT admin_id FROM repositories WHERE vendor_id IN (SELECT value FROM json_each(@v)) AND deleted_at IS NULL
    UNION SELECT reviewed_by_id FROM documents WHERE vendor_id IN (SELECT value FROM json_each(@v)) AND deleted_at IS NULL
    UNION SELECT owner_id FROM checklist_items WHERE vendor_id IN (SELECT value FROM json_each(@v)) AND deleted_at IS NULL`).pluck().all({ v: ids }) as (string | null)[])
    .filter((x): x is string => x !== null);
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
}

function* inventory(input: ReportInput, vendorId: string): Generator<Block> {
  const { db } = input;
  const hide = (v: unknown) => (input.redact && v ? REDACTED : String(v ?? ''));
  const count = (table: string) => (db.prepare(`SELECT count(*) FROM ${table} WHERE vendor_id = ? AND deleted_at IS NULL`).pluck().get(vendorId) as number);

  yield { t: 'h3', text: `Processes (${count('processes')})` };
  yield {
    t: 'table', columns: ['Name', 'Criticality', 'Frequency', 'SLA', 'Owner (vendor)', 'In-house successor', 'Knowledge transfer', 'Runbook'], empty: 'None recorded.',
    rows: function* () {
      for (const r of db.prepare(`SELECT t.name, t.criticality, t.frequency, t.sla, o.name, s.name, t.kt_stage, d.title FROM processes t
          LEFT JOIN people o ON o.id = t.owner_id LEFT JOIN people s ON s.id = t.successor_id LEFT JOIN documents d ON d.id = t.runbook_id
          WHERE t.vendor_id = ? AND t.deleted_at IS NULL ORDER BY t.name COLLATE NOCASE, t.id`).raw().iterate(vendorId) as IterableIterator<unknown[]>) {
        yield [String(r[0]), label(r[1]), String(r[2]), String(r[3]), String(r[4] ?? ''), String(r[5] ?? ''), label(r[6]), String(r[7] ?? '')];
      }
    },
  };
  yield { t: 'h3', text: `Repositories (${count('repositories')})` };
  yield {
    t: 'table', columns: ['Name', 'URL', 'Host', 'Organisation owned by', 'Admin', 'CI/CD', 'Secrets live in', 'Escrow', 'Access verified', 'Transfer'], empty: 'None recorded.',
    rows: function* () {
      for (const r of db.prepare(`SELECT t.name, t.url, t.host, t.org_owner, a.name, t.ci_cd, t.secrets_location, t.escrow, t.access_verified_on, t.transfer_status
          FROM repositories t LEFT JOIN people a ON a.id = t.admin_id WHERE t.vendor_id = ? AND t.deleted_at IS NULL ORDER BY t.name COLLATE NOCASE, t.id`)
        .raw().iterate(vendorId) as IterableIterator<unknown[]>) {
        yield [String(r[0]), input.redact ? hide(r[1]) : link(String(r[1])), String(r[2]), label(r[3]), String(r[4] ?? ''), String(r[5]), hide(r[6]), label(r[7]), String(r[8] ?? ''), label(r[9])];
      }
    },
  };
  yield { t: 'h3', text: `Licences (${count('licences')})` };
  yield {
    t: 'table', columns: ['Product', 'Licensor', 'Type', 'Seats', 'Licensee', 'Transferable', 'Key kept in', 'Renewal or expiry', 'Annual cost', 'Transfer'], empty: 'None recorded.',
    rows: function* () {
      for (const r of db.prepare(`SELECT t.product, t.licensor, t.type, t.seats, t.licensee, t.transferable, t.key_location, t.renewal_date, t.annual_cost, t.currency, t.transfer_status
          FROM licences t WHERE t.vendor_id = ? AND t.deleted_at IS NULL ORDER BY t.product COLLATE NOCASE, t.id`).raw().iterate(vendorId) as IterableIterator<unknown[]>) {
        const cost = r[8] == null ? '' : `${Number(r[8]).toLocaleString('en', { maximumFractionDigits: 2 })}${r[9] ? ` ${String(r[9])}` : ''}`;
        yield [String(r[0]), String(r[1]), label(r[2]), r[3] == null ? '' : String(r[3]), label(r[4]), label(r[5]), hide(r[6]), String(r[7] ?? ''), cost, label(r[10])];
      }
    },
  };
  yield { t: 'h3', text: `Documents (${count('documents')})` };
  yield {
    t: 'table', columns: ['Title', 'Kind', 'Status', 'Version', 'Location', 'Reviewed by', 'Reviewed on', 'Files'], empty: 'None recorded.',
    rows: function* () {
      for (const r of db.prepare(`SELECT t.title, t.kind, t.status, t.version, t.location, p.name, t.reviewed_on,
          (SELECT group_concat(l.file_name, ', ') FROM attachment_links l WHERE l.owner_kind = 'document' AND l.owner_id = t.id AND l.deleted_at IS NULL)
          FROM documents t LEFT JOIN people p ON p.id = t.reviewed_by_id WHERE t.vendor_id = ? AND t.deleted_at IS NULL ORDER BY t.title COLLATE NOCASE, t.id`)
        .raw().iterate(vendorId) as IterableIterator<unknown[]>) {
        yield [String(r[0]), label(r[1]), label(r[2]), String(r[3]), input.redact ? hide(r[4]) : link(String(r[4])), String(r[5] ?? ''), String(r[6] ?? ''), String(r[7] ?? '')];
      }
    },
  };
}

