import { describe, expect, it } from 'vitest';
import { ordinal, reportStrings } from './strings';

describe('the report’s ordinals', () => {
  it('English says 1st, 2nd, 3rd, 4th, 11th–13th, 21st, 22nd, 23rd, 101st, 111th', () => {
    const en = [1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111, 112].map((n) => ordinal(n, 'en'));
    expect(en).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
      '101st',
      '111th',
      '112th',
    ]);
  });

  it('Dutch says 1e, 3e, 12e', () => {
    expect([1, 3, 12].map((n) => ordinal(n, 'nl'))).toEqual(['1e', '3e', '12e']);
  });

  it('the credit rule reads "from the 3rd month" in English and "vanaf de 3e maand" in Dutch', () => {
    expect(reportStrings.en.creditRule(3, 5, 50)).toBe(
      'From the 3rd month in a row below goal 5% per month, at most 50%.',
    );
    expect(reportStrings.en.creditRule(2, 5, 50)).toMatch(/^From the 2nd month/);
    expect(reportStrings.nl.creditRule(3, 5, 50)).toBe(
      'Vanaf de 3e maand achter elkaar onder de norm 5% per maand, ten hoogste 50%.',
    );
  });
});
