/**
 * The worker's loop with the real engine and a seed policy, on a fake clock: every wake-up re-evaluates
 * the stored ticket, stores the summary, plans alerts from persisted markers and sets the next alarm.
 */
import { describe, expect, it } from 'vitest';
import { BUILTIN_POLICIES } from '../../policies/index';
import { complianceGoalsFromPolicy } from '../compliance/goals';
import { SEED_COMPLIANCE_GOALS } from '../../tests/support/compliance';
import { emptyRegistry, reevaluateAll, upsertEntry } from '../registry/registry';
import { parseStoredRegistry } from '../registry/schema';
import type { Registry } from '../registry/types';
import { evaluate } from '../sla/evaluate';
import type { NeutralTicket } from '../sla/types';
import { badge } from './badge';
import { planAlerts, type FiredMarkers, type PlannedNotification } from './plan';

const mextra = BUILTIN_POLICIES.find((p) => p.id === 'mextra')!;
const ticket: NeutralTicket = {
  createdAt: '2026-03-02T09:00:00+01:00',
  priority: 'urgent',
  type: 'incident',
};

function worker() {
  // Storage survives the worker; nothing else does.
  let stored: unknown = JSON.parse(
    JSON.stringify(
      upsertEntry(
        emptyRegistry(),
        {
          helpdesk: 'zendesk',
          host: 'mextra.zendesk.com',
          ticketId: 1001,
          ticketKey: '#1001',
          subject: 'Facturatiemodule geeft foutmelding bij export',
          link: 'https://mextra.zendesk.com/agent/tickets/1001',
          ticket,
          source: 'opened',
        },
        Date.parse(ticket.createdAt),
      ),
    ),
  );
  let markers: FiredMarkers = {};
  const shown: PlannedNotification[] = [];
  return {
    shown,
    wake(now: number) {
      const reg: Registry = reevaluateAll(
        parseStoredRegistry(stored).registry,
        (e) => evaluate(mextra, e.ticket, now),
        now,
      );
      const plan = planAlerts(reg, now, { notifications: true }, markers);
      stored = JSON.parse(JSON.stringify(reg));
      markers = JSON.parse(JSON.stringify(plan.markers));
      shown.push(...plan.notify);
      return { plan, badge: badge(reg, now) };
    },
  };
}

const at = (local: string) => Date.parse(`2026-03-02T${local}:00+01:00`);

describe('alerts with the engine and the Mextra policy', () => {
  it('wakes at each transition the engine computed and notifies goal, at-risk and breach once each', () => {
    const w = worker();
    let next = w.wake(at('09:00')).plan.nextAlarmAt;
    const wakes: number[] = [];
    while (next !== null && wakes.length < 10) {
      wakes.push(next);
      next = w.wake(next).plan.nextAlarmAt;
    }
    // urgent: 90% within 4 business hours (goal 13:00), 100% within 6 (due 15:00); at risk at 25% left (13:30)
    expect(wakes.map((t) => new Date(t).toISOString())).toEqual([
      '2026-03-02T12:00:00.000Z',
      '2026-03-02T12:30:00.000Z',
      '2026-03-02T14:00:00.000Z',
    ]);
    expect(w.shown.map((n) => n.kind === 'single' && n.threshold)).toEqual(['goal', 'at-risk', 'breach']);
    expect(w.wake(at('16:00')).plan.notify).toEqual([]);
  });

  it('gives one breach notification when the worker slept through the whole day', () => {
    const w = worker();
    w.wake(at('09:00'));
    const late = w.wake(Date.parse('2026-03-03T08:00:00+01:00'));
    expect(late.plan.notify).toMatchObject([{ kind: 'single', threshold: 'breach', ticketKey: '#1001' }]);
    expect(late.badge).toMatchObject({ text: '1', breached: 1 });
    expect(w.wake(Date.parse('2026-03-03T08:00:01+01:00')).plan.notify).toEqual([]);
  });

  it('reads the same compliance goals from the seed policies as written in the contracts', () => {
    const fromPolicies = BUILTIN_POLICIES.filter((p) => p.id === 'workspace365' || p.id === 'mextra').flatMap(
      (p) => complianceGoalsFromPolicy(p),
    );
    const key = (g: {
      policyId: string;
      priority: string;
      metric: string;
      measure: string;
      percent: number;
      strict: boolean;
    }) => `${g.policyId}|${g.priority}|${g.metric}|${g.measure}|${g.percent}|${g.strict}`;
    const w365 = fromPolicies
      .filter((g) => g.policyId === 'workspace365')
      .map(key)
      .sort();
    expect(w365).toEqual(
      SEED_COMPLIANCE_GOALS.filter((g) => g.policyId === 'workspace365')
        .map(key)
        .sort(),
    );
    expect(
      fromPolicies
        .filter((g) => g.policyId === 'mextra' && g.measure === 'goal')
        .every((g) => g.percent === 90),
    ).toBe(true);
  });
});
