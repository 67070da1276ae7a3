/**
 * Zod schemas for everything the extension stores. Every value is re-validated on read: a corrupted
 * value falls back (field by field where it can) and the problem is reported, never crashed on.
 */
import { z } from 'zod';
import { HELPDESK_IDS } from '../helpdesks/catalog';
import { builtinHelpdeskOf } from '../config/hosts';

export const HelpdeskKind = z.enum(HELPDESK_IDS);

export const PreferencesSchema = z.object({
  language: z.enum(['auto', 'nl', 'en']).catch('auto'),
  /** At risk when this share (percent) of the target or less remains. */
  atRiskPercent: z.number().int().min(1).max(90).catch(25),
  notifications: z.boolean().catch(true),
  sidebarSide: z.enum(['right', 'left']).catch('right'),
  /** Days finished tickets are kept for compliance (the ticket store's retention, lib/storage/README.md). */
  finishedRetentionDays: z.number().int().min(31).max(3660).catch(400),
  /** Queue watch: poll every assigned helpdesk's queue every this many minutes; 0 = off (lib/background/watch.ts). */
  watchMinutes: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(5), z.literal(15)]).catch(2),
});
export type Preferences = z.infer<typeof PreferencesSchema>;
export const DEFAULT_PREFERENCES: Preferences = {
  language: 'auto',
  atRiskPercent: 25,
  notifications: true,
  sidebarSide: 'right',
  finishedRetentionDays: 400,
  watchMinutes: 2,
};

/** The choices Options offers for `watchMinutes` (0 = off). */
export const WATCH_MINUTES = [0, 1, 2, 5, 15] as const;

/** Sidebar UI state, per helpdesk. */
export const UiStateSchema = z.object({
  collapsed: z.record(z.string(), z.boolean()).catch({}),
  side: z.record(z.string(), z.enum(['right', 'left'])).catch({}),
  /** Compact: only the countdowns, in a smaller panel (the agent's choice per helpdesk). */
  compact: z.record(z.string(), z.boolean()).catch({}),
});
export type UiState = z.infer<typeof UiStateSchema>;

/** A host name like `mextra.zendesk.com` or `helpdesk.example.nl` (no scheme, no path). */
export const HostName = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/,
    'not a host name (example: mextra.zendesk.com)',
  );

export const AssignmentSchema = z.object({
  host: HostName,
  helpdesk: HelpdeskKind,
  policyId: z.string().min(1),
  /** Field/value mapping for this host; validated by the helpdesk mapping schema when used. */
  mapping: z.record(z.string(), z.unknown()).optional(),
});
export type Assignment = z.infer<typeof AssignmentSchema>;

export const StoredPolicySchema = z.object({
  /** The policy JSON exactly as imported (validated again by the engine's schema on use). */
  json: z.unknown(),
  importedAt: z.string(),
  source: z.string().optional(),
});

export const SelfHostedSchema = z.object({ host: HostName, helpdesk: HelpdeskKind });

export const ConfigSchemaV2 = z.object({
  version: z.literal(2),
  policies: z.record(z.string(), StoredPolicySchema),
  disabledBuiltins: z.array(z.string()),
  assignments: z.array(AssignmentSchema),
  selfHosted: z.array(SelfHostedSchema),
});
export type Config = z.infer<typeof ConfigSchemaV2>;
export const EMPTY_CONFIG: Config = {
  version: 2,
  policies: {},
  disabledBuiltins: [],
  assignments: [],
  selfHosted: [],
};

/** v1 (first release): assignments were a plain host → policy id map, no mappings, no self-hosted list. */
export const ConfigSchemaV1 = z.object({
  policies: z.record(z.string(), StoredPolicySchema).default({}),
  disabledBuiltins: z.array(z.string()).default([]),
  assignments: z.record(z.string(), z.string()).default({}),
});

export function migrateConfigV1toV2(v1: unknown): Config {
  const old = ConfigSchemaV1.parse(v1);
  return {
    version: 2,
    policies: old.policies,
    disabledBuiltins: old.disabledBuiltins,
    assignments: Object.entries(old.assignments).map(([host, policyId]) => ({
      host,
      policyId,
      // v1 knew only the SaaS hosts, and took any other host for Zendesk.
      helpdesk: builtinHelpdeskOf(host) ?? 'zendesk',
    })),
    selfHosted: [],
  };
}

/** TOPdesk application passwords per host (stored locally only, never synced, sent only to that host). */
export const CredentialSchema = z.object({ username: z.string().min(1), password: z.string().min(1) });
export const CredentialsSchema = z.record(HostName, CredentialSchema);
export type Credentials = z.infer<typeof CredentialsSchema>;

/** A compliance period the popup can ask for (lib/compliance/period.ts `CompliancePeriod`). */
export const CompliancePeriodSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('this-month') }),
  z.strictObject({ kind: z.literal('last-30-days') }),
  z.strictObject({
    kind: z.literal('month'),
    year: z.number().int().min(2000).max(2100),
    month: z.number().int().min(1).max(12),
  }),
]);

export const RefreshErrorSchema = z.object({ helpdesk: HelpdeskKind, host: z.string(), message: z.string() });

/** The popup's queue refresh (progress, last run, problems) and the chosen compliance period. */
export const QueueStateSchema = z.object({
  refresh: z
    .object({
      /** What the last refresh read: the open queue, or a compliance period's finished tickets. */
      kind: z.enum(['queue', 'history']).catch('queue'),
      running: z.boolean(),
      startedAt: z.number().nullable(),
      /** Last progress write of a running refresh: a refresh that stopped beating was interrupted. */
      heartbeatAt: z.number().nullable(),
      progress: z
        .object({ done: z.number(), total: z.number().nullable(), waitingMs: z.number().optional() })
        .nullable(),
      lastRefreshAt: z.number().nullable(),
      errors: z.array(RefreshErrorSchema),
    })
    .catch({
      kind: 'queue',
      running: false,
      startedAt: null,
      heartbeatAt: null,
      progress: null,
      lastRefreshAt: null,
      errors: [],
    }),
  period: CompliancePeriodSchema.catch({ kind: 'this-month' }),
  /** Zendesk `updated_at` per registry key when its audits were last read (unchanged tickets are not re-read). */
  seen: z.record(z.string(), z.string()).catch({}),
  /** When the finished tickets of a period were last read from the helpdesks, per `historyKey` (popup.ts). */
  historyLoads: z.record(z.string(), z.number()).catch({}),
});
export type QueueState = z.infer<typeof QueueStateSchema>;
export const DEFAULT_QUEUE_STATE: QueueState = {
  refresh: {
    kind: 'queue',
    running: false,
    startedAt: null,
    heartbeatAt: null,
    progress: null,
    lastRefreshAt: null,
    errors: [],
  },
  period: { kind: 'this-month' },
  seen: {},
  historyLoads: {},
};

/** Persisted alert markers (lib/alerts `FiredMarkers`), checked one by one on read. */
export const FiredMarkerSchema = z.object({
  at: z.number(),
  firedAt: z.number(),
  silent: z.boolean().optional(),
});

/**
 * One helpdesk host as the queue watch last saw it (lib/background/watch.ts): how its last poll went,
 * when it last succeeded, and when it may be asked again (backoff after failures, Retry-After).
 */
export const WatchHostSchema = z.object({
  helpdesk: HelpdeskKind,
  /** ok; auth: session expired / signed out; no-credentials: TOPdesk without an application password;
   * rate-limited: 429 or the account's limit nearly used; failing: network or 5xx; error: anything else. */
  status: z.enum(['ok', 'auth', 'no-credentials', 'rate-limited', 'failing', 'error']),
  lastSuccessAt: z.number().nullable(),
  lastAttemptAt: z.number().nullable(),
  /** Consecutive network/5xx failures (reported from the third on). */
  failures: z.number().int().min(0),
  /** Not asked again before this instant (epoch ms): backoff after failures, a 429's Retry-After, the
   * account's rate limit nearly used. Null: at the next poll. */
  retryAt: z.number().nullable(),
  message: z.string().nullable(),
});
export type WatchHost = z.infer<typeof WatchHostSchema>;

export const WatchStateSchema = z.object({
  /** When the last poll finished (epoch ms). */
  lastPollAt: z.number().nullable().catch(null),
  /** A poll started and not finished: its start (a worker stopped mid-poll leaves it; see watch.ts). */
  pollStartedAt: z.number().nullable().catch(null),
  /** This browser's jitter on the interval, a factor in [0.9, 1.1], drawn once per poll. */
  jitter: z.number().min(0.5).max(1.5).catch(1),
  hosts: z.record(z.string(), WatchHostSchema).catch({}),
});
export type WatchState = z.infer<typeof WatchStateSchema>;
export const DEFAULT_WATCH_STATE: WatchState = {
  lastPollAt: null,
  pollStartedAt: null,
  jitter: 1,
  hosts: {},
};
