// The exit on one axis: each phase of the vendor's checklists as a bar from its first to its last
// due date, filled as far as it is done, with today and the exit date T marked. Without an exit
// date the axis counts days from T ("T−120"), and today cannot be placed.
import type { PhaseSpan } from '../../shared/checklists';
import type { AssistancePeriod } from '../../shared/contract-deadlines';
import { offsetLabel, PHASES } from '../../shared/checklists';
import { addDays, daysBetween } from '../../shared/dates';

interface Props {
  phases: PhaseSpan[];
  today: string;
  exitDate: string | null;
  /** Termination-assistance periods of the contracts notice was served on: bars of their own when the axis has dates. */
  assistance?: AssistancePeriod[];
}

const describeAssistance = (a: AssistancePeriod) => `Termination assistance under ${a.title}: ${a.from} to ${a.to} (the contract ends on ${a.endsOn})`;

/** The assistance periods in words, under the timeline (and in place of it while it cannot be drawn). */
function AssistanceList({ periods }: { periods: AssistancePeriod[] }) {
  if (periods.length === 0) return null;
  return (
    <ul className="tl-assistance">
      {periods.map((a) => (
        <li key={a.contractId}>{describeAssistance(a)}</li>
      ))}
    </ul>
  );
}

interface Tick {
  at: number;
  label: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Month (or quarter) starts between two days, as day numbers from `from`. */
function dateTicks(from: string, to: string): Tick[] {
  const span = daysBetween(from, to);
  const step = span > 720 ? 6 : span > 400 ? 3 : span > 200 ? 2 : 1;
  const ticks: Tick[] = [];
  const [y0, m0] = from.split('-').map(Number) as [number, number];
  for (let i = 1; ; i++) {
    const m = m0 - 1 + i;
    const year = y0 + Math.floor(m / 12);
    const month = m % 12;
    if (month % step !== 0) continue;
    const day = `${year}-${String(month + 1).padStart(2, '0')}-01`;
    const at = daysBetween(from, day);
    if (at > span) break;
    ticks.push({ at, label: month === 0 ? `${MONTHS[month]} ${year}` : MONTHS[month]! });
  }
  return ticks;
}

function offsetTicks(from: number, to: number): Tick[] {
  const span = to - from;
  const step = span > 400 ? 90 : span > 200 ? 60 : 30;
  const ticks: Tick[] = [];
  for (let o = Math.ceil(from / step) * step; o <= to; o += step) ticks.push({ at: o - from, label: offsetLabel(o) });
  return ticks;
}

export function Timeline({ phases, today, exitDate, assistance = [] }: Props) {
  const placed = phases.filter((p) => p.total > 0 && p.startOffset != null && p.endOffset != null);
  if (placed.length === 0) {
    return (
      <>
        <p className="muted">The timeline appears once the vendor has a checklist with due dates.</p>
        <AssistanceList periods={assistance} />
      </>
    );
  }
  const dated = !!exitDate && placed.every((p) => p.start && p.end);

  // Everything on one scale of days: from the earliest point shown, with a little room each side.
  let points: number[];
  let origin: string | number;
  if (dated) {
    const all = [...placed.flatMap((p) => [p.start!, p.end!]), ...assistance.flatMap((a) => [a.from, a.to]), today, exitDate].sort();
    origin = addDays(all[0]!, -7);
    const o = origin;
    points = all.map((d) => daysBetween(o, d));
  } else {
    const all = placed.flatMap((p) => [p.startOffset!, p.endOffset!]).concat(0);
    origin = Math.min(...all) - 7;
    const o = origin;
    points = all.map((d) => d - o);
  }
  const span = Math.max(...points) + 7;
  const x = (day: number) => `${((100 * day) / span).toFixed(2)}%`;
  const dayOf = (p: PhaseSpan, which: 'start' | 'end'): number =>
    dated ? daysBetween(origin as string, p[which]!) : p[which === 'start' ? 'startOffset' : 'endOffset']! - (origin as number);
  const tDay = dated ? daysBetween(origin as string, exitDate) : -(origin as number);
  const todayDay = dated ? daysBetween(origin as string, today) : null;
  const ticks = dated ? dateTicks(origin as string, addDays(origin as string, span)) : offsetTicks(origin as number, (origin as number) + span);

  const describe = (p: PhaseSpan) =>
    `${PHASES[p.phase]?.label}: ${dated ? `${p.start} to ${p.end}` : `${offsetLabel(p.startOffset)} to ${offsetLabel(p.endOffset)}`}, ${p.done} of ${p.total} done`;

  return (
    <figure className="timeline" aria-label="Exit timeline">
      <figcaption className="visually-hidden">
        Phases of the exit against {dated ? 'dates' : 'days from the exit date T'}.{dated ? ` Today is ${today}; the exit date T is ${exitDate}.` : ''}
      </figcaption>
      <div className="tl-grid">
        <div className="tl-axis" aria-hidden="true">
          {ticks.map((t) => (
            <span key={t.at} className="tl-tick" style={{ left: x(t.at) }}>
              {t.label}
            </span>
          ))}
        </div>
        <ol className="tl-rows">
          {placed.map((p) => {
            const start = dayOf(p, 'start');
            const end = dayOf(p, 'end');
            const complete = p.done === p.total;
            const late = !complete && dated && p.end! < today;
            return (
              <li key={p.phase} className="tl-row">
                <span className="tl-label" aria-hidden="true">
                  {PHASES[p.phase]?.label}
                </span>
                <span className="visually-hidden">{describe(p)}</span>
                <span className="tl-track" aria-hidden="true">
                  <span
                    className={`tl-bar${complete ? ' tl-complete' : late ? ' tl-late' : ''}`}
                    style={{ left: x(start), width: `max(6px, ${x(end - start)})`, ['--tl-done' as string]: `${((100 * p.done) / p.total).toFixed(1)}%` }}
                    title={describe(p)}
                  />
                </span>
              </li>
            );
          })}
          {dated &&
            assistance.map((a) => {
              const start = daysBetween(origin as string, a.from);
              const end = daysBetween(origin as string, a.to);
              return (
                <li key={`assistance-${a.contractId}`} className="tl-row">
                  <span className="tl-label" aria-hidden="true">
                    Termination assistance
                  </span>
                  <span className="visually-hidden">{describeAssistance(a)}</span>
                  <span className="tl-track" aria-hidden="true">
                    <span className="tl-bar tl-assistance-bar" style={{ left: x(start), width: `max(6px, ${x(end - start)})` }} title={describeAssistance(a)} />
                  </span>
                </li>
              );
            })}
        </ol>
        <div className="tl-markers" aria-hidden="true">
          {todayDay != null && (
            <span className="tl-marker tl-today" style={{ left: x(todayDay) }}>
              <span className="tl-marker-label">Today</span>
            </span>
          )}
          <span className="tl-marker tl-t" style={{ left: x(tDay) }}>
            <span className="tl-marker-label">T{dated ? ` · ${exitDate}` : ''}</span>
          </span>
        </div>
      </div>
      {!dated && <AssistanceList periods={assistance} />}
      {!dated && <p className="field-hint">No exit date yet: the phases are placed in days from T. Set the planned exit date to see them against the calendar.</p>}
    </figure>
  );
}

