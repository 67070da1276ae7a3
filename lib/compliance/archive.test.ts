import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ARCHIVE_RETENTION_MS,
  archiveRecords,
  FinishedRecordSchema,
  parseArchive,
  readFinishedRecord,
  withArchive,
} from './archive';
import type { FinishedRecord } from './compute';

const DAY = 86_400_000;
const NOW = Date.parse('2026-12-02T10:00:00Z');

function rec(id: string, closedDaysAgo: number, over: Partial<FinishedRecord> = {}): FinishedRecord {
  return {
    key: `zendesk:mextra.zendesk.com:${id}`,
    ticketKey: `#${id}`,
    subject: `Ticket ${id}`,
    link: `https://mextra.zendesk.com/agent/tickets/${id}`,
    policyId: 'mextra',
    policyName: 'Mextra',
    tier: 'standard',
    priority: 'high',
    closedAt: NOW - closedDaysAgo * DAY,
    metrics: {
      resolution: { state: 'met', goalState: 'met', dueAt: null, goalAt: null, stoppedAt: null },
    },
    ...over,
  };
}

describe('the compliance archive', () => {
  it('keeps a record per ticket, the newest replacing the older, most recently finished first', () => {
    let a = archiveRecords({ records: [] }, [rec('1', 5), rec('2', 3)], NOW);
    a = archiveRecords(a, [rec('1', 1, { priority: 'low' })], NOW);
    expect(a.records.map((r) => [r.ticketKey, r.priority])).toEqual([
      ['#1', 'low'],
      ['#2', 'high'],
    ]);
  });

  it('forgets tickets finished more than 400 days ago, and keeps the most recent when over its bound', () => {
    const a = archiveRecords(
      { records: [] },
      [rec('old', 401), rec('year', 365), rec('a', 1), rec('b', 2), rec('c', 3)],
      NOW,
      { max: 3 },
    );
    expect(a.records.map((r) => r.ticketKey)).toEqual(['#a', '#b', '#c']);
    expect(archiveRecords({ records: [] }, [rec('edge', 400)], NOW).records).toHaveLength(1);
    expect(ARCHIVE_RETENTION_MS).toBe(400 * DAY);
  });

  it('keeps subjects short', () => {
    const a = archiveRecords({ records: [] }, [rec('1', 1, { subject: 'x'.repeat(500) })], NOW);
    expect(a.records[0]!.subject).toHaveLength(120);
    expect(a.records[0]!.subject.endsWith('…')).toBe(true);
  });

  it('reads a stored archive record by record: a damaged record is dropped, the others kept', () => {
    const good = rec('1', 1);
    expect(parseArchive({ records: [good, { ...good, closedAt: 'yesterday' }, 42] })).toEqual({
      archive: { records: [good] },
      dropped: 2,
    });
    expect(parseArchive(undefined)).toEqual({ archive: { records: [] }, dropped: 0 });
    expect(parseArchive('garbage')).toEqual({ archive: { records: [] }, dropped: 1 });
  });

  it('adds to the registry’s finished tickets the archived ones it no longer holds (the registry wins)', () => {
    const inRegistry = rec('1', 1, { priority: 'urgent' });
    const merged = withArchive([inRegistry], { records: [rec('1', 1), rec('2', 40)] });
    expect(merged.map((r) => [r.ticketKey, r.priority])).toEqual([
      ['#1', 'urgent'],
      ['#2', 'high'],
    ]);
  });
});

describe('reading a stored finished record', () => {
  const paths: Array<Array<string | number>> = [];
  const walk = (v: unknown, at: Array<string | number>) => {
    paths.push(at);
    if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...at, k]);
  };
  const full = rec('7', 2, {
    sourceUpdatedAt: '2026-11-30T10:00:00Z',
    metrics: {
      response: {
        state: 'breached',
        goalState: null,
        dueAt: '2026-11-30T10:00:00Z',
        goalAt: null,
        stoppedAt: 'x',
      },
      resolution: { state: 'met', goalState: 'missed', dueAt: null, goalAt: 'y', stoppedAt: null },
    },
  });
  walk(full, []);

  it('gives exactly what the zod schema gives, for records mutated at random', () => {
    fc.assert(
      fc.property(
        fc.nat(paths.length - 1),
        fc.oneof(fc.anything(), fc.constantFrom('met', 'breached', 'missed', null, undefined, 3, '')),
        fc.boolean(),
        (i, value, addKey) => {
          const r = JSON.parse(JSON.stringify(full)) as Record<string, unknown>;
          const path = paths[i]!;
          let o = r as Record<string, unknown>;
          for (const k of path.slice(0, -1)) o = o[k] as Record<string, unknown>;
          if (path.length) o[path[path.length - 1]!] = value;
          if (addKey) o.extra = 1;
          const zod = FinishedRecordSchema.safeParse(path.length ? r : value);
          const mine = readFinishedRecord(path.length ? r : value);
          expect(mine).toEqual(zod.success ? zod.data : null);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('keeps the optional tags, type and creation time the availability reads', () => {
    const r = {
      ...(JSON.parse(JSON.stringify(full)) as FinishedRecord),
      tags: ['platform_down'],
      type: 'incident',
      openedAt: Date.parse('2026-06-10T19:00:00Z'),
    };
    expect(readFinishedRecord(r)).toEqual(r);
    expect(readFinishedRecord({ ...r, tags: 'platform_down' })).toBeNull();
  });

  it('takes the hand-checked path for an ordinary record, keeping it as it is', () => {
    const r = JSON.parse(JSON.stringify(full)) as FinishedRecord;
    expect(readFinishedRecord(r)).toBe(r);
    expect(readFinishedRecord({ ...r, metrics: { ...r.metrics, other: {} } })).toEqual(r);
  });
});
