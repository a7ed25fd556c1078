// A paged table (usePagedRows) keeps its pages outside the query cache and watches its list query
// on the change feed: an event that may touch that list refetches the pages in view in place (the
// others are refetched when scrolled back to), and an event that cannot touch it fetches nothing.
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../shared/changes';
import type { ListResult } from '../../shared/contract';
import { ChangeFeed } from '../../renderer/data/changeFeed';
import { queryKey } from '../../renderer/data/queryKeys';
import { PAGE_SIZE, PageCache } from '../../renderer/table/pageCache';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const TOTAL = PAGE_SIZE * 5;

let seq = 0;
const event = (over: Partial<ChangeEvent>): ChangeEvent => ({
  seq: ++seq, kinds: ['process'], ids: [], vendorIds: [A], activityId: `act-${seq}`, summary: 'Changed', ...over,
});

/** A's process table scrolled to its third page, watched the way usePagedRows watches it. */
async function processTableOfA() {
  const feed = new ChangeFeed(new QueryClient());
  const fetched: number[] = [];
  const cache = new PageCache();
  const settled = () => new Promise((resolve) => setTimeout(resolve, 0));
  cache.setQuery(async (offset, limit) => {
    fetched.push(offset / PAGE_SIZE);
    return { rows: Array.from({ length: limit }, (_, n) => ({ id: `p${offset + n}` })), total: TOTAL, labels: {} } as unknown as ListResult<never>;
  });
  await settled();
  cache.ensure(2 * PAGE_SIZE, 3 * PAGE_SIZE - 1);
  await settled();
  // The list input without offset and limit, as RecordsScreen passes it.
  feed.watch(queryKey('process.list', { vendorId: A, sort: 'name', dir: 'asc' }), () => cache.refresh());
  fetched.length = 0;
  return { feed, cache, fetched, settled };
}

describe('a paged table refreshes on the change events of its own list', () => {
  it('a process of its vendor: the page in view is fetched again, the one scrolled past when scrolled back to', async () => {
    const { feed, cache, fetched, settled } = await processTableOfA();
    feed.receive(event({ kinds: ['process'], vendorIds: [A] }));
    await settled();
    expect(fetched).toEqual([2]);
    cache.ensure(0, PAGE_SIZE - 1);
    await settled();
    expect(fetched).toEqual([2, 0]);
  });

  it('a person (named in its rows, whichever vendor): refreshed too', async () => {
    const { feed, fetched, settled } = await processTableOfA();
    feed.receive(event({ kinds: ['person'], vendorIds: [B] }));
    await settled();
    expect(fetched).toEqual([2]);
  });

  it('another vendor’s processes, or a kind its rows do not show: nothing is fetched', async () => {
    const { feed, cache, fetched, settled } = await processTableOfA();
    feed.receive(event({ kinds: ['process'], vendorIds: [B] }));
    feed.receive(event({ kinds: ['template'], vendorIds: [] }));
    feed.receive(event({ kinds: ['checklist_item'], vendorIds: [A] }));
    await settled();
    cache.ensure(0, PAGE_SIZE - 1);
    await settled();
    expect(fetched).toEqual([]);
  });
});
