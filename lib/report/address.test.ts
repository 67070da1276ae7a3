import { describe, expect, it } from 'vitest';
import { convertPeriod, periodDays, rangeProblem, readReportAddress, reportAddress } from './address';

describe("the report page's address", () => {
  it('reads a month, a quarter or a range, the customer and the language', () => {
    expect(readReportAddress('?policy=mextra&month=2026-05&lang=nl')).toEqual({
      policyId: 'mextra',
      period: { kind: 'month', year: 2026, month: 5 },
      locale: 'nl',
      problems: [],
    });
    expect(readReportAddress('?quarter=2026-Q2&customer=Bakkerij+De+Vries').period).toEqual({
      kind: 'quarter',
      year: 2026,
      quarter: 2,
    });
    expect(readReportAddress('?quarter=2026-Q2&customer=Bakkerij+De+Vries').customer).toBe(
      'Bakkerij De Vries',
    );
    expect(readReportAddress('?from=2026-02-15&to=2026-05-10').period).toEqual({
      kind: 'range',
      from: '2026-02-15',
      to: '2026-05-10',
    });
  });

  it('writes what the page shows so that reading it back gives the same', () => {
    const shown = {
      policyId: 'workspace365',
      period: { kind: 'quarter' as const, year: 2026, quarter: 1 },
      customer: 'Acme & Zonen',
      locale: 'en' as const,
    };
    const q = reportAddress(shown);
    expect(q).toBe('?policy=workspace365&quarter=2026-Q1&customer=Acme+%26+Zonen&lang=en');
    const { problems, ...back } = readReportAddress(q);
    expect([back, problems]).toEqual([shown, []]);
    expect(
      reportAddress({
        ...shown,
        customer: null,
        period: { kind: 'range', from: '2026-01-01', to: '2026-01-31' },
      }),
    ).toBe('?policy=workspace365&from=2026-01-01&to=2026-01-31&lang=en');
  });

  it('says what it could not read and leaves only that out', () => {
    const bad = readReportAddress('?policy=mextra&quarter=2026-Q5&lang=de');
    expect(bad).toEqual({
      policyId: 'mextra',
      problems: ['quarter=2026-Q5 is not a quarter: write it as 2026-Q2'],
    });
    expect(readReportAddress('?month=2026-13').problems[0]).toMatch(/write it as 2026-05/);
    expect(readReportAddress('?from=2026-05-10&to=2026-05-01').problems[0]).toMatch(/swap them/);
    expect(readReportAddress('?from=2025-01-01&to=2026-01-02').problems[0]).toMatch(/longer than 366 days/);
    expect(readReportAddress('?from=2026-02-30&to=2026-03-01').problems[0]).toMatch(/not a range of days/);
  });

  it('allows a range of up to 366 days, both days counted', () => {
    expect(rangeProblem('2024-01-01', '2024-12-31')).toBeNull(); // 366 days (leap year)
    expect(rangeProblem('2025-01-01', '2026-01-01')).toBeNull(); // 365 + 1 = 366 days
    expect(rangeProblem('2025-01-01', '2026-01-02')).toBe('length'); // 367 days
    expect(rangeProblem('2026-03-29', '2026-03-29')).toBeNull();
  });

  it('converts a period to another kind, starting where it starts', () => {
    const may = { kind: 'month' as const, year: 2026, month: 5 };
    expect(convertPeriod(may, 'quarter')).toEqual({ kind: 'quarter', year: 2026, quarter: 2 });
    expect(convertPeriod(may, 'range')).toEqual({ kind: 'range', from: '2026-05-01', to: '2026-05-31' });
    expect(periodDays({ kind: 'month', year: 2028, month: 2 })).toEqual({
      from: '2028-02-01',
      to: '2028-02-29',
    });
    expect(periodDays({ kind: 'quarter', year: 2026, quarter: 4 })).toEqual({
      from: '2026-10-01',
      to: '2026-12-31',
    });
    expect(convertPeriod({ kind: 'range', from: '2026-08-15', to: '2026-09-01' }, 'quarter')).toEqual({
      kind: 'quarter',
      year: 2026,
      quarter: 3,
    });
  });
});
