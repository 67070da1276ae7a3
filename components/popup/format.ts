/**
 * Small formatting helpers for the popup and the report (Intl only; no luxon in the popup bundle).
 * Durations are `lib/i18n/format.ts` `formatDuration`/`formatCountdown`, the sidebar's.
 */
import type { Lang } from './strings';

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

/** A share (0..1) as a percentage; `digits` fraction digits at most (the report's availability takes 3). */
export function formatPercent(share: number, lang: Lang, digits = 1): string {
  return new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits: digits }).format(
    share,
  );
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
