import { describe, expect, it } from 'vitest';
import type { QueueSnapshot } from '../../messaging/popup';
import { H, iso, NOW, row } from '../../../tests/support/popup';
import { usableSnapshot } from './snapshot';

function snapshot(): QueueSnapshot {
  return {
    version: 2,
    builtAt: NOW,
    validUntil: NOW + H,
    language: 'en',
    timeZone: 'Europe/Amsterdam',
    hasAssignments: true,
    total: 1,
    lastRefreshAt: null,
    summary: {
      overall: { breached: 0, 'at-risk': 0, running: 1, paused: 0 },
      byPolicy: [
        {
          policyId: 'mextra',
          policyName: 'Mextra',
          open: 1,
          tiers: [{ tier: 'Standard SLA', count: 1 }],
          byPriority: [{ priority: 'High', counts: { breached: 0, 'at-risk': 0, running: 1, paused: 0 } }],
        },
      ],
    },
    rows: [
      row(
        '1',
        2 * H,
        { subject: 'Printer' },
        { atRiskAt: iso(NOW + H), businessTime: true, openIntervals: [[NOW, NOW + 6 * H]] },
      ),
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
      { ...snapshot(), version: 1 },
      { ...snapshot(), version: 3 },
      { ...snapshot(), rows: [{ ...snapshot().rows[0], subject: 42 }] },
      { ...snapshot(), rows: [{ ...snapshot().rows[0], helpdesk: 'jira' }] },
      { ...snapshot(), rows: [{ ...snapshot().rows[0], metrics: { resolution: { state: 'running' } } }] },
      {
        ...snapshot(),
        rows: [{ ...snapshot().rows[0], metrics: { other: snapshot().rows[0]!.metrics.resolution } }],
      },
      { ...snapshot(), summary: { ...snapshot().summary, overall: { breached: '1' } } },
      // A version-1 summary (one priority list across all policies) is not this version's.
      { ...snapshot(), summary: { overall: snapshot().summary.overall, byPriority: [], mix: [] } },
      {
        ...snapshot(),
        summary: {
          ...snapshot().summary,
          byPolicy: [{ ...snapshot().summary.byPolicy[0], tiers: [{ tier: 'Standard SLA' }] }],
        },
      },
      { ...snapshot(), language: 'de' },
      { ...snapshot(), builtAt: NOW + 2 * H, validUntil: null },
    ];
    for (const value of broken) expect(usableSnapshot(value, NOW)).toBeNull();
  });
});
