// The Packs screen: Export, Verify and Import, one tab each (#/packs, #/packs/verify,
// #/packs/import). The three parts stay mounted while the screen is open, so switching tabs keeps
// an export's progress, a verify result or an import preview where they were.
import { useEffect } from 'react';
import { navigate, type PackPart } from '../app/router';
import { useInfo } from '../app/store';
import { Tabs } from '../ui/Tabs';
import { ExportPanel } from './ExportPanel';
import { clearExport, useExport } from './exportJob';
import { ImportPanel } from './ImportPanel';
import { VerifyPanel } from './VerifyPanel';

const TABS: { id: PackPart; label: string }[] = [
  { id: 'export', label: 'Export' },
  { id: 'verify', label: 'Verify' },
  { id: 'import', label: 'Import' },
];

export function PacksScreen({ part }: { part: PackPart }) {
  const info = useInfo();
  const browser = !info?.canPickFiles;

  useEffect(() => {
    useExport.setState((s) => ({ watching: s.watching + 1 }));
    return () => {
      useExport.setState((s) => ({ watching: s.watching - 1 }));
      // The browser face's finished pack is only reachable through this screen's download link.
      if (browser) void clearExport();
    };
  }, [browser]);

  return (
    <div className="page page-packs">
      <header className="page-header">
        <h1>Packs</h1>
        <span className="muted page-summary">Transition packs: export them, check them, merge them into this workbook.</span>
      </header>
      <Tabs
        label="Packs"
        idPrefix="packs"
        tabs={TABS}
        selected={part}
        onSelect={(id) => navigate({ name: 'packs', part: id }, { replace: true })}
        panelClassName="tab-panel pack-panel"
      >
        <div hidden={part !== 'export'}>
          <ExportPanel />
        </div>
        <div hidden={part !== 'verify'}>
          <VerifyPanel />
        </div>
        <div hidden={part !== 'import'}>
          <ImportPanel />
        </div>
      </Tabs>
    </div>
  );
}
