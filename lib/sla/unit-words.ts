/**
 * The words for a policy duration, in both languages: the one table the engine's labels (sidebar,
 * explanation, CLI), the popup and Options all use. Dependency-free, so the Options page can import
 * it without the engine.
 */
import type { PolicyDuration } from './schema.ts';

export const UNIT_WORDS: Record<string, { en: [string, string]; nl: [string, string] }> = {
  'business-minutes': { en: ['business minute', 'business minutes'], nl: ['werkminuut', 'werkminuten'] },
  'business-hours': { en: ['business hour', 'business hours'], nl: ['kantooruur', 'kantooruren'] },
  'business-days': { en: ['business day', 'business days'], nl: ['werkdag', 'werkdagen'] },
  'calendar-minutes': { en: ['minute', 'minutes'], nl: ['minuut', 'minuten'] },
  'calendar-hours': { en: ['hour', 'hours'], nl: ['uur', 'uur'] },
  weeks: { en: ['week', 'weeks'], nl: ['week', 'weken'] },
  months: { en: ['month', 'months'], nl: ['maand', 'maanden'] },
};

/** "8 business hours" / "8 kantooruren", "next business day", or the contract's words for none. */
export function durationWords(d: PolicyDuration): { nl: string; en: string } {
  if (d.unit === 'none') return { nl: d.words ?? 'Geen', en: d.words ?? 'None' };
  if (d.unit === 'next-business-day') return { nl: 'volgende werkdag', en: 'next business day' };
  const w = UNIT_WORDS[d.unit]!;
  const n = d.amount ?? 0;
  const nlNum = String(n).replace('.', ',');
  return { en: `${n} ${w.en[n === 1 ? 0 : 1]}`, nl: `${nlNum} ${w.nl[n === 1 ? 0 : 1]}` };
}
