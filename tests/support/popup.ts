/** Test support: queue rows and metric summaries at a fixed NOW, and an empty popup model (popup view and snapshot tests). */
import type { MetricSummary } from '../../lib/registry/types';
import type { PopupModel } from '../../lib/messaging/popup';
import type { QueueRow } from '../../lib/queue/rows';

export const H = 3600_000;
export const NOW = Date.parse('2026-03-02T10:00:00Z');
export const iso = (t: number) => new Date(t).toISOString();

export function metric(over: Partial<MetricSummary>): MetricSummary {
  return {
    state: 'running',
    dueAt: null,
    atRiskAt: null,
    goalAt: null,
    goalPercent: null,
    goalState: null,
    atRisk: false,
    stoppedAt: null,
    targetMs: 8 * H,
    remainingMs: null,
    businessTime: false,
    openIntervals: [],
    ...over,
  };
}

/** A row whose resolution is due `dueIn` ms after NOW (negative: overdue). */
export function row(
  id: string,
  dueIn: number | null,
  over: Partial<QueueRow> = {},
  m: Partial<MetricSummary> = {},
): QueueRow {
  return {
    key: `zendesk:mextra.zendesk.com:${id}`,
    helpdesk: 'zendesk',
    host: 'mextra.zendesk.com',
    ticketKey: `#${id}`,
    subject: `Subject ${id}`,
    link: `https://mextra.zendesk.com/agent/tickets/${id}`,
    priority: 'high',
    priorityLabel: 'High',
    priorityRank: 1,
    policyId: 'mextra',
    policyName: 'Mextra',
    tier: 'standard',
    tierLabel: 'Standard SLA',
    source: 'queue',
    evaluatedAt: NOW,
    metrics:
      dueIn === null
        ? {}
        : {
            resolution: metric({
              dueAt: iso(NOW + dueIn),
              remainingMs: dueIn,
              atRiskAt: iso(NOW + dueIn - 2 * H),
              ...m,
            }),
          },
    ...over,
  };
}

/** A popup model with nothing in it: no assignments, no rows, no refresh yet. */
export const EMPTY_MODEL: PopupModel = {
  language: 'en',
  timeZone: 'UTC',
  hasAssignments: false,
  rows: [],
  refresh: { kind: 'queue', running: false, progress: null, lastRefreshAt: null, errors: [] },
};
