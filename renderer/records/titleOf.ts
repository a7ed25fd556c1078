import { TITLE_FIELD, type RecordKind } from '../../shared/records';
import type { AnyRecord } from './recordApi';

/** The record's name as people read it (a vendor's name, a licence's product, …). */
export function titleOf(kind: RecordKind, record: AnyRecord | null | undefined): string {
  const v = record?.[TITLE_FIELD[kind]];
  return typeof v === 'string' && v ? v : 'Untitled';
}
