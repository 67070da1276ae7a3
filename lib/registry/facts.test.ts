/** Ticket facts (customer and tags) on registry entries: bounded, kept, stored, copied to the archive. */
import { describe, expect, it } from 'vitest';
import { finishedRecords } from '../compliance/compute';
import { parseArchive, readFinishedRecord } from '../compliance/archive';
import { boundFacts, emptyRegistry, MAX_TAGS, upsertEntry, type UpsertInput } from './registry';
import { parseStoredRegistry } from './schema';
import { entry, reply, status } from '../../tests/support/report';

const T0 = Date.parse('2026-03-02T09:00:00Z');
const input = (over: Partial<UpsertInput> = {}): UpsertInput => ({
  helpdesk: 'zendesk',
  host: 'workspace365.zendesk.com',
  ticketId: 1,
  ticketKey: '#1',
  subject: 'Ticket 1',
  link: 'https://workspace365.zendesk.com/agent/tickets/1',
  ticket: { createdAt: '2026-03-02T08:00:00Z' },
  source: 'queue',
  ...over,
});

describe('ticket facts on registry entries', () => {
  it('are trimmed, without repeated or empty tags, clipped and at most MAX_TAGS tags', () => {
    const many = Array.from({ length: MAX_TAGS + 5 }, (_, i) => `t${i}`);
    expect(boundFacts({ customer: '  Acme  ', tags: [' a ', 'a', '', 'b'] })).toEqual({
      customer: 'Acme',
      tags: ['a', 'b'],
    });
    expect(boundFacts({ customer: '   ', tags: many }).tags).toHaveLength(MAX_TAGS);
    expect(boundFacts({ customer: 'x'.repeat(500) }).customer).toHaveLength(200);
  });

  it('are kept when a later read brings none (a page read without facts), and replaced when it does', () => {
    let reg = upsertEntry(emptyRegistry(), input({ facts: { customer: 'Acme', tags: ['p1'] } }), T0);
    reg = upsertEntry(reg, input(), T0 + 1);
    expect(Object.values(reg.entries)[0]!.facts).toEqual({ customer: 'Acme', tags: ['p1'] });
    reg = upsertEntry(reg, input({ facts: { tags: ['rca_delivered'] } }), T0 + 2);
    expect(Object.values(reg.entries)[0]!.facts).toEqual({ tags: ['rca_delivered'] });
  });

  it('are read back through the stored schema, and entries stored before facts still read', () => {
    const reg = upsertEntry(emptyRegistry(), input({ facts: { customer: 'Acme', tags: ['x'] } }), T0);
    const old = upsertEntry(emptyRegistry(), { ...input(), ticketId: 2 }, T0);
    const raw = JSON.parse(JSON.stringify({ version: 2, entries: { ...reg.entries, ...old.entries } }));
    const parsed = parseStoredRegistry(raw);
    expect(parsed.problems).toEqual([]);
    const [a, b] = Object.values(parsed.registry.entries);
    expect(a!.facts).toEqual({ customer: 'Acme', tags: ['x'] });
    expect(b!.facts).toBeUndefined();
    const bad = parseStoredRegistry({
      version: 2,
      entries: { [a!.key]: { ...a, facts: { tags: 'not a list' } } },
    });
    expect(bad.problems[0]!.message).toMatch(/facts\.tags/);
  });

  it('are copied to the finished record with the opening instant and the type, and archived records read back', () => {
    const e = {
      ...entry('workspace365', 5, {
        createdAt: '2026-03-02T08:00:00Z',
        priority: 'P1',
        events: [reply('2026-03-02T08:03:00Z'), status('2026-03-02T10:00:00Z', 'solved')],
      }),
      facts: { customer: 'Acme', tags: ['rca_delivered'] },
    };
    const [r] = finishedRecords([e]);
    expect(r).toMatchObject({
      customer: 'Acme',
      tags: ['rca_delivered'],
      openedAt: Date.parse('2026-03-02T08:00:00Z'),
      type: 'incident',
    });
    const stored = JSON.parse(JSON.stringify(r));
    expect(readFinishedRecord(stored)).toEqual(r);
    // A record archived before facts: still read, with none.
    const { customer: _c, tags: _t, openedAt: _o, type: _y, ...old } = stored;
    expect(readFinishedRecord(old)).toEqual(old);
    // A damaged fact drops that record only, as any damaged record.
    const { archive, dropped } = parseArchive({ records: [stored, { ...stored, key: 'k2', tags: [1] }] });
    expect([archive.records.length, dropped]).toEqual([1, 1]);
  });
});
