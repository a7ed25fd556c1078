// The plain-language sentence under each readiness part. A part's "done of total" are weight
// points (a knowledge-transfer item counts 2, a close item ½), so "6 of 67" for a 44-item
// checklist is right but unreadable on its own: the sentence says what is counted, how it is
// weighted, and gives both the record counts and the points. Every face shows it as is.

/** The records behind a part, unweighted. */
export interface PartRecords {
  /** Records that count in full (items done, processes signed off, repositories verified …). */
  done: number;
  /** Records that count half (repositories transferred but not verified, documents published but not reviewed). */
  half: number;
  /** Records counted. */
  total: number;
  /** Records left out of the part (not-applicable items, obsolete documents). */
  leftOut: number;
}

export interface PartFacts {
  key: 'checklist' | 'processes' | 'repositories' | 'licences' | 'documents' | 'access' | 'data' | 'infrastructure';
  done: number;
  total: number;
  records: PartRecords;
  /** The multipliers that applied, e.g. [['set-up', 1], ['knowledge transfer', 2]]: only those present. */
  weighting: [string, number][];
  /** The records that do not count yet, by what they lack (the register parts): e.g. [['still active', 3]]. */
  missing?: [string, number][];
}

/** How the parts make the score, said once beside the parts on every face. */
export const READINESS_RULE = 'Each part counts by its weight (out of 100); parts with nothing to measure drop out and the others scale up to fill the score.';

const numberFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
// Small whole numbers read the same either way, and String is far cheaper than Intl: the
// dashboard explains five parts for each of a thousand vendors.
const num = (n: number) => (Number.isInteger(n) && n >= 0 && n < 1000 ? String(n) : numberFormat.format(n));
const many = (n: number, one: string, several: string) => `${num(n)} ${n === 1 ? one : several}`;
const factor = (w: number) => (w === 0.5 ? '½' : num(w));
const weights = (ws: [string, number][]) => ws.map(([name, w]) => `${name} ×${factor(w)}`).join(', ');
/** Why nothing counts although records exist: "the only item is …", "all 3 items are …". */
const allLeftOut = (n: number, noun: string, why: string) => (n === 1 ? `the only ${noun} is ${why}` : `all ${num(n)} ${noun}s are ${why}`);

/** What the records not counting yet lack: "; missing: 3 still active, 1 scheduled". */
const missing = (f: PartFacts) => (f.missing?.length ? `; missing: ${f.missing.map(([why, n]) => `${num(n)} ${why}`).join(', ')}` : '');

/**
 * What is counted and how it is weighted, with the counts and the weight points. It follows the
 * part's label ("Checklist items done"), so it does not repeat it.
 */
export function explainPart(f: PartFacts): string {
  const { records: r } = f;
  const points = `${num(f.done)} of ${num(f.total)} weight points`;
  const rest = r.total - r.done - r.half;
  switch (f.key) {
    case 'checklist': {
      if (r.total === 0) return `Nothing to measure: ${r.leftOut ? allLeftOut(r.leftOut, 'item', 'not applicable') : 'no checklist items yet'}.`;
      const left = r.leftOut ? `; ${many(r.leftOut, 'item', 'items')} not applicable, left out` : '';
      return `Weighted by phase: ${points} (${num(r.done)} of ${many(r.total, 'item', 'items')} done; ${weights(f.weighting)}${left}).`;
    }
    case 'processes':
      if (r.total === 0) return 'Nothing to measure: no processes yet.';
      return `Weighted by criticality: ${points} (${num(r.done)} of ${many(r.total, 'process', 'processes')} signed off; ${weights(f.weighting)}).`;
    case 'repositories': {
      if (r.total === 0) return 'Nothing to measure: no repositories yet.';
      const parts = [`${num(r.done)} verified`, r.half && `${num(r.half)} transferred but not yet verified`, rest && `${num(rest)} not transferred yet`];
      return `Verified counts 1 point, transferred but not yet verified ½: ${num(f.done)} of ${num(f.total)} points (${parts.filter(Boolean).join(', ')}; ${many(r.total, 'repository', 'repositories')}).`;
    }
    case 'licences':
      if (r.total === 0) return 'Nothing to measure: no licences yet.';
      return `Novated, re-procured, lapsed, or licensed to us already, 1 point each: ${num(r.done)} of ${many(r.total, 'licence', 'licences')}.`;
    case 'documents': {
      if (r.total === 0) return `Nothing to measure: ${r.leftOut ? allLeftOut(r.leftOut, 'document', 'obsolete') : 'no documents yet'}.`;
      const parts = [`${num(r.done)} published and reviewed`, r.half && `${num(r.half)} published but not yet reviewed`, rest && `${num(rest)} draft or missing`];
      const left = r.leftOut ? `, ${num(r.leftOut)} obsolete left out` : '';
      return `Reviewed counts 1 point, published but not yet reviewed ½: ${num(f.done)} of ${num(f.total)} points (${parts.filter(Boolean).join(', ')}; ${many(r.total, 'document', 'documents')}${left}).`;
    }
    case 'access':
      if (r.total === 0) return 'Nothing to measure: no access or credentials recorded yet.';
      return `Revoked, rotated or transferred and verified, 1 point each: ${num(r.done)} of ${many(r.total, 'access record', 'access records')}${missing(f)}.`;
    case 'data':
      if (r.total === 0) return 'Nothing to measure: no data sets recorded yet.';
      return `Returned, with its deletion certificate where deletion is required, 1 point each: ${num(r.done)} of ${many(r.total, 'data set', 'data sets')}${missing(f)}.`;
    case 'infrastructure':
      if (r.total === 0) return 'Nothing to measure: no infrastructure recorded yet.';
      return `Transferred, migrated or decommissioned (done or verified), 1 point each: ${num(r.done)} of ${many(r.total, 'item', 'items')}${missing(f)}.`;
  }
}
