import { relativeDays, urgency } from './vendorDates';

/** A date with how far it is from today ("2025-10-01 · in 12 days"), coloured when it is close or past. */
export function DateFact({ date, days, empty = '—' }: { date: string | null; days: number | null; empty?: string }) {
  if (!date) return <span className="muted">{empty}</span>;
  return (
    <span className={`date-fact urgency-${urgency(days)}`}>
      <span className="cell-mono">{date}</span>
      {days != null && <span className="date-rel">{relativeDays(days)}</span>}
    </span>
  );
}
