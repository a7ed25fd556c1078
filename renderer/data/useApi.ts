// How screens load data. The API below is stable: other screens build on it.
//
//   useApi(method, payload, { keepPrevious? })
//     Loads `api[method](payload)` (typed from shared/contract.ts) through the app's TanStack Query
//     cache, keyed by queryKeys.ts. `payload` null: nothing is loaded (data undefined, not loading).
//     Returns { data, error, loading }: `data` stays on screen while the same key refetches;
//     `keepPrevious` also keeps the last key's data while a new key loads (a picker's options as
//     the user types); `loading` is true until the current key's answer arrived and while it
//     refetches; `error` is the last load's error, if it failed.
//   useApiWith(method, payload, loader, load, { keepPrevious? })
//     The same for data made by a function of its own (several calls, or a call plus names):
//     cached under [method, payload, loader] and refreshed whenever `method(payload)` would be.
//   apiQuery(method, payload) → { queryKey, queryFn }
//     For useQuery/useQueries/queryClient.fetchQuery when the hooks above do not fit.
//   useStaleWatch(method, payload, stale)
//     Calls `stale()` whenever a change event may have changed what `method(payload)` answers:
//     for data kept outside the query cache (a paged table's pages). Needs no stable `stale`.
//
// Nothing here is refreshed by hand: after a write, the backend's change event makes exactly the
// queries it touched stale (queryKeys.ts), and the ones on screen refetch.
import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { InputOf, ResultOf } from '../../shared/contract';
import { api } from '../api';
import { useChangeFeed } from './DataProvider';
import { queryKey, type ApiQueryKey, type QueryMethod } from './queryKeys';

export interface ApiState<T> {
  data: T | undefined;
  error: Error | undefined;
  /** True until the answer for the current key has arrived, and while it is fetched again. */
  loading: boolean;
}

export interface ApiOptions {
  /** While a new key loads, keep showing the last key's data. */
  keepPrevious?: boolean;
}

export function apiQuery<M extends QueryMethod>(method: M, payload: InputOf<M>): { queryKey: ApiQueryKey<M>; queryFn: () => Promise<ResultOf<M>> } {
  const call = api[method] as (input: InputOf<M>) => Promise<ResultOf<M>>;
  return { queryKey: queryKey(method, payload), queryFn: () => call(payload) };
}

function stateOf<T>(q: UseQueryResult<T, Error>, enabled: boolean): ApiState<T> {
  return {
    data: q.data,
    error: q.error ?? undefined,
    loading: enabled && (q.isPending || q.isPlaceholderData || q.isFetching),
  };
}

export function useApi<M extends QueryMethod>(method: M, payload: InputOf<M> | null, options: ApiOptions = {}): ApiState<ResultOf<M>> {
  const call = api[method] as (input: InputOf<M>) => Promise<ResultOf<M>>;
  const q = useQuery<ResultOf<M>, Error>({
    queryKey: queryKey(method, (payload ?? {}) as InputOf<M>),
    queryFn: () => call(payload!),
    enabled: payload !== null,
    placeholderData: options.keepPrevious ? keepPreviousData : undefined,
  });
  return stateOf(q, payload !== null);
}

export function useApiWith<M extends QueryMethod, T>(method: M, payload: InputOf<M> | null, loader: string, load: () => Promise<T>, options: ApiOptions = {}): ApiState<T> {
  const q = useQuery<T, Error>({
    queryKey: queryKey(method, (payload ?? {}) as InputOf<M>, loader),
    queryFn: load,
    enabled: payload !== null,
    placeholderData: options.keepPrevious ? keepPreviousData : undefined,
  });
  return stateOf(q, payload !== null);
}

export function useStaleWatch<M extends QueryMethod>(method: M, payload: InputOf<M> | null, stale: () => void): void {
  const feed = useChangeFeed();
  const latest = useRef(stale);
  useLayoutEffect(() => {
    latest.current = stale;
  });
  // The payload by value: a new object with the same fields each render is the same watch.
  const key = payload === null ? null : JSON.stringify(queryKey(method, payload));
  useEffect(() => {
    if (key === null) return;
    return feed.watch(JSON.parse(key) as readonly unknown[], () => latest.current());
  }, [feed, key]);
}
