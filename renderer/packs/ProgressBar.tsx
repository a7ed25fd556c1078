// A horizontal progress bar (ARIA progressbar): a share done with its own words for screen
// readers ("Attachments: 1.2 MB of 3.4 MB"). Without a total it shows an indeterminate stripe.
import type { CSSProperties } from 'react';

interface Props {
  label: string;
  value: number;
  max: number;
  valueText: string;
}

export function ProgressBar({ label, value, max, valueText }: Props) {
  const known = max > 0;
  const share = known ? Math.max(0, Math.min(1, value / max)) : 0;
  const style = { '--progress-fill': `${(share * 100).toFixed(1)}%` } as CSSProperties;
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={known ? max : undefined}
      aria-valuenow={known ? Math.min(value, max) : undefined}
      aria-valuetext={valueText}
      className={`progress${known ? '' : ' progress-indeterminate'}`}
      style={style}
    />
  );
}
