// Exit cost arithmetic: each cost's amount, and a vendor's totals, one per currency. Amounts are
// decimal text ("12000.50") summed as whole cents in BigInt: a float sum drifts (0.1 + 0.2), and
// 120 months of a 13-digit monthly cost is past what a double holds exactly. Different currencies
// are never added: there is no exchange rate in an offline workbook, so each gets its own total.
import type { Fields } from './records';

export type CostInput = Pick<Fields<'cost'>, 'category' | 'amount' | 'months' | 'currency'>;

/** The recurring category: a monthly amount for a number of months. Every other category is one-off. */
export const isRecurring = (c: Pick<CostInput, 'category'>) => c.category === 'dual_running';

/** "12000.5" as 1200050n; the schema (shared/records.ts) has already refused anything else. */
export function toCents(amount: string): bigint {
  const [whole = '0', frac = ''] = amount.trim().split('.');
  return BigInt(whole) * 100n + BigInt((frac + '00').slice(0, 2));
}

/** Cents as decimal text with two decimals: 7200000n as "72000.00". */
export function fromCents(cents: bigint): string {
  const s = cents.toString().padStart(3, '0');
  return `${s.slice(0, -2)}.${s.slice(-2)}`;
}

/** Decimal text for people: "72000.00" and "EUR" as "72,000.00 EUR" (the same in every locale, as in the report). */
export function formatAmount(amount: string, currency: string): string {
  const [whole = '0', frac = '00'] = fromCents(toCents(amount)).split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac} ${currency}`;
}

/** What one cost comes to: the amount, or for dual running the monthly amount × its months. */
export function costCents(c: CostInput): bigint {
  return isRecurring(c) ? toCents(c.amount) * BigInt(c.months ?? 0) : toCents(c.amount);
}

/** One cost in words, with the multiplication shown for dual running: "6 months × 12,000.00 EUR = 72,000.00 EUR". */
export function costWords(c: CostInput): string {
  const total = formatAmount(fromCents(costCents(c)), c.currency);
  if (!isRecurring(c)) return total;
  const months = c.months ?? 0;
  return `${months} month${months === 1 ? '' : 's'} × ${formatAmount(c.amount, c.currency)} = ${total}`;
}

/** A vendor's exit costs in one currency: the one-off costs, the recurring ones, and both together (decimal text). */
export interface CurrencyTotal {
  currency: string;
  oneOff: string;
  recurring: string;
  total: string;
  /** How many costs in this currency. */
  count: number;
}

/** Totals per currency, in alphabetical order of the code. */
export function costTotals(costs: readonly CostInput[]): CurrencyTotal[] {
  const sums = new Map<string, { oneOff: bigint; recurring: bigint; count: number }>();
  for (const c of costs) {
    const s = sums.get(c.currency) ?? { oneOff: 0n, recurring: 0n, count: 0 };
    if (isRecurring(c)) s.recurring += costCents(c);
    else s.oneOff += costCents(c);
    s.count += 1;
    sums.set(c.currency, s);
  }
  return [...sums.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([currency, s]) => ({
    currency, oneOff: fromCents(s.oneOff), recurring: fromCents(s.recurring), total: fromCents(s.oneOff + s.recurring), count: s.count,
  }));
}
