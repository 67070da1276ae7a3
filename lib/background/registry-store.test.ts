import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readRegistry, writeRegistry } from './registry-store';
import { seedRegistry, storedRegistry, ticketEntry } from './test-support';

const NOW = Date.parse('2026-03-03T10:00:00Z');
const iso = (t: number) => new Date(t).toISOString();
const registryOf = (...ids: number[]) => ({
  version: 2 as const,
  entries: Object.fromEntries(
    ids.map((id) => {
      const e = ticketEntry(id, { createdAt: iso(NOW - 3600_000) });
      return [e.key, e];
    }),
  ),
});

describe('the stored registry', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is read from memory after this worker wrote it, without another read of the whole value', async () => {
    const written = await writeRegistry(registryOf(1, 2), NOW);
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const { registry } = await readRegistry();
    expect(registry).toBe(written);
    const keysRead = get.mock.calls.flatMap(([k]) => (Array.isArray(k) ? k : [k]));
    expect(keysRead).not.toContain('registry');
    get.mockRestore();
  });

  it('is read again from storage when another context wrote it since', async () => {
    await writeRegistry(registryOf(1, 2), NOW);
    await seedRegistry([ticketEntry(7, { createdAt: iso(NOW) })]);
    expect(Object.keys((await readRegistry()).registry.entries)).toEqual(['zendesk:mextra.zendesk.com:7']);
  });

  it('is read again after the storage was cleared', async () => {
    await writeRegistry(registryOf(1), NOW);
    await fakeBrowser.storage.local.clear();
    expect((await readRegistry()).registry.entries).toEqual({});
  });

  it('stamps a new revision with every write, in the same storage call as the value', async () => {
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    await writeRegistry(registryOf(1), NOW);
    await writeRegistry(registryOf(1, 2), NOW);
    const revs = set.mock.calls.map(([items]) => {
      expect(items).toHaveProperty('registry');
      return (items as { registry$: { v: number; rev: string } }).registry$;
    });
    expect(revs).toHaveLength(2);
    expect(revs[0]!.v).toBe(2);
    expect(revs[0]!.rev).not.toBe(revs[1]!.rev);
    expect(Object.keys((await storedRegistry()).entries)).toHaveLength(2);
    set.mockRestore();
  });
});
