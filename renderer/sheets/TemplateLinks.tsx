// "Download blank template": a sheet with this kind's headers and allowed values, as CSV or XLSX,
// made by the backend. The browser face downloads it through its route (/sheets/template/…); on
// the desktop the backend asks where to save it in the native save dialog and the toast says where.
import { useState } from 'react';
import type { SheetKind } from '../../shared/sheets';
import { api } from '../api';
import { deliverFile } from '../packs/transfer';
import { toastError } from '../ui/toasts';

const FORMATS = [
  { format: 'csv', label: 'CSV' },
  { format: 'xlsx', label: 'Excel' },
] as const;

export function TemplateLinks({ kind, what }: { kind: SheetKind; what: string }) {
  const [busy, setBusy] = useState(false);
  const download = async (format: 'csv' | 'xlsx') => {
    setBusy(true);
    try {
      const made = await api['sheets.template']({ kind, format });
      deliverFile(made, (path) => `Blank template saved as ${path}`);
    } catch (e) {
      toastError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <p className="sheet-templates">
      <span className="muted">Starting from nothing? Download a blank template with the headers and the allowed values:</span>
      {FORMATS.map(({ format, label }) => (
        <button
          key={format}
          type="button"
          className="button button-small"
          disabled={busy}
          aria-label={`Download blank ${what} template (${label})`}
          onClick={() => void download(format)}
        >
          {label} template
        </button>
      ))}
    </p>
  );
}
