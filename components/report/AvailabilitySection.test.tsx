import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildServiceReport } from '../../lib/report/compute';
import type { ReportModel } from '../../lib/messaging/report';
import { entry, policy, status, ZONE } from '../../tests/support/report';
import { availabilityStrings } from './AvailabilitySection';
import { ReportView } from './ReportView';

afterEach(cleanup);

// Membro, June 2026 (30 × 1440 = 43,200 min): premium outages #1 Wed 10 June 21:00–23:00 and #2
// 22:30–Thu 01:30 (union 270 min): (43,200 − 270) / 43,200 = 99.375% < 99.5%. #3 is a question.
const premium = { tier: 'premium', priority: 'critical' };
const entries = [
  entry('membro', 1, {
    createdAt: '2026-06-10T19:00:00Z',
    ...premium,
    events: [status('2026-06-10T21:00:00Z', 'solved')],
  }),
  entry('membro', 2, {
    createdAt: '2026-06-10T20:30:00Z',
    ...premium,
    events: [status('2026-06-10T23:30:00Z', 'solved')],
  }),
  entry('membro', 3, {
    createdAt: '2026-06-12T08:00:00Z',
    ...premium,
    events: [status('2026-06-12T09:00:00Z', 'solved')],
  }),
];

function model(locale: 'nl' | 'en', rules = true): ReportModel {
  const period = { kind: 'month' as const, year: 2026, month: 6 };
  return {
    policies: [{ id: 'membro', name: 'Membro' }],
    policyId: 'membro',
    period,
    locale,
    uiLanguage: 'en',
    timeZone: ZONE,
    customer: null,
    report: buildServiceReport({
      policy: policy('membro'),
      entries,
      period,
      zone: ZONE,
      now: Date.parse('2026-07-02T08:00:00Z'),
      locale,
      evidence: (key) => new Set(key.endsWith(':3') ? ['question'] : ['platform_down']),
      outageRules: rules
        ? [{ host: 'membro.example', policyId: 'membro', rule: { tag: 'platform_down' } }]
        : [],
    }),
    error: null,
    computeMs: 1,
  };
}

const show = (m: ReportModel) =>
  render(<ReportView model={m} onRequest={vi.fn()} onExport={vi.fn()} onPrint={vi.fn()} />);

describe('the availability section', () => {
  it('shows target, measured, missed, the outage time and tickets, and the contract words, in English', () => {
    show(model('en'));
    const section = screen.getByRole('region', { name: 'Availability' });
    const row = section.querySelector('tr[data-availability="2026-06|premium"]') as HTMLElement;
    expect(row.className).toBe('misses');
    const cells = within(row)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells.slice(0, 7)).toEqual(['Premium', '99.5%', '99.375%', 'missed', '4 h 30 min', '43200', '0']);
    expect(row.querySelectorAll('span.outage a')).toHaveLength(2);
    expect(row.textContent).toContain('#1');
    expect(row.textContent).not.toContain('#3');
    const standard = section.querySelector('tr[data-availability="2026-06|standard"]') as HTMLElement;
    expect(standard.className).toBe('meets');
    expect(within(standard).getAllByRole('cell')[2]!.textContent).toBe('100%');
    expect(section.querySelector('blockquote')!.textContent).toContain(
      '(contract section 2.2 Beschikbaarheid)',
    );
    expect(section.querySelector('.availability-not-configured')).toBeNull();
  });

  it('speaks Dutch, and says so when no assignment selects outage tickets', () => {
    show(model('nl', false));
    const section = screen.getByRole('region', { name: 'Beschikbaarheid' });
    expect(section.querySelector('.availability-not-configured')!.textContent).toContain('Storingstickets');
    const row = section.querySelector('tr[data-availability="2026-06|premium"]') as HTMLElement;
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent)
        .slice(1, 4),
    ).toEqual(['99,5%', '100%', 'gehaald']);
    expect(section.querySelector('blockquote')!.textContent).toContain('Beschikbaarheidspercentage');
  });

  it('is absent for a contract without availability, and has every word in both languages', () => {
    const m = model('en');
    show({ ...m, report: { ...m.report!, availability: null } });
    expect(screen.queryByRole('region', { name: 'Availability' })).toBeNull();
    expect(Object.keys(availabilityStrings.nl).sort()).toEqual(Object.keys(availabilityStrings.en).sort());
  });

  it('goes into the CSV and JSON exports', () => {
    const onExport = vi.fn();
    render(<ReportView model={model('en')} onRequest={vi.fn()} onExport={onExport} onPrint={vi.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    const [csv, json] = onExport.mock.calls.map((c) => (c[0] as { text: string }).text);
    expect(csv).toContain(
      'availability,2026-06,premium,99.5,99.375,false,270,43200,0,1,#1 #2,2.2 Beschikbaarheid',
    );
    const months = (
      JSON.parse(json!) as { availability: { months: Array<{ tier: string; tmdMinutes: number }> } }
    ).availability.months;
    expect(months.find((m) => m.tier === 'premium')!.tmdMinutes).toBe(270);
  });
});
