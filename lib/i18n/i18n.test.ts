import { describe, expect, it } from 'vitest';
import { createT, fill, resolveLocale, type Translation } from './core.ts';
import { formatDuration as engineFormatDuration } from '../sla/format.ts';
import { formatDuration, formatMoment, formatPercent, zoneName, zonesDiffer } from './format.ts';
import { sidebarMessages, t } from './sidebar.ts';

const H = 3_600_000;
const MIN = 60_000;

describe('resolveLocale', () => {
  it('follows an explicit preference over the browser', () => {
    expect(resolveLocale('nl', ['en-US'])).toBe('nl');
    expect(resolveLocale('en', ['nl-NL'])).toBe('en');
  });
  it('picks Dutch for any nl browser language on auto, else English', () => {
    expect(resolveLocale('auto', ['nl-BE', 'en'])).toBe('nl');
    expect(resolveLocale('auto', ['de-DE', 'nl'])).toBe('nl');
    expect(resolveLocale('auto', ['en-GB', 'nl'])).toBe('en');
    expect(resolveLocale('auto', ['fr-FR'])).toBe('en');
    expect(resolveLocale(undefined, [])).toBe('en');
  });
});

describe('t', () => {
  it('fills placeholders in the asked language', () => {
    expect(t('en', 'reason.breached', { duration: '2 h 10 min' })).toBe('Breached 2 h 10 min ago');
    expect(t('nl', 'reason.breached', { duration: '2 u 10 min' })).toBe('2 u 10 min geleden overschreden');
  });
  it('calls function messages with their parameters', () => {
    expect(t('en', 'matrix.missing', { fields: ['impact', 'urgency'] })).toBe(
      'Fill in impact and urgency to get the matrix suggestion.',
    );
    expect(t('nl', 'matrix.missing', { fields: ['urgentie'] })).toBe(
      'Vul urgentie in voor het matrixadvies.',
    );
  });
  it('leaves an unknown placeholder visible instead of throwing', () => {
    expect(fill('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });
  it('falls back to English and then to the key for keys missing at run time', () => {
    const tt = createT({ en: { a: 'A' }, nl: {} as Translation<{ a: 'A' }> });
    expect(tt('nl', 'a')).toBe('A');
    expect((tt as (l: 'en', k: string) => string)('en', 'nope')).toBe('nope');
  });
  it('has the same placeholders in Dutch as in English for every sidebar message', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, en] of Object.entries(sidebarMessages.en)) {
      const nl = (sidebarMessages.nl as Record<string, unknown>)[key];
      expect(typeof nl, key).toBe(typeof en);
      if (typeof en === 'string') expect(names(nl as string), key).toEqual(names(en));
    }
  });
  it('rejects a Dutch catalog that misses a key (type check)', () => {
    // @ts-expect-error — `b` is missing: Dutch must have every English key
    const nl: Translation<{ a: 'x'; b: 'y' }> = { a: 'x' };
    expect(nl.a).toBe('x');
  });
});

describe('formatDuration', () => {
  it('writes hours and minutes in each language', () => {
    expect(formatDuration(2 * H + 10 * MIN, 'en')).toBe('2 h 10 min');
    expect(formatDuration(2 * H + 10 * MIN, 'nl')).toBe('2 u 10 min');
  });
  it('uses days for long calendar spans and hours for business time', () => {
    expect(formatDuration(28 * H, 'en')).toBe('1 d 4 h');
    expect(formatDuration(28 * H, 'en', { largest: 'h' })).toBe('28 h');
    expect(formatDuration(48 * H, 'nl')).toBe('2 d');
  });
  it('rounds down and ignores the sign', () => {
    expect(formatDuration(-(59 * MIN + 59_999), 'en')).toBe('59 min');
    expect(formatDuration(30_000, 'en')).toBe('< 1 min');
  });
  it("is the engine's own formatter, so the explanation and the surfaces write a duration alike", () => {
    expect(formatDuration).toBe(engineFormatDuration);
  });
  it('shows seconds below an hour for a live countdown', () => {
    expect(formatDuration(9 * MIN + 5_400, 'en', { seconds: true })).toBe('9 min 5 s');
    expect(formatDuration(42_000, 'nl', { seconds: true })).toBe('42 s');
    expect(formatDuration(H + 5_000, 'en', { seconds: true })).toBe('1 h');
  });
});

describe('formatMoment', () => {
  const now = Date.parse('2026-02-09T15:30:00+01:00'); // Mon 9 Feb 2026, Amsterdam
  const ams = 'Europe/Amsterdam';
  it('writes the full form with weekday and month in each language', () => {
    const ms = Date.parse('2026-02-09T17:00:00+01:00');
    expect(formatMoment(ms, { locale: 'nl', zone: ams })).toBe('ma 9 feb 2026 17:00');
    expect(formatMoment(ms, { locale: 'en', zone: ams })).toBe('Mon 9 Feb 2026 17:00');
  });
  it('shortens today to the time and this week to the weekday', () => {
    expect(
      formatMoment(Date.parse('2026-02-09T14:02:00+01:00'), { locale: 'en', zone: ams, nowMs: now }),
    ).toBe('14:02');
    expect(
      formatMoment(Date.parse('2026-02-10T16:00:00+01:00'), { locale: 'en', zone: ams, nowMs: now }),
    ).toBe('Tue 16:00');
    expect(
      formatMoment(Date.parse('2026-02-16T09:00:00+01:00'), { locale: 'nl', zone: ams, nowMs: now }),
    ).toBe('ma 16 feb 09:00');
  });
  it('shows the moment in the zone it is given, whatever the machine’s zone', () => {
    const ms = Date.parse('2026-02-09T16:00:00Z');
    expect(formatMoment(ms, { locale: 'en', zone: 'America/New_York', nowMs: now })).toBe('11:00');
    expect(formatMoment(ms, { locale: 'en', zone: ams, nowMs: now })).toBe('17:00');
  });
  it('tells zones apart by their wall-clock time, not their names', () => {
    const ms = Date.parse('2026-02-09T16:00:00Z');
    expect(zonesDiffer(ms, ams, 'Europe/Brussels')).toBe(false);
    expect(zonesDiffer(ms, ams, 'America/New_York')).toBe(true);
    expect(zoneName('America/New_York')).toBe('New York');
  });
});

describe('formatPercent', () => {
  it('rounds down to whole percents', () => {
    expect(formatPercent(0.996, 'en')).toBe('99%');
    expect(formatPercent(0.25, 'nl')).toBe('25%');
  });
});
