// The XML of a workbook's parts, parsed with saxes as the zip entry streams by: nothing holds a
// part whole, so a large sheet costs only what its rows become. Element names are compared without
// their prefix (some writers use "x:c" for "c").
import { SaxesParser } from 'saxes';

export interface XmlHandlers {
  open?(name: string, attrs: Record<string, string>): void;
  close?(name: string): void;
  text?(text: string): void;
}

export const localName = (name: string): string => {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
};

/** An attribute by its local name, whatever prefix the writer gave it ("r:id", "ns2:id"). */
export function prefixedAttr(attrs: Record<string, string>, local: string): string | undefined {
  for (const [k, v] of Object.entries(attrs)) if (k.includes(':') && localName(k) === local) return v;
  return undefined;
}

/** A sink for an entry's bytes that feeds the parser; `end` finishes it (and throws if the XML is cut short). */
export function xmlSink(h: XmlHandlers): { write(chunk: Buffer): void; end(): void } {
  const parser = new SaxesParser();
  if (h.open) parser.on('opentag', (tag) => h.open!(localName(tag.name), tag.attributes as Record<string, string>));
  if (h.close) parser.on('closetag', (tag) => h.close!(localName(tag.name)));
  if (h.text) {
    parser.on('text', h.text);
    parser.on('cdata', h.text);
  }
  const decoder = new TextDecoder('utf-8');
  return {
    write: (chunk) => { parser.write(decoder.decode(chunk, { stream: true })); },
    end: () => { parser.write(decoder.decode()); parser.close(); },
  };
}

/**
 * Text collected from <t> elements inside a string item (<si> of the shared strings, <is> of an
 * inline string): plain or rich text runs joined, phonetic guides (<rPh>) left out as Excel shows them.
 */
export class StringItem {
  private phonetic = 0;
  private inT = false;
  text = '';

  open(name: string): void {
    if (name === 'rPh') this.phonetic++;
    else if (name === 't' && this.phonetic === 0) this.inT = true;
  }

  close(name: string): void {
    if (name === 'rPh') this.phonetic--;
    else if (name === 't') this.inT = false;
  }

  add(text: string): void {
    if (this.inT) this.text += text;
  }

  reset(): void {
    this.phonetic = 0;
    this.inT = false;
    this.text = '';
  }
}
