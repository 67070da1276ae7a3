/** Hand-built engine outputs for tests (no engine involved). */
import type { Evaluation, MetricName, MetricResult } from '../../lib/sla/types';
import type { MetricSummary, RegistryEntry } from '../../lib/registry/types';
import { summarizeEvaluation } from '../../lib/registry/registry';

export function metric(name: MetricName, over: Partial<MetricResult> = {}): MetricResult {
  return {
    metric: name,
    state: 'running',
    dueAt: null,
    atRisk: false,
    clockStartedAt: '2026-03-02T08:00:00Z',
    stoppedAt: null,
    targetLabel: '8 business hours',
    targetMs: 8 * 3600_000,
    elapsedMs: 0,
    remainingMs: 8 * 3600_000,
    elapsedShare: 0,
    pauses: [],
    businessTime: true,
    ...over,
  };
}

export function evaluation(over: Partial<Evaluation> = {}, metrics: Evaluation['metrics'] = {}): Evaluation {
  return {
    policy: 'mextra',
    policyName: 'Mextra',
    tier: 'standard',
    type: 'incident',
    priority: 'high',
    suggestedPriority: null,
    origin: { tier: 'default', type: 'default', priority: 'ticket' },
    customerMayOverride: false,
    timezone: 'Europe/Amsterdam',
    evaluatedAt: '2026-03-02T09:00:00Z',
    explanation: '',
    ...over,
    metrics,
  };
}

export function summaryMetric(over: Partial<MetricSummary> = {}): MetricSummary {
  return {
    state: 'running',
    dueAt: null,
    atRiskAt: null,
    goalAt: null,
    goalPercent: null,
    goalState: null,
    atRisk: false,
    stoppedAt: null,
    targetMs: 8 * 3600_000,
    remainingMs: 8 * 3600_000,
    businessTime: false,
    openIntervals: [],
    ...over,
  };
}

let counter = 0;
/** A registry entry with the given evaluation (or none). */
export function entry(
  over: Partial<RegistryEntry> & { id?: string | number } = {},
  ev: Evaluation | null = null,
): RegistryEntry {
  const id = String(over.id ?? ++counter);
  const helpdesk = over.helpdesk ?? 'zendesk';
  const host = over.host ?? 'mextra.zendesk.com';
  const { id: _id, ...rest } = over;
  return {
    key: `${helpdesk}:${host}:${id}`,
    helpdesk,
    host,
    ticketId: id,
    ticketKey: `#${id}`,
    subject: `Ticket ${id}`,
    link: `https://${host}/agent/tickets/${id}`,
    ticket: { createdAt: '2026-03-02T08:00:00Z' },
    policyId: ev?.policy ?? null,
    tier: ev?.tier ?? null,
    evaluation: ev ? summarizeEvaluation(ev) : null,
    lastSeen: 0,
    lastRefresh: null,
    source: 'opened',
    ...rest,
  };
}
