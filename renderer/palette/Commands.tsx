// Runs the app's commands, wherever they come from: their shortcuts (on both faces), the desktop
// menu (one channel of command names, shared/commands.ts) and the command palette. Holds the
// dialogs they open: the palette, Settings, Help's pages and New record.
import { useCallback, useEffect, useState } from 'react';
import { commandOfKey, type CommandName } from '../../shared/commands';
import { type RecordKind } from '../../shared/records';
import { onCommand } from '../api';
import { navigate, parseHash, routeOfRecord, useRoute } from '../app/router';
import { useAppStore } from '../app/store';
import { runHistory, runHistoryCommand } from '../app/undoKeys';
import { useKeyLegend } from '../checklists/KeyLegend';
import { useApi } from '../data/useApi';
import { RecordDialog } from '../forms/RecordDialog';
import { SettingsDialog } from '../settings/SettingsDialog';
import { toastError } from '../ui/toasts';
import { useTheme } from '../settings/theme';
import { paletteActions } from './actions';
import { CommandPalette } from './CommandPalette';
import { AboutDialog, PackFormatDialog, ShortcutsDialog } from './HelpDialogs';
import { isMac } from './keys';
import { printReportOf } from './printReport';

type Open =
  | { kind: 'palette' | 'settings' | 'about' | 'packFormat' | 'shortcuts' }
  | { kind: 'new'; record: RecordKind; vendorId?: string }
  | null;

/** The mounted Commands' runner, for buttons elsewhere in the frame (the sidebar's Settings). */
let runner: ((name: CommandName) => void) | null = null;

export function runCommand(name: CommandName): void {
  runner?.(name);
}

/** Print report prints what is in view: the vendor's report inside a vendor, else all vendors'. */
function printInView(): void {
  const route = parseHash(window.location.hash);
  const scope = route.name === 'vendor' ? { vendorIds: [route.vendorId] } : { all: true as const };
  printReportOf(scope, !!useAppStore.getState().info?.canPrintToPdf)
    .then((problem) => problem && toastError(new Error(problem)))
    .catch(toastError);
}

export function Commands({ onSearch }: { onSearch(): void }) {
  const route = useRoute();
  const [open, setOpen] = useState<Open>(null);
  const theme = useTheme((s) => s.theme);
  const setTheme = useTheme((s) => s.setTheme);
  const legendShown = useKeyLegend((s) => s.shown);
  const toggleLegend = useKeyLegend((s) => s.toggle);
  const close = () => setOpen(null);
  // Undo and Redo say what they would take back, as the desktop's Edit menu does.
  const history = useApi('history.state', {});

  const run = useCallback(
    (name: CommandName) => {
      switch (name) {
        case 'palette.open':
          return setOpen({ kind: 'palette' });
        case 'vendor.new':
          return setOpen({ kind: 'new', record: 'vendor' });
        case 'pack.export':
          return navigate({ name: 'packs', part: 'export' });
        case 'report.print':
          // Other choices (several vendors, sensitive fields left out) are on the Export panel.
          return printInView();
        case 'search.open':
          setOpen(null);
          return onSearch();
        case 'settings.open':
          return setOpen({ kind: 'settings' });
        case 'upcoming.open':
          return navigate({ name: 'upcoming' });
        case 'help.about':
          return setOpen({ kind: 'about' });
        case 'help.packFormat':
          return setOpen({ kind: 'packFormat' });
        case 'help.shortcuts':
          return setOpen({ kind: 'shortcuts' });
        case 'history.undo':
          return runHistoryCommand('undo');
        case 'history.redo':
          return runHistoryCommand('redo');
      }
    },
    [onSearch],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const name = commandOfKey(e, isMac);
      if (!name) return;
      // Taken here, the press never reaches the desktop menu, so the command runs once.
      e.preventDefault();
      run(name);
    };
    window.addEventListener('keydown', onKey);
    const unsubscribe = onCommand(run);
    runner = run;
    return () => {
      window.removeEventListener('keydown', onKey);
      unsubscribe();
      if (runner === run) runner = null;
    };
  }, [run]);

  const actions = paletteActions({
    route,
    run,
    go: (to) => navigate(to),
    newRecord: (record, vendorId) => setOpen({ kind: 'new', record, vendorId }),
    theme,
    setTheme,
    legendShown,
    toggleLegend,
    history: (step) => void runHistory(step),
    historyState: history.data ?? null,
  });

  return (
    <>
      <CommandPalette isOpen={open?.kind === 'palette'} onClose={close} actions={actions} />
      <SettingsDialog isOpen={open?.kind === 'settings'} onClose={close} />
      <AboutDialog isOpen={open?.kind === 'about'} onClose={close} />
      <PackFormatDialog isOpen={open?.kind === 'packFormat'} onClose={close} />
      <ShortcutsDialog isOpen={open?.kind === 'shortcuts'} onClose={close} />
      {open?.kind === 'new' && (
        <RecordDialog
          key={`new.${open.record}`}
          kind={open.record}
          record={null}
          labels={{}}
          vendorId={open.vendorId}
          onClose={(saved) => {
            close();
            if (saved) navigate(routeOfRecord(open.record, saved.id, open.vendorId ?? null));
          }}
        />
      )}
    </>
  );
}
