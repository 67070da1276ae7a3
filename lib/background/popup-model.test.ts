import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sortByTimeToBreach, summarize, toQueueRows, SNAPSHOT_ROWS } from '../queue/rows';
import { usableSnapshot, SNAPSHOT_KEY } from '../pages/popup/snapshot';
import { wake } from './wake';
import { buildQueueSnapshot, openEntries, vocabularies } from './popup-model';
import { readRegistry } from './registry-store';
import { loadState } from './state';
import { seedConfig, seedRegistry, ticketEntry } from '../../tests/support/background';

const H = 3600_000;
// Monday 2 March 2026, 11:00 in Amsterdam.
const NOW = Date.parse('2026-03-02T10:00:00Z');
const iso = (t: number) => new Date(t).toISOString();
const PRIORITIES = ['urgent', 'high', 'normal', 'low'];

describe('the queue snapshot the popup paints first', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await seedConfig();
    // 60 open tickets created over the last three days, plus one solved
    await seedRegistry([
      ...Array.from({ length: 60 }, (_, i) =>
        ticketEntry(1000 + i, {
          createdAt: iso(NOW - ((i * 7919) % (3 * 24)) * H),
          priority: PRIORITIES[i % 4]!,
          type: 'incident',
        }),
      ),
      ticketEntry(9999, {
        createdAt: iso(NOW - 5 * H),
        priority: 'high',
        events: [{ at: iso(NOW - H), type: 'status', status: 'solved' }],
      }),
    ]);
  });

  it('is written at every wake-up: the top of the queue by time to breach, with the counts of all open tickets', async () => {
    await wake('test', () => NOW);
    const stored = (await fakeBrowser.storage.session.get(SNAPSHOT_KEY))[SNAPSHOT_KEY];
    const snap = usableSnapshot(stored, NOW + 1000);
    expect(snap).not.toBeNull();

    const state = await loadState();
    const rows = toQueueRows(
      openEntries((await readRegistry()).registry),
      NOW,
      vocabularies(state.policies, 'en'),
    );
    expect(rows).toHaveLength(60);
    expect(snap!.total).toBe(60);
    expect(snap!.rows.map((r) => r.key)).toEqual(
      sortByTimeToBreach(rows, NOW)
        .slice(0, SNAPSHOT_ROWS)
        .map((r) => r.key),
    );
    expect(snap!.summary).toEqual(summarize(rows, NOW));
    const o = snap!.summary.overall;
    expect(o.breached + o['at-risk'] + o.running + o.paused).toBe(60);
    expect(snap!.rows[0]!.priorityLabel).toMatch(/^(Urgent|High|Normal|Low)$/);
  });

  it('holds until the next at-risk or breach instant, and is not used after it', async () => {
    await wake('test', () => NOW);
    const stored = (await fakeBrowser.storage.session.get(SNAPSHOT_KEY))[SNAPSHOT_KEY] as {
      validUntil: number;
    };
    expect(stored.validUntil).toBeGreaterThan(NOW);
    const state = await loadState();
    const registry = (await readRegistry()).registry;
    const instants = Object.values(registry.entries)
      .flatMap((e) => Object.values(e.evaluation?.metrics ?? {}))
      .filter((m) => m.state === 'running')
      .flatMap((m) => [m.atRiskAt, m.dueAt])
      .map((s) => (s ? Date.parse(s) : NaN))
      .filter((t) => t > NOW);
    expect(stored.validUntil).toBe(Math.min(...instants));
    expect(usableSnapshot(stored, stored.validUntil - 1)).not.toBeNull();
    expect(usableSnapshot(stored, stored.validUntil)).toBeNull();
    // and a count changes there: the snapshot rebuilt a moment later differs
    const later = buildQueueSnapshot(
      { ...state, language: 'en', lastRefreshAt: null },
      registry,
      stored.validUntil,
      'Europe/Amsterdam',
    );
    expect(later.summary).not.toEqual((stored as unknown as typeof later).summary);
  });

  it('speaks the language the agent chose', async () => {
    await fakeBrowser.storage.local.set({
      preferences: { language: 'nl', atRiskPercent: 25, notifications: true, sidebarSide: 'right' },
    });
    await wake('test', () => NOW);
    const snap = usableSnapshot((await fakeBrowser.storage.session.get(SNAPSHOT_KEY))[SNAPSHOT_KEY], NOW);
    expect(snap!.language).toBe('nl');
    expect(snap!.rows.map((r) => r.priorityLabel)).toContain('Hoog');
  });
});
