/**
 * Pieces of the popup's model the worker builds outside a popup request: the policy vocabulary (labels)
 * and the queue snapshot the popup paints first (kept in `storage.session`, rewritten at every wake-up).
 */
import {
  nextChangeAt,
  SNAPSHOT_ROWS,
  sortByTimeToBreach,
  summarize,
  toQueueRows,
  type PolicyVocabulary,
  type QueueRow,
} from '../queue/rows';
import type { QueueSnapshot } from '../messaging/popup';
import { isFinished, type Registry, type RegistryEntry } from '../registry';
import type { Policy } from '../sla';
import type { Config } from '../storage/schemas';
import { SNAPSHOT_KEY } from '../pages/popup/snapshot';

/** Each policy's priorities (most urgent first) and tier labels, in the popup's language. */
export function vocabularies(
  policies: ReadonlyMap<string, Policy>,
  lang: 'en' | 'nl',
): Record<string, PolicyVocabulary> {
  return Object.fromEntries(
    [...policies].map(([id, p]) => [
      id,
      {
        priorities: p.priorities.map((x) => ({ id: x.id, label: x.label[lang] })),
        tiers: Object.fromEntries(p.tiers.map((x) => [x.id, x.label[lang]])),
      },
    ]),
  );
}

export function openEntries(registry: Registry): RegistryEntry[] {
  const open: RegistryEntry[] = [];
  for (const e of Object.values(registry.entries)) if (!isFinished(e)) open.push(e);
  return open;
}

/** The registry's open tickets as queue rows, with the policies' labels in `language`, rebased to `now`. */
export function queueRows(
  policies: ReadonlyMap<string, Policy>,
  registry: Registry,
  language: 'en' | 'nl',
  now: number,
): QueueRow[] {
  return toQueueRows(openEntries(registry), now, vocabularies(policies, language));
}

export function buildQueueSnapshot(
  input: {
    config: Pick<Config, 'assignments'>;
    configUnreadable?: boolean;
    policies: ReadonlyMap<string, Policy>;
    language: 'en' | 'nl';
    lastRefreshAt: number | null;
  },
  registry: Registry,
  now: number,
  timeZone: string,
): QueueSnapshot {
  const rows = queueRows(input.policies, registry, input.language, now);
  return {
    version: 2,
    builtAt: now,
    validUntil: nextChangeAt(rows, now),
    language: input.language,
    timeZone,
    hasAssignments: input.config.assignments.length > 0,
    ...(input.configUnreadable ? { configUnreadable: true } : {}),
    total: rows.length,
    summary: summarize(rows, now),
    rows: sortByTimeToBreach(rows, now).slice(0, SNAPSHOT_ROWS),
    lastRefreshAt: input.lastRefreshAt,
  };
}

/** Stores the snapshot; a browser without `storage.session` simply paints from the full model. */
export async function storeQueueSnapshot(snapshot: QueueSnapshot): Promise<void> {
  try {
    await browser.storage.session?.set({ [SNAPSHOT_KEY]: snapshot });
  } catch (e) {
    console.warn('[sla] the popup snapshot could not be stored:', e);
  }
}
