/**
 * One metric (response or resolution): live countdown, state with its reason, due moment in the
 * agent's zone (and the contract's when different), calendar time left, elapsed-share bar, soft goal,
 * target and contract section.
 */
import type { MetricName, MetricResult } from '../../lib/sla/types.ts';
import type { LiveMetric } from '../../lib/live/countdown.ts';
import type { Locale } from '../../lib/i18n/core.ts';
import {
  formatDuration,
  formatFullMoment,
  formatMoment,
  formatPercent,
  zoneName,
  zonesDiffer,
} from '../../lib/i18n/format.ts';
import { t } from '../../lib/i18n/sidebar.ts';
import { Countdown } from './Countdown.tsx';
import { Icon, STATE_ICON } from './icons.tsx';

export interface MetricCardProps {
  name: MetricName;
  metric: MetricResult;
  live: LiveMetric;
  locale: Locale;
  /** The agent's IANA zone (moments are shown in it). */
  agentZone: string;
  /** The contract's IANA zone (`evaluation.timezone`); shown too when its wall clock differs. */
  contractZone: string;
  nowMs: number;
}

function Moment({ ms, locale, zone, nowMs }: { ms: number; locale: Locale; zone: string; nowMs: number }) {
  return (
    <time
      dateTime={new Date(ms).toISOString()}
      title={`${formatFullMoment(ms, locale, zone)} (${zoneName(zone)})`}
    >
      {formatMoment(ms, { locale, zone, nowMs })}
    </time>
  );
}

function reason(p: MetricCardProps): { icon: 'clock' | 'pause' | 'moon'; text: string } | null {
  const { live, metric, locale, agentZone: zone, nowMs } = p;
  const at = (ms: number | null | undefined) =>
    ms == null ? null : formatMoment(ms, { locale, zone, nowMs });
  if (live.state === 'paused') {
    const since = at(live.idle?.sinceMs);
    if (!since) return { icon: 'pause', text: t(locale, 'reason.pausedNoSince') };
    const status = metric.pauses.at(-1)?.status;
    const key =
      status === 'pending'
        ? 'reason.pausedPending'
        : status === 'on-hold'
          ? 'reason.pausedOnHold'
          : 'reason.paused';
    return { icon: 'pause', text: t(locale, key, { moment: since }) };
  }
  if (live.state !== 'running' && live.state !== 'at-risk') return null;
  if (live.ticking) return { icon: 'clock', text: t(locale, 'reason.running') };
  const until = at(live.idle?.untilMs);
  if (live.idle?.reason === 'not-started' && until)
    return { icon: 'moon', text: t(locale, 'reason.notStarted', { moment: until }) };
  return until
    ? { icon: 'moon', text: t(locale, 'reason.closed', { moment: until }) }
    : { icon: 'moon', text: t(locale, 'reason.closedNoEnd') };
}

export function MetricCard(props: MetricCardProps) {
  const { name, metric, live, locale, agentZone, contractZone, nowMs } = props;
  const id = `sla-metric-${name}`;
  const metricName = t(locale, name === 'response' ? 'metric.response' : 'metric.resolution');
  const stateLabel = t(locale, `state.${live.state}`);
  const why = reason(props);
  const counting = live.state === 'running' || live.state === 'at-risk';
  const share = live.elapsedShare;
  const percent = share === null ? null : Math.max(0, Math.min(100, Math.floor(share * 100)));
  const showDue = live.dueMs !== null && live.state !== 'exempt' && live.state !== 'none';
  return (
    <section class={`sla-card state-${live.state}`} aria-labelledby={id}>
      <h3 id={id}>
        <Icon name={STATE_ICON[live.state]} />
        <span>{metricName}</span>
        <span class="sla-badge sla-state">{stateLabel}</span>
      </h3>
      <Countdown metric={metric} live={live} locale={locale} zone={agentZone} nowMs={nowMs} />
      {why && (
        <p class="sla-reason">
          <Icon name={why.icon} />
          <span>{why.text}</span>
        </p>
      )}
      {live.state === 'none' && <p class="sla-reason">{t(locale, 'reason.none')}</p>}
      {counting && metric.businessTime && live.calendarRemainingMs !== null && (
        <p>
          {t(locale, 'remaining.calendar', { duration: formatDuration(live.calendarRemainingMs, locale) })}
        </p>
      )}
      {percent !== null && share !== null && (
        <div
          class="sla-progress"
          role="progressbar"
          aria-label={t(locale, 'progress.label', { metric: metricName })}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-valuetext={t(locale, 'progress.value', { percent: formatPercent(share, locale) })}
        >
          <div class="sla-progress-fill" style={{ width: `${percent}%` }} />
        </div>
      )}
      <dl class="sla-times">
        {showDue && live.dueMs !== null && (
          <>
            <dt>{t(locale, live.state === 'paused' ? 'due.projected' : 'due.label')}</dt>
            <dd>
              <Moment ms={live.dueMs} locale={locale} zone={agentZone} nowMs={nowMs} />
              {zonesDiffer(live.dueMs, agentZone, contractZone) && (
                <span class="sla-zone">
                  {t(locale, 'due.inZone', {
                    moment: formatMoment(live.dueMs, { locale, zone: contractZone, nowMs }),
                    zone: zoneName(contractZone),
                  })}
                </span>
              )}
            </dd>
          </>
        )}
        {live.goalMs !== null && metric.goalPercent !== undefined && showDue && (
          <>
            <dt>{t(locale, 'goal.label', { percent: formatPercent(metric.goalPercent / 100, locale) })}</dt>
            <dd>
              <Moment ms={live.goalMs} locale={locale} zone={agentZone} nowMs={nowMs} />
              {metric.goalLabel ? ` (${metric.goalLabel})` : ''}
              {live.goalState === 'met' && ` — ${t(locale, 'goal.met')}`}
              {live.goalState === 'missed' && ` — ${t(locale, 'goal.missed')}`}
            </dd>
          </>
        )}
        {live.state !== 'none' && (
          <>
            <dt>{t(locale, 'target.label')}</dt>
            <dd>{metric.targetLabel}</dd>
          </>
        )}
      </dl>
      {(metric.exempt?.source ?? metric.source) && (
        <p class="sla-source">
          {t(locale, 'target.source', { source: metric.exempt?.source ?? metric.source ?? '' })}
        </p>
      )}
    </section>
  );
}
