/** The big line of a metric card: time left now, how long ago it breached, or the contract's words. */
import type { MetricResult } from '../../lib/sla/types.ts';
import type { LiveMetric } from '../../lib/live/countdown.ts';
import type { Locale } from '../../lib/i18n/core.ts';
import { formatCountdown, formatDuration, formatMoment } from '../../lib/i18n/format.ts';
import { t } from '../../lib/i18n/sidebar.ts';

export interface CountdownProps {
  metric: MetricResult;
  live: LiveMetric;
  locale: Locale;
  /** For moments ("stopped 09:10"): the agent's zone and now. */
  zone: string;
  nowMs: number;
}

export function countdownLine({ metric, live, locale, zone, nowMs }: CountdownProps): string {
  const moment = (iso: string | null) => (iso ? formatMoment(Date.parse(iso), { locale, zone, nowMs }) : '');
  switch (live.state) {
    case 'none':
      return metric.targetLabel;
    case 'exempt':
      return t(locale, 'reason.exempt', { reason: metric.exempt?.reason ?? '' });
    case 'met':
      if (
        metric.stoppedAt &&
        metric.clockStartedAt &&
        Date.parse(metric.stoppedAt) < Date.parse(metric.clockStartedAt)
      )
        return t(locale, 'reason.metBeforeStart', { moment: moment(metric.stoppedAt) });
      return (live.remainingMs ?? 0) > 0
        ? t(locale, 'reason.met', {
            moment: moment(metric.stoppedAt),
            duration: formatDuration(live.remainingMs ?? 0, locale, { largest: 'h' }),
          })
        : t(locale, 'reason.metJust', { moment: moment(metric.stoppedAt) });
    case 'breached':
      if (live.stopped)
        return t(locale, 'reason.breachedStopped', {
          moment: moment(metric.stoppedAt),
          duration: formatDuration(live.remainingMs ?? 0, locale, { largest: 'h' }),
        });
      return t(locale, 'reason.breached', {
        duration: formatCountdown(live.calendarRemainingMs ?? live.remainingMs ?? 0, locale, false),
      });
    case 'paused':
      return t(locale, 'remaining.frozen', {
        duration: formatCountdown(live.remainingMs ?? 0, locale, metric.businessTime),
      });
    default: {
      const duration = formatCountdown(live.remainingMs ?? 0, locale, metric.businessTime);
      return metric.businessTime
        ? t(locale, 'remaining.business', { duration })
        : t(locale, 'remaining.calendarTarget', { duration });
    }
  }
}

/** The live countdown line. Not a live region: it changes every second (state changes are announced elsewhere). */
export function Countdown(props: CountdownProps) {
  const words = props.live.state === 'none';
  return <p class={words ? 'sla-words' : 'sla-countdown'}>{countdownLine(props)}</p>;
}
