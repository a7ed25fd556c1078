// What one step of a sheet import keeps for the next, so a 100,000-row sheet is read once and
// checked once: the sheet read by the inspection (for the dry runs after it), and the dry run's
// plan (for the apply). Each is kept only for the same bytes (SHA-256) and request, one of each
// per workbook (the newest), and let go when applied or after a while. A plan is used only while
// the workbook is as it was when planning began (store/workbookStamp.ts); otherwise the apply
// reads and plans again inside its transaction, as it would without one.
import type { SheetMapping } from '../../../shared/sheets';
import type { Db } from '../store/open';
import { workbookStamp } from '../store/workbookStamp';
import type { Plan } from './plan';
import type { ReadSheet } from './source';
import type { Table } from './table';
import type { SheetRequest } from './service';

/** Kept no longer than this without being used (a large sheet holds tens of MB). */
const KEEP_MS = 15 * 60 * 1000;

/** One value per workbook under a key, let go after KEEP_MS unused. */
class KeptOne<T> {
  private readonly kept = new WeakMap<Db, { key: string; value: T; timer: NodeJS.Timeout }>();

  keep(db: Db, key: string, value: T): void {
    this.drop(db);
    const timer = setTimeout(() => { if (this.kept.get(db)?.timer === timer) this.kept.delete(db); }, KEEP_MS);
    timer.unref();
    this.kept.set(db, { key, value, timer });
  }

  get(db: Db, key: string): T | null {
    const e = this.kept.get(db);
    if (!e || e.key !== key) return null;
    e.timer.refresh();
    return e.value;
  }

  drop(db: Db): void {
    const e = this.kept.get(db);
    if (!e) return;
    clearTimeout(e.timer);
    this.kept.delete(db);
  }
}

export interface KeptPlan {
  plan: Plan;
  headers: string[];
  /** The workbook's stamp when planning began. */
  stamp: string;
}

const plans = new KeptOne<KeptPlan>();
const sheets = new KeptOne<{ read: ReadSheet; table: Table }>();

/** What decides the table read from a source: its bytes and name, the kind (the header row is found by it), the sheet and the header row. */
export function sheetKey(req: SheetRequest, source: { sha256: string; fileName: string }): string {
  return JSON.stringify([source.sha256, source.fileName, req.kind, req.sheet ?? null, req.headerRow ?? null]);
}

/** What decides a plan besides the workbook: the table, the vendor and the mapping. */
export function planKey(req: SheetRequest, mapping: SheetMapping, source: { sha256: string; fileName: string }): string {
  return JSON.stringify([sheetKey(req, source), req.vendor ?? null, mapping]);
}

export const keepSheet = (db: Db, key: string, value: { read: ReadSheet; table: Table }) => sheets.keep(db, key, value);
export const keptSheet = (db: Db, key: string) => sheets.get(db, key);

/** Keeps a plan made while the workbook stood at its `stamp` (taken before planning started). */
export const keepPlan = (db: Db, key: string, value: KeptPlan) => plans.keep(db, key, value);

/** The kept plan for this key, left kept (an apply looks at its size before deciding how to write it). */
export const peekPlan = (db: Db, key: string): KeptPlan | null => plans.get(db, key);

/**
 * Takes the kept plan for this key if the workbook has not changed since it was made. Taking it
 * lets go of it and of the sheet it came from: the apply writes it, or plans again.
 */
export function takePlan(db: Db, key: string): KeptPlan | null {
  const kept = plans.get(db, key);
  plans.drop(db);
  sheets.drop(db);
  return kept && kept.stamp === workbookStamp(db) ? kept : null;
}
