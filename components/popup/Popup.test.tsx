import { signal } from '@preact/signals';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { computeCompliance, type FinishedRecord } from '../../lib/compliance/compute';
import { SEED_COMPLIANCE_GOALS } from '../../tests/support/compliance';
import type { PeriodRange } from '../../lib/compliance/period';
import { liveRemainingMs } from '../../lib/live/countdown';
import type { MetricSummary } from '../../lib/registry/types';
import { rowLive, sortByTimeToBreach, summarize, toQueueRows, type QueueRow } from '../../lib/queue/rows';
import type { ComplianceModel, ComplianceReport, PopupModel } from '../../lib/messaging/popup';
import { FIRST_ROWS } from './QueueList';
import { EMPTY_MODEL, H, iso, metric, NOW, row } from '../../tests/support/popup';
import { Popup, type PopupProps } from './Popup';
import { strings } from './strings';

const ROWS: QueueRow[] = [
  row('1', 5 * H),
  row('2', -1 * H, { priority: 'urgent', priorityLabel: 'Urgent', priorityRank: 0 }),
  row('3', 1 * H),
  row(
    '4',
    3 * H,
    { priority: null, priorityLabel: null, priorityRank: null },
    { state: 'paused', remainingMs: 3 * H },
  ),
  row('5', 2 * H, {
    helpdesk: 'topdesk',
    host: 'scope4mation.topdesk.net',
    key: 'topdesk:scope4mation.topdesk.net:5',
    ticketKey: 'I 2611 005',
    policyId: 'scope4mation',
    policyName: 'Scope4mation',
    tier: 'extended',
    tierLabel: 'Extended',
    priority: '2',
    priorityLabel: 'Hoog',
    priorityRank: 1,
  }),
];

function model(over: Partial<PopupModel> = {}): PopupModel {
  return {
    ...EMPTY_MODEL,
    timeZone: 'Europe/Amsterdam',
    hasAssignments: true,
    rows: ROWS,
    refresh: { kind: 'queue', running: false, progress: null, lastRefreshAt: NOW - 5 * 60_000, errors: [] },
    ...over,
  };
}

function setup(over: Partial<PopupModel> = {}, props: Partial<PopupProps> = {}) {
  const now = signal(NOW);
  const cb = {
    onOpen: vi.fn(),
    onRefresh: vi.fn(),
    onPeriodChange: vi.fn(),
    onLoadHistory: vi.fn(),
    onExport: vi.fn(),
    onOpenOptions: vi.fn(),
  };
  const view = render(<Popup model={model(over)} compliance={null} now={now} {...cb} {...props} />);
  return { now, ...cb, view };
}

const rowKeys = () =>
  screen
    .queryAllByRole('listitem')
    .filter((li) => li.classList.contains('row'))
    .map((li) => li.dataset.key);

afterEach(cleanup);

describe('popup queue', () => {
  it('lists the queue by time to breach: overdue first, then the next to breach, paused after', () => {
    setup();
    expect(rowKeys()).toEqual([
      'zendesk:mextra.zendesk.com:2',
      'zendesk:mextra.zendesk.com:3',
      'topdesk:scope4mation.topdesk.net:5',
      'zendesk:mextra.zendesk.com:1',
      'zendesk:mextra.zendesk.com:4',
    ]);
  });

  it('counts down live from the now signal, turning at-risk and breached on time', async () => {
    const { now } = setup();
    const first = () => screen.getByRole('button', { name: /^Zendesk #3 / });
    expect(first().textContent).toContain('1 h left');
    expect(within(first()).getByText('At risk')).toBeTruthy();
    now.value = NOW + 30 * 60_000 + 5000;
    await Promise.resolve();
    expect(first().textContent).toContain('29 min 55 s left');
    now.value = NOW + 90 * 60_000;
    await Promise.resolve();
    expect(first().textContent).toContain('30 min ago');
    expect(within(first()).getByText('Breached')).toBeTruthy();
  });

  it('counts business time down through the open intervals only', async () => {
    const r = row(
      'b',
      5 * H,
      {},
      {
        businessTime: true,
        remainingMs: 2 * H,
        openIntervals: [
          [NOW, NOW + H],
          [NOW + 4 * H, NOW + 5 * H],
        ],
      },
    );
    const { now } = setup({ rows: [r] });
    now.value = NOW + 3 * H; // closed hours: the clock stands still
    await Promise.resolve();
    expect(screen.getByRole('button', { name: /^Zendesk #b / }).textContent).toContain(
      '1 h of business time left',
    );
  });

  it('shows priority and tier labels (not ids), the policy and the helpdesk icon on each row', () => {
    setup();
    const r = screen.getByRole('button', { name: /I 2611 005/ });
    expect(r.querySelector('.chip-priority')?.textContent).toBe('Priority: Hoog');
    expect(r.querySelector('.chip-policy')?.textContent).toBe('Policy: Scope4mation · Extended');
    expect(within(r).getByRole('img', { name: 'TOPdesk' })).toBeTruthy();
  });

  it('names each row with what it shows: ticket, subject, state, metric, time left, priority and policy', () => {
    setup();
    const r = screen.getByRole('button', { name: /I 2611 005/ });
    // No aria-label that would hide the row's text (axe: label-content-name-mismatch).
    expect(r.hasAttribute('aria-label')).toBe(false);
    expect(r.textContent!.replace(/\s+/g, ' ').trim()).toBe(
      'I 2611 005 Subject 5 At risk · Resolution · 2 h left Priority: Hoog Policy: Scope4mation · Extended',
    );
    expect(within(r).getByRole('img', { name: 'TOPdesk' })).toBeTruthy();
    const overdue = screen.getByRole('button', { name: /^Zendesk #2 / });
    expect(overdue.textContent).toContain('Breached · Resolution · 1 h ago');
  });

  it('orders the queue by time to breach, by priority, or oldest first', () => {
    const rows = [
      row('a', 1 * H, { priority: 'low', priorityLabel: 'Low', priorityRank: 2, createdAt: NOW - 5 * H }),
      row('b', 3 * H, {
        priority: 'urgent',
        priorityLabel: 'Urgent',
        priorityRank: 0,
        createdAt: NOW - 1 * H,
      }),
      row('c', 2 * H, { createdAt: NOW - 9 * H }),
    ];
    setup({ rows });
    const keys = () => rowKeys().map((k) => k!.split(':').pop());
    expect(keys()).toEqual(['a', 'c', 'b']);
    fireEvent.change(screen.getByLabelText('Order'), { target: { value: 'priority' } });
    expect(keys()).toEqual(['b', 'c', 'a']);
    fireEvent.change(screen.getByLabelText('Order'), { target: { value: 'age' } });
    expect(keys()).toEqual(['c', 'a', 'b']);
    fireEvent.change(screen.getByLabelText('Order'), { target: { value: 'breach' } });
    expect(keys()).toEqual(['a', 'c', 'b']);
  });

  it('opens a ticket on click with its key and link', () => {
    const { onOpen } = setup();
    fireEvent.click(screen.getByRole('button', { name: /^Zendesk #3 / }));
    expect(onOpen).toHaveBeenCalledWith(
      expect.objectContaining({
        key: 'zendesk:mextra.zendesk.com:3',
        link: 'https://mextra.zendesk.com/agent/tickets/3',
      }),
    );
  });

  it('moves between tickets with the arrow keys, Home and End', () => {
    setup();
    const buttons = screen.getAllByRole('button').filter((b) => b.classList.contains('row-button'));
    buttons[0]!.focus();
    fireEvent.keyDown(buttons[0]!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(buttons[1]);
    fireEvent.keyDown(buttons[1]!, { key: 'End' });
    expect(document.activeElement).toBe(buttons[4]);
    fireEvent.keyDown(buttons[4]!, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(buttons[3]);
    fireEvent.keyDown(buttons[3]!, { key: 'Home' });
    expect(document.activeElement).toBe(buttons[0]);
  });

  it('filters by helpdesk, policy and state', () => {
    setup();
    fireEvent.change(screen.getByLabelText('Helpdesk'), { target: { value: 'topdesk' } });
    expect(rowKeys()).toEqual(['topdesk:scope4mation.topdesk.net:5']);
    fireEvent.change(screen.getByLabelText('Helpdesk'), { target: { value: 'all' } });
    fireEvent.change(screen.getByLabelText('Policy'), { target: { value: 'mextra' } });
    expect(rowKeys()).toHaveLength(4);
    fireEvent.change(screen.getByLabelText('State'), { target: { value: 'breached' } });
    expect(rowKeys()).toEqual(['zendesk:mextra.zendesk.com:2']);
    expect(screen.getByText('1 of 5 tickets')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('State'), { target: { value: 'paused' } });
    expect(rowKeys()).toEqual(['zendesk:mextra.zendesk.com:4']);
  });

  it('re-filters by state as time passes', async () => {
    const { now } = setup();
    fireEvent.change(screen.getByLabelText('State'), { target: { value: 'breached' } });
    expect(rowKeys()).toHaveLength(1);
    now.value = NOW + 61 * 60_000;
    await new Promise((r) => setTimeout(r, 0));
    expect(rowKeys()).toEqual(['zendesk:mextra.zendesk.com:2', 'zendesk:mextra.zendesk.com:3']);
  });

  it('exports the shown queue as CSV through the callback', () => {
    const { onExport } = setup();
    fireEvent.change(screen.getByLabelText('Helpdesk'), { target: { value: 'topdesk' } });
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    const { filename, csv } = onExport.mock.calls[0]![0] as { filename: string; csv: string };
    expect(filename).toBe('sla-queue-2026-03-02.csv');
    expect(csv.split('\r\n')[1]).toMatch(
      /^I 2611 005,Subject 5,topdesk,scope4mation.topdesk.net,Hoog,Scope4mation,Extended,at-risk,resolution,2026-03-02T12:00:00.000Z,120,/,
    );
  });

  it('renders a thousand tickets: the top of the queue at once, the rest in chunks after', async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => row(String(i), (i - 100) * 60_000));
    const onRowsRendered = vi.fn();
    setup({ rows }, { onRowsRendered });
    expect(document.querySelectorAll('li.row')).toHaveLength(FIRST_ROWS);
    expect(screen.getByText('1000 tickets')).toBeTruthy();
    // The chunks follow each other on timers; a busy machine may need more than waitFor's default 1 s.
    await waitFor(() => expect(document.querySelectorAll('li.row')).toHaveLength(1000), { timeout: 15_000 });
    const items = document.querySelectorAll('li.row');
    expect((items[0] as HTMLElement).dataset.key).toBe('zendesk:mextra.zendesk.com:0');
    expect((items[999] as HTMLElement).dataset.key).toBe('zendesk:mextra.zendesk.com:999');
    expect(onRowsRendered).toHaveBeenCalledWith(FIRST_ROWS, 1000);
    await waitFor(() => expect(onRowsRendered).toHaveBeenLastCalledWith(1000, 1000), { timeout: 15_000 });
  }, 30_000);

  it('says what to do when there are no tickets yet', () => {
    setup({ rows: [] });
    expect(screen.getByText(/No tickets yet/)).toBeTruthy();
  });
});

describe('popup summary', () => {
  it('counts breached, at risk, running and paused overall, then per policy (with its tiers) and priority', () => {
    setup();
    const counts = screen.getByRole('list', { name: 'All tickets' });
    const n = (state: string) => counts.querySelector(`[data-state="${state}"] .count-n`)?.textContent;
    expect([n('breached'), n('at-risk'), n('running'), n('paused')]).toEqual(['1', '2', '1', '1']);
    const s = summarize(ROWS, NOW);
    expect(s.byPolicy.map((p) => [p.policyName, p.open])).toEqual([
      ['Mextra', 4],
      ['Scope4mation', 1],
    ]);
    expect(s.byPolicy[0]!.byPriority.map((p) => p.priority)).toEqual(['Urgent', 'High', null]);
    expect(s.byPolicy[0]!.byPriority[1]!.counts).toEqual({
      breached: 0,
      'at-risk': 1,
      running: 1,
      paused: 0,
    });
    // Each policy is a row group headed by its name and tier mix, its priorities below it.
    const groups = document.querySelectorAll('tbody.policy-group');
    expect([...groups].map((g) => g.querySelector('th[scope="rowgroup"]')?.textContent)).toEqual([
      'Mextra · Standard SLA: 4',
      'Scope4mation · Extended: 1',
    ]);
    expect([...groups[0]!.querySelectorAll('th[scope="row"]')].map((th) => th.textContent)).toEqual([
      'Urgent',
      'High',
      'No priority',
    ]);
    expect([...groups[1]!.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['0', '1', '0', '0']);
  });

  it('keeps the same priority name in two contracts apart, lists every tier, and puts tickets without a policy last', () => {
    const membro = { policyId: 'membro', policyName: 'Membro', tier: 'premium', tierLabel: 'Premium' };
    const rows = [
      row('1', 5 * H),
      row('2', -1 * H, membro),
      row('3', 6 * H, { ...membro, tier: 'basic', tierLabel: 'Basic' }),
      row('4', 7 * H, { ...membro, tier: null, tierLabel: null }),
      row('5', 8 * H, { policyId: null, policyName: null, tier: null, tierLabel: null }),
    ];
    const s = summarize(rows, NOW);
    expect(s.byPolicy.map((p) => p.policyName)).toEqual(['Membro', 'Mextra', null]);
    expect(s.byPolicy[0]!.byPriority).toEqual([
      { priority: 'High', counts: { breached: 1, 'at-risk': 0, running: 2, paused: 0 } },
    ]);
    expect(s.byPolicy[1]!.byPriority).toEqual([
      { priority: 'High', counts: { breached: 0, 'at-risk': 0, running: 1, paused: 0 } },
    ]);
    setup({ rows });
    expect([...document.querySelectorAll('th[scope="rowgroup"]')].map((th) => th.textContent)).toEqual([
      'Membro · Basic: 1, Premium: 1, no tier: 1',
      'Mextra · Standard SLA: 1',
      'No policy: 1',
    ]);
  });
});

describe('popup summary fold', () => {
  it('starts folded (the queue comes first), reports an unfold, and starts unfolded when the page remembered that', () => {
    const onBreakdownToggle = vi.fn();
    setup({}, { onBreakdownToggle });
    const details = document.querySelector('details.breakdown') as HTMLDetailsElement;
    expect(details.open).toBe(false);
    expect(screen.getByText('Per policy and priority').tagName).toBe('SUMMARY');
    details.open = true;
    details.dispatchEvent(new Event('toggle'));
    expect(onBreakdownToggle).toHaveBeenLastCalledWith(true);
    cleanup();
    setup({ language: 'nl' }, { breakdownOpen: true });
    expect((document.querySelector('details.breakdown') as HTMLDetailsElement).open).toBe(true);
    cleanup();
    setup({ language: 'nl' }, { breakdownOpen: false });
    expect((document.querySelector('details.breakdown') as HTMLDetailsElement).open).toBe(false);
    expect(screen.getByText('Per beleid en prioriteit')).toBeTruthy();
    // Folded, the overall counts still show.
    expect(screen.getByRole('list', { name: 'Alle tickets' })).toBeTruthy();
  });
});

describe('popup refresh bar', () => {
  it('shows the last refresh time and asks for a refresh', () => {
    const { onRefresh } = setup();
    expect(screen.getByText('Last refresh 2 Mar, 10:55')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Refresh queue' }));
    expect(onRefresh).toHaveBeenCalledOnce();
  });

  it('shows progress while refreshing, the wait a 429 asked for, and problems', () => {
    const { onRefresh } = setup({
      refresh: {
        kind: 'queue',
        running: true,
        progress: { done: 3, total: 5 },
        lastRefreshAt: null,
        errors: [{ helpdesk: 'topdesk', host: 'scope4mation.topdesk.net', message: 'HTTP 500' }],
      },
    });
    // Not disabled (that would drop keyboard focus to the page): marked busy, and a click does nothing.
    const busy = screen.getByRole('button', { name: 'Refreshing…' });
    expect(busy.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(busy);
    expect(onRefresh).not.toHaveBeenCalled();
    expect(screen.getByText(/3 of 5 tickets read/)).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('scope4mation.topdesk.net: HTTP 500');
    cleanup();
    setup({
      refresh: {
        kind: 'queue',
        running: true,
        progress: { done: 3, total: null, waitingMs: 7000 },
        lastRefreshAt: null,
        errors: [],
      },
    });
    expect(screen.getByText(/asked to wait 7 s/)).toBeTruthy();
  });

  it('announces when a refresh finished, not every count of tickets read', () => {
    const running = (done: number) => ({
      refresh: {
        kind: 'queue' as const,
        running: true,
        progress: { done, total: 5 },
        lastRefreshAt: null,
        errors: [],
      },
    });
    const live = () =>
      [...document.querySelectorAll('.refresh [role="status"], .refresh [aria-live]')].map(
        (r) => r.textContent,
      );
    setup(running(3));
    expect(screen.getByText(/3 of 5 tickets read/).closest('[role="status"], [aria-live]')).toBeNull();
    expect(live()).toEqual(['']);
    cleanup();
    setup(running(4));
    expect(live()).toEqual(['']);
    cleanup();
    setup();
    expect(live()).toEqual(['Last refresh 2 Mar, 10:55']);
  });
});

describe('popup empty state and tabs', () => {
  it('points to Options when no policy is assigned yet', () => {
    const { onOpenOptions } = setup({ hasAssignments: false });
    expect(screen.getByText('No policy assigned yet')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Open Options' }));
    expect(onOpenOptions).toHaveBeenCalledOnce();
  });

  it('says the configuration could not be read, not "no policy assigned yet", when it was unreadable', () => {
    const { onOpenOptions } = setup({ hasAssignments: false, configUnreadable: true });
    expect(screen.getByText('Configuration could not be read — nothing was changed')).toBeTruthy();
    expect(screen.queryByText('No policy assigned yet')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Open Options' }));
    expect(onOpenOptions).toHaveBeenCalledOnce();
  });

  it('switches tabs with the arrow keys', () => {
    const onTabChange = vi.fn();
    setup({}, { onTabChange });
    const queueTab = screen.getByRole('tab', { name: 'Queue' });
    expect(queueTab.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(queueTab, { key: 'ArrowRight' });
    expect(screen.getByRole('tab', { name: 'Compliance' }).getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Compliance' }));
    expect(onTabChange).toHaveBeenCalledWith('compliance');
  });

  it('speaks Dutch', () => {
    setup({ language: 'nl' });
    expect(screen.getByRole('tab', { name: 'Wachtrij' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Wachtrij verversen' })).toBeTruthy();
    expect(screen.getByRole('button', { name: /^Zendesk #3 / }).textContent).toContain('nog 1 u');
    expect(screen.getByText('5 tickets')).toBeTruthy();
  });
});

describe('popup compliance', () => {
  const range: PeriodRange = {
    period: { kind: 'month', year: 2026, month: 2 },
    from: Date.parse('2026-01-31T23:00:00Z'),
    to: Date.parse('2026-02-28T23:00:00Z'),
    zone: 'Europe/Amsterdam',
    firstDay: '2026-02-01',
    lastDay: '2026-02-28',
  };
  const rec = (i: number, met: boolean, priority = 'P1'): FinishedRecord => ({
    key: `zendesk:workspace365.zendesk.com:${i}`,
    ticketKey: `#${i}`,
    subject: `W ${i}`,
    link: `https://workspace365.zendesk.com/agent/tickets/${i}`,
    policyId: 'workspace365',
    policyName: 'Workspace 365',
    tier: 'basic',
    priority,
    closedAt: Date.parse('2026-02-10T12:00:00Z') + i * H,
    metrics: {
      resolution: {
        state: met ? 'met' : 'breached',
        goalState: null,
        dueAt: null,
        goalAt: null,
        stoppedAt: null,
      },
    },
  });
  const report = computeCompliance(
    [rec(1, true), rec(2, true), rec(3, false), rec(4, true, 'P3')],
    range,
    SEED_COMPLIANCE_GOALS,
  );

  const vocabulary = {
    workspace365: {
      priorities: ['P1', 'P2', 'P3', 'P4'].map((id) => ({ id, label: `Priority ${id.slice(1)}` })),
      tiers: {},
    },
  };
  function open(
    over: { report: ComplianceReport; error: null } | { report: null; error: string } | null = {
      report,
      error: null,
    },
    extra: Partial<ComplianceModel> = {},
    model: Partial<PopupModel> = {},
  ) {
    const compliance = (
      over === null ? null : { period: range.period, vocabulary, historyLoadedAt: null, ...over, ...extra }
    ) as ComplianceModel | null;
    return setup(model, { initialTab: 'compliance', compliance });
  }

  it('shows the figures per priority against the goal, with a bar and the goal line', () => {
    open();
    const p1 = document.querySelector('[data-figure^="workspace365|P1|resolution|due"]') as HTMLElement;
    expect(within(p1).getByRole('rowheader').textContent).toBe('Priority 1');
    expect(p1.textContent).toContain('2/3');
    expect(p1.textContent).toContain('66.7%');
    expect(p1.textContent).toContain('> 99%');
    expect(p1.textContent).toContain('below goal');
    const bar = within(p1).getByRole('img', { name: '66.7%, goal > 99%' });
    expect(Number(bar.querySelector('.bar')?.getAttribute('width'))).toBeCloseTo(64, 0);
    expect(bar.querySelector('.goal-line')?.getAttribute('x1')).toBe(String(0.99 * 96));
    const p3 = document.querySelector('[data-figure^="workspace365|P3"]') as HTMLElement;
    expect(p3.textContent).toContain('no goal');
    expect(screen.getByText(/1 Feb 2026 – 28 Feb 2026: 4 finished tickets/)).toBeTruthy();
  });

  it('lists the breaches behind a figure and opens one', () => {
    const { onOpen } = open();
    fireEvent.click(screen.getByRole('button', { name: '1 breach' }));
    fireEvent.click(screen.getByRole('button', { name: '#3' }));
    expect(onOpen).toHaveBeenCalledWith({
      key: 'zendesk:workspace365.zendesk.com:3',
      link: 'https://workspace365.zendesk.com/agent/tickets/3',
    });
    expect(screen.getByRole('button', { name: 'Hide breaches' }).getAttribute('aria-expanded')).toBe('true');
  });

  it('asks the background for another period', () => {
    const { onPeriodChange } = open();
    fireEvent.change(screen.getByLabelText('Month'), { target: { value: '2026-01' } });
    expect(onPeriodChange).toHaveBeenCalledWith({ kind: 'month', year: 2026, month: 1 });
    fireEvent.change(screen.getByLabelText('Period'), { target: { value: 'last-30-days' } });
    expect(onPeriodChange).toHaveBeenLastCalledWith({ kind: 'last-30-days' });
  });

  it('exports the compliance table as CSV', () => {
    const { onExport } = open();
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(onExport.mock.calls[0]![0]).toMatchObject({
      filename: 'sla-compliance-2026-02-01-2026-02-28.csv',
    });
    expect((onExport.mock.calls[0]![0] as { csv: string }).csv).toContain(
      'Workspace 365,P1,resolution,due,2,3,66.7,> 99%,no',
    );
  });

  it('says what the figures count, and reads the period from the helpdesk on request', () => {
    const { onLoadHistory } = open();
    expect(screen.getByText(/Counts the tickets the extension saw finish/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Read from the helpdesk' }));
    expect(onLoadHistory).toHaveBeenCalledOnce();
    cleanup();
    open({ report, error: null }, { historyLoadedAt: NOW - 3600_000 });
    expect(
      screen.getByText('Finished tickets read from the helpdesk 2 Mar, 10:00.', { exact: false }),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Read again' })).toBeTruthy();
  });

  it('shows a history read in progress and its problems on the compliance tab, not on the queue’s', () => {
    const reading = {
      kind: 'history' as const,
      running: true,
      progress: { done: 12, total: 40 },
      lastRefreshAt: null,
      errors: [],
    };
    open({ report, error: null }, {}, { refresh: reading });
    expect(
      screen.getByRole('button', { name: 'Reading finished tickets…' }).getAttribute('aria-disabled'),
    ).toBe('true');
    expect(screen.getByText(/12 of 40 tickets read/)).toBeTruthy();
    cleanup();
    const failed = {
      ...reading,
      running: false,
      progress: null,
      errors: [{ helpdesk: 'zendesk' as const, host: 'mextra.zendesk.com', message: 'HTTP 422' }],
    };
    open({ report, error: null }, {}, { refresh: failed });
    expect(screen.getByRole('alert').textContent).toBe(
      'Problems reading from the helpdeskmextra.zendesk.com: HTTP 422',
    );
    cleanup();
    setup({ refresh: failed });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows a waiting state, a failure with its reason, and an empty period', () => {
    open(null);
    expect(screen.getByText('Computing…')).toBeTruthy();
    cleanup();
    open({ report: null, error: 'unknown time zone "Mars/Base"' });
    expect(screen.getByRole('alert').textContent).toBe(
      'Compliance could not be computed: unknown time zone "Mars/Base"',
    );
    cleanup();
    open({ report: { range, tickets: 0, rows: [] }, error: null });
    expect(screen.getByText('No finished tickets in this period.')).toBeTruthy();
  });
});

describe('popup model', () => {
  const entry = (metrics: Partial<Record<'response' | 'resolution', MetricSummary>>, evaluatedAt = NOW) => ({
    key: 'zendesk:w.zendesk.com:9',
    helpdesk: 'zendesk' as const,
    host: 'w.zendesk.com',
    ticketId: '9',
    ticketKey: '#9',
    subject: 's',
    link: 'l',
    ticket: { createdAt: iso(NOW) },
    policyId: 'workspace365',
    tier: 'basic',
    evaluation: {
      evaluatedAt: iso(evaluatedAt),
      policy: 'workspace365',
      policyName: 'Workspace 365',
      tier: 'basic',
      type: 'incident',
      priority: 'P2',
      metrics,
    },
    lastSeen: NOW,
    lastRefresh: NOW,
    source: 'opened' as const,
  });
  const vocab = {
    workspace365: {
      priorities: ['P1', 'P2', 'P3', 'P4'].map((id) => ({ id, label: `Prioriteit ${id.slice(1)}` })),
      tiers: { basic: 'Basis' },
    },
  };

  it('builds rows from registry entries with the policy priority order and labels', () => {
    const rows = toQueueRows([entry({})], NOW, vocab);
    expect(rows[0]).toMatchObject({
      priority: 'P2',
      priorityLabel: 'Prioriteit 2',
      priorityRank: 1,
      policyName: 'Workspace 365',
      tier: 'basic',
      tierLabel: 'Basis',
      evaluatedAt: NOW,
    });
    expect(sortByTimeToBreach(rows, NOW)).toHaveLength(1);
    // A policy no longer in effect: ids stand in for labels
    expect(toQueueRows([entry({})], NOW)[0]).toMatchObject({ priorityLabel: 'P2', tierLabel: 'basic' });
  });

  it('rebases a stored evaluation to now: the same countdown, only the intervals still ahead', () => {
    const evaluatedAt = NOW - 3 * H;
    const intervals: Array<[number, number]> = Array.from({ length: 8 }, (_, d) => [
      evaluatedAt + d * 24 * H,
      evaluatedAt + d * 24 * H + 8 * H,
    ]);
    const m = metric({
      businessTime: true,
      remainingMs: 10 * H,
      dueAt: iso(evaluatedAt + 24 * H + 2 * H),
      atRiskAt: iso(evaluatedAt + 24 * H),
      openIntervals: intervals,
      goalAt: iso(NOW),
      stoppedAt: null,
    });
    const [row] = toQueueRows([entry({ resolution: m }, evaluatedAt)], NOW, vocab);
    const live = row!.metrics.resolution!;
    expect(row!.evaluatedAt).toBe(NOW);
    expect(live.remainingMs).toBe(7 * H);
    expect(live.openIntervals).toEqual(intervals.slice(0, 3));
    expect(Object.keys(live).sort()).toEqual(
      ['atRisk', 'atRiskAt', 'businessTime', 'dueAt', 'openIntervals', 'remainingMs', 'state'].sort(),
    );
    // The rest of today's hours, then the next day's, count down as from the stored evaluation
    const later = evaluatedAt + 24 * H + H;
    expect(rowLive(row!, later).remainingMs).toBe(H);
    expect(liveRemainingMs(m, evaluatedAt, later)).toBe(H);
  });

  it('keeps every English key in Dutch', () => {
    const keys = (o: object): string[] =>
      Object.entries(o).flatMap(([k, v]) =>
        v && typeof v === 'object' ? keys(v).map((s) => `${k}.${s}`) : [k],
      );
    expect(keys(strings.nl)).toEqual(keys(strings.en));
  });
});
