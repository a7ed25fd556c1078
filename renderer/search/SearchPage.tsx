// The Search page: the same search as the Ctrl/Cmd+K dialog, with the query kept in the URL.
import type { SearchHit } from '../../shared/contract';
import { navigate, routeOfHit } from '../app/router';
import { SearchPanel } from './SearchPanel';

export function SearchPage({ q }: { q: string }) {
  const jump = (hit: SearchHit) => navigate(routeOfHit(hit));
  return (
    <div className="page page-search">
      <header className="page-header">
        <h1>Search</h1>
        <span className="spacer" />
        <span className="muted">
          Tip: <kbd>Ctrl</kbd> <kbd>K</kbd> searches from anywhere
        </span>
      </header>
      <SearchPanel q={q} onQChange={(next) => navigate({ name: 'search', q: next }, { replace: true })} onJump={jump} autoFocus />
    </div>
  );
}
