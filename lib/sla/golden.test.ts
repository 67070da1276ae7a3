/**
 * Pins the full `Evaluation` JSON (every field, key order included) of a fixed set of tickets on the
 * seed policies, so performance work on the engine cannot change its output unnoticed. The pinned
 * text is `evaluate.golden.txt` (not JSON-named, so prettier leaves it byte-exact). Regenerate only
 * for an intended output change: `npx vitest run lib/sla/golden.test.ts -u`, then review the diff.
 */
import { describe, expect, it } from 'vitest';
import { BUILTIN_POLICIES, getBuiltinPolicy } from '../../policies/index.ts';
import { evaluate, type EvaluateOptions } from './evaluate.ts';
import type { NeutralTicket, TicketEvent } from './types.ts';

interface Case {
  name: string;
  policy: string;
  ticket: NeutralTicket;
  now: string | number;
  options?: EvaluateOptions;
}

const status = (at: string, s: 'open' | 'pending' | 'on-hold' | 'solved' | 'closed'): TicketEvent => ({
  at,
  type: 'status',
  status: s,
});
const reply = (at: string, pub = true, by: 'agent' | 'requester' = 'agent'): TicketEvent => ({
  at,
  type: 'reply',
  public: pub,
  by,
});

const HAND: Case[] = [
  {
    name: 'workspace365 P3 from the matrix, created after hours',
    policy: 'workspace365',
    ticket: { createdAt: '2026-02-04T17:30:00+01:00', impact: 'department', urgency: 'normal' },
    now: '2026-02-05T10:15:30.250+01:00',
  },
  {
    name: 'workspace365 P1 extended with a hotfix (exempt) and escalation, Dutch',
    policy: 'workspace365',
    ticket: {
      createdAt: '2026-02-09T09:00:00+01:00',
      tier: 'extended',
      priority: 'P1',
      events: [{ at: '2026-02-09T10:00:00+01:00', type: 'hotfix' }],
    },
    now: '2026-02-09T11:00:00+01:00',
    options: { locale: 'nl' },
  },
  {
    name: 'workspace365 P2 on hold (paused), replies before',
    policy: 'workspace365',
    ticket: {
      createdAt: '2026-02-09T09:00:00+01:00',
      priority: 'P2',
      tier: 'basic',
      events: [
        reply('2026-02-09T09:01:00+01:00', false),
        reply('2026-02-09T09:04:00+01:00'),
        status('2026-02-09T10:00:00+01:00', 'on-hold'),
      ],
    },
    now: '2026-02-09T12:00:00+01:00',
  },
  {
    name: 'workspace365 P2 solved then reopened',
    policy: 'workspace365',
    ticket: {
      createdAt: '2026-02-09T09:00:00+01:00',
      priority: 'P2',
      events: [status('2026-02-09T11:00:00+01:00', 'solved'), status('2026-02-09T14:00:00+01:00', 'open')],
    },
    now: '2026-02-09T15:00:00+01:00',
  },
  {
    name: 'workspace365 without impact/urgency (no priority)',
    policy: 'workspace365',
    ticket: { createdAt: '2026-02-09T09:00:00+01:00', impact: 'department' },
    now: '2026-02-09T09:30:00+01:00',
  },
  {
    name: 'mextra high over the weekend, closed hours now',
    policy: 'mextra',
    ticket: { createdAt: '2026-01-30T17:00:00+01:00', priority: 'high' },
    now: '2026-01-31T12:00:00+01:00',
  },
  {
    name: 'mextra low (weeks / months), across DST',
    policy: 'mextra',
    ticket: { createdAt: '2026-03-10T10:00:00+01:00', priority: 'low' },
    now: '2026-03-30T08:00:00+02:00',
  },
  {
    name: 'mextra urgent with a pending span, at risk',
    policy: 'mextra',
    ticket: {
      createdAt: '2026-02-09T09:00:00+01:00',
      priority: 'urgent',
      events: [status('2026-02-09T10:00:00+01:00', 'pending'), status('2026-02-09T12:00:00+01:00', 'open')],
    },
    now: '2026-02-09T15:30:00+01:00',
  },
  {
    name: 'mextra question, not started yet (created Sunday), Dutch',
    policy: 'mextra',
    ticket: { createdAt: '2026-02-08T10:00:00+01:00', type: 'question' },
    now: '2026-02-08T11:00:00+01:00',
    options: { locale: 'nl' },
  },
  {
    name: 'mextra normal breached, solved late',
    policy: 'mextra',
    ticket: {
      createdAt: '2026-04-01T09:00:00+02:00',
      priority: 'normal',
      events: [status('2026-04-14T12:00:00+02:00', 'solved')],
    },
    now: '2026-04-20T09:00:00+02:00',
  },
  {
    name: 'scope4mation default, best effort resolution',
    policy: 'scope4mation',
    ticket: { createdAt: '2026-02-02T09:00:00+01:00', tier: 'default', urgency: 'U-2', impact: 'I-2' },
    now: '2026-02-03T09:00:00+01:00',
  },
  {
    name: 'scope4mation extended change by alias, over Easter',
    policy: 'scope4mation',
    ticket: { createdAt: '2026-04-02T16:00:00+02:00', tier: 'extended', type: 'change', priority: 'Hoog' },
    now: '2026-04-07T09:00:00+02:00',
  },
  {
    name: 'membro standard medium, next business day',
    policy: 'membro',
    ticket: { createdAt: '2026-02-05T18:00:00+01:00', impact: 'medium', urgency: 'medium' },
    now: '2026-02-06T10:00:00+01:00',
  },
  {
    name: 'membro premium critical capped by a workaround, priority event',
    policy: 'membro',
    ticket: {
      createdAt: '2026-02-05T18:00:00+01:00',
      tier: 'premium',
      impact: 'high',
      urgency: 'high',
      workaround: true,
      events: [{ at: '2026-02-05T18:30:00+01:00', type: 'priority', priority: 'high' }],
    },
    now: '2026-02-05T19:00:00+01:00',
  },
  {
    name: 'membro premium critical, 4 real hours, at risk and breached',
    policy: 'membro',
    ticket: { createdAt: '2026-02-07T08:00:00+01:00', tier: 'premium', priority: 'critical' },
    now: '2026-02-07T11:30:00+01:00',
    options: { atRiskRemainingShare: 0.5 },
  },
  {
    name: 'zmanda premium P1 in the requester’s zone',
    policy: 'zmanda',
    ticket: { createdAt: '2026-02-07T03:10:00Z', tier: 'premium', priority: 'P1', timezone: 'Asia/Tokyo' },
    now: '2026-02-07T03:20:00Z',
  },
  {
    name: 'zmanda standard P4 in New York, short horizon',
    policy: 'zmanda',
    ticket: {
      createdAt: '2026-03-06T16:00:00-05:00',
      tier: 'standard',
      priority: 'P4',
      timezone: 'America/New_York',
    },
    now: '2026-03-09T09:00:00-04:00',
    options: { horizonMs: 86_400_000, maxIntervals: 2 },
  },
  {
    name: 'zmanda community (no targets), origin from a mapping',
    policy: 'zmanda',
    ticket: { createdAt: '2026-02-07T03:10:00Z', tier: 'community', priority: 'P2' },
    now: '2026-02-07T03:20:00Z',
    options: { origin: { tier: 'mapping' } },
  },
];

/** Varied tickets from a fixed pseudo-random sequence (like the benchmark's, with stops and replies). */
function generated(n: number): Case[] {
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const year0 = Date.parse('2026-01-01T00:00:00Z');
  const zones = ['Europe/Amsterdam', 'America/New_York', 'Asia/Tokyo', 'Europe/London'];
  const iso = (ms: number) => new Date(ms).toISOString();
  const out: Case[] = [];
  for (let i = 0; i < n; i++) {
    const policy = BUILTIN_POLICIES[i % BUILTIN_POLICIES.length]!;
    const created = year0 + Math.floor(rnd() * 360 * 86_400_000);
    const tier = policy.tiers[Math.floor(rnd() * policy.tiers.length)]!.id;
    const type = policy.types[Math.floor(rnd() * policy.types.length)]!.id;
    const ticket: NeutralTicket = { createdAt: iso(created), tier, type };
    if (policy.matrix && rnd() < 0.5) {
      ticket.impact = policy.matrix.impact[Math.floor(rnd() * policy.matrix.impact.length)]!.id;
      ticket.urgency = policy.matrix.urgency[Math.floor(rnd() * policy.matrix.urgency.length)]!.id;
      if (rnd() < 0.3) ticket.workaround = true;
    } else ticket.priority = policy.priorities[Math.floor(rnd() * policy.priorities.length)]!.id;
    if (policy.useTicketTimezone) ticket.timezone = zones[i % zones.length]!;
    const events: TicketEvent[] = [];
    let t = created;
    const steps = Math.floor(rnd() * 4);
    for (let k = 0; k < steps; k++) {
      t += Math.floor(rnd() * 30 * 3_600_000) + 1000 * Math.floor(rnd() * 3);
      const r = rnd();
      if (r < 0.3) events.push(reply(iso(t), rnd() < 0.7, rnd() < 0.8 ? 'agent' : 'requester'));
      else if (r < 0.55) events.push(status(iso(t), 'pending'));
      else if (r < 0.7) events.push(status(iso(t), 'on-hold'));
      else if (r < 0.85) events.push(status(iso(t), 'open'));
      else events.push(status(iso(t), rnd() < 0.5 ? 'solved' : 'closed'));
    }
    if (events.length) ticket.events = events;
    out.push({
      name: `generated ${i}`,
      policy: policy.id,
      ticket,
      now: created + Math.floor(rnd() * 6 * 86_400_000) + (i % 3 === 0 ? 123 : 0),
      options: i % 7 === 3 ? { locale: 'nl' } : undefined,
    });
  }
  return out;
}

const CASES = [...HAND, ...generated(45)];

const run = (c: Case, extra: EvaluateOptions = {}) =>
  evaluate(getBuiltinPolicy(c.policy)!, c.ticket, c.now, { ...c.options, ...extra });

describe('pinned evaluations (output must not change with optimisations)', () => {
  it('gives exactly the pinned Evaluation JSON for every case', async () => {
    const text = CASES.map((c) => `### ${c.name}\n${JSON.stringify(run(c), null, 2)}\n`).join('\n');
    await expect(text).toMatchFileSnapshot('./evaluate.golden.txt');
  });

  it('differs with explain: false only by the empty explanation', () => {
    for (const c of CASES) {
      const full = run(c);
      expect(JSON.stringify(run(c, { explain: false }))).toBe(JSON.stringify({ ...full, explanation: '' }));
    }
  });

  it('differs with intervals: false only by the absent openIntervals (queue mode)', () => {
    let listed = 0;
    for (const c of CASES) {
      const full = run(c, { explain: false });
      const queue = run(c, { explain: false, intervals: false });
      for (const m of Object.values(full.metrics)) {
        if (m.openIntervals) listed++;
        delete m.openIntervals;
      }
      for (const m of Object.values(queue.metrics)) expect(m).not.toHaveProperty('openIntervals');
      expect(JSON.stringify(queue)).toBe(JSON.stringify(full));
    }
    expect(listed).toBeGreaterThan(20);
  });
});
