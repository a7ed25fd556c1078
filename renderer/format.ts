// How values read on screen: dates as YYYY-MM-DD, sizes and money in the user's locale.

/** 'YYYY-MM-DD' from a stored date or timestamp; '' for nothing. */
export function formatDay(value: string | null | undefined): string {
  return value ? value.slice(0, 10) : '';
}

/** A timestamp in local time, as 'YYYY-MM-DD HH:MM'. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[i]}`;
}

const numberFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });
export function formatNumber(n: number | null | undefined): string {
  return n == null ? '' : numberFormat.format(n);
}

export function formatMoney(amount: number | null | undefined, currency: string | null | undefined): string {
  if (amount == null) return '';
  if (currency && /^[A-Z]{3}$/.test(currency)) {
    try {
      return new Intl.NumberFormat(undefined, { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
    } catch {
      // An ISO-looking code the runtime does not know: fall through to the plain number.
    }
  }
  return `${numberFormat.format(amount)}${currency ? ` ${currency}` : ''}`;
}

/** The file name of a path from any OS. */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

export function plural(n: number, one: string, many: string): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}
