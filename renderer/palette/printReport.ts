// Printing the readiness report: to a PDF file the desktop saves (native dialog), or through the
// browser's print in a window of its own. One piece for the Export panel's button and the
// Print report command (Ctrl/Cmd+P, the File menu, the palette).
import type { InputOf } from '../../shared/contract';
import { api } from '../api';
import { printHtml } from '../packs/transfer';
import { toast } from '../ui/toasts';

export const POPUP_BLOCKED = 'The browser blocked the report’s window. Allow pop-ups for this page and try again.';

/** Prints the report of `scope`; resolves to a problem to show, or null. API errors are thrown. */
export async function printReportOf(scope: InputOf<'report.html'>, toPdf: boolean): Promise<string | null> {
  if (toPdf) {
    const { path } = await api['report.printToPdf'](scope);
    if (path) toast(`Report saved: ${path}`);
    return null;
  }
  const { html } = await api['report.html'](scope);
  return printHtml(html) ? null : POPUP_BLOCKED;
}
