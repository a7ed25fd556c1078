// How the desktop prints the report to PDF: A4, backgrounds on (the readiness bars, the key-date
// boxes), and on every page a header naming the report and its date and a footer with the page
// number. Chromium's printer draws those from templates (CSS margin boxes are the page's own way,
// which the report leaves out when it is printed here), in margins the templates fit in.
import type { PrintToPDFOptions } from 'electron';

/** What every page names: the report ("Exit report — Northwind") and the day it speaks for. */
export interface RunningHeader {
  title: string;
  date: string;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

// The templates are laid out in the page margin with no style of their own: a size and colour are required.
const LINE = 'font-family: system-ui, sans-serif; font-size: 10px; color: #5b6475; width: 100%; margin: 0 14mm; display: flex; justify-content: space-between;';

/** Millimetres in the inches printToPDF takes its margins in. */
const mm = (n: number) => n / 25.4;

export function pdfOptions(running: RunningHeader): PrintToPDFOptions {
  return {
    pageSize: 'A4',
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: `<div style="${LINE}"><span>${escape(running.title)}</span><span>As of ${escape(running.date)}</span></div>`,
    footerTemplate: `<div style="${LINE}"><span>Handover Workbook</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`,
    margins: { top: mm(16), bottom: mm(16), left: mm(14), right: mm(14) },
    // Bookmarks from the headings: the vendor's sections in the PDF reader's side bar.
    generateDocumentOutline: true,
  };
}
