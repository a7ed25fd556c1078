import type { ReactNode } from 'react';
import type { AnyRecord } from '../records/recordApi';

export interface Column {
  field: string;
  header: string;
  /** A CSS grid track, e.g. 'minmax(200px, 2fr)' or '110px'. */
  width: string;
  /** Its minimum width in pixels, for the table's horizontal scroll. */
  minWidth: number;
  align?: 'start' | 'end';
  sortable: boolean;
  render(row: AnyRecord, labels: Record<string, string>): ReactNode;
}

export interface Sort {
  field: string;
  dir: 'asc' | 'desc';
}
