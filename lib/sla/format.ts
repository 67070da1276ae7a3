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

/** "2 d 3 h 5 min" / "2 d 3 u 5 min"; business days are not used here, just 24 h days for > 24 h. */
export function formatDuration(ms: number, locale: Locale): string {
  const neg = ms < 0;
  let m = Math.round(Math.abs(ms) / 60_000);
  const d = Math.floor(m / 1440);
  m -= d * 1440;
  const h = Math.floor(m / 60);
  m -= h * 60;
  const parts: string[] = [];
  if (d) parts.push(`${d} d`);
  if (h) parts.push(`${h} ${locale === 'nl' ? 'u' : 'h'}`);
  if (m || !parts.length) parts.push(`${m} min`);
  return (neg ? '-' : '') + parts.join(' ');
}
