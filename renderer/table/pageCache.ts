// The rows of a virtualized table, fetched from the backend a page at a time as the user scrolls,
// and kept. A new query (filter, sort) keeps the old rows on screen until its first page arrives,
// so typing in the filter box does not flash an empty table; a data change refetches what is
// shown in place. Subscribed to with useSyncExternalStore.
import type { ListResult } from '../../shared/contract';
import type { AnyRecord } from '../records/recordApi';

export const PAGE_SIZE = 200;

export type FetchPage = (offset: number, limit: number) => Promise<ListResult<AnyRecord>>;

export class PageCache {
  private pages = new Map<number, AnyRecord[]>();
  private loading = new Set<number>();
  private stale = new Set<number>();
  private clearOnArrival = false;
  private generation = 0;
  private listeners = new Set<() => void>();
  private lastRange: [number, number] = [0, 0];
  private fetchPage: FetchPage | null = null;

  total: number | null = null;
  labels: Record<string, string> = {};
  error: Error | null = null;
  /** Moves on every change; the snapshot useSyncExternalStore compares. */
  version = 0;
  /** Set when a page arrived and its first paint is still to be measured (see measurePaint). */
  private paintPending = false;

  takePaintPending(): boolean {
    const pending = this.paintPending;
    this.paintPending = false;
    return pending;
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  getSnapshot = () => this.version;

  private emit() {
    this.version++;
    for (const l of this.listeners) l();
  }

  /** A new query: refetch from scratch, showing the old rows until the new ones come. */
  setQuery(fetchPage: FetchPage) {
    this.fetchPage = fetchPage;
    this.generation++;
    this.loading.clear();
    for (const p of this.pages.keys()) this.stale.add(p);
    this.clearOnArrival = true;
    this.error = null;
    this.ensure(0, Math.min(this.lastRange[1], PAGE_SIZE - 1));
  }

  /** The data changed: refetch the pages in view, keeping what is shown meanwhile. */
  refresh() {
    this.generation++;
    this.loading.clear();
    for (const p of this.pages.keys()) this.stale.add(p);
    this.ensure(...this.lastRange);
  }

  /** Makes sure the rows from start to end (inclusive) are loaded or loading. */
  ensure(start: number, end: number) {
    this.lastRange = [start, end];
    if (!this.fetchPage) return;
    const last = this.total === null ? Math.floor(start / PAGE_SIZE) : Math.floor(Math.max(0, this.total - 1) / PAGE_SIZE);
    const from = Math.floor(start / PAGE_SIZE);
    const to = Math.min(Math.floor(end / PAGE_SIZE), Math.max(last, from));
    for (let p = from; p <= to; p++) {
      if ((this.pages.has(p) && !this.stale.has(p)) || this.loading.has(p)) continue;
      this.load(p);
    }
  }

  private load(page: number) {
    const generation = this.generation;
    this.loading.add(page);
    this.fetchPage!(page * PAGE_SIZE, PAGE_SIZE).then(
      (result) => {
        if (generation !== this.generation) return;
        performance.mark('table:data');
        this.loading.delete(page);
        if (this.clearOnArrival) {
          this.clearOnArrival = false;
          this.pages.clear();
          this.stale.clear();
          this.labels = {};
        }
        this.stale.delete(page);
        this.pages.set(page, result.rows);
        this.total = result.total;
        // Merged in place: rows already on screen keep the same props and skip re-rendering.
        Object.assign(this.labels, result.labels);
        this.paintPending = true;
        this.emit();
      },
      (error: unknown) => {
        if (generation !== this.generation) return;
        this.loading.delete(page);
        this.error = error instanceof Error ? error : new Error(String(error));
        this.emit();
      },
    );
  }

  row(index: number): AnyRecord | undefined {
    return this.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
  }

  /** Whether the rows on screen belong to an older query than the one asked for. */
  get showingOldQuery() {
    return this.clearOnArrival;
  }
}

/**
 * Measures from a page's arrival ('table:data') to the first frame painted after React committed
 * it: a task queued from requestAnimationFrame runs after that frame's paint. build/bench-ui.mjs
 * reads the 'table:data-to-paint' measures.
 */
export function measurePaint() {
  requestAnimationFrame(() => {
    setTimeout(() => {
      performance.mark('table:paint');
      performance.measure('table:data-to-paint', 'table:data', 'table:paint');
      if (performance.getEntriesByName('table:data-to-paint').length > 500) performance.clearMeasures('table:data-to-paint');
    }, 0);
  });
}
