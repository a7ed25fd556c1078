// The window's frame: the sidebar, the current screen, the toasts, the search dialog that
// Ctrl/Cmd+K opens from anywhere, and the app's commands (shortcuts, menu, palette: palette/).
import { useCallback, useState } from 'react';
import { Dashboard } from '../dashboard/Dashboard';
import { PacksScreen } from '../packs/PacksScreen';
import { Commands } from '../palette/Commands';
import { PeopleScreen } from '../people/PeopleScreen';
import { SearchDialog } from '../search/SearchDialog';
import { SearchPage } from '../search/SearchPage';
import { MyTasks } from '../tasks/MyTasks';
import { Upcoming } from '../upcoming/Upcoming';
import { TemplatesScreen } from '../templates/TemplatesScreen';
import { Toasts } from '../ui/Toasts';
import { VendorList } from '../vendors/VendorList';
import { VendorWorkspace } from '../vendors/VendorWorkspace';
import { useRoute } from './router';
import { Sidebar } from './Sidebar';

export function Shell() {
  const route = useRoute();
  const [searching, setSearching] = useState(false);
  const openSearch = useCallback(() => setSearching(true), []);

  let screen;
  switch (route.name) {
    case 'vendor':
      screen = <VendorWorkspace key={route.vendorId} vendorId={route.vendorId} tab={route.tab} open={route.open} checklist={route.checklist ?? null} show={route.show ?? null} />;
      break;
    case 'vendors':
      screen = <VendorList />;
      break;
    case 'tasks':
      screen = <MyTasks />;
      break;
    case 'upcoming':
      screen = <Upcoming />;
      break;
    case 'templates':
      screen = <TemplatesScreen selectedId={route.id} />;
      break;
    case 'people':
      screen = <PeopleScreen open={route.open} />;
      break;
    case 'search':
      screen = <SearchPage q={route.q} />;
      break;
    case 'packs':
      screen = <PacksScreen part={route.part} />;
      break;
    default:
      screen = <Dashboard />;
  }

  return (
    <div className="app">
      <Sidebar route={route} />
      <main className="content" id="main">
        {screen}
      </main>
      <Toasts />
      <SearchDialog isOpen={searching} onClose={() => setSearching(false)} />
      <Commands onSearch={openSearch} />
    </div>
  );
}
