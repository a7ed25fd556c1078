// What a worksheet's cells refer to, read from the workbook's other parts: the sheets' names and
// files (xl/workbook.xml and its rels), the date system, the shared strings and which cell
// styles are dates (xl/styles.xml). Each is handlers for xlsx-xml's streamed parse.
import { isDateFormat } from './xlsx-dates';
import { prefixedAttr, StringItem, type XmlHandlers } from './xlsx-xml';

export interface WorkbookSheet {
  name: string;
  rid: string | undefined;
}

export interface WorkbookPart {
  sheets: WorkbookSheet[];
  date1904: boolean;
}

const isTrue = (v: string | undefined) => v === '1' || v === 'true';

export function workbookHandlers(into: WorkbookPart): XmlHandlers {
  return {
    open(name, attrs) {
      if (name === 'workbookPr') into.date1904 = isTrue(attrs.date1904);
      else if (name === 'sheet' && attrs.name !== undefined) into.sheets.push({ name: attrs.name, rid: prefixedAttr(attrs, 'id') });
    },
  };
}

export interface Relationship {
  target: string;
  /** The last segment of the relationship type: "worksheet", "sharedStrings", "styles"… */
  kind: string;
}

/** A workbook relationship's target as a zip entry name (targets are relative to xl/ unless absolute). */
const entryName = (target: string) => (target.startsWith('/') ? target.slice(1) : `xl/${target}`);

export function relsHandlers(into: Map<string, Relationship>): XmlHandlers {
  return {
    open(name, attrs) {
      if (name !== 'Relationship' || !attrs.Id || !attrs.Target || attrs.TargetMode === 'External') return;
      into.set(attrs.Id, { target: entryName(attrs.Target), kind: (attrs.Type ?? '').split('/').at(-1)! });
    },
  };
}

export function sharedStringsHandlers(into: string[]): XmlHandlers {
  const item = new StringItem();
  let inItem = false;
  return {
    open(name) {
      if (name === 'si') { inItem = true; item.reset(); } else if (inItem) item.open(name);
    },
    close(name) {
      if (name === 'si') { inItem = false; into.push(item.text); } else if (inItem) item.close(name);
    },
    text(t) {
      if (inItem) item.add(t);
    },
  };
}

/** Per cell style (the cell's s="N", an index into <cellXfs>): whether it shows a date. */
export function stylesHandlers(into: boolean[]): XmlHandlers {
  const custom = new Map<number, string>();
  const formats: number[] = [];
  let inCellXfs = false;
  return {
    open(name, attrs) {
      if (name === 'numFmt' && attrs.numFmtId !== undefined) custom.set(Number(attrs.numFmtId), attrs.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) formats.push(Number(attrs.numFmtId ?? 0));
    },
    close(name) {
      if (name !== 'cellXfs') return;
      inCellXfs = false;
      // <numFmts> comes before <cellXfs> in the schema, but the formats are resolved only now all are known.
      for (const id of formats) into.push(isDateFormat(id, custom));
    },
  };
}
