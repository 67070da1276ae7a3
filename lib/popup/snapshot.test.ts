import { describe, expect, it } from 'vitest';
import type { QueueSnapshot } from '../../components/popup/model';
import { usableSnapshot } from './snapshot';

const NOW = Date.parse('2026-03-02T10:00:00Z');
const H = 3600_000;

function snapshot(): QueueSnapshot {
  return {
    version: 1,
    builtAt: NOW,
    validUntil: NOW + H,
    language: 'en',
    timeZone: 'Europe/Amsterdam',
    hasAssignments: true,
    total: 1,
    lastRefreshAt: null,
    summary: {
      overall: { breached: 0, 'at-risk': 0, running: 1, paused: 0 },
      byPriority: [{ priority: 'High', counts: { breached: 0, 'at-risk': 0, running: 1, paused: 0 } }],
      mix: [{ policyName: 'Mextra', tier: 'Standard SLA', count: 1 }],
    },
    rows: [
      {
        key: 'zendesk:mextra.zendesk.com:1',
        helpdesk: 'zendesk',
        host: 'mextra.zendesk.com',
        ticketKey: '#1',
        subject: 'Printer',
        link: 'https://mextra.zendesk.com/agent/tickets/1',
        priority: 'high',
        priorityLabel: 'High',
        priorityRank: 1,
        policyId: 'mextra',
        policyName: 'Mextra',
        tier: 'standard',
        tierLabel: 'Standard SLA',
        source: 'queue',
        evaluatedAt: NOW,
        metrics: {
          resolution: {
            state: 'running',
            dueAt: new Date(NOW + 2 * H).toISOString(),
            atRiskAt: new Date(NOW + H).toISOString(),
            atRisk: false,
            remainingMs: 2 * H,
            businessTime: true,
            openIntervals: [[NOW, NOW + 6 * H]],
          },
        },
      },
    ],
  };
}

describe('the popup snapshot check', () => {
  it('accepts a snapshot the worker built, until a count can change', () => {
    expect(usableSnapshot(snapshot(), NOW + 1)).toEqual(snapshot());
    expect(usableSnapshot(snapshot(), NOW + H)).toBeNull();
    expect(usableSnapshot({ ...snapshot(), validUntil: null }, NOW + 100 * H)).not.toBeNull();
  });

  it('ignores anything else: no value, another version, a malformed row or count, a clock jump', () => {
    const broken: unknown[] = [
      undefined,
      null,
      'snapshot',
      { ...snapshot(), version: 2 },
      { ...snapshot(), rows: [{ ...snapshot().rows[0], subject: 42 }] },
      { ...snapshot(), rows: [{ ...snapshot().rows[0], helpdesk: 'jira' }] },
      { ...snapshot(), rows: [{ ...snapshot().rows[0], metrics: { resolution: { state: 'running' } } }] },
      {
        ...snapshot(),
        rows: [{ ...snapshot().rows[0], metrics: { other: snapshot().rows[0]!.metrics.resolution } }],
      },
      { ...snapshot(), summary: { ...snapshot().summary, overall: { breached: '1' } } },
      { ...snapshot(), language: 'de' },
      { ...snapshot(), builtAt: NOW + 2 * H, validUntil: null },
    ];
    for (const value of broken) expect(usableSnapshot(value, NOW)).toBeNull();
  });
});
