import { useEffect, useLayoutEffect, useState, useSyncExternalStore } from 'react';
import type { InputOf } from '../../shared/contract';
import { queryKey, type QueryMethod } from '../data/queryKeys';
import { useStaleWatch } from '../data/useApi';
import { measurePaint, PageCache, type FetchPage } from './pageCache';

/**
 * A table's rows for one list query: `method(payload)` names it (without offset and limit, which
 * `fetchPage` adds per page). The pages are kept here rather than in the query cache, so a change
 * event that touches `method(payload)` refreshes the pages in view in place (the others are loaded
 * afresh when scrolled to), and one that cannot touch it leaves the table alone.
 */
export function usePagedRows<M extends QueryMethod>(method: M, payload: InputOf<M>, fetchPage: FetchPage): PageCache {
  const [cache] = useState(() => new PageCache());
  useSyncExternalStore(cache.subscribe, cache.getSnapshot);

  // fetchPage is rebuilt each render; the payload (by value) says when it actually asks for something else.
  const key = JSON.stringify(queryKey(method, payload));
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => cache.setQuery(fetchPage), [cache, key]);

  useStaleWatch(method, payload, () => cache.refresh());

  useLayoutEffect(() => {
    if (cache.takePaintPending()) measurePaint();
  });

  return cache;
}
