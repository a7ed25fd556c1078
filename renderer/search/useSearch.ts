// Search as you type: a light debounce, and only the answer to the latest query is ever shown
// (an earlier, slower query that answers last is ignored).
import { useEffect, useRef, useState } from 'react';
import type { SearchHit } from '../../shared/contract';
import { api } from '../api';

const DEBOUNCE_MS = 90;

interface Answer {
  q: string;
  hits: SearchHit[];
  error: string | null;
}

export function useSearch(q: string) {
  const query = q.trim();
  const [answer, setAnswer] = useState<Answer>({ q: '', hits: [], error: null });
  const latest = useRef(0);

  useEffect(() => {
    if (!query) return;
    const ticket = ++latest.current;
    const timer = setTimeout(() => {
      api['search.query']({ q: query, limit: 50 }).then(
        (hits) => {
          if (ticket === latest.current) setAnswer({ q: query, hits, error: null });
        },
        (e: unknown) => {
          if (ticket === latest.current) setAnswer({ q: query, hits: [], error: e instanceof Error ? e.message : String(e) });
        },
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query]);

  const current = query !== '' && answer.q === query;
  return {
    /** The hits for the latest answered query (kept while the next one runs, to avoid flicker). */
    hits: query ? answer.hits : [],
    searching: query !== '' && !current,
    error: current ? answer.error : null,
    answeredQuery: answer.q,
  };
}
