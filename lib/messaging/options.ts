/**
 * The options page's contract (options page ↔ background): the requests (zod, validated by the
 * background before any handler runs), their responses, the model the background sends
 * (`OptionsModel`: plain JSON the page shell fills from the background) and what the views ask for
 * (`OptionsCallbacks`). The page imports only the types: the views ship no zod, luxon or engine code.
 *
 * Callbacks are invoked synchronously inside the click/submit handler that caused them, so the
 * shell may call `browser.permissions.request` first thing in `addHost`, `previewImport`
 * (URL), and `confirmTeamImport` (user-gesture rule).
 *
 * What the page sends is never trusted as already checked: a confirmed import carries the policy
 * JSON the admin previewed, and the background validates it again before the one storage write.
 */
import { z } from 'zod';
import {
  AssignmentSchema,
  HelpdeskKind as HelpdeskKindSchema,
  HostName,
  PreferencesSchema,
} from '../storage/schemas';
import type { HostMapping } from '../helpdesks/mapping-schema';
import type { Locale } from '../i18n/core';
import type { Policy } from '../sla/schema';
import type { Evaluation, NeutralTicket } from '../sla/types';
import type { Assignment, Preferences } from '../storage/schemas';
import type { ImportPlan, ImportResult } from '../config/importPolicy';
import type { TeamConfigPlan, TeamConfigResult } from '../config/teamConfig';
import type { ManagedProblem } from '../config/managed';
import type { HelpdeskId } from '../helpdesks/catalog';

/** Upper bounds on what the page may send (the pipeline reports the friendly size errors itself). */
const MAX_TEXT = 6 * 1024 * 1024;
const PolicyId = z.string().min(1).max(64);
const Text = z.string().max(MAX_TEXT);

export const ImportSourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('text'), text: Text, source: z.string().max(300) }),
  z.strictObject({ kind: z.literal('url'), url: z.string().max(4096) }),
]);

/** The parts of a previewed ImportPlan the background needs again (the rest is recomputed). */
export const ImportPlanRefSchema = z.object({
  ok: z.literal(true),
  id: PolicyId,
  json: z.unknown(),
  base: z.string().max(200).nullable(),
  source: z.string().max(4096).optional(),
});

export const PreferencesPatchSchema = z
  .strictObject({
    language: PreferencesSchema.shape.language.unwrap(),
    atRiskPercent: PreferencesSchema.shape.atRiskPercent.unwrap(),
    notifications: PreferencesSchema.shape.notifications.unwrap(),
    sidebarSide: PreferencesSchema.shape.sidebarSide.unwrap(),
    finishedRetentionDays: PreferencesSchema.shape.finishedRetentionDays.unwrap(),
    watchMinutes: PreferencesSchema.shape.watchMinutes.unwrap(),
  })
  .partial();

export const OptionsRequests = [
  z.strictObject({ type: z.literal('ui-bg:options-model') }),
  z.strictObject({ type: z.literal('ui-bg:options-preview-import'), input: ImportSourceSchema }),
  z.strictObject({ type: z.literal('ui-bg:options-confirm-import'), plan: ImportPlanRefSchema }),
  z.strictObject({ type: z.literal('ui-bg:options-duplicate'), id: PolicyId }),
  z.strictObject({
    type: z.literal('ui-bg:options-set-builtin-disabled'),
    id: PolicyId,
    disabled: z.boolean(),
  }),
  z.strictObject({ type: z.literal('ui-bg:options-remove-policy'), id: PolicyId }),
  z.strictObject({
    type: z.literal('ui-bg:options-save-assignment'),
    assignment: AssignmentSchema,
    previousHost: HostName.optional(),
  }),
  z.strictObject({ type: z.literal('ui-bg:options-remove-assignment'), host: HostName }),
  z.strictObject({
    type: z.literal('ui-bg:options-test-ticket'),
    host: HostName,
    mapping: z.record(z.string(), z.unknown()),
    input: z.string().max(2 * 1024 * 1024),
  }),
  z.strictObject({ type: z.literal('ui-bg:options-add-host'), host: HostName, helpdesk: HelpdeskKindSchema }),
  z.strictObject({ type: z.literal('ui-bg:options-remove-host'), host: HostName }),
  z.strictObject({
    type: z.literal('ui-bg:options-save-credentials'),
    host: HostName,
    username: z.string().trim().min(1).max(200),
    password: z.string().min(1).max(1000),
  }),
  z.strictObject({ type: z.literal('ui-bg:options-clear-credentials'), host: HostName }),
  z.strictObject({ type: z.literal('ui-bg:options-export-team') }),
  z.strictObject({
    type: z.literal('ui-bg:options-preview-team'),
    text: Text,
    source: z.string().max(300),
  }),
  z.strictObject({
    type: z.literal('ui-bg:options-confirm-team'),
    text: Text,
    source: z.string().max(300),
    /** The `token` the preview answered: the state the summary was made against. */
    token: z.string().max(200),
  }),
  z.strictObject({ type: z.literal('ui-bg:options-save-preferences'), patch: PreferencesPatchSchema }),
  z.strictObject({ type: z.literal('ui-bg:options-delete-quarantined'), id: z.string().min(1).max(2000) }),
  z.strictObject({ type: z.literal('ui-bg:options-clear-history') }),
] as const;

export interface OptionsResponses {
  'ui-bg:options-model': OptionsModel;
  'ui-bg:options-preview-import': ImportResult;
  'ui-bg:options-confirm-import': ActionResult;
  'ui-bg:options-duplicate': ImportResult;
  'ui-bg:options-set-builtin-disabled': ActionResult;
  'ui-bg:options-remove-policy': ActionResult;
  'ui-bg:options-save-assignment': ActionResult;
  'ui-bg:options-remove-assignment': ActionResult;
  'ui-bg:options-test-ticket': TicketTestResult;
  'ui-bg:options-add-host': ActionResult;
  'ui-bg:options-remove-host': ActionResult;
  'ui-bg:options-save-credentials': ActionResult;
  'ui-bg:options-clear-credentials': ActionResult;
  'ui-bg:options-export-team': { fileName: string; text: string };
  /** `token` identifies the stored state the plan was made against; confirm sends it back. */
  'ui-bg:options-preview-team': { result: TeamConfigResult; token: string };
  'ui-bg:options-confirm-team': ActionResult;
  'ui-bg:options-save-preferences': ActionResult;
  'ui-bg:options-delete-quarantined': ActionResult;
  'ui-bg:options-clear-history': ActionResult;
}

/** The page's language. */
export type Lang = Locale;

/** The helpdesk of a host (the catalog's ids; views import it under this name). */
export type HelpdeskKind = HelpdeskId;
export type { ImportPlan, ImportResult, TeamConfigPlan, TeamConfigResult };

/** Where a locked item's value comes from. */
export type LockSource = 'managed';

/** A closed day, as the engine's `listPolicyHolidays(policy, today, today + 12 months)` returns it. */
export interface Holiday {
  /** YYYY-MM-DD in the calendar's zone. */
  date: string;
  name: { nl: string; en: string };
  /** Calendar ids closed that day. */
  calendars: string[];
  kind?: string;
}

export interface PolicyEntry {
  id: string;
  name: string;
  /** built-in seed, imported by an admin here, or pushed by managed storage. */
  origin: 'builtin' | 'imported' | 'managed';
  /** An imported/managed policy with a built-in's id (removing it restores the built-in). */
  overridesBuiltin?: boolean;
  /** Built-in disabled by the admin (or by managed storage). */
  disabled: boolean;
  importedAt?: string;
  source?: string;
  /** The validated policy, or null when the stored JSON no longer validates (see `problems`). */
  policy: Policy | null;
  /** The stored JSON exactly, for export. */
  json: unknown;
  problems?: Array<{ path: string; message: string; nl?: string }>;
  /** Closed days of the next 12 months (the engine's `listPolicyHolidays` output, passed as is). */
  holidays: Holiday[];
  /** Hosts assigned to this policy. */
  assignedHosts: string[];
  locked?: LockSource;
}

/**
 * The per-host mapping as the form edits it: the shape of `Assignment.mapping`, taken from the helpdesk
 * mapping schema the background checks it with when saving (problems come back by path).
 */
export type { HostMapping };

/** Where the tier of a ticket comes from on a host. */
export type TierSource = NonNullable<HostMapping['tier']>;

/**
 * Where impact/urgency/workaround/holiday region come from: a Zendesk custom field, a tag prefix, a
 * Zendesk organisation field or a TOPdesk field.
 */
export type FieldSource = NonNullable<NonNullable<HostMapping['fields']>[MappedField]>;

export type MappedField = 'impact' | 'urgency' | 'workaround' | 'holidayRegion';
export type ValueKind = 'priority' | 'impact' | 'urgency' | 'tier';

export interface AssignmentEntry {
  host: string;
  helpdesk: HelpdeskId;
  policyId: string;
  mapping?: HostMapping;
  locked?: LockSource;
}

export interface HostEntryModel {
  host: string;
  helpdesk: HelpdeskId;
  /** The optional host permission is currently granted. */
  granted: boolean;
  /** A TOPdesk application password is stored for this host (the password itself never reaches the page). */
  hasPassword: boolean;
  username?: string;
  locked?: LockSource;
}

export interface OptionsModel {
  /** Resolved UI language (preference, or the browser's when `auto`). */
  language: Lang;
  policies: PolicyEntry[];
  assignments: AssignmentEntry[];
  hosts: HostEntryModel[];
  preferences: Preferences;
  /** Preferences set by managed storage. */
  lockedPreferences: Partial<Record<keyof Preferences, LockSource>>;
  /** Built-ins whose enabled state managed storage sets. */
  lockedBuiltins: Record<string, LockSource>;
  managed: { active: boolean; problems: ManagedProblem[] };
  /** Storage values that were unreadable and fell back (from lib/storage `Read.problem`). */
  storageProblems: string[];
  /** Stored elements that could not be read, kept aside verbatim (lib/storage/validated.ts). */
  quarantine: QuarantineEntry[];
  /** Set when a stored value from a newer version is in use: nothing can be saved. */
  readOnly?: string;
  /** The ticket store (IndexedDB): size and what is kept, for Preferences. */
  store?: StoreInfo;
  /** URL of `policies/policy.schema.json` inside the extension (for editor completion). */
  schemaUrl: string;
  maxPolicyBytes: number;
  /** Today (YYYY-MM-DD), for the "next 12 months" wording; dates come from the background. */
  today: string;
}

/** One stored element that could not be read: where it was, what is wrong, and its text. */
export interface QuarantineEntry {
  id: string;
  /** Storage key: config, credentials, preferences, registry, complianceArchive. */
  key: string;
  /** JSON path inside that value. */
  path: string;
  message: string;
  /** The stored text, shortened. */
  raw: string;
  /** When it was kept aside (epoch ms); absent when found only now. */
  at?: number;
}

export interface StoreInfo {
  tickets: number;
  archived: number;
  /** Bytes the extension's storage uses (navigator.storage.estimate), null when unknown. */
  bytes: number | null;
  /** Records that could not be read and were skipped. */
  damaged: number;
}

/** Result of an action: problems are shown beside the form that caused them. */
export type ActionResult =
  { ok: true } | { ok: false; message: string; issues?: Array<{ path: string; message: string }> };

export type ImportSource =
  | { kind: 'text'; text: string; source: string }
  /** The entrypoint requests `checkPolicyUrl(url).originPattern` synchronously, then fetches. */
  | { kind: 'url'; url: string };

export type TicketTestResult =
  | { ok: true; ticket: NeutralTicket; evaluation: Evaluation | null; notes?: string[] }
  | { ok: false; message: string };

export interface OptionsCallbacks {
  previewImport(input: ImportSource): Promise<ImportResult>;
  /** Applies the plan in one write (`applyImport`); `stale` or storage errors come back as a message. */
  confirmImport(plan: ImportPlan): Promise<ActionResult>;
  /** A built-in's JSON under a new id, through the same pipeline: the result is shown as an import preview. */
  duplicatePolicy(id: string): Promise<ImportResult>;
  setBuiltinDisabled(id: string, disabled: boolean): Promise<ActionResult>;
  removePolicy(id: string): Promise<ActionResult>;
  saveAssignment(assignment: Assignment, previousHost?: string): Promise<ActionResult>;
  removeAssignment(host: string): Promise<ActionResult>;
  /** Maps a pasted ticket URL or API payload with the host's (unsaved) mapping and evaluates it. */
  testTicket(host: string, mapping: HostMapping, input: string): Promise<TicketTestResult>;
  /** Called in the click: request `originPattern(host)` first, then store and register content scripts. */
  addHost(entry: { host: string; helpdesk: HelpdeskId }): Promise<ActionResult>;
  /** Unregister the content script and revoke the permission, drop credentials. */
  removeHost(host: string): Promise<ActionResult>;
  saveCredentials(host: string, username: string, password: string): Promise<ActionResult>;
  clearCredentials(host: string): Promise<ActionResult>;
  exportTeamConfig(): Promise<{ fileName: string; text: string }>;
  previewTeamImport(text: string, source: string): Promise<TeamConfigResult>;
  /** Called in the click: request `plan.permissionOrigins` first, then write config + preferences at once. */
  confirmTeamImport(plan: TeamConfigPlan): Promise<ActionResult>;
  savePreferences(patch: Partial<Preferences>): Promise<ActionResult>;
  /** Deletes one quarantined element for good. */
  deleteQuarantined(id: string): Promise<ActionResult>;
  /** Deletes the compliance history and finished tickets (asked to confirm first). */
  clearHistory(): Promise<ActionResult>;
}
