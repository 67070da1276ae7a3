/** Small formatting helpers for the popup (Intl only; no luxon in the popup bundle). */
import type { Lang } from './strings';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** "3d 4h", "2h 05m", "45m", "<1m" — of the absolute value. */
export function formatDuration(ms: number): string {
  const a = Math.abs(ms);
  if (a < MIN) return '<1m';
  if (a >= DAY) {
    const d = Math.floor(a / DAY);
    const h = Math.floor((a % DAY) / HOUR);
    return h ? `${d}d ${h}h` : `${d}d`;
  }
  const h = Math.floor(a / HOUR);
  const m = Math.floor((a % HOUR) / MIN);
  return h ? `${h}h ${String(m).padStart(2, '0')}m` : `${m}m`;
}

const locale = (lang: Lang) => (lang === 'nl' ? 'nl-NL' : 'en-GB');

// Creating an Intl formatter is costly; a queue of 1,000 rows formats with one.
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

export function formatDateTime(ms: number, lang: Lang, timeZone: string): string {
  const key = `${lang}|${timeZone}`;
  let f = dateTimeFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale(lang), {
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      timeZone,
    });
    dateTimeFormats.set(key, f);
  }
  return f.format(ms);
}

export function formatPercent(share: number, lang: Lang): string {
  return new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

export function formatDay(isoDate: string, lang: Lang): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Intl.DateTimeFormat(locale(lang), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(Date.UTC(y!, m! - 1, d!));
}
