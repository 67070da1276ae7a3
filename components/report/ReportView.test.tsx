import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildServiceReport } from '../../lib/report/compute';
import { entry, policy, reply, status, ZONE } from '../../tests/support/report';
import type { ReportModel } from '../../lib/messaging/report';
import { ReportView } from './ReportView';

afterEach(cleanup);

// Workspace 365, March 2026: one P1 met, one P1 answered 5 business minutes late, one hotfix-exempt.
const entries = [
  entry('workspace365', 11, {
    createdAt: '2026-03-02T08:00:00Z',
    priority: 'P1',
    events: [reply('2026-03-02T08:03:00Z'), status('2026-03-02T10:00:00Z', 'solved')],
  }),
  entry('workspace365', 12, {
    createdAt: '2026-03-03T08:00:00Z',
    priority: 'P1',
    events: [
      reply('2026-03-03T08:02:00Z'),
      { at: '2026-03-03T09:00:00Z', type: 'hotfix' },
      status('2026-03-04T11:00:00Z', 'solved'),
    ],
  }),
  entry('workspace365', 13, {
    createdAt: '2026-03-04T08:00:00Z',
    priority: 'P1',
    events: [reply('2026-03-04T08:10:00Z'), status('2026-03-04T11:00:00Z', 'solved')],
  }),
];

function model(locale: 'nl' | 'en'): ReportModel {
  const period = { kind: 'month' as const, year: 2026, month: 3 };
  return {
    policies: [{ id: 'workspace365', name: 'Workspace 365' }],
    policyId: 'workspace365',
    period,
    locale,
    customer: null,
    uiLanguage: 'en',
    timeZone: ZONE,
    report: buildServiceReport({
      policy: policy('workspace365'),
      entries,
      period,
      zone: ZONE,
      now: 0,
      locale,
    }),
    error: null,
    computeMs: 3,
  };
}

describe('ReportView', () => {
  it('shows the figures, the breach with its lateness and explanation, the exempt ticket and the RCA list', () => {
    render(<ReportView model={model('en')} onRequest={vi.fn()} onExport={vi.fn()} onPrint={vi.fn()} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Service report: Workspace 365');
    const resp = document.querySelector('tr[data-figure="P1|response|due"]')!;
    expect(resp.className).toBe('misses');
    expect(within(resp as HTMLElement).getByText('2/3')).toBeTruthy();
    expect(resp.textContent).toContain('66.7%');
    expect(document.querySelector('tr[data-figure="P1|resolution|due"]')!.className).toBe('meets');
    const breach = document.querySelector('li.breach[data-ticket="#13"]')!;
    expect(breach.textContent).toContain('5 min business time late');
    expect(breach.querySelector('pre.explanation')!.textContent).toContain(
      'Response: due 5 business minutes',
    );
    expect(breach.querySelector('a')!.getAttribute('href')).toBe(
      'https://workspace365.example/agent/tickets/13',
    );
    expect(document.querySelector('[data-left-out="resolution|exempt"]')!.textContent).toContain('#12');
    expect(document.querySelectorAll('li.obligation.unknown')).toHaveLength(3);
    expect(screen.getByRole('heading', { name: '12-month trend' })).toBeTruthy();
  });

  it('speaks the report language, and asks for another language, month or export', () => {
    const onRequest = vi.fn();
    const onExport = vi.fn();
    render(<ReportView model={model('nl')} onRequest={onRequest} onExport={onExport} onPrint={vi.fn()} />);
    expect(screen.getByRole('heading', { name: 'Naleving van de normen' })).toBeTruthy();
    expect(document.querySelector('pre.explanation')!.textContent).toContain('Reactie: uiterlijk');
    // Durations as the Dutch sidebar and popup write them ("5 min", "2 u 5 min"), not "5m".
    expect(document.querySelector('li.breach[data-ticket="#13"]')!.textContent).toContain(
      '5 min werktijd te laat',
    );
    fireEvent.change(screen.getByLabelText('Taal van het rapport'), { target: { value: 'en' } });
    expect(onRequest).toHaveBeenLastCalledWith({
      policyId: 'workspace365',
      period: { kind: 'month', year: 2026, month: 3 },
      locale: 'en',
      customer: null,
    });
    fireEvent.change(screen.getByLabelText('Maand'), { target: { value: '2026-02' } });
    expect(onRequest).toHaveBeenLastCalledWith(
      expect.objectContaining({ period: { kind: 'month', year: 2026, month: 2 } }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'CSV exporteren' }));
    const csv = onExport.mock.calls[0]![0] as { filename: string; text: string };
    expect(csv.filename).toBe('service-report-workspace365-2026-03-01-2026-03-31.csv');
    expect(csv.text).toContain('compliance,P1,response,due,2,3,');
    expect(csv.text).toContain('breach,#13,P1,response,due,');
    fireEvent.click(screen.getByRole('button', { name: 'JSON exporteren' }));
    const json = JSON.parse((onExport.mock.calls[1]![0] as { text: string }).text) as { tickets: number };
    expect(json.tickets).toBe(3);
  });

  it('offers the customers of the period, asks for one, and names it in the head and the file', () => {
    const withCustomers = entries.map((e, i) => ({
      ...e,
      facts: { customer: i === 0 ? 'Acme' : 'Bakkerij', tags: [] },
    }));
    const base = model('en');
    const build = (customer: string | null) =>
      buildServiceReport({
        policy: policy('workspace365'),
        entries: withCustomers,
        period: base.period,
        zone: ZONE,
        now: 0,
        locale: 'en',
        customer,
      });
    const all: ReportModel = {
      ...base,
      report: build(null),
    };
    const onRequest = vi.fn();
    const onExport = vi.fn();
    const { rerender } = render(
      <ReportView model={all} onRequest={onRequest} onExport={onExport} onPrint={vi.fn()} />,
    );
    const select = screen.getByLabelText('Customer') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(['All customers', 'Acme', 'Bakkerij']);
    expect(select.value).toBe('');
    fireEvent.change(select, { target: { value: 'Bakkerij' } });
    expect(onRequest).toHaveBeenLastCalledWith(
      expect.objectContaining({ customer: 'Bakkerij', period: base.period }),
    );

    const one: ReportModel = {
      ...all,
      customer: 'Bakkerij',
      report: build('Bakkerij'),
    };
    rerender(<ReportView model={one} onRequest={onRequest} onExport={onExport} onPrint={vi.fn()} />);
    expect(document.querySelector('.report-head')!.textContent).toContain(
      '2 finished tickets · Customer: Bakkerij',
    );
    expect((screen.getByLabelText('Customer') as HTMLSelectElement).value).toBe('Bakkerij');
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect((onExport.mock.calls[0]![0] as { filename: string }).filename).toBe(
      'service-report-workspace365-Bakkerij-2026-03-01-2026-03-31.csv',
    );
    // Another contract starts again with all customers.
    fireEvent.change(screen.getByLabelText('Contract'), { target: { value: 'workspace365' } });
    expect(onRequest).toHaveBeenLastCalledWith(expect.objectContaining({ customer: null }));
  });

  it('offers no customer choice when no ticket of the period has a known customer', () => {
    render(<ReportView model={model('en')} onRequest={vi.fn()} onExport={vi.fn()} onPrint={vi.fn()} />);
    expect(screen.queryByLabelText('Customer')).toBeNull();
  });
});
