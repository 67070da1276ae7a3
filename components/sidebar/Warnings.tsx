/** At-risk and breached warnings above the cards; breaches carry the contract's escalation info. */
import type { Evaluation, MetricName } from '../../lib/sla/types.ts';
import type { LiveMetric } from '../../lib/live/countdown.ts';
import type { Locale } from '../../lib/i18n/core.ts';
import { formatDuration, formatPercent } from '../../lib/i18n/format.ts';
import { t } from '../../lib/i18n/sidebar.ts';
import { Icon } from './icons.tsx';

export interface WarningsProps {
  metrics: ReadonlyArray<{ name: MetricName; live: LiveMetric; businessTime: boolean }>;
  escalation?: Evaluation['escalation'];
  locale: Locale;
  atRiskShare: number;
}

export function Warnings({ metrics, escalation, locale, atRiskShare }: WarningsProps) {
  const name = (m: MetricName) => t(locale, m === 'response' ? 'metric.response' : 'metric.resolution');
  const breached = metrics.filter((m) => m.live.state === 'breached');
  const atRisk = metrics.filter((m) => m.live.state === 'at-risk');
  if (!breached.length && !atRisk.length) return null;
  return (
    <div class="sla-warnings">
      {breached.length > 0 && (
        <div class="sla-warning sla-warning-breached">
          <Icon name="breach" />
          <div>
            {breached.map((m) => (
              <p key={m.name}>
                <strong>{t(locale, 'warning.breached', { metric: name(m.name) })}</strong>
              </p>
            ))}
            {escalation && (
              <div class="sla-escalation">
                <p>
                  <strong>{t(locale, 'warning.escalation')}:</strong> {escalation.text}
                </p>
                {escalation.contact && <p>{t(locale, 'warning.contact', { contact: escalation.contact })}</p>}
              </div>
            )}
          </div>
        </div>
      )}
      {atRisk.map((m) => (
        <div class="sla-warning sla-warning-at-risk" key={m.name}>
          <Icon name="warn" />
          <p>
            {t(locale, 'warning.atRisk', {
              metric: name(m.name),
              duration: formatDuration(m.live.remainingMs ?? 0, locale, {
                largest: m.businessTime ? 'h' : 'd',
              }),
              percent: formatPercent(atRiskShare, locale),
            })}
          </p>
        </div>
      ))}
    </div>
  );
}
