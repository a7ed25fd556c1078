// The app's root: loads the workbook's info, shows a full-page error when the backend refuses us
// or is gone, reloads everything when the desktop shell switches workbooks.
import { useEffect } from 'react';
import { onWorkbookChanged, setUnauthorizedHandler } from '../api';
import { useApi } from '../data/useApi';
import { FatalError } from './FatalError';
import { navigate } from './router';
import { Shell } from './Shell';
import { installUndoKeys } from './undoKeys';
import { useAppStore } from './store';
import { useViewerStore } from './viewer';

setUnauthorizedHandler(() => useAppStore.getState().setFatal({ kind: 'auth' }));

export function App() {
  const fatal = useAppStore((s) => s.fatal);
  const info = useAppStore((s) => s.info);
  const workbook = useAppStore((s) => s.workbook);
  // Refreshed by the change events of vendors, people and settings: `empty` flips once the first record exists.
  const loaded = useApi('app.info', {});

  useEffect(() => {
    if (!loaded.data) return;
    useAppStore.getState().setInfo(loaded.data);
    useViewerStore.getState().load(loaded.data.workbookId);
  }, [loaded.data]);

  useEffect(
    () =>
      onWorkbookChanged(() => {
        // Another workbook: nothing on screen (ids, tabs, open dialogs) means anything in it.
        navigate({ name: 'dashboard' }, { replace: true });
        useAppStore.getState().workbookSwitched();
      }),
    [],
  );

  useEffect(() => installUndoKeys(), []);

  if (fatal) return <FatalError fatal={fatal} />;
  if (!info && loaded.error) return <FatalError fatal={{ kind: 'unreachable', message: loaded.error.message }} />;
  if (!info) return <div className="boot" aria-busy="true">Opening the workbook…</div>;
  return <Shell key={workbook} />;
}
