import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import v1 from '../../tests/fixtures/storage/registry-v1.json';
import {
  compactRegistry,
  emptyRegistry,
  evictLeastRecentlySeen,
  pruneFinished,
  reevaluateAll,
  registryKey,
  setEvaluation,
  summarizeEvaluation,
  touchEntry,
  upsertEntry,
  vanishedFromQueue,
  type UpsertInput,
} from './registry';
import { migrateRegistryV1toV2, parseStoredRegistry, RegistrySchemaV2 } from './schema';
import { entry, evaluation, metric } from '../../tests/support/registry';

const DAY = 24 * 3600_000;
const T0 = Date.parse('2026-03-02T09:00:00Z');

function input(id: number, over: Partial<UpsertInput> = {}): UpsertInput {
  return {
    helpdesk: 'zendesk',
    host: 'mextra.zendesk.com',
    ticketId: id,
    ticketKey: `#${id}`,
    subject: `Ticket ${id}`,
    link: `https://mextra.zendesk.com/agent/tickets/${id}`,
    ticket: { createdAt: '2026-03-02T08:00:00Z' },
    source: 'opened',
    ...over,
  };
}

describe('ticket registry', () => {
  it('keys entries by helpdesk, lower-cased host and ticket id', () => {
    expect(registryKey('zendesk', 'Mextra.Zendesk.com', 1001)).toBe('zendesk:mextra.zendesk.com:1001');
  });

  it('inserts a ticket with its display fields and no evaluation yet', () => {
    const reg = upsertEntry(emptyRegistry(), input(1), T0);
    const e = reg.entries['zendesk:mextra.zendesk.com:1'];
    expect(e).toMatchObject({
      ticketKey: '#1',
      lastSeen: T0,
      lastRefresh: null,
      evaluation: null,
      source: 'opened',
    });
  });

  it('stores a summary of the evaluation with policy, tier and the refresh time', () => {
    const ev = evaluation(
      { tier: 'gold' },
      { resolution: metric('resolution', { dueAt: '2026-03-02T17:00:00Z' }) },
    );
    const reg = upsertEntry(emptyRegistry(), input(1, { evaluation: ev }), T0);
    const e = reg.entries['zendesk:mextra.zendesk.com:1']!;
    expect(e.tier).toBe('gold');
    expect(e.lastRefresh).toBe(T0);
    expect(e.evaluation?.metrics.resolution?.dueAt).toBe('2026-03-02T17:00:00Z');
    expect(RegistrySchemaV2.safeParse(reg).success).toBe(true);
  });

  it('keeps the previous evaluation when an upsert brings none', () => {
    const ev = evaluation({}, { response: metric('response') });
    let reg = upsertEntry(emptyRegistry(), input(1, { evaluation: ev }), T0);
    reg = upsertEntry(reg, input(1, { subject: 'renamed' }), T0 + 1000);
    const e = reg.entries['zendesk:mextra.zendesk.com:1']!;
    expect(e.subject).toBe('renamed');
    expect(e.evaluation).not.toBeNull();
    expect(e.lastRefresh).toBe(T0);
  });

  it('keeps a ticket the agent opened as opened when a queue refresh lists it', () => {
    let reg = upsertEntry(emptyRegistry(), input(1), T0);
    reg = upsertEntry(reg, input(1, { source: 'queue' }), T0 + 1);
    expect(reg.entries['zendesk:mextra.zendesk.com:1']!.source).toBe('opened');
    reg = upsertEntry(reg, input(2, { source: 'queue' }), T0 + 2);
    expect(reg.entries['zendesk:mextra.zendesk.com:2']!.source).toBe('queue');
  });

  it('stores only a few open intervals per metric', () => {
    const intervals = Array.from({ length: 40 }, (_, i) => [i * 10, i * 10 + 5] as [number, number]);
    const s = summarizeEvaluation(
      evaluation({}, { resolution: metric('resolution', { openIntervals: intervals }) }),
    );
    expect(s.metrics.resolution?.openIntervals).toHaveLength(8);
  });

  it('does not mutate the registry it was given', () => {
    const reg = emptyRegistry();
    const frozen = JSON.stringify(reg);
    upsertEntry(reg, input(1), T0);
    expect(JSON.stringify(reg)).toBe(frozen);
  });

  it('touches an entry to the front of the LRU order, and ignores unknown keys', () => {
    let reg = upsertEntry(emptyRegistry(), input(1), T0);
    reg = upsertEntry(reg, input(2), T0 + 1);
    reg = touchEntry(reg, 'zendesk:mextra.zendesk.com:1', T0 + 2);
    expect(touchEntry(reg, 'nope', T0 + 3)).toBe(reg);
    reg = evictLeastRecentlySeen(reg, 1);
    expect(Object.keys(reg.entries)).toEqual(['zendesk:mextra.zendesk.com:1']);
  });

  it('evicts the least recently seen tickets beyond the bound on upsert', () => {
    let reg = emptyRegistry();
    for (let i = 0; i < 5; i++) reg = upsertEntry(reg, input(i), T0 + i, { maxEntries: 3 });
    expect(Object.keys(reg.entries).sort()).toEqual(
      ['zendesk:mextra.zendesk.com:2', 'zendesk:mextra.zendesk.com:3', 'zendesk:mextra.zendesk.com:4'].sort(),
    );
  });

  it('never holds more than the bound, and always keeps the most recently seen ticket', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.nat(1000))),
        fc.integer({ min: 1, max: 10 }),
        (ops, max) => {
          let reg = emptyRegistry();
          let t = T0;
          for (const [id] of ops) reg = upsertEntry(reg, input(id), ++t, { maxEntries: max });
          expect(Object.keys(reg.entries).length).toBeLessThanOrEqual(max);
          const last = ops.at(-1);
          if (last) expect(reg.entries[registryKey('zendesk', 'mextra.zendesk.com', last[0])]).toBeDefined();
        },
      ),
    );
  });

  it('prunes finished tickets 30 days after they finished and keeps open ones however old', () => {
    const solvedAt = '2026-01-10T10:00:00Z';
    const finished = entry(
      {
        id: 'old',
        ticket: {
          createdAt: '2026-01-10T08:00:00Z',
          events: [{ at: solvedAt, type: 'status', status: 'solved' }],
        },
      },
      evaluation({}, { resolution: metric('resolution', { state: 'met', stoppedAt: solvedAt }) }),
    );
    const recent = entry(
      { id: 'recent' },
      evaluation(
        {},
        { resolution: metric('resolution', { state: 'breached', stoppedAt: '2026-02-20T10:00:00Z' }) },
      ),
    );
    const open = entry({ id: 'open', lastSeen: 0 }, evaluation({}, { resolution: metric('resolution') }));
    const reg = {
      version: 2 as const,
      entries: { [finished.key]: finished, [recent.key]: recent, [open.key]: open },
    };
    const now = Date.parse(solvedAt) + 30 * DAY + 1;
    expect(Object.keys(pruneFinished(reg, now).entries).sort()).toEqual([open.key, recent.key].sort());
    expect(Object.keys(pruneFinished(reg, now - 2).entries)).toHaveLength(3);
    expect(Object.keys(compactRegistry(reg, now, { maxEntries: 1 }).entries)).toHaveLength(1);
  });

  it('does not count a reopened ticket as finished', () => {
    const e = entry(
      {
        id: 'reopened',
        ticket: {
          createdAt: '2026-01-10T08:00:00Z',
          events: [
            { at: '2026-01-10T10:00:00Z', type: 'status', status: 'solved' },
            { at: '2026-01-11T10:00:00Z', type: 'status', status: 'open' },
          ],
        },
      },
      evaluation({}, { resolution: metric('resolution') }),
    );
    expect(
      Object.keys(pruneFinished({ version: 2, entries: { [e.key]: e } }, T0 + 400 * DAY).entries),
    ).toHaveLength(1);
  });

  it('re-evaluates unfinished entries with the engine passed in and leaves finished ones alone', () => {
    const done = entry(
      { id: 'done' },
      evaluation(
        {},
        { resolution: metric('resolution', { state: 'met', stoppedAt: '2026-03-01T00:00:00Z' }) },
      ),
    );
    const open = entry({ id: 'open' }, evaluation({}, { resolution: metric('resolution') }));
    const nopolicy = entry({ id: 'nopolicy' }, evaluation({}, { resolution: metric('resolution') }));
    const reg = {
      version: 2 as const,
      entries: { [done.key]: done, [open.key]: open, [nopolicy.key]: nopolicy },
    };
    const seen: string[] = [];
    const next = reevaluateAll(
      reg,
      (e) => {
        seen.push(e.ticketId);
        return e.ticketId === 'nopolicy'
          ? null
          : evaluation(
              { policy: 'w365', tier: 'basis' },
              { resolution: metric('resolution', { state: 'breached' }) },
            );
      },
      T0,
    );
    expect(seen.sort()).toEqual(['nopolicy', 'open']);
    expect(next.entries[open.key]).toMatchObject({ policyId: 'w365', tier: 'basis', lastRefresh: T0 });
    expect(next.entries[nopolicy.key]).toMatchObject({ policyId: null, evaluation: null });
    expect(next.entries[done.key]).toBe(done);
  });

  it('sets one evaluation by key', () => {
    const e = entry({ id: 'x' });
    const reg = setEvaluation(
      { version: 2, entries: { [e.key]: e } },
      e.key,
      evaluation({ policy: 'p', tier: 't' }),
      T0,
    );
    expect(reg.entries[e.key]).toMatchObject({ policyId: 'p', tier: 't', lastRefresh: T0 });
  });

  it('lists queue tickets of a host that a complete listing no longer contains', () => {
    let reg = emptyRegistry();
    reg = upsertEntry(reg, input(1, { source: 'queue' }), T0);
    reg = upsertEntry(reg, input(2, { source: 'queue' }), T0);
    reg = upsertEntry(reg, input(3, { source: 'opened' }), T0);
    reg = upsertEntry(reg, input(4, { source: 'queue', host: 'other.zendesk.com' }), T0);
    expect(vanishedFromQueue(reg, 'zendesk', 'mextra.zendesk.com', ['1'])).toEqual([
      'zendesk:mextra.zendesk.com:2',
    ]);
  });
});

describe('stored registry', () => {
  it('migrates the v1 fixture: entries keyed, hosts lower-cased, evaluations left for the next wake-up', () => {
    const reg = migrateRegistryV1toV2(v1);
    expect(Object.keys(reg.entries).sort()).toEqual([
      'topdesk:scope4mation.topdesk.net:a00003e9-5c4e-4b3a-9d2f-0123456789ab',
      'zendesk:mextra.zendesk.com:1001',
    ]);
    expect(reg.entries['zendesk:mextra.zendesk.com:1001']).toMatchObject({
      ticketKey: '#1001',
      link: 'https://mextra.zendesk.com/agent/tickets/1001',
      policyId: 'mextra',
      evaluation: null,
      lastSeen: Date.parse('2026-03-02T09:00:00Z'),
      source: 'opened',
    });
    expect(RegistrySchemaV2.safeParse(reg).success).toBe(true);
  });

  it('reads a v1 value through parseStoredRegistry and says it migrated', () => {
    const r = parseStoredRegistry(v1);
    expect(r.migrated).toBe(true);
    expect(r.problems).toEqual([]);
    expect(Object.keys(r.registry.entries)).toHaveLength(2);
  });

  it('reads nothing as an empty registry without a problem', () => {
    expect(parseStoredRegistry(undefined)).toEqual({
      registry: emptyRegistry(),
      problems: [],
      migrated: false,
    });
  });

  it('round-trips a v2 registry through JSON', () => {
    const reg = upsertEntry(
      emptyRegistry(),
      input(7, { evaluation: evaluation({}, { response: metric('response', { openIntervals: [[1, 2]] }) }) }),
      T0,
    );
    const r = parseStoredRegistry(JSON.parse(JSON.stringify(reg)));
    expect(r.registry).toEqual(reg);
    expect(r.problems).toEqual([]);
  });

  it('turns a corrupt value into an empty registry and one reported problem', () => {
    for (const bad of ['oops', 42, [], { version: 2, entries: 'x' }, { version: 9 }]) {
      const r = parseStoredRegistry(bad);
      expect(r.registry).toEqual(emptyRegistry());
      expect(r.problems).toHaveLength(1);
      expect(r.problems[0]!.where).toBe('registry');
    }
  });

  it('drops only the corrupt entries and keeps the rest', () => {
    const reg = upsertEntry(emptyRegistry(), input(1), T0);
    const raw = JSON.parse(JSON.stringify(reg));
    raw.entries['zendesk:mextra.zendesk.com:2'] = {
      key: 'zendesk:mextra.zendesk.com:2',
      helpdesk: 'freshdesk',
    };
    raw.entries['misfiled'] = { ...raw.entries['zendesk:mextra.zendesk.com:1'] };
    const r = parseStoredRegistry(raw);
    expect(Object.keys(r.registry.entries)).toEqual(['zendesk:mextra.zendesk.com:1']);
    expect(r.problems.map((p) => p.where).sort()).toEqual(['misfiled', 'zendesk:mextra.zendesk.com:2']);
  });

  it('never throws, whatever storage held', () => {
    fc.assert(
      fc.property(fc.anything(), (raw) => {
        const r = parseStoredRegistry(raw);
        expect(r.registry.version).toBe(2);
      }),
    );
  });
});
