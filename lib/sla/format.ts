/** Cheap bilingual formatting of instants and durations (no Intl, no luxon: hot path). */
import type { ZoneClock } from './zone.ts';

export type Locale = 'en' | 'nl';

const WD = {
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  nl: ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'],
};
const MON = {
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  nl: ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
};
const pad = (n: number) => (n < 10 ? '0' + n : String(n));

/** "Wed 4 Feb 2026 17:30" / "wo 4 feb 2026 17:30" in the zone. */
export function formatInstant(ms: number, zone: ZoneClock, locale: Locale): string {
  const p = zone.parts(ms);
  return `${WD[locale][p.weekday - 1]} ${p.day} ${MON[locale][p.month - 1]} ${p.year} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** "17:30" when on the same local day as `ref`, else the full form. */
export function formatInstantNear(ms: number, ref: number, zone: ZoneClock, locale: Locale): string {
  return zone.localDay(ms) === zone.localDay(ref)
    ? (() => {
        const p = zone.parts(ms);
        return `${pad(p.hour)}:${pad(p.minute)}`;
      })()
    : formatInstant(ms, zone, locale);
}

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
 * The one duration text of the product (sidebar, popup, report, notifications, the engine's
 * explanation and the CLI): the absolute value of `ms` in at most two units, rounded down —
 * "1 d 4 h", "2 h 10 min" / "2 u 10 min", "9 min 5 s", "< 1 min". Rounding down never promises
 * time that isn't there (and never shows "1 h" for 59 min 59 s). Pure, no Intl: it ships in the
 * content script and the engine.
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
