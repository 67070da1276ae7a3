/**
 * The background side of the admin options page: builds the page's model and carries out every
 * action it asks for. The decisions are the pure functions of `lib/config/`; this module reads the
 * stored values (validated), applies managed (enterprise) locks, and commits each change in ONE
 * storage write, so a failed, refused or cancelled action leaves storage exactly as it was.
 *
 * Writes go to the LOCAL values only; managed values are laid over them on every read and are never
 * copied into local storage.
 */
import { HostMappingSchema } from '../helpdesks/mapping-schema';
import { uiLanguage } from './env';
import { z } from 'zod';
import type {
  ActionResult,
  AssignmentEntry,
  HostEntryModel,
  HostMapping,
  OptionsModel,
  PolicyEntry,
  QuarantineEntry,
  TicketTestResult,
} from '../messaging/options';
import { BUILTIN_POLICY_IDS } from '../../policies';
import {
  applyImport,
  duplicateBuiltin,
  effectivePolicyJson,
  fingerprint,
  freeCopyId,
  MAX_POLICY_BYTES,
  planImport,
  planImportJson,
  checkPolicyUrl,
  checkSize,
  formatBytes,
  removeImported,
  setBuiltinDisabled,
  type ImportContext,
  type ImportResult,
} from '../config/importPolicy';
import { builtinHelpdeskOf, isBuiltinHost, normaliseHost, originPattern, upsertHost } from '../config/hosts';
import { effectiveConfig, managedPolicyIds, type Effective } from '../config/managed';
import { exportTeamConfig, planTeamConfigImport, type TeamConfigResult } from '../config/teamConfig';
import { evaluate, listPolicyHolidays, validatePolicy, validateTicket, type Policy } from '../sla';
import type { ImportPlanRefSchema, ImportSourceSchema, PreferencesPatchSchema } from '../messaging/options';
import type { BackgroundToContent, Request } from '../messaging/protocol';
import {
  configItem,
  preferencesItem,
  quarantineWrites,
  readConfig,
  readCredentials,
  readPreferences,
  readQuarantine,
  type StoredQuarantine,
} from '../storage/items';
import type { QuarantinedElement } from '../storage/validated';
import { deleteCredential, putCredential } from '../storage/secrets';
import { explainStorageError } from '../storage/errors';
import { storage } from 'wxt/utils/storage';
import type { Assignment, Config, Credentials, Preferences } from '../storage/schemas';
import { BUILTIN_JSON, readManaged, validatorForImport } from './state';
import { clearHistory, storeInfo } from './registry-store';
import {
  hostPermissionGranted,
  registerHostScript,
  syncHostScripts,
  unregisterHostScript,
} from './content-scripts';

// ---------------------------------------------------------------------------------------------
// Reading

interface Loaded {
  local: Config;
  localPreferences: Preferences;
  credentials: Credentials;
  eff: Effective;
  /** Stored values that were unreadable and fell back. */
  storageProblems: string[];
  /** Elements of the stored values that could not be read now (kept aside by every write). */
  quarantined: QuarantinedElement[];
  /**
   * Credentials that could not be read (password hidden). They stay in the credential store itself
   * (lib/storage/secrets.ts, one record per host): never copied into storage.local's quarantine.
   */
  credentialsQuarantined: QuarantinedElement[];
  /** What the quarantine already holds. */
  quarantine: Record<string, StoredQuarantine>;
  /** Why nothing may be written (a value from a newer version), or undefined. */
  readOnly?: string;
}

async function load(): Promise<Loaded> {
  const [config, preferences, credentials, managedRaw, quarantine] = await Promise.all([
    readConfig(),
    readPreferences(),
    readCredentials(),
    readManaged(),
    readQuarantine(),
  ]);
  const eff = effectiveConfig(config.value, preferences.value, managedRaw, {
    validate: validatorForImport,
    builtins: BUILTIN_JSON,
  });
  return {
    local: config.value,
    localPreferences: preferences.value,
    credentials: credentials.value,
    eff,
    storageProblems: [config.problem, preferences.problem, credentials.problem]
      .filter((p) => p !== undefined)
      .map((p) => p.message)
      .concat(config.readOnly ? [config.readOnly] : []),
    quarantined: [...config.quarantined, ...preferences.quarantined],
    credentialsQuarantined: credentials.quarantined,
    quarantine,
    ...(config.readOnly ? { readOnly: config.readOnly } : {}),
  };
}

type LocalWrite = Parameters<typeof storage.setItems>[0][number];

/**
 * The one way an action writes: its values, plus the elements that could not be read (kept aside in
 * the quarantine in the same storage call, so the write never drops them). Refused while a stored
 * value from a newer version is in use; a quota error becomes a sentence (lib/storage/errors.ts).
 */
async function commit(
  l: Loaded,
  writes: LocalWrite[],
  removeQuarantined: readonly string[] = [],
): Promise<void> {
  refuseReadOnly(l);
  try {
    await storage.setItems([
      ...writes,
      ...quarantineWrites(l.quarantine, l.quarantined, Date.now(), removeQuarantined),
    ]);
  } catch (e) {
    throw new Error(explainStorageError(e), { cause: e });
  }
}

class ReadOnlyError extends Error {}

function refuseReadOnly(l: Loaded): void {
  if (l.readOnly) throw new ReadOnlyError(`${l.readOnly}; nothing was changed`);
}

/** Every quarantined element, stored or found now, for the Options page. */
function quarantineModel(l: Loaded): QuarantineEntry[] {
  const all = new Map<string, QuarantinedElement & { at?: number }>();
  for (const q of Object.values(l.quarantine)) all.set(q.id, q);
  for (const q of [...l.quarantined, ...l.credentialsQuarantined]) if (!all.has(q.id)) all.set(q.id, q);
  return [...all.values()].map((q) => ({
    id: q.id,
    key: q.key,
    path: q.path,
    message: q.message,
    raw: preview(q.raw),
    ...(q.at !== undefined ? { at: q.at } : {}),
  }));
}

function preview(raw: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(raw) ?? String(raw);
  } catch {
    text = String(raw);
  }
  return text.length > 300 ? `${text.slice(0, 299)}…` : text;
}

/** Deletes a quarantined element for good (and takes it out of its stored value, if still there). */
export function deleteQuarantined(id: string): Promise<ActionResult> {
  return exclusive(async () => {
    const l = await load();
    const credential = l.credentialsQuarantined.find((q) => q.id === id);
    if (credential) {
      // It is its own record in the credential store: deleting it touches nothing else.
      refuseReadOnly(l);
      await deleteCredential(credential.path);
      return ok();
    }
    const known = Object.hasOwn(l.quarantine, id) || l.quarantined.some((q) => q.id === id);
    if (!known) return fail(`nothing kept aside under ${id}`);
    const fromValue = l.quarantined.find((q) => q.id === id)?.key;
    // Writing the readable part of the value takes the element out of it; the rest is kept aside.
    const writes: LocalWrite[] =
      fromValue === 'config'
        ? [{ item: configItem, value: l.local }]
        : fromValue === 'preferences'
          ? [{ item: preferencesItem, value: l.localPreferences }]
          : [];
    await commit(l, writes, [id]);
    return ok();
  });
}

/** Local calendar date (YYYY-MM-DD) of an instant. */
function localDate(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function plusOneYear(date: string): string {
  return `${Number(date.slice(0, 4)) + 1}${date.slice(4)}`;
}

function schemaUrl(): string {
  try {
    // Copied into the package at build time (wxt.config.ts), so it is not a typed PublicPath.
    return (browser.runtime.getURL as (path: string) => string)('/policy.schema.json');
  } catch {
    return '/policy.schema.json';
  }
}

function policyEntry(
  id: string,
  json: unknown,
  origin: PolicyEntry['origin'],
  l: Loaded,
  today: string,
  extra: Partial<PolicyEntry> = {},
): PolicyEntry {
  const r = validatePolicy(json);
  let holidays: PolicyEntry['holidays'] = [];
  if (r.ok) {
    try {
      holidays = listPolicyHolidays(r.policy, today, plusOneYear(today));
    } catch {
      holidays = [];
    }
  }
  const entry: PolicyEntry = {
    id,
    name: r.ok ? policyName(r.policy, id) : id,
    origin,
    disabled: false,
    policy: r.ok ? r.policy : null,
    json,
    holidays,
    assignedHosts: l.eff.config.assignments.filter((a) => a.policyId === id).map((a) => a.host),
    ...extra,
  };
  if (!r.ok)
    entry.problems = r.issues.map((i) => ({
      path: String(i.path),
      message: i.message,
      ...(i.nl ? { nl: i.nl } : {}),
    }));
  if (l.eff.locks.policies[id]) entry.locked = 'managed';
  return entry;
}

function policyName(policy: Policy, id: string): string {
  const name = (policy as { name?: unknown }).name;
  if (typeof name === 'string' && name) return name;
  if (name && typeof name === 'object') {
    const n = name as Record<string, unknown>;
    if (typeof n.en === 'string') return n.en;
    if (typeof n.nl === 'string') return n.nl;
  }
  return id;
}

export async function buildOptionsModel(now = Date.now()): Promise<OptionsModel> {
  const l = await load();
  const { config, preferences, locks } = l.eff;
  const today = localDate(now);
  const policies: PolicyEntry[] = [];
  for (const id of BUILTIN_POLICY_IDS) {
    const disabled = config.disabledBuiltins.includes(id);
    const stored = config.policies[id];
    if (stored) {
      policies.push(
        policyEntry(id, stored.json, locks.policies[id] ? 'managed' : 'imported', l, today, {
          overridesBuiltin: true,
          disabled,
          importedAt: stored.importedAt,
          ...(stored.source !== undefined ? { source: stored.source } : {}),
        }),
      );
    } else policies.push(policyEntry(id, BUILTIN_JSON[id], 'builtin', l, today, { disabled }));
  }
  for (const id of Object.keys(config.policies).sort()) {
    if ((BUILTIN_POLICY_IDS as readonly string[]).includes(id)) continue;
    const stored = config.policies[id]!;
    policies.push(
      policyEntry(id, stored.json, locks.policies[id] ? 'managed' : 'imported', l, today, {
        importedAt: stored.importedAt,
        ...(stored.source !== undefined ? { source: stored.source } : {}),
      }),
    );
  }

  const assignments: AssignmentEntry[] = config.assignments.map((a) => ({
    host: a.host,
    helpdesk: a.helpdesk,
    policyId: a.policyId,
    ...(a.mapping ? { mapping: a.mapping as HostMapping } : {}),
    ...(locks.assignments[a.host] ? { locked: 'managed' as const } : {}),
  }));

  const hosts: HostEntryModel[] = await Promise.all(
    config.selfHosted.map(async (h): Promise<HostEntryModel> => {
      const cred = l.credentials[h.host];
      return {
        host: h.host,
        helpdesk: h.helpdesk,
        granted: await hostPermissionGranted(h.host),
        // The password itself never leaves the background.
        hasPassword: Boolean(cred),
        ...(cred ? { username: cred.username } : {}),
        ...(locks.selfHosted[h.host] ? { locked: 'managed' as const } : {}),
      };
    }),
  );

  return {
    language: uiLanguage(preferences),
    policies,
    assignments,
    hosts,
    preferences,
    lockedPreferences: locks.preferences,
    lockedBuiltins: locks.builtins,
    managed: { active: l.eff.managed, problems: l.eff.problems },
    storageProblems: l.storageProblems,
    quarantine: quarantineModel(l),
    store: await storeInfo(),
    ...(l.readOnly ? { readOnly: l.readOnly } : {}),
    schemaUrl: schemaUrl(),
    maxPolicyBytes: MAX_POLICY_BYTES,
    today,
  };
}

// ---------------------------------------------------------------------------------------------
// Writing: one at a time, one storage write per action

let queue: Promise<unknown> = Promise.resolve();
/**
 * Runs read-modify-write actions one after another, so two tabs never interleave their writes. A
 * refused or failed write is answered as a failed action, in words.
 */
function exclusive(fn: () => Promise<ActionResult>): Promise<ActionResult> {
  const guarded = () =>
    fn().catch((e: unknown) => fail(e instanceof Error ? e.message : explainStorageError(e)));
  const next = queue.then(guarded, guarded);
  queue = next.catch(() => undefined);
  return next;
}

const ok = (): ActionResult => ({ ok: true });
const fail = (message: string, issues?: Array<{ path: string; message: string }>): ActionResult =>
  issues ? { ok: false, message, issues } : { ok: false, message };

const LOCKED = 'set by your organisation’s IT administrator (managed); it cannot be changed here';

/** Match patterns of every helpdesk page the extension may be running on. */
function helpdeskTabPatterns(config: Config): string[] {
  return [
    'https://*.zendesk.com/*',
    'https://*.topdesk.net/*',
    ...config.selfHosted.map((h) => originPattern(h.host)),
  ];
}

/**
 * Tells open helpdesk tabs to refresh their sidebar. Without the `tabs` permission only tabs on hosts
 * we have permission for can be found by URL; errors (no content script there) are ignored.
 */
export async function notifyHelpdeskTabs(config?: Config): Promise<void> {
  try {
    const c = config ?? (await load()).eff.config;
    const tabs = await browser.tabs.query({ url: helpdeskTabPatterns(c) });
    const message: BackgroundToContent = { type: 'bg-cs:refresh' };
    await Promise.all(
      tabs.map((t) =>
        typeof t.id === 'number' ? browser.tabs.sendMessage(t.id, message).catch(() => undefined) : undefined,
      ),
    );
  } catch {
    /* no tabs to tell */
  }
}

async function writeConfig(l: Loaded, next: Config): Promise<void> {
  await commit(l, [{ item: configItem, value: next }]);
  void notifyHelpdeskTabs();
}

function importContext(l: Loaded, source?: string): ImportContext {
  return {
    config: l.eff.config,
    builtins: BUILTIN_JSON,
    validate: validatorForImport,
    managedIds: managedPolicyIds(l.eff.locks),
    ...(source !== undefined ? { source } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Policies

type ImportSource = z.infer<typeof ImportSourceSchema>;

const FETCH_TIMEOUT_MS = 20_000;

function importFailure(message: string): ImportResult {
  return { ok: false, warnings: [], errors: [{ code: 'fetch', path: '(root)', message }] };
}

/**
 * The body as text, read chunk by chunk and cancelled as soon as it passes `limit` bytes: a huge
 * answer is never read whole (no Content-Length is needed for the check).
 */
export async function readCapped(
  res: Response,
  limit = MAX_POLICY_BYTES,
): Promise<{ ok: true; text: string } | { ok: false; bytes: number }> {
  if (!res.body) return { ok: true, text: '' };
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let bytes = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { ok: true, text: text + decoder.decode() };
    bytes += value.byteLength;
    if (bytes > limit) {
      await reader.cancel().catch(() => undefined);
      return { ok: false, bytes };
    }
    text += decoder.decode(value, { stream: true });
  }
}

async function originGranted(originPattern: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [originPattern] }).catch(() => false);
}

/**
 * Reads a policy URL (the page requested its origin permission in the click). A redirect is
 * followed only to an https address whose origin is granted too, and the address the text came
 * from is what the plan records as its source.
 */
async function fetchPolicyText(url: string): Promise<{ ok: true; text: string; url: string } | ImportResult> {
  const checked = checkPolicyUrl(url);
  if (!checked.ok) return importFailure(checked.message);
  if (!(await originGranted(checked.originPattern)))
    return importFailure(
      `permission to read ${new URL(checked.url).host} was not granted; allow it when the browser asks`,
    );
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), FETCH_TIMEOUT_MS);
  try {
    const res = await fetch(checked.url, {
      credentials: 'omit',
      cache: 'no-store',
      signal: controller.signal,
      headers: { accept: 'application/json' },
    });
    let from = checked.url;
    if (res.redirected || (res.url && res.url !== checked.url)) {
      const final = checkPolicyUrl(res.url);
      if (!final.ok || !(await originGranted(final.originPattern))) {
        controller.abort();
        return importFailure(
          `the address redirects to ${res.url}, which ${final.ok ? 'was not granted' : 'is not https'}; nothing was read — import from an https address you allow instead`,
        );
      }
      from = final.url;
    }
    if (!res.ok) return importFailure(`the server answered ${res.status} ${res.statusText}`.trim());
    const length = Number(res.headers.get('content-length'));
    if (length > 0) {
      const tooLarge = checkSize(length);
      if (tooLarge) return { ok: false, warnings: [], errors: [tooLarge] };
    }
    const body = await readCapped(res);
    if (!body.ok)
      return {
        ok: false,
        warnings: [],
        errors: [
          {
            code: 'too-large',
            bytes: body.bytes,
            limit: MAX_POLICY_BYTES,
            message: `the file is larger than ${formatBytes(MAX_POLICY_BYTES)}, the most a policy may be; reading stopped — is this the right file?`,
          },
        ],
      };
    return { ok: true, text: body.text, url: from };
  } catch (e) {
    return importFailure(
      controller.signal.aborted
        ? `no answer within ${FETCH_TIMEOUT_MS / 1000} seconds`
        : `could not read the address: ${e instanceof Error ? e.message : String(e)}`,
    );
  } finally {
    clearTimeout(timer);
  }
}

export async function previewImport(input: ImportSource): Promise<ImportResult> {
  let text: string;
  let source: string;
  if (input.kind === 'url') {
    const fetched = await fetchPolicyText(input.url);
    if (!('text' in fetched)) return fetched;
    text = fetched.text;
    source = fetched.url;
  } else {
    text = input.text;
    source = input.source;
  }
  const l = await load();
  return planImport(text, importContext(l, source));
}

export function confirmImport(ref: z.infer<typeof ImportPlanRefSchema>): Promise<ActionResult> {
  return exclusive(async () => {
    const l = await load();
    // Everything checked again: the page only tells us what the admin saw.
    const again = planImportJson(ref.json, importContext(l, ref.source));
    if (!again.ok)
      return fail(
        'the policy is not valid any more; nothing was imported',
        again.errors.map((e) => ({ path: e.path ?? '(root)', message: e.message })),
      );
    if (again.id !== ref.id)
      return fail(`the policy's id is "${again.id}", not "${ref.id}"; nothing was imported`);
    const plan = { ...again, base: ref.base };
    const applied = applyImport(l.local, plan, BUILTIN_JSON, new Date().toISOString());
    if (!applied.ok) return fail(applied.message);
    await writeConfig(l, applied.config);
    return ok();
  });
}

export async function duplicatePolicy(id: string): Promise<ImportResult> {
  const l = await load();
  const json = effectivePolicyJson(l.eff.config, BUILTIN_JSON, id);
  if (json === undefined)
    return { ok: false, warnings: [], errors: [{ code: 'no-id', path: 'id', message: `no policy "${id}"` }] };
  const ids = [...Object.keys(BUILTIN_JSON), ...Object.keys(l.eff.config.policies)];
  return planImportJson(duplicateBuiltin(json, freeCopyId(id, ids)), importContext(l, `copy of ${id}`));
}

export function setDisabled(id: string, disabled: boolean): Promise<ActionResult> {
  return exclusive(async () => {
    if (!Object.prototype.hasOwnProperty.call(BUILTIN_JSON, id))
      return fail(`"${id}" is not a built-in policy; imported policies are removed, not disabled`);
    const l = await load();
    if (l.eff.locks.builtins[id]) return fail(`the built-in policies are ${LOCKED}`);
    await writeConfig(l, setBuiltinDisabled(l.local, id, disabled));
    return ok();
  });
}

export function removePolicy(id: string): Promise<ActionResult> {
  return exclusive(async () => {
    const l = await load();
    if (l.eff.locks.policies[id]) return fail(`the policy "${id}" is ${LOCKED}`);
    if (!Object.prototype.hasOwnProperty.call(l.local.policies, id))
      return fail(
        Object.prototype.hasOwnProperty.call(BUILTIN_JSON, id)
          ? `"${id}" is built in: it can be disabled, not removed`
          : `no imported policy "${id}"`,
      );
    await writeConfig(l, removeImported(l.local, id));
    return ok();
  });
}

// ---------------------------------------------------------------------------------------------
// Assignments and mapping

function zodIssues(error: z.ZodError, prefix: string): Array<{ path: string; message: string }> {
  return error.issues.map((i) => ({
    path: [prefix, ...i.path.map(String)].filter(Boolean).join('.'),
    message: i.message,
  }));
}

export function saveAssignment(assignment: Assignment, previousHost?: string): Promise<ActionResult> {
  return exclusive(async () => {
    const l = await load();
    const { locks, config } = l.eff;
    if (locks.assignments[assignment.host] || (previousHost && locks.assignments[previousHost]))
      return fail(
        `the assignment of ${locks.assignments[assignment.host] ? assignment.host : previousHost} is ${LOCKED}`,
      );
    const known =
      Object.prototype.hasOwnProperty.call(config.policies, assignment.policyId) ||
      Object.prototype.hasOwnProperty.call(BUILTIN_JSON, assignment.policyId);
    if (!known)
      return fail(`unknown policy "${assignment.policyId}"`, [
        { path: 'policyId', message: 'unknown policy' },
      ]);
    if (config.disabledBuiltins.includes(assignment.policyId) && !config.policies[assignment.policyId])
      return fail(`the built-in policy "${assignment.policyId}" is disabled; enable it first`);
    const builtinKind = builtinHelpdeskOf(assignment.host);
    if (builtinKind && builtinKind !== assignment.helpdesk)
      return fail(`${assignment.host} is a ${builtinKind === 'zendesk' ? 'Zendesk' : 'TOPdesk'} host`, [
        { path: 'helpdesk', message: `expected ${builtinKind}` },
      ]);
    const selfHosted = config.selfHosted.find((h) => h.host === assignment.host);
    if (selfHosted && selfHosted.helpdesk !== assignment.helpdesk)
      return fail(`${assignment.host} was added under Hosts as ${selfHosted.helpdesk}`, [
        { path: 'helpdesk', message: `expected ${selfHosted.helpdesk}` },
      ]);
    let mapping: Assignment['mapping'];
    if (assignment.mapping && Object.keys(assignment.mapping).length) {
      const parsed = HostMappingSchema.safeParse(assignment.mapping);
      if (!parsed.success)
        return fail('the mapping has problems; nothing was saved', zodIssues(parsed.error, 'mapping'));
      mapping = parsed.data as Record<string, unknown>;
    }
    const next: Assignment = {
      host: assignment.host,
      helpdesk: assignment.helpdesk,
      policyId: assignment.policyId,
      ...(mapping ? { mapping } : {}),
    };
    const assignments = l.local.assignments.filter((a) => a.host !== next.host && a.host !== previousHost);
    await writeConfig(l, {
      ...l.local,
      assignments: [...assignments, next].sort((a, b) => a.host.localeCompare(b.host)),
    });
    return ok();
  });
}

export function removeAssignment(host: string): Promise<ActionResult> {
  return exclusive(async () => {
    const l = await load();
    if (l.eff.locks.assignments[host]) return fail(`the assignment of ${host} is ${LOCKED}`);
    if (!l.local.assignments.some((a) => a.host === host)) return fail(`${host} has no assignment`);
    await writeConfig(l, { ...l.local, assignments: l.local.assignments.filter((a) => a.host !== host) });
    return ok();
  });
}

/**
 * "Test with a ticket": evaluates a ticket with the host's assigned policy.
 *
 * GAP: the helpdesk adapters (lib/helpdesks: Zendesk/TOPdesk payload → neutral ticket with a
 * mapping) have not landed yet, so for now the input must be a neutral ticket (the engine's
 * `NeutralTicket` JSON); ticket URLs and raw API payloads are answered with a clear message.
 */
export async function testTicket(host: string, mapping: unknown, input: string): Promise<TicketTestResult> {
  const l = await load();
  const assignment = l.eff.config.assignments.find((a) => a.host === host);
  if (!assignment)
    return { ok: false, message: `${host} has no policy assigned yet: save the assignment first` };
  const m = HostMappingSchema.safeParse(mapping);
  if (!m.success) {
    const first = zodIssues(m.error, 'mapping')[0];
    return { ok: false, message: `the mapping has problems: ${first?.path}: ${first?.message}` };
  }
  const text = input.trim();
  if (!text) return { ok: false, message: 'paste a ticket URL or a saved API payload' };
  if (/^https?:\/\//i.test(text))
    return {
      ok: false,
      message:
        'reading a ticket by its URL needs the helpdesk adapters, which are not available yet; paste the ticket as JSON',
    };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `not JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  const t = validateTicket(json);
  if (!t.ok) {
    const looksLikePayload =
      json && typeof json === 'object' && ('ticket' in json || 'incident' in json || 'audits' in json);
    const first = t.issues[0];
    return {
      ok: false,
      message: looksLikePayload
        ? 'mapping raw Zendesk/TOPdesk API payloads needs the helpdesk adapters, which are not available yet; paste a neutral ticket (createdAt, type, tier, priority, events)'
        : `not a ticket: ${first ? `${String(first.path)}: ${first.message}` : 'invalid'}`,
    };
  }
  const policyJson = effectivePolicyJson(l.eff.config, BUILTIN_JSON, assignment.policyId);
  const p = validatePolicy(policyJson);
  if (
    !p.ok ||
    (l.eff.config.disabledBuiltins.includes(assignment.policyId) &&
      !l.eff.config.policies[assignment.policyId])
  )
    return { ok: false, message: `the policy "${assignment.policyId}" assigned to ${host} is not in effect` };
  const notes = [
    'the ticket was read as a neutral ticket; the host mapping is applied once the helpdesk adapters land',
  ];
  try {
    const evaluation = evaluate(p.policy, t.ticket, Date.now(), {
      locale: uiLanguage(l.eff.preferences),
      atRiskRemainingShare: l.eff.preferences.atRiskPercent / 100,
    });
    return { ok: true, ticket: t.ticket, evaluation, notes };
  } catch (e) {
    return {
      ok: true,
      ticket: t.ticket,
      evaluation: null,
      notes: [...notes, `no deadlines: ${e instanceof Error ? e.message : String(e)}`],
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Hosts and credentials

export function addHost(host: string, helpdesk: 'zendesk' | 'topdesk'): Promise<ActionResult> {
  return exclusive(async () => {
    const n = normaliseHost(host, helpdesk);
    if (!n.ok) return fail(n.message);
    const entry = n.entry;
    const l = await load();
    if (l.eff.locks.selfHosted[entry.host]) return fail(`${entry.host} is ${LOCKED}`);
    if (!(await hostPermissionGranted(entry.host)))
      return fail(`permission for ${entry.host} was not granted; nothing was added`);
    try {
      await registerHostScript(entry);
    } catch (e) {
      return fail(e instanceof Error ? e.message : String(e));
    }
    try {
      await writeConfig(l, { ...l.local, selfHosted: upsertHost(l.local.selfHosted, entry) });
    } catch (e) {
      await unregisterHostScript(entry.host);
      throw e;
    }
    return ok();
  });
}

export function removeHost(host: string): Promise<ActionResult> {
  return exclusive(async () => {
    const l = await load();
    if (l.eff.locks.selfHosted[host]) return fail(`${host} is ${LOCKED}`);
    if (isBuiltinHost(host)) return fail(`${host} is always supported and cannot be removed`);
    // The host first, then its password (another store): a worker stopped in between leaves an
    // unused password for a host that is gone, never a host whose password vanished.
    await commit(l, [
      {
        item: configItem,
        value: { ...l.local, selfHosted: l.local.selfHosted.filter((h) => h.host !== host) },
      },
    ]);
    if (l.credentials[host]) await deleteCredential(host);
    await unregisterHostScript(host);
    try {
      await browser.permissions.remove({ origins: [originPattern(host)] });
    } catch {
      /* not granted (any more) */
    }
    void notifyHelpdeskTabs();
    return ok();
  });
}

export function saveCredentials(host: string, username: string, password: string): Promise<ActionResult> {
  return exclusive(async () => {
    const l = await load();
    if (!l.eff.config.selfHosted.some((h) => h.host === host) && !host.endsWith('.topdesk.net'))
      return fail(`${host} is not a TOPdesk host of this configuration`);
    refuseReadOnly(l);
    await putCredential(host, { username, password });
    return ok();
  });
}

export function clearCredentials(host: string): Promise<ActionResult> {
  return exclusive(async () => {
    const l = await load();
    if (!l.credentials[host]) return ok();
    refuseReadOnly(l);
    await deleteCredential(host);
    return ok();
  });
}

// ---------------------------------------------------------------------------------------------
// Team rollout

export async function exportTeam(now = Date.now()): Promise<{ fileName: string; text: string }> {
  const l = await load();
  const f = exportTeamConfig(l.local, l.localPreferences, new Date(now).toISOString(), l.eff.locks);
  return { fileName: f.fileName, text: f.text };
}

/** The stored state a team plan is made against; confirm refuses when it changed since the preview. */
function teamToken(l: Loaded): string {
  return fingerprint({ config: l.local, preferences: l.localPreferences, locks: l.eff.locks });
}

function planTeam(l: Loaded, text: string, source: string, importedAt: string): TeamConfigResult {
  return planTeamConfigImport(text, {
    config: l.local,
    preferences: l.localPreferences,
    builtins: BUILTIN_JSON,
    validate: validatorForImport,
    locks: l.eff.locks,
    importedAt,
    source,
  });
}

export async function previewTeam(
  text: string,
  source: string,
): Promise<{ result: TeamConfigResult; token: string }> {
  const l = await load();
  return { result: planTeam(l, text, source, new Date().toISOString()), token: teamToken(l) };
}

export function confirmTeam(text: string, source: string, token: string): Promise<ActionResult> {
  return exclusive(async () => {
    const l = await load();
    if (teamToken(l) !== token)
      return fail(
        'the configuration changed after the preview was made; check the file again to see the current summary',
      );
    // Planned again from the file itself: nothing the page sends is stored unchecked.
    const plan = planTeam(l, text, source, new Date().toISOString());
    if (!plan.ok) return fail('the file is not valid; nothing was imported', plan.errors);
    await commit(l, [
      { item: configItem, value: plan.config },
      { item: preferencesItem, value: plan.preferences },
    ]);
    await syncHostScripts();
    void notifyHelpdeskTabs();
    return ok();
  });
}

// ---------------------------------------------------------------------------------------------
// Preferences

export function savePreferences(patch: z.infer<typeof PreferencesPatchSchema>): Promise<ActionResult> {
  return exclusive(async () => {
    const l = await load();
    const locked = (Object.keys(patch) as Array<keyof Preferences>).filter(
      (k) => patch[k] !== undefined && l.eff.locks.preferences[k],
    );
    if (locked.length) return fail(`${locked.join(', ')} ${locked.length > 1 ? 'are' : 'is'} ${LOCKED}`);
    const next: Preferences = { ...l.localPreferences };
    for (const [k, v] of Object.entries(patch)) if (v !== undefined) (next as Record<string, unknown>)[k] = v;
    await commit(l, [{ item: preferencesItem, value: next }]);
    void notifyHelpdeskTabs();
    return ok();
  });
}

// ---------------------------------------------------------------------------------------------
// Dispatch (called from handlers.ts for every `ui-bg:options-*` message, already validated)

export type OptionsRequest = Extract<Request, { type: `ui-bg:options-${string}` }>;

export function isOptionsRequest(message: Request): message is OptionsRequest {
  return message.type.startsWith('ui-bg:options-');
}

export function handleOptions(message: OptionsRequest): Promise<unknown> {
  switch (message.type) {
    case 'ui-bg:options-model':
      return buildOptionsModel();
    case 'ui-bg:options-preview-import':
      return previewImport(message.input);
    case 'ui-bg:options-confirm-import':
      return confirmImport(message.plan);
    case 'ui-bg:options-duplicate':
      return duplicatePolicy(message.id);
    case 'ui-bg:options-set-builtin-disabled':
      return setDisabled(message.id, message.disabled);
    case 'ui-bg:options-remove-policy':
      return removePolicy(message.id);
    case 'ui-bg:options-save-assignment':
      return saveAssignment(message.assignment, message.previousHost);
    case 'ui-bg:options-remove-assignment':
      return removeAssignment(message.host);
    case 'ui-bg:options-test-ticket':
      return testTicket(message.host, message.mapping, message.input);
    case 'ui-bg:options-add-host':
      return addHost(message.host, message.helpdesk);
    case 'ui-bg:options-remove-host':
      return removeHost(message.host);
    case 'ui-bg:options-save-credentials':
      return saveCredentials(message.host, message.username, message.password);
    case 'ui-bg:options-clear-credentials':
      return clearCredentials(message.host);
    case 'ui-bg:options-export-team':
      return exportTeam();
    case 'ui-bg:options-preview-team':
      return previewTeam(message.text, message.source);
    case 'ui-bg:options-confirm-team':
      return confirmTeam(message.text, message.source, message.token);
    case 'ui-bg:options-save-preferences':
      return savePreferences(message.patch);
    case 'ui-bg:options-delete-quarantined':
      return deleteQuarantined(message.id);
    case 'ui-bg:options-clear-history':
      return exclusive(async () => {
        await clearHistory();
        return ok();
      });
  }
}
