/**
 * The agent sidebar: header (policy, tier, type and where each came from), warnings, one card per
 * metric with a live countdown, the priority matrix, the helpdesk's own SLA, and the explanation.
 * Collapses to a slim edge tab showing only the most urgent countdown. Props in, callbacks out:
 * no browser APIs, no timers (the `now` clock comes from the content script's ticker).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
// The runtime import installs signals' Preact integration: reading `model.value` in render
// re-renders the sidebar when the background sends a new model.
import '@preact/signals';
import type { ReadonlySignal } from '@preact/signals';
import type { Evaluation } from '../../lib/sla/types.ts';
import { liveEvaluation, mostUrgent, type LiveEvaluation } from '../../lib/live/countdown.ts';
import type { Locale } from '../../lib/i18n/core.ts';
import { formatCountdown, formatMoment } from '../../lib/i18n/format.ts';
import { t } from '../../lib/i18n/sidebar.ts';
import type {
  HelpdeskSla,
  OptionsSection,
  SidebarModel,
  SidebarReady,
  SidebarSide,
  Theme,
  TicketDisplay,
} from '../../lib/messaging/sidebar.ts';
import { Icon, STATE_ICON } from './icons.tsx';
import { MetricCard } from './MetricCard.tsx';
import { labelOf, originText, PriorityMatrix } from './PriorityMatrix.tsx';
import { ProblemState } from './ProblemState.tsx';
import { useNarrowViewport } from './useNarrowViewport.ts';
import { useNow, type Clock } from './useNow.ts';
import { Warnings } from './Warnings.tsx';
import { WhyPanel } from './WhyPanel.tsx';

export interface SidebarProps {
  /** The model from the background: a signal (the overlay's) or a plain value. */
  model: SidebarModel | ReadonlySignal<SidebarModel>;
  /** The page's one ticker (lib/pages/sidebar/ticker.ts); a signal of epoch ms works as is. */
  now: Clock;
  locale: Locale;
  /** The agent's IANA zone, e.g. `Intl.DateTimeFormat().resolvedOptions().timeZone`. */
  agentZone: string;
  /** 'auto' follows prefers-color-scheme. Default 'auto'. */
  theme?: Theme;
  side: SidebarSide;
  collapsed: boolean;
  /** Only the countdowns, in a smaller panel (toggled from the header; remembered per helpdesk). */
  compact?: boolean;
  onCompactChange?: (compact: boolean) => void;
  /** At risk when at most this share of the target remains (Options' atRiskPercent / 100). Default 0.25. */
  atRiskShare?: number;
  /** 'fixed' (default) pins it to the viewport edge; 'inline' lays it out in place (gallery). */
  placement?: 'fixed' | 'inline';
  onCollapsedChange: (collapsed: boolean) => void;
  onSideChange?: (side: SidebarSide) => void;
  onOpenOptions: (section?: OptionsSection) => void;
  /** Ask the background again (problem states). */
  onRetry?: () => void;
  /** Start the "why" panel expanded (gallery, screenshots). */
  whyOpen?: boolean;
  /**
   * Counts the keyboard command's presses (the page bumps it): each press unfolds and focuses the
   * sidebar, or folds it when focus is already inside.
   */
  command?: number;
  /**
   * The helpdesk has a modal dialog open: the sidebar steps out of its way (not shown, not in the tab
   * order or the accessibility tree) until it closes, keeping its state.
   */
  underDialog?: boolean;
}

/** True when keyboard focus is on `root` or inside it (in its shadow root or the document). */
function focusWithin(root: HTMLElement | null): boolean {
  if (!root) return false;
  const active = (root.getRootNode() as ShadowRoot | Document).activeElement;
  return !!active && root.contains(active);
}

function isSignal<T>(v: T | ReadonlySignal<T>): v is ReadonlySignal<T> {
  return typeof v === 'object' && v !== null && 'peek' in v && 'subscribe' in v;
}

/** What the polite live region says: states only, so it changes on state changes, never per tick. */
function liveSummary(model: SidebarModel, live: LiveEvaluation | null, locale: Locale): string {
  if (model.status === 'problem') return t(locale, `problem.${model.problem.kind}.title`);
  if (!live) return '';
  return live.metrics
    .map((m) =>
      t(locale, 'live.state', {
        metric: t(locale, m.name === 'response' ? 'metric.response' : 'metric.resolution'),
        state: t(locale, `state.${m.live.state}`),
      }),
    )
    .join(' ');
}

function safeLink(link: string): string | undefined {
  return /^https?:\/\//i.test(link) ? link : undefined;
}

const ZENDESK_STATUSES = ['new', 'open', 'pending', 'hold', 'solved', 'closed'] as const;

/** Zendesk's status ids ("pending") in words; a status the helpdesk already words is shown as it is. */
function statusText(status: string | undefined, locale: Locale): string | undefined {
  const id = ZENDESK_STATUSES.find((s) => s === status);
  return id ? t(locale, `ticketStatus.${id}`) : status;
}

function TicketLine({ display, locale }: { display: TicketDisplay; locale: Locale }) {
  const href = safeLink(display.link);
  const key = t(locale, 'sidebar.openTicket', { key: display.ticketKey });
  return (
    <p class="sla-ticket">
      {href ? <a href={href}>{key}</a> : <span>{key}</span>}
      {display.subject && (
        <>
          {' · '}
          <span class="sla-subject">{display.subject}</span>
        </>
      )}
      {(display.requester || display.organization || display.status) && (
        <span class="sla-requester">
          <br />
          {[display.requester, display.organization, statusText(display.status, locale)]
            .filter(Boolean)
            .join(' · ')}
        </span>
      )}
    </p>
  );
}

function Facts({ model, locale }: { model: SidebarReady; locale: Locale }) {
  const e: Evaluation = model.evaluation;
  return (
    <dl class="sla-facts">
      <dt>{t(locale, 'header.policy')}</dt>
      <dd>{e.policyName || e.policy}</dd>
      <dt>{t(locale, 'header.tier')}</dt>
      <dd>
        {labelOf(model.labels.tiers, e.tier, locale)}{' '}
        <span class="sla-origin">({originText(e.origin.tier, locale)})</span>
      </dd>
      <dt>{t(locale, 'header.type')}</dt>
      <dd>
        {labelOf(model.labels.types, e.type, locale)}{' '}
        <span class="sla-origin">({originText(e.origin.type, locale)})</span>
      </dd>
    </dl>
  );
}

function HelpdeskSlaList({
  sla,
  locale,
  zone,
  nowMs,
}: {
  sla: HelpdeskSla;
  locale: Locale;
  zone: string;
  nowMs: number;
}) {
  if (!sla.targets.length) return null;
  return (
    <section class="sla-section" aria-labelledby="sla-helpdesk-sla">
      <h3 id="sla-helpdesk-sla">
        {sla.policy
          ? t(locale, 'helpdeskSla.heading', { policy: sla.policy })
          : t(locale, 'helpdeskSla.headingNoName')}
      </h3>
      <ul class="sla-source">
        {sla.targets.map((x, i) => (
          <li key={i}>
            {x.metric}: {x.dueAt ? formatMoment(Date.parse(x.dueAt), { locale, zone, nowMs }) : '—'} (
            {t(locale, `helpdeskSla.${x.state}`)})
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Sidebar(props: SidebarProps) {
  const {
    now,
    locale,
    agentZone,
    theme = 'auto',
    side,
    collapsed,
    atRiskShare = 0.25,
    placement = 'fixed',
    onCollapsedChange,
    onSideChange,
    onCompactChange,
    compact = false,
    onOpenOptions,
    onRetry,
    whyOpen,
  } = props;
  const model = isSignal(props.model) ? props.model.value : props.model;
  const nowMs = useNow(now);
  const live = model.status === 'ready' ? liveEvaluation(model.evaluation, nowMs, atRiskShare) : null;

  // A narrow or zoomed viewport: the sidebar folds to its edge tab by itself, without changing the
  // agent's stored choice; expanding it there holds until the viewport widens again.
  const narrow = useNarrowViewport(placement === 'fixed');
  const [openedNarrow, setOpenedNarrow] = useState(false);
  useEffect(() => {
    if (!narrow) setOpenedNarrow(false);
  }, [narrow]);
  const autoCollapsed = narrow && !collapsed && !openedNarrow;
  const isCollapsed = collapsed || autoCollapsed;

  // Keep keyboard focus on the toggle across collapse/expand (the button is replaced).
  const focusToggle = useRef(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const rootRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (focusToggle.current) {
      focusToggle.current = false;
      toggleRef.current?.focus();
    }
  }, [isCollapsed]);
  const toggle = () => {
    focusToggle.current = true;
    if (autoCollapsed) setOpenedNarrow(true);
    else if (narrow && !collapsed) setOpenedNarrow(false);
    else onCollapsedChange(!collapsed);
  };

  // The keyboard command (manifest `commands`): folded → unfold and focus it; unfolded with focus
  // elsewhere → focus it; focus already inside → fold it.
  const command = props.command ?? 0;
  const lastCommand = useRef(command);
  useEffect(() => {
    if (command === lastCommand.current) return;
    lastCommand.current = command;
    const root = rootRef.current;
    const active =
      root?.getRootNode() instanceof ShadowRoot
        ? (root.getRootNode() as ShadowRoot).activeElement
        : document.activeElement;
    const inside = !!root && !!active && root.contains(active);
    if (isCollapsed) toggle();
    else if (inside) toggle();
    else toggleRef.current?.focus();
  }, [command]);

  // Focus inside the sidebar stays inside it when what held it goes away (a ticket switch replaces the
  // body with "Loading…"): it moves to the sidebar's heading instead of dropping to the page's body.
  // Whether focus was inside is read while rendering, before the DOM changes.
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusWasInside = focusWithin(rootRef.current);
  useEffect(() => {
    if (focusWasInside && !focusWithin(rootRef.current)) headingRef.current?.focus();
  });

  const rootClass = `sla-root side-${side} theme-${theme} placement-${placement}${isCollapsed ? ' is-collapsed' : ''}${compact ? ' is-compact' : ''}${props.underDialog ? ' under-dialog' : ''}`;
  const liveRegion = (
    <div class="sr-only" role="status" aria-live="polite" aria-atomic="true">
      {liveSummary(model, live, locale)}
    </div>
  );

  if (isCollapsed) {
    const urgent = live ? mostUrgent(live.metrics) : null;
    // The visible text is part of the name (WCAG 2.5.3): "SLA 34 min 53 s" is announced as
    // "SLA 34 min 53 s: Resolution At risk. Expand the sidebar."
    let time: string | null = null;
    let label = t(locale, 'tab.labelNone');
    if (urgent) {
      const l = urgent.live;
      const breached = l.state === 'breached';
      const ms = breached ? (l.calendarRemainingMs ?? 0) : (l.remainingMs ?? 0);
      const short = formatCountdown(ms, locale, urgent.result.businessTime && !breached);
      time = breached ? t(locale, 'tab.ago', { duration: short }) : short;
      label = t(locale, 'tab.label', {
        metric: t(locale, urgent.name === 'response' ? 'metric.response' : 'metric.resolution'),
        state: t(locale, `state.${l.state}`),
        time,
      });
    }
    return (
      <aside ref={rootRef} class={rootClass} lang={locale} aria-label={t(locale, 'sidebar.label')}>
        {liveRegion}
        <button
          ref={toggleRef}
          type="button"
          class={`sla-tab${urgent ? ` state-${urgent.live.state}` : ''}`}
          aria-expanded="false"
          aria-label={label}
          title={t(locale, 'sidebar.expand')}
          onClick={toggle}
        >
          <Icon
            name={urgent ? STATE_ICON[urgent.live.state] : model.status === 'problem' ? 'warn' : 'clock'}
          />
          <span class="sla-tab-name">{t(locale, 'sidebar.title')}</span>
          {time && <span>{time}</span>}
        </button>
      </aside>
    );
  }

  const otherSide: SidebarSide = side === 'right' ? 'left' : 'right';
  return (
    <aside ref={rootRef} class={rootClass} lang={locale} aria-label={t(locale, 'sidebar.label')}>
      {liveRegion}
      <div class="sla-panel">
        <header class="sla-head">
          <h2 ref={headingRef} tabIndex={-1}>
            {t(locale, 'sidebar.title')}
          </h2>
          {model.status === 'ready' && model.partial && (
            <span
              class="sla-badge sla-badge-partial"
              title={model.partialReason ?? t(locale, 'sidebar.partialHelp')}
            >
              <Icon name="info" />
              {t(locale, 'sidebar.partial')}
            </span>
          )}
          {onCompactChange && (
            <button
              type="button"
              class="sla-icon-button"
              aria-pressed={compact}
              aria-label={t(locale, 'sidebar.compact')}
              title={t(locale, 'sidebar.compact')}
              onClick={() => onCompactChange(!compact)}
            >
              <Icon name="compact" />
            </button>
          )}
          {onSideChange && (
            <button
              type="button"
              class="sla-icon-button"
              aria-label={t(locale, otherSide === 'left' ? 'sidebar.moveLeft' : 'sidebar.moveRight')}
              title={t(locale, otherSide === 'left' ? 'sidebar.moveLeft' : 'sidebar.moveRight')}
              onClick={() => onSideChange(otherSide)}
            >
              <Icon name="swap" />
            </button>
          )}
          <button
            ref={toggleRef}
            type="button"
            class="sla-icon-button"
            aria-expanded="true"
            aria-label={t(locale, 'sidebar.collapse')}
            title={t(locale, 'sidebar.collapse')}
            onClick={toggle}
          >
            <Icon name={side === 'right' ? 'collapseRight' : 'collapseLeft'} />
          </button>
        </header>
        <div class="sla-body">
          {model.display && <TicketLine display={model.display} locale={locale} />}
          {model.status === 'loading' && <p>{t(locale, 'sidebar.loading')}</p>}
          {model.status === 'problem' && (
            <ProblemState
              problem={model.problem}
              locale={locale}
              onOpenOptions={onOpenOptions}
              {...(model.display ? { display: model.display } : {})}
              {...(onRetry ? { onRetry } : {})}
            />
          )}
          {model.status === 'ready' && live && (
            <>
              {model.partial && (
                <p class="sla-source">{model.partialReason ?? t(locale, 'sidebar.partialHelp')}</p>
              )}
              {!compact && <Facts model={model} locale={locale} />}
              <Warnings
                metrics={live.metrics.map((m) => ({
                  name: m.name,
                  live: m.live,
                  businessTime: m.result.businessTime,
                }))}
                locale={locale}
                atRiskShare={atRiskShare}
                {...(model.evaluation.escalation ? { escalation: model.evaluation.escalation } : {})}
              />
              {live.metrics.length === 0 && <p>{t(locale, 'sidebar.noMetrics')}</p>}
              {live.metrics.map((m) => (
                <MetricCard
                  key={m.name}
                  name={m.name}
                  metric={m.result}
                  live={m.live}
                  locale={locale}
                  agentZone={agentZone}
                  contractZone={model.evaluation.timezone}
                  nowMs={nowMs}
                />
              ))}
              {!compact && (
                <>
                  <PriorityMatrix
                    evaluation={model.evaluation}
                    labels={model.labels}
                    locale={locale}
                    {...(model.matrix ? { matrix: model.matrix } : {})}
                  />
                  {model.helpdeskSla && (
                    <HelpdeskSlaList sla={model.helpdeskSla} locale={locale} zone={agentZone} nowMs={nowMs} />
                  )}
                  <WhyPanel
                    explanation={model.evaluation.explanation}
                    metrics={model.evaluation.metrics}
                    locale={locale}
                    defaultOpen={whyOpen ?? false}
                  />
                </>
              )}
            </>
          )}
        </div>
      </div>
    </aside>
  );
}
