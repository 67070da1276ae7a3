import { signal } from '@preact/signals';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Locale } from '../../lib/i18n/core.ts';
import {
  AGENT_ZONE,
  scenarios,
  ticket,
  XSS_SUBJECT,
  type ScenarioId,
} from '../../tests/support/sidebar/scenarios.ts';
import type { SidebarModel } from '../../lib/messaging/sidebar.ts';
import { Sidebar, type SidebarProps } from './Sidebar.tsx';
import { NARROW_QUERY } from './useNarrowViewport.ts';

afterEach(cleanup);

const at = (iso: string) => Date.parse(iso);

function show(id: ScenarioId, over: Partial<SidebarProps> & { locale?: Locale } = {}) {
  const s = scenarios[id];
  const clock = signal(s.nowMs);
  const props: SidebarProps = {
    model: s.model,
    now: clock,
    locale: 'en',
    agentZone: AGENT_ZONE,
    side: 'right',
    collapsed: false,
    onCollapsedChange: vi.fn(),
    onOpenOptions: vi.fn(),
    onSideChange: vi.fn(),
    onRetry: vi.fn(),
    ...over,
  };
  const r = render(<Sidebar {...props} />);
  const card = (name: RegExp) => screen.getByRole('region', { name });
  return { ...r, props, clock, card };
}

const liveRegion = () => screen.getByRole('status');

describe('Sidebar: metric states', () => {
  it('shows a running clock: business and calendar time left, due, 90% goal, progress and the header', () => {
    const { card } = show('running');
    const c = within(card(/Resolution/));
    expect(c.getByText('Running')).toBeTruthy();
    expect(c.getByText('11 h 29 min of business time left')).toBeTruthy();
    expect(c.getByText('Calendar time left: 1 d 18 h')).toBeTruthy();
    expect(c.getByText('Clock running')).toBeTruthy();
    expect(c.getByText('Wed 10:00')).toBeTruthy();
    expect(c.getByText('90% goal')).toBeTruthy();
    expect(c.getByText('Tue 10:00')).toBeTruthy();
    expect(c.getByText('2 business days')).toBeTruthy();
    const bar = c.getByRole('progressbar', { name: 'Resolution: share of the target used' });
    expect(bar.getAttribute('aria-valuenow')).toBe('32');
    expect(bar.getAttribute('aria-valuemin')).toBe('0');
    expect(bar.getAttribute('aria-valuemax')).toBe('100');
    expect(bar.getAttribute('aria-valuetext')).toBe('32% of the target used');
    expect(screen.getByText('Mextra')).toBeTruthy();
    expect(screen.getByText('Standard SLA')).toBeTruthy();
    expect(screen.getByText('(policy default)')).toBeTruthy();
    expect(screen.getByText('(from mapping)')).toBeTruthy();
  });

  it('counts down as the page’s ticker moves, without starting a timer of its own', () => {
    const setInterval = vi.spyOn(globalThis, 'setInterval');
    const setTimeout = vi.spyOn(globalThis, 'setTimeout');
    const { clock, card } = show('running');
    act(() => {
      clock.value += 3_600_000;
    });
    expect(within(card(/Resolution/)).getByText('10 h 29 min of business time left')).toBeTruthy();
    expect(setInterval).not.toHaveBeenCalled();
    expect(setTimeout).not.toHaveBeenCalled();
    setInterval.mockRestore();
    setTimeout.mockRestore();
  });

  it('words Zendesk status ids in the agent’s language, and keeps a status the helpdesk already worded', () => {
    const s = scenarios.paused;
    const model = { ...s.model, display: ticket({ status: 'pending' }) } as SidebarModel;
    show('paused', { model, locale: 'nl' });
    expect(screen.getByText(/Anna de Vries · Mextra · In afwachting/)).toBeTruthy();
    cleanup();
    show('paused', { model: { ...s.model, display: ticket({ status: 'Wacht op klant' }) } as SidebarModel });
    expect(screen.getByText(/· Wacht op klant/)).toBeTruthy();
  });

  it('shows a paused clock with who it waits on and since when', () => {
    const { card } = show('paused');
    const c = within(card(/Resolution/));
    expect(c.getByText('Paused')).toBeTruthy();
    expect(c.getByText('Waiting on customer since 14:02')).toBeTruthy();
    expect(c.getByText('12 h 58 min of business time left (clock paused)')).toBeTruthy();
    expect(c.getByText('Due if the clock resumes now')).toBeTruthy();
  });

  it('says the clock is not running outside business hours, and until when', () => {
    const { card } = show('closedHours');
    const c = within(card(/Resolution/));
    expect(c.getByText('Clock not running: outside business hours until Mon 09:00')).toBeTruthy();
    expect(c.getByText('9 h 30 min of business time left')).toBeTruthy();
  });

  it('shows a met clock: when, how early, and the due moment in the contract’s zone too', () => {
    const { card } = show('met');
    const c = within(card(/Response/));
    expect(c.getByText('Met')).toBeTruthy();
    expect(c.getByText('Met 16:00, 7 h early')).toBeTruthy();
    expect(c.getByText('23:00')).toBeTruthy();
    expect(c.getByText('17:00 in New York')).toBeTruthy();
  });

  it('does not repeat the due moment when the contract shares the agent’s clock', () => {
    const { card } = show('running', { agentZone: 'Europe/Brussels' });
    expect(within(card(/Resolution/)).queryByText(/ in Amsterdam/)).toBeNull();
  });

  it('shows breaches in red words and icons, how long ago, with the contract’s escalation', () => {
    const { card, container } = show('breached');
    expect(within(card(/Response/)).getByText('Breached 5 h 30 min ago')).toBeTruthy();
    expect(within(card(/Resolution/)).getByText('Breached 2 h 30 min ago')).toBeTruthy();
    expect(screen.getByText('Response breached')).toBeTruthy();
    expect(screen.getByText('Resolution breached')).toBeTruthy();
    expect(container.querySelector('.sla-warning-breached .sla-escalation')!.textContent).toMatch(
      /^Escalation: Critical incidents reported in the Support Portal/,
    );
    expect(screen.getByText('Contact: escalatie@membro.nl')).toBeTruthy();
    expect(card(/Response/).querySelector('svg')).toBeTruthy();
  });

  it('turns breached when the deadline passes on the page’s clock', () => {
    const { clock, card } = show('running');
    act(() => {
      clock.value = at('2026-02-11T12:10:00+01:00');
    });
    expect(within(card(/Resolution/)).getByText('Breached 2 h 10 min ago')).toBeTruthy();
  });

  it('shows a target without a deadline in the contract’s own words', () => {
    const { card } = show('none');
    expect(within(card(/Response/)).getByText('Redelijke inspanning')).toBeTruthy();
    expect(within(card(/Resolution/)).getByText('Eigen planning')).toBeTruthy();
    expect(within(card(/Response/)).getByText('No deadline in the contract')).toBeTruthy();
    expect(within(card(/Response/)).queryByRole('progressbar')).toBeNull();
  });

  it('shows an exempt target with its reason, and a late response with how late', () => {
    const { card, container } = show('exempt');
    const res = within(card(/Resolution/));
    expect(res.getByText('Exempt')).toBeTruthy();
    expect(
      res.getByText('Exempt: the P1 can only be solved with a hotfix, so the 4-hour resolution time lapses'),
    ).toBeTruthy();
    expect(within(card(/Response/)).getByText('Breached: stopped 09:10, 5 min late')).toBeTruthy();
    expect(container.querySelector('.sla-warning-breached .sla-escalation')!.textContent).toMatch(
      /^Escalation: 24x7 escalation phone for priority 1/,
    );
  });

  it('warns when at most the threshold of the target remains', () => {
    const { card } = show('atRisk');
    expect(within(card(/Resolution/)).getByText('At risk')).toBeTruthy();
    expect(within(card(/Resolution/)).getByText('4 h of business time left')).toBeTruthy();
    expect(screen.getByText('Resolution at risk: 4 h left (threshold 25% of the target)')).toBeTruthy();
  });

  it('uses the at-risk threshold from Options', () => {
    show('running', { atRiskShare: 0.7 });
    expect(
      screen.getByText('Resolution at risk: 11 h 29 min left (threshold 70% of the target)'),
    ).toBeTruthy();
  });
});

describe('Sidebar: announcements', () => {
  it('announces state changes politely and stays quiet on ticks', () => {
    const { clock } = show('running');
    const region = liveRegion();
    expect(region.getAttribute('aria-live')).toBe('polite');
    expect(region.textContent).toBe('Resolution: Running.');
    const before = region.textContent;
    act(() => {
      clock.value += 1000;
    });
    expect(region.textContent).toBe(before);
    act(() => {
      clock.value = at('2026-02-10T14:20:00+01:00');
    });
    expect(region.textContent).toBe('Resolution: At risk.');
  });
});

describe('Sidebar: collapse, side, theme', () => {
  it('collapses to an edge tab showing only the most urgent countdown', () => {
    const onCollapsedChange = vi.fn();
    show('breached', { collapsed: true, onCollapsedChange });
    const tab = screen.getByRole('button', {
      name: 'SLA 5 h 30 min ago: Response Breached. Expand the sidebar.',
    });
    // The name contains the visible text (WCAG 2.5.3, axe label-content-name-mismatch).
    expect(tab.textContent).toBe('SLA5 h 30 min ago');
    expect(tab.getAttribute('aria-label')).toContain(
      [...tab.querySelectorAll('span')].map((x) => x.textContent).join(' '),
    );
    expect(tab.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('region', { name: /Resolution/ })).toBeNull();
    fireEvent.click(tab);
    expect(onCollapsedChange).toHaveBeenCalledWith(false);
  });

  it('shows the time left on the tab of a running ticket', () => {
    show('atRisk', { collapsed: true });
    expect(
      screen.getByRole('button', { name: 'SLA 4 h: Resolution At risk. Expand the sidebar.' }).textContent,
    ).toBe('SLA4 h');
  });

  it('folds to its tab by itself in a narrow or zoomed viewport, without changing the stored choice', () => {
    // 1280 px at 200% zoom: the narrow query matches.
    vi.stubGlobal('matchMedia', (query: string) => ({
      matches: query === NARROW_QUERY,
      addEventListener: () => {},
      removeEventListener: () => {},
    }));
    try {
      const { props } = show('running');
      const tab = screen.getByRole('button', { name: /Expand the sidebar/ });
      fireEvent.click(tab);
      expect(props.onCollapsedChange).not.toHaveBeenCalled();
      expect(screen.getByRole('button', { name: 'Collapse the SLA sidebar' })).toBeTruthy();
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Collapse the SLA sidebar' }));
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('the keyboard command unfolds and focuses the sidebar, and folds it when focus is inside', () => {
    const { props, rerender } = show('running', { collapsed: true, command: 0 });
    rerender(<Sidebar {...props} command={1} />);
    expect(props.onCollapsedChange).toHaveBeenLastCalledWith(false);
    rerender(<Sidebar {...props} collapsed={false} command={1} />);
    const collapse = screen.getByRole('button', { name: 'Collapse the SLA sidebar' });
    expect(document.activeElement).toBe(collapse);
    (document.activeElement as HTMLElement).blur();
    rerender(<Sidebar {...props} collapsed={false} command={2} />);
    expect(document.activeElement).toBe(collapse);
    rerender(<Sidebar {...props} collapsed={false} command={3} />);
    expect(props.onCollapsedChange).toHaveBeenLastCalledWith(true);
  });

  it('asks to collapse and to move to the other side', () => {
    const { props } = show('running');
    fireEvent.click(screen.getByRole('button', { name: 'Collapse the SLA sidebar' }));
    expect(props.onCollapsedChange).toHaveBeenCalledWith(true);
    fireEvent.click(screen.getByRole('button', { name: 'Move the sidebar to the left' }));
    expect(props.onSideChange).toHaveBeenCalledWith('left');
  });

  it('follows the side and theme it is given', () => {
    const { container } = show('running', { side: 'left', theme: 'dark' });
    const root = container.querySelector('.sla-root')!;
    expect(root.classList.contains('side-left')).toBe(true);
    expect(root.classList.contains('theme-dark')).toBe(true);
    expect(root.getAttribute('lang')).toBe('en');
  });

  it('re-renders when the background sends a new model through the signal', () => {
    const model = signal<SidebarModel>({ status: 'loading' });
    show('running', { model });
    expect(screen.getByText('Reading the ticket…')).toBeTruthy();
    act(() => {
      model.value = scenarios.running.model;
    });
    expect(screen.getByText('11 h 29 min of business time left')).toBeTruthy();
  });
});

describe('Sidebar: page data', () => {
  it('renders a subject with HTML as text', () => {
    const { container } = show('hostileSubject');
    expect(screen.getByText(XSS_SUBJECT)).toBeTruthy();
    expect(screen.getByText(/<b>Mallory<\/b>/)).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
  });

  it('links the ticket key only for http(s) links', () => {
    show('running', {
      model: {
        ...scenarios.running.model,
        display: { ...scenarios.running.model.display, link: 'javascript:alert(1)' },
      },
    });
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.getByText('Ticket #1001')).toBeTruthy();
  });

  it('shows the partial badge when the ticket was read from the page', () => {
    show('partial');
    expect(screen.getByText('Partial')).toBeTruthy();
    expect(screen.getByText('API answered 403; read from the page.')).toBeTruthy();
  });
});

describe('Sidebar: Dutch', () => {
  it('renders a running clock in Dutch', () => {
    const { card } = show('runningNl', { locale: 'nl' });
    const c = within(card(/Oplossing/));
    expect(c.getByText('Loopt')).toBeTruthy();
    expect(c.getByText('nog 11 u 29 min werktijd')).toBeTruthy();
    expect(c.getByText('Kalendertijd over: 1 d 18 u')).toBeTruthy();
    expect(c.getByText('Klok loopt')).toBeTruthy();
    expect(c.getByText('wo 10:00')).toBeTruthy();
    expect(c.getByText('90%-doel')).toBeTruthy();
    expect(c.getByText('di 10:00')).toBeTruthy();
    expect(screen.getByText('Standaard SLA')).toBeTruthy();
    expect(screen.getByText('(standaard van het beleid)')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'SLA-zijbalk inklappen' })).toBeTruthy();
  });

  it('renders pauses, closed hours and breaches in Dutch', () => {
    show('paused', { locale: 'nl' });
    expect(screen.getByText('Wacht op klant sinds 14:02')).toBeTruthy();
    cleanup();
    show('closedHours', { locale: 'nl' });
    expect(screen.getByText('Klok loopt niet: buiten kantooruren tot ma 09:00')).toBeTruthy();
    cleanup();
    show('breached', { locale: 'nl' });
    expect(screen.getByText('5 u 30 min geleden overschreden')).toBeTruthy();
    expect(screen.getByText('Reactie overschreden')).toBeTruthy();
  });
});

describe('Sidebar: compact', () => {
  it('toggles to only the countdowns from its header, and says so to a screen reader', () => {
    const onCompactChange = vi.fn();
    const { container, rerender, props } = show('breached', { onCompactChange });
    const button = screen.getByRole('button', { name: 'Compact: show only the countdowns' });
    expect(button.getAttribute('aria-pressed')).toBe('false');
    expect(container.querySelector('.sla-priority')).not.toBeNull();
    fireEvent.click(button);
    expect(onCompactChange).toHaveBeenCalledWith(true);

    rerender(<Sidebar {...props} compact />);
    expect(screen.getByRole('button', { name: /^Compact/ }).getAttribute('aria-pressed')).toBe('true');
    expect(container.querySelector('.sla-root')?.classList.contains('is-compact')).toBe(true);
    // The countdowns stay; the matrix, facts and explanation step back.
    expect(container.querySelectorAll('.sla-card .sla-countdown').length).toBeGreaterThan(0);
    expect(container.querySelector('.sla-priority')).toBeNull();
    expect(container.querySelector('.sla-why')).toBeNull();
    expect(container.querySelector('.sla-facts')).toBeNull();
  });
});

describe('Sidebar: focus across a ticket switch', () => {
  it('keeps focus inside the sidebar, on its heading, when the focused button goes with the old ticket', () => {
    const { rerender, props } = show('running');
    const why = screen.getByRole('button', { name: 'Show why' });
    why.focus();
    expect(document.activeElement).toBe(why);
    rerender(<Sidebar {...props} model={{ status: 'loading' }} />);
    expect(why.isConnected).toBe(false);
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2 }));
  });

  it('leaves focus alone once the agent has moved on to the page', () => {
    const { rerender, props } = show('running');
    const why = screen.getByRole('button', { name: 'Show why' });
    why.focus();
    why.blur();
    rerender(<Sidebar {...props} model={{ status: 'loading' }} />);
    expect(document.activeElement).toBe(document.body);
  });
});
