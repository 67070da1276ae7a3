/**
 * Assigns the seed policies to the demo hosts, as an admin would in Options, by writing the
 * extension's stored configuration from its service worker.
 */
import type { Worker } from '@playwright/test';
import { DEMO_HOSTS } from './scenarios';
import { ZENDESK_FIELDS } from './payloads';

/** The per-host field mapping an admin would enter for the demo helpdesks. */
export function demoAssignments() {
  const zendesk = (host: string, policyId: string, more: Record<string, unknown> = {}) => ({
    host,
    helpdesk: 'zendesk' as const,
    policyId,
    mapping: {
      tier: { from: 'ticket-tag', prefix: 'tier_' },
      fields: {
        impact: { from: 'custom-field', id: String(ZENDESK_FIELDS.impact) },
        urgency: { from: 'custom-field', id: String(ZENDESK_FIELDS.urgency) },
        workaround: { from: 'custom-field', id: String(ZENDESK_FIELDS.workaround) },
      },
      ...more,
    },
  });
  return [
    zendesk(DEMO_HOSTS.mextra, 'mextra'),
    zendesk(DEMO_HOSTS.workspace365, 'workspace365'),
    // Membro 2.2: the ticket saying the platform is unavailable carries this tag (tests/demo DEMO_OUTAGE).
    zendesk(DEMO_HOSTS.membro, 'membro', { outage: { tag: 'platform_unavailable' } }),
    zendesk(DEMO_HOSTS.zmanda, 'zmanda'),
    {
      host: DEMO_HOSTS.scope4mation,
      helpdesk: 'topdesk' as const,
      policyId: 'scope4mation',
      mapping: {
        tier: { from: 'field', field: 'optionalFields1.text1' },
        fields: { workaround: { from: 'field', field: 'optionalFields1.boolean1' } },
        // TOPdesk's own names for impact and urgency differ from the contract's labels.
        values: {
          impact: { 'I-1 Hoog': 'I-1', 'I-2 Normaal': 'I-2', 'I-3 Laag': 'I-3' },
          urgency: { 'U-1 Hoog': 'U-1', 'U-2 Normaal': 'U-2', 'U-3 Laag': 'U-3' },
        },
      },
    },
  ];
}

/**
 * `watch: true` keeps the queue watch on (as a fresh install has it, `npm start`); by default it is
 * switched off (`preferences.watchMinutes: 0`), so tests that drive "Refresh queue" themselves see no
 * background poll of the demo helpdesks in between.
 */
export async function seedDemo(serviceWorker: Worker, options: { watch?: boolean } = {}): Promise<void> {
  const config = {
    version: 2,
    policies: {},
    disabledBuiltins: [],
    assignments: demoAssignments(),
    selfHosted: [],
  };
  await serviceWorker.evaluate(
    async ([value, watch]) => {
      // Runs inside the extension's service worker, where `chrome` exists.
      const api = (
        globalThis as unknown as {
          chrome: { storage: { local: { set(v: object): Promise<void>; get(k: string): Promise<object> } } };
        }
      ).chrome;
      const { preferences } = (await api.storage.local.get('preferences')) as { preferences?: object };
      await api.storage.local.set({
        config: value,
        config$: { v: 2 },
        ...(watch ? {} : { preferences: { ...preferences, watchMinutes: 0 }, preferences$: { v: 1 } }),
      });
    },
    [config, options.watch ?? false] as const,
  );
}
