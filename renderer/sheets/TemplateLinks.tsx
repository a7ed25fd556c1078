// "Download blank template": a sheet with this kind's headers and allowed values, as CSV or XLSX,
// made by the backend. The browser face downloads it through its route (/sheets/template/…); on
// the desktop the backend asks where to save it in the native save dialog and the toast says where.
import { useState } from 'react';
import type { SheetKind } from '../../shared/sheets';
import { api, isDesktop } from '../api';
import { downloadHref } from '../packs/transfer';
import { toast, toastError } from '../ui/toasts';

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
      if (isDesktop || !made.downloadPath) {
        // An empty path: the save dialog was cancelled.
        if (made.path) toast(`Blank template saved as ${made.path}`);
        return;
      }
      const link = document.createElement('a');
      link.href = downloadHref(made.downloadPath);
      link.download = made.fileName;
      document.body.append(link);
      link.click();
      link.remove();
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
