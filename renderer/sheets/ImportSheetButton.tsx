// The "Import from spreadsheet" button of a records screen, with the import dialog it opens.
import { useState } from 'react';
import type { RecordKind } from '../../shared/records';
import { SHEET_KIND_RECORD, SHEET_KINDS, type SheetKind } from '../../shared/sheets';
import { SheetImportDialog } from './SheetImportDialog';

const SHEET_KIND_OF = Object.fromEntries(SHEET_KINDS.map((k) => [SHEET_KIND_RECORD[k], k])) as Partial<Record<RecordKind, SheetKind>>;

interface Props {
  kind: RecordKind;
  vendorId?: string;
  className?: string;
  /** The button's words, where "Import from spreadsheet" would not say enough (an empty screen). */
  label?: string;
}

export function ImportSheetButton({ kind, vendorId, className = 'button', label = 'Import from spreadsheet' }: Props) {
  const [open, setOpen] = useState(false);
  const sheetKind = SHEET_KIND_OF[kind];
  // Notices served are not read from sheets: no button for them.
  if (!sheetKind) return null;
  return (
    <>
      <button type="button" className={className} onClick={() => setOpen(true)}>
        {label}
      </button>
      {open && <SheetImportDialog kind={sheetKind} vendorId={vendorId} onClose={() => setOpen(false)} />}
    </>
  );
}
