/**
 * Dates, times and durations per locale, with `Intl` only (no luxon: this ships in the content
 * script). Every function takes the locale and the time zone explicitly; nothing reads the
 * machine's zone, so output is the same under any `TZ`.
 */
import { intlTag, type Locale } from './core.ts';

const SEC = 1000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

const UNITS: Record<Locale, { d: string; h: string; min: string; s: string }> = {
  en: { d: 'd', h: 'h', min: 'min', s: 's' },
  nl: { d: 'd', h: 'u', min: 'min', s: 's' },
};

export interface DurationOptions {
  /** Show seconds below one hour (a live countdown); otherwise under a minute reads "< 1 min". */
  seconds?: boolean;
  /**
   * Largest unit. Business time is best read in hours ("17 h", not "0 d 17 h": a business day is
   * not 24 hours), elapsed calendar time in days. Default 'd'.
   */
  largest?: 'd' | 'h';
}

/**
 * The absolute value of `ms` in at most two units, rounded down: "1 d 4 h", "2 h 10 min" /
 * "2 u 10 min", "9 min 5 s", "< 1 min". Rounding down never promises time that isn't there.
 */
export function formatDuration(ms: number, locale: Locale, options: DurationOptions = {}): string {
  const u = UNITS[locale];
  const a = Math.abs(ms);
  const two = (n1: number, u1: string, n2: number, u2: string) =>
    n2 ? `${n1} ${u1} ${n2} ${u2}` : `${n1} ${u1}`;
  if (a >= DAY && options.largest !== 'h')
    return two(Math.floor(a / DAY), u.d, Math.floor((a % DAY) / HOUR), u.h);
  if (a >= HOUR) return two(Math.floor(a / HOUR), u.h, Math.floor((a % HOUR) / MIN), u.min);
  if (options.seconds) {
    if (a >= MIN) return two(Math.floor(a / MIN), u.min, Math.floor((a % MIN) / SEC), u.s);
    return `${Math.floor(a / SEC)} ${u.s}`;
  }
  if (a >= MIN) return `${Math.floor(a / MIN)} ${u.min}`;
  return `< 1 ${u.min}`;
}

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
