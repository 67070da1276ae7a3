import { describe, expect, it } from 'vitest';
import { BUILTIN_POLICIES } from '../../policies';
import { EMPTY_ARCHIVE } from '../compliance';
import { buildReportModel, lastMonth, outageRules } from './report';

const policies = new Map(BUILTIN_POLICIES.map((p) => [p.id, p]));
const period = { kind: 'month' as const, year: 2026, month: 3 };

describe('report handler', () => {
  it('last month is the calendar month before now in the zone (also across new year)', () => {
    // 1 January 2026 00:30 in Amsterdam is still 31 December in UTC.
    expect(lastMonth(Date.parse('2025-12-31T23:30:00Z'), 'Europe/Amsterdam')).toEqual({
      kind: 'month',
      year: 2025,
      month: 12,
    });
    expect(lastMonth(Date.parse('2025-12-31T23:30:00Z'), 'UTC')).toEqual({
      kind: 'month',
      year: 2025,
      month: 11,
    });
  });

  it('builds the first policy in effect by default, in the UI language unless asked otherwise', () => {
    const m = buildReportModel(
      policies,
      [],
      EMPTY_ARCHIVE,
      { policyId: null, period },
      'nl',
      0,
      'Europe/Amsterdam',
    );
    expect(m.policyId).toBe('workspace365');
    expect(m.locale).toBe('nl');
    expect(m.report?.tickets).toBe(0);
    expect(m.report?.obligations[0]?.id).toBe('rca');
    const en = buildReportModel(
      policies,
      [],
      EMPTY_ARCHIVE,
      { policyId: 'mextra', period, locale: 'en' },
      'nl',
      0,
      'Europe/Amsterdam',
    );
    expect([en.policyId, en.locale, en.report?.credits[0]?.percent]).toEqual(['mextra', 'en', 0]);
  });

  it('an unknown policy is an error, not an exception', () => {
    const m = buildReportModel(policies, [], EMPTY_ARCHIVE, { policyId: 'gone', period }, 'en', 0, 'UTC');
    expect([m.report, m.error]).toEqual([null, 'unknown policy gone']);
  });

  it('narrows to the customer asked for, and says so in the model', () => {
    const m = buildReportModel(
      policies,
      [],
      EMPTY_ARCHIVE,
      { policyId: 'mextra', period, customer: 'Acme' },
      'en',
      0,
      'Europe/Amsterdam',
    );
    expect([m.customer, m.report?.customer, m.error]).toEqual(['Acme', 'Acme', null]);
    const all = buildReportModel(policies, [], EMPTY_ARCHIVE, { policyId: 'mextra', period }, 'en', 0, 'UTC');
    expect([all.customer, all.report?.customer]).toEqual([null, null]);
  });

  it('a range longer than 366 days is an error in words, not an exception', () => {
    const m = buildReportModel(
      policies,
      [],
      EMPTY_ARCHIVE,
      { policyId: 'mextra', period: { kind: 'range', from: '2025-01-01', to: '2026-06-30' } },
      'en',
      0,
      'Europe/Amsterdam',
    );
    expect(m.report).toBeNull();
    expect(m.error).toBe(
      'the range 2025-01-01 – 2026-06-30 is longer than 366 days: choose a shorter range or a quarter',
    );
  });

  it("takes each assignment's outage selection, and none from a mapping that does not parse", () => {
    const rules = outageRules([
      {
        host: 'membro.zendesk.com',
        helpdesk: 'zendesk',
        policyId: 'membro',
        mapping: { outage: { tag: 'down' } },
      },
      { host: 'mextra.zendesk.com', helpdesk: 'zendesk', policyId: 'mextra', mapping: { outage: {} } },
      { host: 'td.example.nl', helpdesk: 'topdesk', policyId: 'scope4mation' },
    ]);
    expect(rules).toEqual([{ host: 'membro.zendesk.com', policyId: 'membro', rule: { tag: 'down' } }]);
    const m = buildReportModel(
      policies,
      [],
      EMPTY_ARCHIVE,
      { policyId: 'membro', period },
      'en',
      0,
      'UTC',
      rules,
    );
    expect(m.report?.availability?.configured).toBe(true);
    expect(m.report?.availability?.months.map((x) => [x.month, x.tier, x.percent])).toEqual([
      ['2026-03', 'standard', 100],
      ['2026-03', 'premium', 100],
    ]);
    const none = buildReportModel(
      policies,
      [],
      EMPTY_ARCHIVE,
      { policyId: 'mextra', period },
      'en',
      0,
      'UTC',
      rules,
    );
    expect(none.report?.availability?.configured).toBe(false);
  });
});
