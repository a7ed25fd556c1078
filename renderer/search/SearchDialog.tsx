// Search from anywhere: Ctrl+K (Cmd+K on a Mac) opens this dialog; Enter jumps to the record.
import { useState } from 'react';
import type { SearchHit } from '../../shared/contract';
import { navigate, routeOfHit } from '../app/router';
import { AppDialog } from '../ui/Dialog';
import { SearchPanel } from './SearchPanel';

export function SearchDialog({ isOpen, onClose }: { isOpen: boolean; onClose(): void }) {
  const [q, setQ] = useState('');
  const jump = (hit: SearchHit) => {
    onClose();
    navigate(routeOfHit(hit));
  };
  return (
    <AppDialog title="Search" isOpen={isOpen} onClose={onClose} size="medium">
      <SearchPanel q={q} onQChange={setQ} onJump={jump} autoFocus />
    </AppDialog>
  );
}
