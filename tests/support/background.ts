/** Shared set-up for the background's fakeBrowser tests (registry entries, stored configuration). */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registryKey, type Registry, type RegistryEntry } from '../../lib/registry';
import type { NeutralTicket } from '../../lib/sla/types';
import { openStore } from '../../lib/storage/db';
import { ticketRow } from '../../lib/background/registry-store';

export const HOST = 'mextra.zendesk.com';

export async function seedConfig(
  assignments: Array<{
    host: string;
    helpdesk: 'zendesk' | 'topdesk';
    policyId: string;
    mapping?: object;
  }> = [{ host: HOST, helpdesk: 'zendesk', policyId: 'mextra' }],
  preferences: object = {},
): Promise<void> {
  await fakeBrowser.storage.local.set({
    config: { version: 2, policies: {}, disabledBuiltins: [], assignments, selfHosted: [] },
    config$: { v: 2 },
    preferences: {
      language: 'en',
      atRiskPercent: 25,
      notifications: true,
      sidebarSide: 'right',
      ...preferences,
    },
  });
}

export function ticketEntry(
  id: string | number,
  ticket: NeutralTicket,
  over: Partial<RegistryEntry> = {},
): RegistryEntry {
  const key = registryKey('zendesk', HOST, id);
  return {
    key,
    helpdesk: 'zendesk',
    host: HOST,
    ticketId: String(id),
    ticketKey: `#${id}`,
    subject: `Ticket ${id}`,
    link: `https://${HOST}/agent/tickets/${id}`,
    ticket,
    policyId: 'mextra',
    tier: null,
    evaluation: null,
    lastSeen: Date.parse(ticket.createdAt),
    lastRefresh: null,
    source: 'opened',
    ...over,
  };
}

/** Puts entries straight into the ticket store, as another context would (new `meta.rev`). */
export async function seedRegistry(entries: RegistryEntry[]): Promise<void> {
  const db = await openStore();
  const tx = db.transaction(['tickets', 'meta'], 'readwrite');
  for (const e of entries) {
    let row;
    try {
      row = ticketRow(e);
    } catch {
      // A deliberately damaged entry: stored as is, as a bug or another version could have.
      row = { key: e.key, host: String(e.host), lastSeen: Number(e.lastSeen) || 0, entry: e };
    }
    void tx.objectStore('tickets').put(row);
  }
  void tx.objectStore('meta').put(`seed.${Math.random()}`, 'rev');
  await tx.done;
}

/** What the ticket store holds, read straight from IndexedDB (no validation, no cache). */
export async function storedRegistry(): Promise<Registry> {
  const db = await openStore();
  const rows = await db.getAll('tickets');
  return { version: 2, entries: Object.fromEntries(rows.map((r) => [r.key, r.entry as RegistryEntry])) };
}
