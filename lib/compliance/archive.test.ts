import { describe, expect, it } from 'vitest';
import { ARCHIVE_RETENTION_MS, archiveRecords, parseArchive, withArchive } from './archive';
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
