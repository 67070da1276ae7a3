import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIsoInstant, isIsoInstantStrict } from './schema.ts';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Date-times near the valid shape: every field over and just past its range, odd separators. */
const nearIso = fc
  .record({
    year: fc.oneof(fc.integer({ min: 0, max: 9999 }), fc.constantFrom(0, 99, 100, 1900, 2000, 2024, 2100)),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 32 }),
    hour: fc.integer({ min: 0, max: 25 }),
    minute: fc.integer({ min: 0, max: 61 }),
    seconds: fc.option(fc.integer({ min: 0, max: 61 })),
    fraction: fc.option(fc.stringMatching(/^[0-9]{0,11}$/)),
    offset: fc.oneof(
      fc.constant('Z'),
      fc.constant('z'),
      fc.constant(''),
      fc
        .tuple(
          fc.constantFrom('+', '-'),
          fc.integer({ min: 0, max: 25 }),
          fc.integer({ min: 0, max: 61 }),
          fc.boolean(),
        )
        .map(([s, h, m, colon]) => `${s}${pad(h)}${colon ? ':' : ''}${pad(m)}`),
    ),
    sepT: fc.constantFrom('T', 'T', 'T', ' ', 't'),
    tail: fc.constantFrom('', '', '', ' ', 'x', '0'),
  })
  .map(
    (r) =>
      `${pad(r.year, 4)}-${pad(r.month)}-${pad(r.day)}${r.sepT}${pad(r.hour)}:${pad(r.minute)}` +
      (r.seconds === null ? '' : `:${pad(r.seconds)}${r.fraction === null ? '' : `.${r.fraction}`}`) +
      r.offset +
      r.tail,
  );

describe('the fast ISO instant check', () => {
  it('agrees with the strict check on date-times near the valid shape', () => {
    fc.assert(
      fc.property(nearIso, (s) => {
        expect(isIsoInstant(s)).toBe(isIsoInstantStrict(s));
      }),
      { numRuns: 20_000 },
    );
  });

  it('agrees with the strict check on any string, and on valid ones with one character changed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        expect(isIsoInstant(s)).toBe(isIsoInstantStrict(s));
      }),
      { numRuns: 5_000 },
    );
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2200, 0, 1) }),
        fc.nat(34),
        fc.string({ minLength: 1, maxLength: 1 }),
        (ms, at, c) => {
          const s = new Date(ms).toISOString().replace('Z', '+01:00');
          const changed = s.slice(0, at) + c + s.slice(at + 1);
          expect(isIsoInstant(s)).toBe(true);
          expect(isIsoInstant(changed)).toBe(isIsoInstantStrict(changed));
        },
      ),
      { numRuns: 10_000 },
    );
  });

  it('refuses 29 February outside leap years and accepts it in 2024 and 2000', () => {
    expect(isIsoInstant('2026-02-29T10:00:00+01:00')).toBe(false);
    expect(isIsoInstant('2100-02-29T10:00:00Z')).toBe(false);
    expect(isIsoInstant('2024-02-29T10:00:00Z')).toBe(true);
    expect(isIsoInstant('2000-02-29T10:00Z')).toBe(true);
    expect(isIsoInstant('2026-01-01T10:00:00+25:00')).toBe(false);
    // years 0–99 are left to the strict check (Date.UTC reads them as 1900–1999)
    for (const s of ['0000-02-29T00:00:00Z', '0096-02-29T00:00Z'])
      expect(isIsoInstant(s)).toBe(isIsoInstantStrict(s));
  });
});
