// The records behind readiness, grouped the way shared/readiness.ts scores them: for one vendor (or
// every vendor with the details asked for), straight from the record tables, and the records of
// the groups a rule flags. The portfolio's counts alone come from store/readiness.ts instead.
// Also the readiness history and the vendor overview's deadline and phase queries.
import type { ItemStatus, PhaseIndex, PhaseSpan } from '../../../shared/checklists';
import { addDays } from '../../../shared/dates';
import { OVERDUE_HIGH_DAYS, RENEWAL_WARNING_DAYS, type GroupMembers, type Lateness, type ReadinessGroups } from '../../../shared/readiness';
import { ITEM_COLUMNS, toItem } from './checklists';
import { contractsByVendor } from './contracts';
import type { Db } from './open';
import { prepared } from './prepared';
import type { VendorGroups } from './readiness';

/** The vendor fields the rules read, with the vendor's live contracts, for every live vendor or one. */
export function readinessVendors(db: Db, vendorId?: string): ReadinessGroups['vendor'][] {
  const vendors = prepared(db, `SELECT id, name, exit_date AS exitDate, status FROM vendors WHERE deleted_at IS NULL ${vendorId ? 'AND id = ?' : ''}`)
    .all(...(vendorId ? [vendorId] : [])) as Omit<ReadinessGroups['vendor'], 'contracts'>[];
  const contracts = contractsByVendor(db, vendorId);
  return vendors.map((v) => ({ ...v, contracts: contracts.get(v.id) ?? [] }));
}

/**
 * Whether a process's owner or successor has left (is a deleted person), as 0 or 1. Reading the
 * owner takes each process's row, not only the readiness index: skipped while nobody has left.
 */
export function goneSql(db: Db): string {
  const anyoneLeft = prepared(db, 'SELECT 1 FROM people WHERE deleted_at IS NOT NULL LIMIT 1').get() !== undefined;
  return anyoneLeft
    // ifnull: `NULL IN (…)` is NULL, and the groups compare this with `=`.
    ? `(ifnull(t.owner_id IN (SELECT id FROM people WHERE deleted_at IS NOT NULL), 0) OR ifnull(t.successor_id IN (SELECT id FROM people WHERE deleted_at IS NOT NULL), 0))`
    : '0';
}


/** An item's lateness (see shared/readiness.ts), from its due date; parameters: today, the high cutoff. */
const LATENESS_SQL = `(CASE WHEN t.due_date IS NULL OR t.due_date >= ? THEN 0 WHEN t.due_date < ? THEN 2 ELSE 1 END)`;
/** shared/readiness.ts renewalAtRisk as SQL, 0 or 1; parameter: today + RENEWAL_WARNING_DAYS. */
const AT_RISK_SQL = `(t.expires_on IS NOT NULL AND t.renewal_account = 'vendor' AND t.kind IN ('tls_certificate', 'domain')
  AND t.status IN ('not_started', 'in_progress') AND t.expires_on <= ?)`;
/** Whether the vendor holds an access record: no holder (the vendor as a company), or a holder on its side (left or not). */
const VENDOR_HELD_SQL = `(t.holder_id IS NULL OR ifnull((SELECT side FROM people WHERE id = t.holder_id), '') = 'vendor')`;

/**
 * Every vendor's records counted per combination of the fields the rules read (one vendor's when
 * `vendorId` is given), in one pass per table. `gone` is goneSql's answer, read once per call.
 */
export function groupRecords(db: Db, today: string, gone: string, vendorIds: Iterable<string>, vendorId?: string): Map<string, VendorGroups> {
  const cutoff = addDays(today, -OVERDUE_HIGH_DAYS);
  const groups = new Map<string, VendorGroups>();
  for (const id of vendorIds) groups.set(id, { items: [], processes: [], repositories: [], licences: [], documents: [], access: [], datasets: [], infrastructure: [] });
  const only = vendorId ? 'AND t.vendor_id = ?' : '';
  const args = vendorId ? [vendorId] : [];
  const each = (sql: string, params: unknown[], push: (g: VendorGroups, row: unknown[]) => void) => {
    for (const row of prepared(db, sql).raw().all(...params) as unknown[][]) {
      const g = groups.get(row[0] as string);
      if (g) push(g, row);
    }
  };
  each(`SELECT t.vendor_id, t.phase, t.status, ${LATENESS_SQL}, count(*) FROM checklist_items t JOIN checklists c ON c.id = t.checklist_id
    WHERE t.deleted_at IS NULL AND c.deleted_at IS NULL ${only} GROUP BY 1, 2, 3, 4`, [today, cutoff, ...args], (g, r) => {
    g.items.push({ phase: r[1] as PhaseIndex, status: r[2] as ItemStatus, late: r[3] as Lateness, count: r[4] as number });
  });
  each(`SELECT t.vendor_id, t.criticality, t.kt_stage, t.successor_id IS NOT NULL, ${gone}, count(*) FROM processes t WHERE t.deleted_at IS NULL ${only}
    GROUP BY 1, 2, 3, 4, 5`, args, (g, r) => {
    g.processes.push({
      criticality: r[1] as ReadinessGroups['processes'][number]['criticality'], ktStage: r[2] as string, hasSuccessor: r[3] === 1, ownerLeft: r[4] === 1, count: r[5] as number,
    });
  });
  each(`SELECT t.vendor_id, t.transfer_status, p.side, count(*) FROM repositories t LEFT JOIN people p ON p.id = t.admin_id AND p.deleted_at IS NULL
    WHERE t.deleted_at IS NULL ${only} GROUP BY 1, 2, 3`, args, (g, r) => {
    g.repositories.push({ transferStatus: r[1] as string, adminSide: r[2] as string | null, count: r[3] as number });
  });
  each(`SELECT t.vendor_id, t.licensee, t.transferable, t.transfer_status, count(*) FROM licences t WHERE t.deleted_at IS NULL ${only} GROUP BY 1, 2, 3, 4`, args, (g, r) => {
    g.licences.push({ licensee: r[1] as string, transferable: r[2] as string, transferStatus: r[3] as string, count: r[4] as number });
  });
  each(`SELECT t.vendor_id, t.status, t.reviewed_on IS NOT NULL, count(*) FROM documents t WHERE t.deleted_at IS NULL ${only} GROUP BY 1, 2, 3`, args, (g, r) => {
    g.documents.push({ status: r[1] as string, reviewed: r[2] === 1, count: r[3] as number });
  });
  each(`SELECT t.vendor_id, t.privileged = 'yes', t.status, ${VENDOR_HELD_SQL}, count(*) FROM access_credentials t WHERE t.deleted_at IS NULL ${only}
    GROUP BY 1, 2, 3, 4`, args, (g, r) => {
    g.access.push({ privileged: r[1] === 1, status: r[2] as string, vendorHeld: r[3] === 1, count: r[4] as number });
  });
  each(`SELECT t.vendor_id, t.personal_data, t.received_on IS NOT NULL, t.deletion_required, t.certificate_received_on IS NOT NULL, t.certificate_covers_backups, count(*)
    FROM data_sets t WHERE t.deleted_at IS NULL ${only} GROUP BY 1, 2, 3, 4, 5, 6`, args, (g, r) => {
    g.datasets.push({
      personalData: r[1] as string, received: r[2] === 1, deletionRequired: r[3] as string, certified: r[4] === 1, coversBackups: r[5] as string, count: r[6] as number,
    });
  });
  each(`SELECT t.vendor_id, t.status, ${AT_RISK_SQL}, count(*) FROM infrastructure_items t WHERE t.deleted_at IS NULL ${only} GROUP BY 1, 2, 3`,
    [addDays(today, RENEWAL_WARNING_DAYS), ...args], (g, r) => {
      g.infrastructure.push({ status: r[1] as string, atRisk: r[2] === 1, count: r[3] as number });
    });
  return groups;
}

export type Part = keyof GroupMembers;
export type Wanted = { [P in Part]: { vendorId: string; key: unknown[] }[] };
export type Found = { [P in Part]: Map<string, ReturnType<GroupMembers[P]>> };

/** The grouped fields of a group, in the order the member queries compare them. */
export const KEYS: { [P in Part]: (g: Parameters<GroupMembers[P]>[0]) => unknown[] } = {
  items: (g) => [g.phase, g.status, g.late],
  processes: (g) => [g.criticality, g.ktStage, g.hasSuccessor ? 1 : 0, g.ownerLeft ? 1 : 0],
  repositories: (g) => [g.transferStatus, g.adminSide],
  licences: (g) => [g.licensee, g.transferable, g.transferStatus],
  documents: (g) => [g.status, g.reviewed ? 1 : 0],
  access: (g) => [g.privileged ? 1 : 0, g.status, g.vendorHeld ? 1 : 0],
  datasets: (g) => [g.personalData, g.received ? 1 : 0, g.deletionRequired, g.certified ? 1 : 0, g.coversBackups],
  infrastructure: (g) => [g.status, g.atRisk ? 1 : 0],
};

export const keyOf = (vendorId: string, key: unknown[]) => JSON.stringify([vendorId, ...key]);

/**
 * The records of the flagged groups: plain equality on the grouped fields, no rules. The groups
 * travel as a VALUES list joined to the readiness indexes (named: the planner would otherwise
 * pick the per-vendor index and read every row of the vendor once per group).
 */
const MEMBER_SQL: { [P in Part]: { columns: number; sql: (values: string, gone: string) => string; row: (r: unknown[]) => ReturnType<GroupMembers[P]>[number] } } = {
  items: {
    columns: 4,
    sql: (values) => `WITH g(vendor_id, phase, status, late) AS (VALUES ${values})
      SELECT g.vendor_id, g.phase, g.status, g.late, t.id, t.title, t.due_date, t.blocked_reason FROM g
      JOIN checklist_items t INDEXED BY checklist_items_vendor_status ON t.deleted_at IS NULL AND t.vendor_id = g.vendor_id AND t.status = g.status AND t.phase = g.phase
        AND ${LATENESS_SQL} = g.late
      JOIN checklists c ON c.id = t.checklist_id AND c.deleted_at IS NULL ORDER BY t.due_date, t.position`,
    row: (r) => ({ id: r[4] as string, title: r[5] as string, dueDate: r[6] as string | null, blockedReason: r[7] as string }),
  },
  processes: {
    columns: 5,
    sql: (values, gone) => `WITH g(vendor_id, criticality, kt_stage, has, gone) AS (VALUES ${values})
      SELECT g.vendor_id, g.criticality, g.kt_stage, g.has, g.gone, t.id, t.name,
        (SELECT name FROM people WHERE id = t.owner_id AND deleted_at IS NOT NULL), (SELECT name FROM people WHERE id = t.successor_id AND deleted_at IS NOT NULL) FROM g
      JOIN processes t INDEXED BY processes_readiness ON t.deleted_at IS NULL AND t.vendor_id = g.vendor_id AND t.criticality = g.criticality AND t.kt_stage = g.kt_stage
        AND (t.successor_id IS NOT NULL) = g.has AND ${gone} = g.gone ORDER BY t.name COLLATE NOCASE`,
    row: (r) => ({ id: r[5] as string, name: r[6] as string, left: leftOf(r[7] as string | null, r[8] as string | null) }),
  },
  repositories: {
    columns: 3,
    sql: (values) => `WITH g(vendor_id, transfer_status, side) AS (VALUES ${values})
      SELECT g.vendor_id, g.transfer_status, g.side, t.id, t.name FROM g
      JOIN repositories t INDEXED BY repositories_readiness ON t.deleted_at IS NULL AND t.vendor_id = g.vendor_id AND t.transfer_status = g.transfer_status
      LEFT JOIN people p ON p.id = t.admin_id AND p.deleted_at IS NULL WHERE p.side IS g.side ORDER BY t.name COLLATE NOCASE`,
    row: (r) => ({ id: r[3] as string, name: r[4] as string }),
  },
  licences: {
    columns: 4,
    sql: (values) => `WITH g(vendor_id, licensee, transferable, transfer_status) AS (VALUES ${values})
      SELECT g.vendor_id, g.licensee, g.transferable, g.transfer_status, t.id, t.product FROM g
      JOIN licences t INDEXED BY licences_readiness ON t.deleted_at IS NULL AND t.vendor_id = g.vendor_id AND t.licensee = g.licensee AND t.transferable = g.transferable
        AND t.transfer_status = g.transfer_status ORDER BY t.product COLLATE NOCASE`,
    row: (r) => ({ id: r[4] as string, product: r[5] as string }),
  },
  documents: {
    columns: 3,
    sql: (values) => `WITH g(vendor_id, status, reviewed) AS (VALUES ${values})
      SELECT g.vendor_id, g.status, g.reviewed, t.id, t.title FROM g
      JOIN documents t INDEXED BY documents_readiness ON t.deleted_at IS NULL AND t.vendor_id = g.vendor_id AND t.status = g.status
        AND (t.reviewed_on IS NOT NULL) = g.reviewed ORDER BY t.title COLLATE NOCASE`,
    row: (r) => ({ id: r[3] as string, title: r[4] as string }),
  },
  access: {
    columns: 4,
    sql: (values) => `WITH g(vendor_id, privileged, status, held) AS (VALUES ${values})
      SELECT g.vendor_id, g.privileged, g.status, g.held, t.id, t.name FROM g
      JOIN access_credentials t INDEXED BY access_credentials_vendor ON t.vendor_id = g.vendor_id AND t.deleted_at IS NULL
        AND (t.privileged = 'yes') = g.privileged AND t.status = g.status AND ${VENDOR_HELD_SQL} = g.held ORDER BY t.name COLLATE NOCASE`,
    row: (r) => ({ id: r[4] as string, name: r[5] as string }),
  },
  datasets: {
    columns: 6,
    sql: (values) => `WITH g(vendor_id, personal_data, received, deletion_required, certified, covers_backups) AS (VALUES ${values})
      SELECT g.vendor_id, g.personal_data, g.received, g.deletion_required, g.certified, g.covers_backups, t.id, t.name FROM g
      JOIN data_sets t INDEXED BY data_sets_vendor ON t.vendor_id = g.vendor_id AND t.deleted_at IS NULL AND t.personal_data = g.personal_data
        AND (t.received_on IS NOT NULL) = g.received AND t.deletion_required = g.deletion_required AND (t.certificate_received_on IS NOT NULL) = g.certified
        AND t.certificate_covers_backups = g.covers_backups ORDER BY t.name COLLATE NOCASE`,
    row: (r) => ({ id: r[6] as string, name: r[7] as string }),
  },
  infrastructure: {
    columns: 3,
    sql: (values) => `WITH g(vendor_id, status, risk) AS (VALUES ${values})
      SELECT g.vendor_id, g.status, g.risk, t.id, t.name, t.kind, t.expires_on FROM g
      JOIN infrastructure_items t INDEXED BY infrastructure_items_vendor ON t.vendor_id = g.vendor_id AND t.deleted_at IS NULL AND t.status = g.status
        AND ${AT_RISK_SQL} = g.risk ORDER BY t.expires_on, t.name COLLATE NOCASE`,
    row: (r) => ({ id: r[3] as string, name: r[4] as string, kind: r[5] as string, expiresOn: r[6] as string | null }),
  },
};

/** Who of a process's owner and successor has left, as the red flag names them. */
export function leftOf(owner: string | null, successor: string | null): string[] {
  return [owner === null ? null : `owner ${owner}`, successor === null ? null : `successor ${successor}`].filter((x): x is string => x !== null);
}

/** The records of the groups in `wanted`, by vendor and group key (keyOf). */
export function fetchMembers(db: Db, today: string, gone: string, wanted: Wanted): Found {
  const lateness = [today, addDays(today, -OVERDUE_HIGH_DAYS)];
  const found = {
    items: new Map(), processes: new Map(), repositories: new Map(), licences: new Map(), documents: new Map(), access: new Map(), datasets: new Map(), infrastructure: new Map(),
  } as Found;
  const extra = (part: Part) => (part === 'items' ? lateness : part === 'infrastructure' ? [addDays(today, RENEWAL_WARNING_DAYS)] : []);
  for (const part of Object.keys(MEMBER_SQL) as Part[]) {
    const spec = MEMBER_SQL[part];
    const groups = wanted[part];
    // Chunked: SQLite caps the parameters of one statement.
    for (let i = 0; i < groups.length; i += 2000) {
      const chunk = groups.slice(i, i + 2000);
      const values = chunk.map(() => `(${Array(spec.columns).fill('?').join(', ')})`).join(', ');
      const params = chunk.flatMap((g) => [g.vendorId, ...g.key]);
      const rows = prepared(db, spec.sql(values, gone)).raw().all(...params, ...extra(part)) as unknown[][];
      const map = found[part] as Map<string, unknown[]>;
      for (const r of rows) {
        const k = keyOf(r[0] as string, r.slice(1, spec.columns));
        let list = map.get(k);
        if (!list) map.set(k, (list = []));
        list.push(spec.row(r));
      }
    }
  }
  return found;
}

/** Each vendor's last recorded score on or before `day`. */
export function scoresAsOf(db: Db, day: string): Map<string, number> {
  return new Map(prepared(db, `SELECT h.vendor_id, h.score FROM readiness_history h
    WHERE h.day = (SELECT max(day) FROM readiness_history WHERE vendor_id = h.vendor_id AND day <= ?)`).raw().all(day) as [string, number][]);
}

/** Records `scores` as the vendors' scores of `day` (see tryWrite: skipped while another process writes). */
export function recordScores(db: Db, day: string, scores: Iterable<[string, number]>): void {
  const record = prepared(db, 'INSERT INTO readiness_history (vendor_id, day, score) VALUES (?, ?, ?) ON CONFLICT (vendor_id, day) DO UPDATE SET score = excluded.score');
  tryWrite(db, () => {
    for (const [vendorId, score] of scores) record.run(vendorId, day, score);
  });
}

/**
 * Today's scores for the trend. The history is a convenience: when another process holds the
 * write lock (an import being applied), showing the dashboard must not wait for it, so the write
 * is tried without waiting and skipped if the lock is taken.
 */
function tryWrite(db: Db, write: () => void): void {
  const wait = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    db.transaction(write).immediate();
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (typeof code !== 'string' || !(code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))) throw e;
  } finally {
    db.pragma(`busy_timeout = ${wait}`);
  }
}

/** A vendor's next open items with a due date from `today` on, soonest first. */
export function nextDueItems(db: Db, vendorId: string, today: string, limit: number) {
  return (prepared(db, `SELECT ${ITEM_COLUMNS}, c.name AS "checklistName" FROM checklist_items i JOIN checklists c ON c.id = i.checklist_id
    WHERE i.vendor_id = ? AND i.deleted_at IS NULL AND c.deleted_at IS NULL AND i.status NOT IN ('done', 'not_applicable') AND i.due_date >= ?
    ORDER BY i.due_date, i.phase, i.position LIMIT ?`).all(vendorId, today, limit) as Record<string, unknown>[])
    .map((r) => ({ ...toItem(r), checklistName: r.checklistName as string }));
}

/** Per phase of a vendor's live checklists: first and last due date and offset, done and total. */
export function phaseSpans(db: Db, vendorId: string): PhaseSpan[] {
  return prepared(db, `SELECT i.phase, min(i.due_date) AS start, max(i.due_date) AS "end", min(i.offset_days) AS startOffset,
      max(i.offset_days) AS endOffset, count(*) FILTER (WHERE i.status = 'done') AS done, count(*) FILTER (WHERE i.status <> 'not_applicable') AS total
    FROM checklist_items i JOIN checklists c ON c.id = i.checklist_id
    WHERE i.vendor_id = ? AND i.deleted_at IS NULL AND c.deleted_at IS NULL GROUP BY i.phase ORDER BY i.phase`).all(vendorId) as PhaseSpan[];
}
