import { useApi } from '../data/useApi';
import { baseName } from '../format';
import { runCommand } from '../palette/Commands';
import { shortcutOf } from '../palette/keys';
import type { Route } from './router';
import { useInfo } from './store';
import { UserName } from './UserName';
import { ViewingAs } from './ViewingAs';

/** How far ahead the Upcoming link's count (and the desktop's notifications) look. */
const SOON_DAYS = 7;

export const SEARCH_SHORTCUT = shortcutOf('search.open') ?? '';

function NavLink({ href, current, children, hint, count }: { href: string; current: boolean; children: string; hint?: string; count?: { n: number; what: string } }) {
  return (
    <li>
      <a href={href} className="nav-link" aria-current={current ? 'page' : undefined}>
        <span>{children}</span>
        {count && count.n > 0 && (
          <>
            <span className="nav-count" aria-hidden="true">{count.n}</span>
            <span className="visually-hidden">({count.n} {count.what})</span>
          </>
        )}
        {hint && (
          <kbd className="nav-hint" aria-hidden="true">
            {hint}
          </kbd>
        )}
      </a>
    </li>
  );
}

export function Sidebar({ route }: { route: Route }) {
  const info = useInfo();
  const file = info ? baseName(info.workbookPath) : '';
  // What falls due within a week shows on the Upcoming link (the browser face's notification), unless turned off in Settings.
  const notify = info?.deadlineNotifications ?? false;
  const soon = useApi('deadlines.list', notify ? { days: SOON_DAYS } : null).data?.length;
  return (
    <nav className="sidebar" aria-label="Main">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        Handover Workbook
      </div>
      <ul className="nav-list">
        <NavLink href="#/" current={route.name === 'dashboard'}>
          Dashboard
        </NavLink>
        <NavLink href="#/vendors" current={route.name === 'vendors' || route.name === 'vendor'}>
          Vendors
        </NavLink>
        <NavLink href="#/tasks" current={route.name === 'tasks'}>
          My tasks
        </NavLink>
        <NavLink href="#/upcoming" current={route.name === 'upcoming'} count={!notify || soon === undefined ? undefined : { n: soon, what: `due within ${SOON_DAYS} days or overdue` }}>
          Upcoming
        </NavLink>
        <NavLink href="#/templates" current={route.name === 'templates'}>
          Templates
        </NavLink>
        <NavLink href="#/people" current={route.name === 'people'}>
          People
        </NavLink>
        <NavLink href="#/packs" current={route.name === 'packs'}>
          Packs
        </NavLink>
        <NavLink href="#/search" current={route.name === 'search'} hint={SEARCH_SHORTCUT}>
          Search
        </NavLink>
      </ul>
      <div className="sidebar-footer">
        <div className="workbook-file" title={info?.workbookPath}>
          <span className="sidebar-label">Workbook</span>
          <span className="workbook-name">{file}</span>
        </div>
        <UserName />
        <ViewingAs anchor hint="Whose items “Mine” and “My tasks” show" />
        <div className="sidebar-commands">
          <button type="button" className="button button-quiet button-small" onClick={() => runCommand('settings.open')} title={shortcutOf('settings.open')}>
            Settings
          </button>
          <button type="button" className="button button-quiet button-small" onClick={() => runCommand('palette.open')} title={shortcutOf('palette.open')}>
            Commands
          </button>
        </div>
      </div>
    </nav>
  );
}
