// The dry run's rows as a virtualised list (only the rows in view are in the DOM): the row number,
// its outcome, the record, and what changes or why it was refused, naming the refused cell's
// column.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { SheetRowAction } from '../../shared/sheets';
import { CellFix } from './CellFix';
import type { PreviewLine } from './previewLines';

const ACTION_WORDS: Record<SheetRowAction, string> = { add: 'Add', update: 'Update', unchanged: 'Unchanged', refused: 'Refused' };
const LINE_HEIGHT = 34;
const REFUSAL_HEIGHT = 24;
/** A refused cell's edit box under its reason (the rows are measured; this is the first guess). */
const FIX_HEIGHT = 32;

/** A refused cell's column as the fixes know it: its header, or null for a column that cannot be fixed here. */
export interface CellFixes {
  headerOf(column: string): string | null;
  /** The value typed in for the row's cell (by header), when there is one. */
  edited(row: number, header: string): string | undefined;
  /** Every cell of the row fixed by hand, as "B (Tier)" → value. */
  editsOf(row: number): { column: string; value: string }[];
  fix(row: number, header: string, value: string): void;
}

interface Props {
  lines: PreviewLine[];
  fieldLabel(field: string): string;
  fixes: CellFixes;
}

export function PreviewRows({ lines, fieldLabel, fixes }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // TanStack Virtual's instance is mutable by design; the compiler lint cannot memoize around it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: lines.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => LINE_HEIGHT + Math.max(0, lines[i]!.refusals.length - 1) * REFUSAL_HEIGHT + lines[i]!.refusals.length * FIX_HEIGHT,
    overscan: 8,
  });
  return (
    <div className="sheet-rows" role="table" aria-label="Dry run rows" aria-rowcount={lines.length + 1}>
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className="sheet-row sheet-row-head">
          <span role="columnheader">Row</span>
          <span role="columnheader">Outcome</span>
          <span role="columnheader">Record</span>
          <span role="columnheader">Details</span>
        </div>
      </div>
      {/* Focusable, so the keyboard can scroll it: its rows hold nothing else to focus. */}
      <div className="sheet-rows-scroll" ref={scrollRef} tabIndex={0}>
        <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((vi) => {
            const line = lines[vi.index]!;
            return (
              <div
                key={vi.key}
                role="row"
                aria-rowindex={vi.index + 2}
                data-index={vi.index}
                ref={virtualizer.measureElement}
                className={`sheet-row sheet-row-${line.action}`}
                style={{ transform: `translateY(${vi.start}px)` }}
              >
                <span role="cell" className="cell-mono">
                  {line.row || '—'}
                </span>
                <span role="cell" className={`pack-action sheet-action-${line.action}`}>
                  {ACTION_WORDS[line.action]}
                </span>
                <span role="cell" className="cell-text" title={line.title}>
                  {line.title || <span className="muted">—</span>}
                </span>
                <span role="cell" className="sheet-details">
                  {line.refusals.length > 0 ? (
                    <ul className="sheet-refusals">
                      {line.refusals.map((r, i) => {
                        const header = r.row > 0 ? fixes.headerOf(r.column) : null;
                        return (
                          <li key={i}>
                            <strong>{r.column || 'Row'}</strong>: {r.message}
                            {header !== null && <CellFix row={r.row} column={r.column} edited={fixes.edited(r.row, header)} onFix={(v) => fixes.fix(r.row, header, v)} />}
                          </li>
                        );
                      })}
                    </ul>
                  ) : (
                    <>
                      {line.changed.length > 0 && <span className="muted">Changes {line.changed.map(fieldLabel).join(', ')}</span>}
                      {fixes.editsOf(line.row).map((e) => (
                        <span key={e.column} className="sheet-edited">
                          Edited {e.column}: “{e.value}”
                        </span>
                      ))}
                    </>
                  )}
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
