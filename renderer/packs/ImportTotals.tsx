// The import's counts: a total in the preview's and the result's summary, and a count in the table by kind and vendor.
import { formatNumber } from '../format';

export function Total({ label, n, tone, hideZero }: { label: string; n: number; tone: string; hideZero?: boolean }) {
  if (hideZero && n === 0) return null;
  return (
    <li className={`pack-total${n ? ` tone-${tone}` : ''}`}>
      <span className="pack-total-n">{formatNumber(n)}</span> {label}
    </li>
  );
}

export function Num({ n, tone }: { n: number; tone?: string }) {
  return <td className={`num${n && tone ? ` tone-text-${tone}` : ''}${n ? '' : ' cell-none'}`}>{n ? formatNumber(n) : '·'}</td>;
}
