// Turns the backend's change events into refreshes: each event invalidates the queries it may have
// made stale (queryKeys.ts says which), and tells the watchers of keys that are not TanStack
// queries (a paged table's own cache). An event for every kind, or a gap in the events' sequence
// (one was missed: a dropped connection, a restarted backend), makes everything stale.
import type { Query, QueryClient } from '@tanstack/react-query';
import { ALL_KINDS, type ChangeEvent } from '../../shared/changes';
import { isStaleAfter } from './queryKeys';

type Watcher = { key: readonly unknown[]; stale(): void };

export class ChangeFeed {
  private last: number | null = null;
  private watchers = new Set<Watcher>();
  /** First loads that will be loaded again once settled (see invalidate). */
  private readonly reloading = new WeakSet<Query>();

  constructor(private readonly client: QueryClient) {}

  /** Handles one event as it arrives. */
  receive(event: ChangeEvent): void {
    const missed = this.last !== null && event.seq !== this.last + 1;
    this.last = event.seq;
    if (missed || event.kinds === ALL_KINDS) {
      this.everythingStale();
      return;
    }
    this.invalidate((query) => isStaleAfter(event, query.queryKey));
    for (const w of [...this.watchers]) if (isStaleAfter(event, w.key)) w.stale();
  }

  /** Nothing can be assumed: every query and watcher refreshes (what is on screen stays until then). */
  everythingStale(): void {
    this.invalidate(() => true);
    for (const w of [...this.watchers]) w.stale();
  }

  /** Another workbook: nothing cached belongs to it (so nothing of it is shown), and its events count afresh. */
  workbookSwitched(): void {
    this.last = null;
    void this.client.resetQueries();
    for (const w of [...this.watchers]) w.stale();
  }

  /**
   * Invalidates the queries the predicate picks. A first load under way is joined, not restarted,
   * by an invalidation (TanStack Query restarts only a refetch of data it holds), and it may have
   * read the workbook before the change landed (a notice's attachments, asked for while its letter
   * was still uploading): once it has settled it is loaded again, once however many events came.
   */
  private invalidate(predicate: (query: Query) => boolean): void {
    for (const query of this.client.getQueryCache().findAll({ predicate, fetchStatus: 'fetching' })) {
      if (query.state.data !== undefined || this.reloading.has(query)) continue;
      this.reloading.add(query);
      const again = () => {
        this.reloading.delete(query);
        void this.client.invalidateQueries({ queryKey: query.queryKey, exact: true });
      };
      void query.promise?.then(again, again);
    }
    void this.client.invalidateQueries({ predicate });
  }

  /** Calls `stale` whenever an event may have changed what `key` (from queryKey()) loaded; returns the function that stops it. */
  watch(key: readonly unknown[], stale: () => void): () => void {
    const watcher = { key, stale };
    this.watchers.add(watcher);
    return () => {
      this.watchers.delete(watcher);
    };
  }
}
