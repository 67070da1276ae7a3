import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openStore } from '../storage/db';
import { dayOf, SLOT_MAX } from '../storage/archive-days';
import {
  archiveFinished,
  forgetStoreState,
  migrateFromLocal,
  queueUpsert,
  readArchive,
  readArchivedRecord,
  readRegistry,
  readSoonestDue,
  upsertTickets,
  writeRegistry,
} from './registry-store';
import { HOST, seedRegistry, storedRegistry, ticketEntry } from '../../tests/support/background';
import type { Registry, RegistryEntry } from '../registry';
import type { FinishedRecord } from '../compliance';
import { summaryMetric } from '../../tests/support/registry';

const NOW = Date.parse('2026-03-03T10:00:00Z');
const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString();
const registryOf = (...ids: number[]): Registry => ({
  version: 2,
  entries: Object.fromEntries(
    ids.map((id) => {
      const e = ticketEntry(id, { createdAt: iso(NOW - 3600_000) }, { lastSeen: NOW });
      return [e.key, e];
    }),
  ),
});
const withDue = (e: RegistryEntry, dueAt: number): RegistryEntry => ({
  ...e,
  evaluation: {
    evaluatedAt: iso(NOW),
    policy: 'mextra',
    policyName: 'Mextra',
    tier: 't',
    type: 'incident',
    priority: 'p1',
    metrics: {
      resolution: summaryMetric({ dueAt: iso(dueAt) }),
    },
  },
});
const record = (id: number, closedAt: number): FinishedRecord => ({
  key: `zendesk:${HOST}:${id}`,
  ticketKey: `#${id}`,
  subject: `Ticket ${id}`,
  link: '',
  policyId: 'mextra',
  policyName: 'Mextra',
  tier: 't',
  priority: 'p1',
  closedAt,
  metrics: { resolution: { state: 'met', goalState: null, dueAt: null, goalAt: null, stoppedAt: null } },
});

/** Counts the records each IndexedDB write transaction puts and deletes. */
async function countWrites(): Promise<{ puts: () => number; deletes: () => number }> {
  const proto = Object.getPrototypeOf(
    (await openStore()).transaction('tickets', 'readwrite').objectStore('tickets'),
  );
  const put = vi.spyOn(proto, 'put');
  const del = vi.spyOn(proto, 'delete');
  const onTickets = (spy: typeof put) =>
    spy.mock.contexts.filter((c) => (c as IDBObjectStore).name === 'tickets').length;
  return { puts: () => onTickets(put), deletes: () => onTickets(del) };
}

describe('the ticket store', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('is read from memory after this worker wrote it, without reading every record again', async () => {
    const written = await writeRegistry(registryOf(1, 2), NOW);
    const db = await openStore();
    const getAll = vi.spyOn(
      Object.getPrototypeOf(db.transaction('tickets').objectStore('tickets')),
      'getAll',
    );
    const { registry } = await readRegistry();
    expect(registry).toBe(written);
    expect(getAll).not.toHaveBeenCalled();
  });

  it('is read again when another context wrote it since', async () => {
    await writeRegistry(registryOf(1, 2), NOW);
    await seedRegistry([ticketEntry(7, { createdAt: iso(NOW) }, { lastSeen: NOW })]);
    expect(Object.keys((await readRegistry()).registry.entries).sort()).toEqual([
      `zendesk:${HOST}:1`,
      `zendesk:${HOST}:2`,
      `zendesk:${HOST}:7`,
    ]);
  });

  it('writes only the record that changed when one ticket of many is upserted', async () => {
    const reg = registryOf(...Array.from({ length: 200 }, (_, i) => i + 1));
    await writeRegistry(reg, NOW);
    const writes = await countWrites();
    const one = ticketEntry(5, { createdAt: iso(NOW - 3600_000) });
    await upsertTickets(
      [
        {
          helpdesk: 'zendesk',
          host: HOST,
          ticketId: 5,
          ticket: one.ticket,
          source: 'opened',
          ticketKey: '#5',
          subject: 'Changed',
          link: one.link,
        },
      ],
      NOW + 1000,
    );
    expect(writes.puts()).toBe(1);
    expect(writes.deletes()).toBe(0);
    expect((await storedRegistry()).entries[`zendesk:${HOST}:5`]!.subject).toBe('Changed');
  });

  it('writes nothing when a wake-up changed nothing', async () => {
    await writeRegistry(registryOf(1, 2, 3), NOW);
    const writes = await countWrites();
    const { registry } = await readRegistry();
    // A re-evaluation makes new objects with the same content.
    await writeRegistry({ version: 2, entries: JSON.parse(JSON.stringify(registry.entries)) }, NOW);
    expect(writes.puts() + writes.deletes()).toBe(0);
  });

  it('coalesces a content script’s rapid reports into one write, the latest report of each ticket winning (issue 19 #5)', async () => {
    await writeRegistry(registryOf(1), NOW);
    const writes = await countWrites();
    const report = (id: number, subject: string, at: number) =>
      queueUpsert(
        {
          helpdesk: 'zendesk',
          host: HOST,
          ticketId: id,
          ticket: { createdAt: iso(NOW) },
          source: 'opened',
          ticketKey: `#${id}`,
          subject,
          link: '',
        },
        at,
      );
    const all = Array.from({ length: 15 }, (_, i) => report(2 + (i % 3), `switch ${i}`, NOW + i));
    await Promise.all(all);
    expect(writes.puts()).toBe(3);
    const stored = (await storedRegistry()).entries;
    expect([2, 3, 4].map((id) => stored[`zendesk:${HOST}:${id}`]!.subject)).toEqual([
      'switch 12',
      'switch 13',
      'switch 14',
    ]);
  });

  it('commits a batch atomically: a failed transaction leaves the previous state', async () => {
    await writeRegistry(registryOf(1, 2), NOW);
    const batch = registryOf(1, 2, 3, 4, 5);
    // The third record cannot be stored (DataCloneError), as a kill or a full disk would end it midway.
    (batch.entries[`zendesk:${HOST}:3`] as unknown as { ticket: object }).ticket = {
      createdAt: iso(NOW),
      x: () => 1,
    };
    await expect(writeRegistry(batch, NOW + 1)).rejects.toThrow();
    expect(Object.keys((await storedRegistry()).entries).sort()).toEqual([
      `zendesk:${HOST}:1`,
      `zendesk:${HOST}:2`,
    ]);
  });

  it('reads the soonest deadlines through the index, in order', async () => {
    const entries = [3, 1, 2].map((id) =>
      withDue(ticketEntry(id, { createdAt: iso(NOW) }, { lastSeen: NOW }), NOW + id * 3600_000),
    );
    await writeRegistry({ version: 2, entries: Object.fromEntries(entries.map((e) => [e.key, e])) }, NOW);
    expect((await readSoonestDue(2)).map((e) => e.ticketId)).toEqual(['1', '2']);
  });

  it('keeps open tickets seen in the last 30 days and lets older unseen ones go, with no count cap', async () => {
    const fresh = ticketEntry(1, { createdAt: iso(NOW - 40 * DAY) }, { lastSeen: NOW - 29 * DAY });
    const stale = ticketEntry(2, { createdAt: iso(NOW - 40 * DAY) }, { lastSeen: NOW - 31 * DAY });
    const many = registryOf(...Array.from({ length: 6000 }, (_, i) => i + 10));
    await writeRegistry(
      { version: 2, entries: { ...many.entries, [fresh.key]: fresh, [stale.key]: stale } },
      NOW,
    );
    const stored = (await storedRegistry()).entries;
    expect(stored[fresh.key]).toBeDefined();
    expect(stored[stale.key]).toBeUndefined();
    expect(Object.keys(stored)).toHaveLength(6001);
  });

  it('keeps finished records for the configured retention and answers a period through the index', async () => {
    await fakeBrowser.storage.local.set({ preferences: { finishedRetentionDays: 60 } });
    await archiveFinished(
      [record(1, NOW - 10 * DAY), record(2, NOW - 50 * DAY), record(3, NOW - 70 * DAY)],
      NOW,
    );
    expect((await readArchive()).records.map((r) => r.ticketKey)).toEqual(['#1', '#2']);
    const month = await readArchive({ from: NOW - 55 * DAY, to: NOW - 20 * DAY });
    expect(month.records.map((r) => r.ticketKey)).toEqual(['#2']);
  });

  it('skips a damaged archive record and reports it, keeping the rest, and a later write leaves it as stored', async () => {
    await archiveFinished([record(1, NOW - DAY)], NOW);
    const db = await openStore();
    const [row] = await db.getAll('archiveDays');
    const broken = { key: 'broken', closedAt: 'x' };
    await db.put('archiveDays', {
      ...row!,
      keys: [...row!.keys, 'broken'],
      records: [...row!.records, broken],
    });
    // a whole row that is not a day row at all
    await db.put('archiveDays', { day: dayOf(NOW - 2 * DAY), slot: 0, junk: true } as never);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect((await readArchive()).records.map((r) => r.ticketKey)).toEqual(['#1']);
    expect(warn.mock.calls.join(' ')).toMatch(/2 unreadable record/);
    // a record for the same day and one for the damaged row's day: neither damaged part is touched
    await archiveFinished([record(2, NOW - DAY + 1), record(3, NOW - 2 * DAY + 1)], NOW);
    const rows = await db.getAll('archiveDays');
    expect(rows.flatMap((r) => (r.records ?? []) as unknown[])).toContainEqual(broken);
    expect(rows).toContainEqual({ day: dayOf(NOW - 2 * DAY), slot: 0, junk: true });
    expect((await readArchive()).records.map((r) => r.ticketKey).sort()).toEqual(['#1', '#2', '#3']);
  });

  it('replaces a ticket’s archived record wherever it is, also when it finished on another day', async () => {
    await archiveFinished([record(1, NOW - 5 * DAY), record(2, NOW - 5 * DAY)], NOW);
    await archiveFinished([{ ...record(1, NOW - 2 * DAY), subject: 'reopened and closed again' }], NOW);
    const all = (await readArchive()).records;
    expect(all.map((r) => [r.ticketKey, r.closedAt])).toEqual([
      ['#1', NOW - 2 * DAY],
      ['#2', NOW - 5 * DAY],
    ]);
    expect((await readArchivedRecord(`zendesk:${HOST}:1`))?.subject).toBe('reopened and closed again');
    expect(await readArchivedRecord('zendesk:nowhere:1')).toBeNull();
  });

  it('stores a busy day in several rows and rewrites only the row that holds a replaced record', async () => {
    const day = Array.from({ length: SLOT_MAX * 2 + 5 }, (_, i) => record(1000 + i, NOW - 3 * DAY + i));
    await archiveFinished(day, NOW);
    const db = await openStore();
    expect((await db.getAll('archiveDays')).map((r) => r.records.length).sort((a, b) => a - b)).toEqual([
      5,
      SLOT_MAX,
      SLOT_MAX,
    ]);
    const proto = Object.getPrototypeOf(
      db.transaction('archiveDays', 'readwrite').objectStore('archiveDays'),
    );
    const put = vi.spyOn(proto, 'put');
    await archiveFinished([{ ...day[7]!, subject: 'changed' }], NOW);
    expect(put).toHaveBeenCalledTimes(1);
    expect((put.mock.calls[0]![0] as { records: unknown[] }).records).toHaveLength(SLOT_MAX);
    expect(await db.countFromIndex('archiveDays', 'keys')).toBe(day.length);
  });

  it('answers a period to the millisecond across a day boundary (records in the same UTC day outside it are left out)', async () => {
    const midnight = dayOf(NOW) * DAY;
    await archiveFinished(
      [record(1, midnight - 1), record(2, midnight), record(3, midnight + 5), record(4, midnight + 10)],
      NOW,
    );
    const got = await readArchive({ from: midnight - 1, to: midnight + 10 });
    expect(got.records.map((r) => r.ticketKey)).toEqual(['#3', '#2', '#1']);
  });
});

describe('the move from storage.local into the ticket store', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    forgetStoreState();
  });

  /** A captured-size fixture: 5,000 open tickets and 5,000 archived finished ones. */
  async function seedOld(): Promise<{ keys: string[]; archived: string[] }> {
    const reg = registryOf(...Array.from({ length: 5000 }, (_, i) => i + 1));
    const records = Array.from({ length: 5000 }, (_, i) => record(100_000 + i, NOW - (i % 390) * DAY));
    await fakeBrowser.storage.local.set({
      registry: reg,
      registry$: { v: 2, rev: 'x' },
      complianceArchive: { records },
      complianceArchive$: { v: 1 },
    });
    return { keys: Object.keys(reg.entries), archived: records.map((r) => r.key) };
  }

  it('moves 5,000 tickets and 5,000 archived records, then removes the old keys', async () => {
    const { keys, archived } = await seedOld();
    const report = await migrateFromLocal();
    expect(report).toMatchObject({ tickets: 5000, archived: 5000, quarantined: 0, kept: [] });
    expect(Object.keys((await storedRegistry()).entries).sort()).toEqual([...keys].sort());
    const db = await openStore();
    const stored = (await db.getAll('archiveDays')).flatMap((r) => r.keys);
    expect(stored.sort()).toEqual([...archived].sort());
    expect(await fakeBrowser.storage.local.get(['registry', 'registry$', 'complianceArchive'])).toEqual({});
  });

  it('is idempotent: run again after a failure to remove the old keys, nothing is lost or overwritten', async () => {
    const { keys } = await seedOld();
    const remove = vi.spyOn(fakeBrowser.storage.local, 'remove').mockRejectedValueOnce(new Error('killed'));
    await expect(migrateFromLocal()).rejects.toThrow('killed');
    remove.mockRestore();
    // Meanwhile the new store moved on: that ticket must not be put back to its old state.
    const db = await openStore();
    const changed = ticketEntry(1, { createdAt: iso(NOW) }, { subject: 'newer', lastSeen: NOW });
    await db.put('tickets', { key: changed.key, host: HOST, lastSeen: NOW, entry: changed });
    expect(await fakeBrowser.storage.local.get('registry')).toHaveProperty('registry');
    await migrateFromLocal();
    const stored = await storedRegistry();
    expect(Object.keys(stored.entries)).toHaveLength(keys.length);
    expect(stored.entries[changed.key]!.subject).toBe('newer');
    expect(await migrateFromLocal()).toBeNull();
  });

  it('keeps unreadable old entries aside verbatim instead of dropping them', async () => {
    const good = ticketEntry(1, { createdAt: iso(NOW) });
    await fakeBrowser.storage.local.set({
      registry: { version: 2, entries: { [good.key]: good, odd: { key: 'odd', helpdesk: 'freshdesk' } } },
    });
    const report = await migrateFromLocal();
    expect(report).toMatchObject({ tickets: 1, quarantined: 1 });
    const q = (await fakeBrowser.storage.local.get('quarantine')).quarantine as Record<
      string,
      { raw: unknown }
    >;
    expect(Object.values(q).map((x) => x.raw)).toEqual([{ key: 'odd', helpdesk: 'freshdesk' }]);
  });

  it('leaves a registry written by a newer version exactly as it is, also across wake-ups', async () => {
    const newer = { version: 3, entries: { a: { anything: true } }, extra: [1, 2, 3] };
    await fakeBrowser.storage.local.set({ registry: newer, registry$: { v: 3 } });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const report = await migrateFromLocal();
    expect(report?.kept.join(' ')).toMatch(/registry/);
    await writeRegistry(registryOf(1), NOW);
    expect((await fakeBrowser.storage.local.get('registry')).registry).toEqual(newer);
    warn.mockRestore();
  });
});

describe('store schema v2: the alerts index (issue 12)', () => {
  it('an upgrade from v1 fills the index in for the records already stored', async () => {
    const { DB_NAME } = await import('../storage/db');
    const e = withDue(ticketEntry(7, { createdAt: iso(NOW - 3600_000) }), NOW + 2 * 3600_000);
    // A v1 database as the previous version left it: records without the `alerts` field.
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open(DB_NAME, 1);
      req.onupgradeneeded = () => {
        const db = req.result;
        const tickets = db.createObjectStore('tickets', { keyPath: 'key' });
        for (const i of ['host', 'next', 'finished', 'lastSeen']) tickets.createIndex(i, i);
        db.createObjectStore('archive', { keyPath: 'key' }).createIndex('closedAt', 'closedAt');
        db.createObjectStore('meta');
        tickets.put({ key: e.key, host: e.host, lastSeen: e.lastSeen, next: NOW + 2 * 3600_000, entry: e });
        tickets.put({ key: 'broken', host: 'x', lastSeen: 0, entry: { nonsense: true } });
      };
      req.onsuccess = () => (req.result.close(), resolve());
      req.onerror = () => reject(req.error);
    });
    forgetStoreState();
    const { nextAlertAfter, readAlerting } = await import('./registry-store');
    expect(await nextAlertAfter(NOW)).toBe(NOW + 2 * 3600_000);
    expect((await readAlerting(null, NOW + 3 * 3600_000)).map((x) => x.key)).toEqual([e.key]);
    expect((await readAlerting(NOW + 2 * 3600_000, NOW + 3 * 3600_000)).map((x) => x.key)).toEqual([]);
    const db = await openStore();
    expect(db.version).toBeGreaterThanOrEqual(2);
    expect((await db.get('tickets', 'broken'))?.entry).toEqual({ nonsense: true }); // left as it was
  });
});

describe('store schema v3: the archive by day (issue 13)', () => {
  it('an upgrade from v2 moves every archived record, the damaged ones verbatim, and drops the old store', async () => {
    const { DB_NAME, deleteStore } = await import('../storage/db');
    await deleteStore();
    const records = Array.from({ length: 600 }, (_, i) => record(i + 1, NOW - (i % 40) * DAY - i * 1000));
    const damaged = {
      key: 'zendesk:x:bad',
      closedAt: NOW - DAY,
      record: { key: 'zendesk:x:bad', closedAt: 'x' },
    };
    const undated = { key: 'zendesk:x:undated', record: { whatever: 1 } };
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open(DB_NAME, 2);
      req.onupgradeneeded = () => {
        const db = req.result;
        const tickets = db.createObjectStore('tickets', { keyPath: 'key' });
        for (const i of ['host', 'next', 'finished', 'lastSeen']) tickets.createIndex(i, i);
        tickets.createIndex('alerts', 'alerts', { multiEntry: true });
        const archive = db.createObjectStore('archive', { keyPath: 'key' });
        archive.createIndex('closedAt', 'closedAt');
        db.createObjectStore('meta');
        for (const r of records) archive.put({ key: r.key, closedAt: r.closedAt, record: r });
        archive.put(damaged);
        archive.put(undated);
      };
      req.onsuccess = () => (req.result.close(), resolve());
      req.onerror = () => reject(req.error);
    });
    forgetStoreState();
    const db = await openStore();
    expect(db.version).toBe(3);
    expect([...db.objectStoreNames]).not.toContain('archive');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const got = (await readArchive()).records;
    expect(got.map((r) => r.key).sort()).toEqual(records.map((r) => r.key).sort());
    expect(got.find((r) => r.key === records[17]!.key)).toEqual(records[17]);
    expect(warn.mock.calls.join(' ')).toMatch(/2 unreadable record/);
    const rows = await db.getAll('archiveDays');
    expect(rows.flatMap((r) => r.records)).toContainEqual(damaged.record);
    expect(rows.find((r) => r.day === -1)?.records).toEqual([undated]);
    // a month of it, through the day rows
    const from = NOW - 20 * DAY;
    const month = await readArchive({ from, to: NOW });
    expect(month.records.map((r) => r.key).sort()).toEqual(
      records
        .filter((r) => r.closedAt >= from && r.closedAt < NOW)
        .map((r) => r.key)
        .sort(),
    );
    warn.mockRestore();
  });
});
