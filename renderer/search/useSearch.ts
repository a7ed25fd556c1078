// Search as you type: a light debounce, and only the answer to the latest query is ever shown
// (an earlier, slower query that answers last is ignored: each query has its own cache key).
// The hits refresh when the workbook changes, like every other query.
import { api } from '../api';
import { useDebounced } from '../app/useDebounced';
import { useApiWith } from '../data/useApi';

const DEBOUNCE_MS = 90;
const LIMIT = 50;

export function useSearch(q: string) {
  const query = q.trim();
  const asked = useDebounced(query, DEBOUNCE_MS);
  const payload = asked ? { q: asked, limit: LIMIT } : null;
  // The answer carries its query, so the panel can tell which words the hits it shows were for.
  const answer = useApiWith('search.query', payload, 'with-query', async () => ({ q: asked, hits: await api['search.query']({ q: asked, limit: LIMIT }) }), { keepPrevious: true });
  const current = query !== '' && asked === query && !answer.loading;
  return {
    /** The hits for the latest answered query (kept while the next one runs, to avoid flicker). */
    hits: query ? (answer.data?.hits ?? []) : [],
    searching: query !== '' && !current,
    error: current && answer.error ? answer.error.message : null,
    answeredQuery: answer.data?.q ?? '',
  };
}
