/**
 * The stored registry's zod schema, its versions and migrations. `parseStoredRegistry` never throws:
 * a corrupt value becomes an empty registry, a corrupt entry is dropped, and each is reported.
 *
 * Versions
 * - v1 (first release): `{ version: 1, tickets: [...] }`, a list with wall-clock deadlines only.
 * - v2 (current): `{ version: 2, entries: { [key]: RegistryEntry } }` with an evaluation summary per entry.
 */
import { z } from 'zod';
import { HELPDESKS, HELPDESK_IDS } from '../helpdesks/catalog';
import type { NeutralTicket } from '../sla/types';
import { registryKey } from './registry';
import { emptyRegistry } from './registry';
import type { Registry, RegistryEntry, RegistryProblem } from './types';

export const REGISTRY_VERSION = 2;

const Iso = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not an ISO date');
const HelpdeskSchema = z.enum(HELPDESK_IDS);
const MetricStateSchema = z.enum(['running', 'paused', 'met', 'breached', 'none']);

/** Loose on purpose: the engine's own schema validates tickets when it evaluates them. */
export const StoredTicketSchema = z.looseObject({
  createdAt: Iso,
  events: z.array(z.looseObject({ at: z.string(), type: z.string() })).optional(),
});

export const MetricSummarySchema = z.object({
  state: MetricStateSchema,
  dueAt: Iso.nullable(),
  atRiskAt: Iso.nullable(),
  goalAt: Iso.nullable(),
  goalPercent: z.number().nullable(),
  goalState: z.enum(['pending', 'met', 'missed']).nullable(),
  atRisk: z.boolean(),
  stoppedAt: Iso.nullable(),
  targetMs: z.number().nullable(),
  remainingMs: z.number().nullable(),
  businessTime: z.boolean(),
  openIntervals: z.array(z.tuple([z.number(), z.number()])),
});

export const EvaluationSummarySchema = z.object({
  evaluatedAt: Iso,
  policy: z.string(),
  policyName: z.string(),
  tier: z.string(),
  type: z.string(),
  priority: z.string().nullable(),
  metrics: z.object({ response: MetricSummarySchema.optional(), resolution: MetricSummarySchema.optional() }),
});

/** An entry's facts (lib/registry/types.ts `TicketFacts`); entries stored before them have none. */
export const TicketFactsSchema = z.object({
  customer: z.string().optional(),
  tags: z.array(z.string()).optional(),
});

export const RegistryEntrySchema = z.object({
  key: z.string().min(1),
  helpdesk: HelpdeskSchema,
  host: z.string().min(1),
  ticketId: z.string().min(1),
  ticketKey: z.string(),
  subject: z.string(),
  link: z.string(),
  ticket: StoredTicketSchema,
  facts: TicketFactsSchema.optional(),
  omittedEvents: z.number().int().nonnegative().optional(),
  policyId: z.string().nullable(),
  tier: z.string().nullable(),
  evaluation: EvaluationSummarySchema.nullable(),
  lastSeen: z.number(),
  lastRefresh: z.number().nullable(),
  source: z.enum(['opened', 'queue']),
});

export const RegistrySchemaV2 = z.object({
  version: z.literal(2),
  entries: z.record(z.string(), RegistryEntrySchema),
});

export const RegistryTicketV1Schema = z.object({
  id: z.string(),
  helpdesk: HelpdeskSchema,
  host: z.string().min(1),
  ticketId: z.union([z.string(), z.number()]),
  number: z.string().optional(),
  subject: z.string().default(''),
  url: z.string().default(''),
  ticket: StoredTicketSchema,
  policy: z.string().nullable().default(null),
  deadlines: z.record(z.string(), z.string().nullable()).default({}),
  seenAt: Iso,
});
export const RegistrySchemaV1 = z.object({
  version: z.literal(1).optional(),
  tickets: z.array(RegistryTicketV1Schema),
});
export type RegistryV1 = z.infer<typeof RegistrySchemaV1>;

/**
 * v1 → v2. v1 kept only wall-clock deadlines, which v2 cannot trust (no at-risk time, no pauses):
 * evaluations start empty and the next wake-up re-evaluates every entry. Throws on a value that is not
 * v1 (WXT runs migrations inside its own error handling; `parseStoredRegistry` catches).
 */
export function migrateRegistryV1toV2(v1: unknown): Registry {
  const old = RegistrySchemaV1.parse(v1);
  const reg = emptyRegistry();
  for (const t of old.tickets) {
    const key = registryKey(t.helpdesk, t.host, t.ticketId);
    const entry: RegistryEntry = {
      key,
      helpdesk: t.helpdesk,
      host: t.host.toLowerCase(),
      ticketId: String(t.ticketId),
      ticketKey: t.number ?? `${HELPDESKS[t.helpdesk].keyPrefix}${t.ticketId}`,
      subject: t.subject,
      link: t.url,
      ticket: t.ticket as NeutralTicket,
      policyId: t.policy,
      tier: null,
      evaluation: null,
      lastSeen: Date.parse(t.seenAt),
      lastRefresh: null,
      source: 'opened',
    };
    const prev = reg.entries[key];
    if (!prev || prev.lastSeen < entry.lastSeen) reg.entries[key] = entry;
  }
  return reg;
}

/** For `storage.defineItem('local:registry', { version: 2, migrations: registryMigrations })`. */
export const registryMigrations = { 2: migrateRegistryV1toV2 } as const;

export interface ParsedRegistry {
  registry: Registry;
  problems: RegistryProblem[];
  /** True when the value was an older version and was migrated (write it back). */
  migrated: boolean;
}

function describe(error: z.ZodError): string {
  const first = error.issues[0];
  const where = first?.path.length ? first.path.join('.') : '(root)';
  return `${where}: ${first?.message ?? 'invalid'}`;
}

/**
 * Reads whatever storage held. Never throws. Missing → empty registry, no problem. An older version is
 * migrated. Entries that fail validation are dropped one by one (the rest survive) and reported; a value
 * that is not a registry at all becomes an empty registry and one problem.
 */
export function parseStoredRegistry(raw: unknown): ParsedRegistry {
  if (raw === null || raw === undefined) return { registry: emptyRegistry(), problems: [], migrated: false };
  try {
    const version =
      typeof raw === 'object' && 'version' in raw ? (raw as { version: unknown }).version : undefined;
    if (version === 1 || (version === undefined && typeof raw === 'object' && 'tickets' in raw)) {
      const v1 = RegistrySchemaV1.safeParse(raw);
      if (!v1.success)
        return fail(`stored registry v1 was unreadable at ${describe(v1.error)} — starting empty`);
      return { registry: migrateRegistryV1toV2(v1.data), problems: [], migrated: true };
    }
    const envelope = z
      .object({ version: z.literal(2), entries: z.record(z.string(), z.unknown()) })
      .safeParse(raw);
    if (!envelope.success)
      return fail(`stored registry was unreadable at ${describe(envelope.error)} — starting empty`);
    const registry = emptyRegistry();
    const problems: RegistryProblem[] = [];
    for (const [key, value] of Object.entries(envelope.data.entries)) {
      const entry = RegistryEntrySchema.safeParse(value);
      if (!entry.success) {
        problems.push({ where: key, message: `dropped unreadable ticket ${key} (${describe(entry.error)})` });
      } else if (entry.data.key !== key) {
        problems.push({ where: key, message: `dropped ticket stored under the wrong key ${key}` });
      } else {
        registry.entries[key] = entry.data as RegistryEntry;
      }
    }
    return { registry, problems, migrated: false };
  } catch (e) {
    return fail(
      `stored registry could not be read (${e instanceof Error ? e.message : String(e)}) — starting empty`,
    );
  }
}

function fail(message: string): ParsedRegistry {
  return { registry: emptyRegistry(), problems: [{ where: 'registry', message }], migrated: false };
}
