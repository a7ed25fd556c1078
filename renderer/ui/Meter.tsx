// A thin horizontal bar for a score or a share done (readiness, a phase's progress). It is an ARIA
// meter, so a screen reader reads its name and value ("Readiness, 64%").
import type { CSSProperties } from 'react';

export type MeterTone = 'red' | 'amber' | 'green' | 'accent' | 'grey';

/** A readiness score's colour: red below 40, amber below 70, green from 70. */
export function scoreTone(score: number): MeterTone {
  return score < 40 ? 'red' : score < 70 ? 'amber' : 'green';
}

interface Props {
  /** 0 to max. */
  value: number;
  max?: number;
  label: string;
  /** What is read out instead of the bare number, e.g. "12 of 40 done". */
  valueText?: string;
  tone?: MeterTone;
  className?: string;
}

export function Meter({ value, max = 100, label, valueText, tone = 'accent', className }: Props) {
  const share = max > 0 ? Math.max(0, Math.min(1, value / max)) : 0;
  const style = { '--meter-fill': `${(share * 100).toFixed(1)}%` } as CSSProperties;
  return (
    <div
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={value}
      aria-valuetext={valueText}
      className={`meter meter-${tone}${className ? ` ${className}` : ''}`}
      style={style}
    />
  );
}
