// The pieces the report's tables are made of, shared by the sections that fill them
// (report.ts, report-checklists.ts, report-inventory.ts) and the two renderers.
import { enumLabel } from '../../../shared/enums';
import { attachmentName } from './format';

/** Text, or a link. */
export type Span = string | { text: string; href: string };

/**
 * A table cell: one span, or lines of spans. `detail` lines are secondary (a repository's URL
 * under its name, the date under who signed off) and read smaller. `none` says that something
 * expected is missing ("None recorded").
 */
export type Cell = Span | { lines: Span[][]; detail?: Span[][] } | { none: string };

/** A row of cells, or a row naming the group the rows after it belong to (a checklist's phase). */
export type Row = Cell[] | { group: string };

/**
 * A column and its share of the table's width in per cent: tables are laid out to fit the page.
 * `nowrap` keeps its values on one line (dates, sizes); its width must fit them.
 */
export interface Column {
  label: string;
  width: number;
  nowrap?: boolean;
}

/** Columns from [label, width] pairs; a third element true keeps the values on one line. */
export const columns = (...c: [string, number, true?][]): Column[] => c.map(([label, width, nowrap]) => (nowrap ? { label, width, nowrap } : { label, width }));

/** A value, with a secondary line under it when there is one. */
export const withDetail = (main: string, detail: string): Cell => (detail ? { lines: [[main]], detail: [[detail]] } : main);

export const REDACTED = '[redacted]';

export const label = (v: unknown) => enumLabel(v as string | null);
export const link = (url: string): Span => (/^https?:\/\/\S+$/i.test(url) ? { text: url, href: url } : url);

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
}

/** An attached file as the report lists it (the link's name, the stored file's name, size and hash). */
export interface AttachedFile {
  name: string;
  storedName: string;
  size: number;
  sha256: string;
}

export const parseFiles = (json: unknown): AttachedFile[] => (typeof json === 'string' ? (JSON.parse(json) as AttachedFile[]) : []);

/**
 * An attached file's name: a link to its copy in the pack when the pack carries the files
 * (relative, so it opens from the unpacked folder), its bare name otherwise. Its size follows.
 */
export function fileSpans(f: AttachedFile, included: boolean): Span[] {
  return [included ? { text: f.name, href: attachmentName(f.sha256, f.storedName) } : f.name, ` (${formatBytes(f.size)})`];
}
