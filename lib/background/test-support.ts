/** Shared set-up for the background's fakeBrowser tests (registry entries, stored configuration). */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registryKey, type Registry, type RegistryEntry } from '../registry';
import type { NeutralTicket } from '../sla/types';

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

export async function seedRegistry(entries: RegistryEntry[]): Promise<void> {
  const registry: Registry = { version: 2, entries: Object.fromEntries(entries.map((e) => [e.key, e])) };
  await fakeBrowser.storage.local.set({ registry, registry$: { v: 2 } });
}

export async function storedRegistry(): Promise<Registry> {
  return (await fakeBrowser.storage.local.get('registry')).registry as Registry;
}
