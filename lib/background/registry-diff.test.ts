import { describe, expect, it } from 'vitest';
import { getBuiltinPolicy } from '../../policies';
import { evaluate } from '../sla';
import type { NeutralTicket } from '../sla/types';
import { MAX_STORED_INTERVALS, reevaluateAll, type Registry, type RegistryEntry } from '../registry';
import { ticketEntry } from '../../tests/support/background';
import { deepEqual } from '../config/diffPolicy';
import { sameSummary } from './registry-diff';

const MIN = 60_000;
const H = 3_600_000;
// Monday 2 March 2026, 09:00 in Amsterdam (inside Mextra's business hours).
const T0 = Date.parse('2026-03-02T08:00:00Z');
const iso = (t: number) => new Date(t).toISOString();
const policy = getBuiltinPolicy('mextra')!;

/** The entry as the worker's re-evaluation makes it at `now` (the engine, as wake.ts runs it). */
function evaluatedAt(entry: RegistryEntry, now: number): RegistryEntry {
  const reg: Registry = { version: 2, entries: { [entry.key]: entry } };
  const out = reevaluateAll(
    reg,
    (e) => evaluate(policy, e.ticket, now, { explain: false, maxIntervals: MAX_STORED_INTERVALS }),
    now,
  );
  return out.entries[entry.key]!;
}

const open = (ticket: Partial<NeutralTicket> = {}) =>
  ticketEntry(1, { createdAt: iso(T0), priority: 'normal', type: 'incident', ...ticket });

describe('whether a re-evaluated ticket needs writing', () => {
  it('does not for a running ticket re-evaluated a minute later (only the evaluation time and time left moved)', () => {
    const stored = evaluatedAt(open(), T0 + 10 * MIN);
    const next = evaluatedAt(open(), T0 + 11 * MIN);
    expect(next.evaluation!.evaluatedAt).not.toBe(stored.evaluation!.evaluatedAt);
    expect(next.evaluation!.metrics.resolution!.remainingMs).not.toBe(
      stored.evaluation!.metrics.resolution!.remainingMs,
    );
    expect(sameSummary(stored, next)).toBe(true);
  });

  it('does not across the evening closing and a night (the stored open intervals still count it down)', () => {
    const stored = evaluatedAt(open(), T0 + 8 * H); // Monday 17:00 Amsterdam
    expect(sameSummary(stored, evaluatedAt(open(), T0 + 14 * H))).toBe(true); // Monday 23:00
  });

  it('does once the stored open intervals (capped) no longer reach far enough ahead', () => {
    const full = evaluatedAt(open(), T0 + 10 * MIN);
    const metric = full.evaluation!.metrics.resolution!;
    expect(metric.openIntervals).toHaveLength(3); // Monday, Tuesday, Wednesday up to the deadline
    // Stored while the cap let it keep two: enough for the popup's three rows only until Monday ends.
    const capped: RegistryEntry = {
      ...full,
      evaluation: {
        ...full.evaluation!,
        metrics: { resolution: { ...metric, openIntervals: metric.openIntervals.slice(0, 2) } },
      },
    };
    expect(sameSummary(full, evaluatedAt(open(), T0 + 24 * H))).toBe(true); // Tuesday 09:00
    expect(sameSummary(capped, evaluatedAt(open(), T0 + 11 * MIN))).toBe(false);
  });

  it('does when a clock turns at risk or breaches', () => {
    const stored = evaluatedAt(open({ priority: 'urgent' }), T0 + MIN);
    const due = Date.parse(stored.evaluation!.metrics.resolution!.dueAt!);
    const risk = Date.parse(stored.evaluation!.metrics.resolution!.atRiskAt!);
    expect(sameSummary(stored, evaluatedAt(open({ priority: 'urgent' }), risk + MIN))).toBe(false);
    expect(sameSummary(stored, evaluatedAt(open({ priority: 'urgent' }), due + MIN))).toBe(false);
  });

  it('does when the ticket itself changed (subject, a new status)', () => {
    const stored = evaluatedAt(open(), T0 + 10 * MIN);
    expect(sameSummary(stored, { ...evaluatedAt(open(), T0 + 11 * MIN), subject: 'renamed' })).toBe(false);
    const solved = open({ events: [{ at: iso(T0 + 10 * MIN), type: 'status', status: 'solved' }] });
    expect(sameSummary(stored, evaluatedAt(solved, T0 + 11 * MIN))).toBe(false);
  });

  it('ignores a paused clock’s moving projection for up to an hour, then writes it', () => {
    const paused = open({ events: [{ at: iso(T0 + 5 * MIN), type: 'status', status: 'pending' }] });
    const stored = evaluatedAt(paused, T0 + 10 * MIN);
    expect(stored.evaluation!.metrics.resolution!.state).toBe('paused');
    const minuteLater = evaluatedAt(paused, T0 + 11 * MIN);
    expect(sameSummary(stored, minuteLater)).toBe(true);
    expect(sameSummary(stored, evaluatedAt(paused, T0 + 10 * MIN + 2 * H))).toBe(false);
  });

  it('compares JSON values structurally, an undefined field being an absent one', () => {
    expect(deepEqual({ a: [1, { b: null }], c: undefined }, { a: [1, { b: null }] })).toBe(true);
    expect(deepEqual({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(deepEqual([], {})).toBe(false);
  });
});
