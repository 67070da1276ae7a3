/**
 * Dates, times and durations per locale, with `Intl` only (no luxon: this ships in the content
 * script). Every function takes the locale and the time zone explicitly; nothing reads the
 * machine's zone, so output is the same under any `TZ`.
 */
import { intlTag, type Locale } from './core.ts';

import { formatDuration } from '../sla/format.ts';

// The one duration formatter lives with the engine (lib/sla imports nothing outside itself), so the
// explanation the engine writes and every surface read "2 u 5 min" the same way.
export { formatDuration, type DurationOptions } from '../sla/format.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * A duration as a live countdown shows it, in the sidebar and the popup alike: seconds below an hour,
 * business time in hours ("25 h 29 min", never "1 d 1 h" for 25 business hours).
 */
export function formatCountdown(ms: number, locale: Locale, business: boolean): string {
  return formatDuration(ms, locale, { seconds: Math.abs(ms) < HOUR, largest: business ? 'h' : 'd' });
}

// Creating Intl formatters is costly and this runs every second: one per (locale, zone, style).
const cache = new Map<string, Intl.DateTimeFormat>();
function dtf(locale: Locale, zone: string, style: 'parts' | 'day'): Intl.DateTimeFormat {
  const key = `${locale}|${zone}|${style}`;
  let f = cache.get(key);
  if (!f) {
    f =
      style === 'day'
        ? new Intl.DateTimeFormat('en-CA', {
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
            timeZone: zone,
          })
        : new Intl.DateTimeFormat(intlTag(locale), {
            weekday: 'short',
            day: 'numeric',
            month: 'short',
            year: 'numeric',
            hour: '2-digit',
            minute: '2-digit',
            hourCycle: 'h23',
            timeZone: zone,
          });
    cache.set(key, f);
  }
  return f;
}

interface MomentParts {
  weekday: string;
  day: string;
  month: string;
  year: string;
  time: string;
}

function parts(ms: number, locale: Locale, zone: string): MomentParts {
  const out: Record<string, string> = {};
  for (const p of dtf(locale, zone, 'parts').formatToParts(ms)) out[p.type] = p.value;
  const hour = out.hour === '24' ? '00' : (out.hour ?? '00');
  return {
    weekday: (out.weekday ?? '').replace(/\.$/, ''),
    day: out.day ?? '',
    month: (out.month ?? '').replace(/\.$/, ''),
    year: out.year ?? '',
    time: `${hour}:${out.minute ?? '00'}`,
  };
}

/** Days since the epoch of the local date of `ms` in `zone` (for "same day" / "this week"). */
function localDay(ms: number, zone: string): number {
  const [y, m, d] = dtf('en', zone, 'day').format(ms).split('-').map(Number);
  return Math.round(Date.UTC(y!, m! - 1, d!) / DAY);
}

export interface MomentOptions {
  locale: Locale;
  /** IANA zone the moment is shown in. */
  zone: string;
  /** Now, to shorten nearby moments: today → "14:02", within 6 days → "Tue 16:00". Omit for the full form. */
  nowMs?: number;
}

/**
 * A moment as agents read it: "14:02" (today), "Tue 16:00" / "di 16:00" (within a week),
 * "Mon 9 Feb 17:00" / "ma 9 feb 17:00" (this year), "Mon 9 Feb 2027 17:00" (other years).
 */
export function formatMoment(ms: number, { locale, zone, nowMs }: MomentOptions): string {
  const p = parts(ms, locale, zone);
  if (nowMs !== undefined) {
    const days = localDay(ms, zone) - localDay(nowMs, zone);
    if (days === 0) return p.time;
    if (Math.abs(days) <= 6) return `${p.weekday} ${p.time}`;
    if (parts(nowMs, locale, zone).year === p.year) return `${p.weekday} ${p.day} ${p.month} ${p.time}`;
  }
  return `${p.weekday} ${p.day} ${p.month} ${p.year} ${p.time}`;
}

/** The full, unambiguous form for tooltips and the screen-reader text: "Mon 9 Feb 2026 17:00". */
export function formatFullMoment(ms: number, locale: Locale, zone: string): string {
  return formatMoment(ms, { locale, zone });
}

/** A readable name for an IANA zone: "America/New_York" → "New York", "UTC" → "UTC". */
export function zoneName(zone: string): string {
  const last = zone.split('/').pop() ?? zone;
  return last.replace(/_/g, ' ');
}

/** True when two zones show different wall-clock times at `ms` (Amsterdam and Brussels don't). */
export function zonesDiffer(ms: number, a: string, b: string): boolean {
  if (a === b) return false;
  return formatFullMoment(ms, 'en', a) !== formatFullMoment(ms, 'en', b);
}

const percents = new Map<Locale, Intl.NumberFormat>();
/** 0.9 → "90%" (rounded down to whole percents, so 99.6% elapsed never reads "100%"). */
export function formatPercent(share: number, locale: Locale): string {
  let f = percents.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(intlTag(locale), { style: 'percent', maximumFractionDigits: 0 });
    percents.set(locale, f);
  }
  return f.format(Math.floor(share * 100) / 100);
}
