// A vendor's checklists in the report, with the proof behind each item: who owns it, its status
// (and why it is blocked), the evidence note and files, and who signed it off when. "Done" with
// nothing recorded says so, so a reader sees which items rest on someone's word alone.
import { ITEM_STATUS_LABEL, PHASES, type ItemStatus, type PhaseIndex } from '../../../shared/checklists';
import type { Block, ReportInput } from './report';
import { reportChecklists, reportItems, reportPhaseCounts } from '../store/reportRows';
import { columns, fileSpans, parseFiles, type Cell, type Row, type Span } from './report-cells';

const COLUMNS = columns(['Item', 26], ['Owner', 12], ['Due', 12, true], ['Status', 15], ['Evidence', 22], ['Signed off', 13]);

const offsetText = (offset: number | null) => (offset == null ? '' : offset === 0 ? 'T' : offset < 0 ? `T−${-offset}` : `T+${offset}`);

/** The evidence note (its lines kept) with the files under it; a done item without any says so. */
function evidenceCell(status: ItemStatus, note: string, files: Span[][]): Cell {
  const lines: Span[][] = note.split(/\r\n|\r|\n/).map((l) => l.trim()).filter(Boolean).map((l) => [l]);
  if (lines.length > 0 || files.length > 0) return { lines, detail: files };
  return status === 'done' ? { none: 'None recorded' } : '';
}

export function* checklistBlocks(input: ReportInput, vendorId: string, level: 2 | 3): Generator<Block> {
  const { db } = input;
  const checklists = reportChecklists(db, vendorId);
  if (checklists.length === 0) {
    yield { t: 'heading', level, text: 'Checklists (0)', page: true };
    yield { t: 'p', text: 'No checklist yet.' };
    return;
  }
  for (const c of checklists) {
    yield { t: 'heading', level, text: `Checklist: ${c.name}`, page: true };
    yield { t: 'p', text: `${c.done} of ${c.total} items done${c.template ? ` (from the template “${c.template}”)` : ''}; not-applicable items are not counted.` };
    const phases = new Map((reportPhaseCounts(db, c.id) as [PhaseIndex, number, number][]).map(([p, d, t]) => [p, { d, t }]));
    yield {
      t: 'table', columns: COLUMNS, empty: 'No items.',
      rows: function* (): Generator<Row> {
        let phase: number | null = null;
        for (const i of reportItems(db, c.id)) {
          const [p, title, owner, due, offset, status, reason, note, files, signer, signedAt] =
            i as [PhaseIndex, string, string | null, string | null, number | null, ItemStatus, string, string, string, string | null, string | null];
          if (p !== phase) {
            phase = p;
            const n = phases.get(p);
            yield { group: `${PHASES[p]?.label ?? `Phase ${p}`}${n ? ` — ${n.d} of ${n.t} done` : ''}` };
          }
          yield [
            title, owner ?? '', due ?? offsetText(offset),
            `${ITEM_STATUS_LABEL[status] ?? status}${status === 'blocked' && reason ? `: ${reason}` : ''}`,
            evidenceCell(status, note, parseFiles(files).map((f) => fileSpans(f, input.attachmentsIncluded))),
            signer ? { lines: [[signer]], detail: signedAt ? [[signedAt.slice(0, 10)]] : [] } : '',
          ];
        }
      },
    };
  }
}
