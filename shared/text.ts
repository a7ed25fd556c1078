// Text that is not well-formed Unicode (a lone UTF-16 surrogate, which JSON's "\ud800" escape can
// carry) cannot be stored: SQLite would keep bytes that strict readers refuse to decode, and a pack
// or CSV written from it would be damaged. Every input is checked once, naming the field.
import type { FieldIssue } from './errors';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const MALFORMED_TEXT_MESSAGE = 'contains text that is not well-formed Unicode (a lone surrogate); retype or paste it again';

export function isWellFormedText(s: string): boolean {
  return !LONE_SURROGATE.test(s);
}

/** The first string in a value (objects, arrays) that is not well-formed, as a field issue; or null. */
export function malformedText(value: unknown, path: string[] = []): FieldIssue | null {
  if (typeof value === 'string') {
    return isWellFormedText(value) ? null : { field: path.join('.') || '(input)', message: MALFORMED_TEXT_MESSAGE };
  }
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = malformedText(value[i], [...path, String(i)]);
      if (found) return found;
    }
    return null;
  }
  for (const [key, v] of Object.entries(value)) {
    if (!isWellFormedText(key)) return { field: [...path, '(a field name)'].join('.'), message: MALFORMED_TEXT_MESSAGE };
    const found = malformedText(v, [...path, key]);
    if (found) return found;
  }
  return null;
}
