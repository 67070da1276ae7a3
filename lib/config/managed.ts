/**
 * Managed storage (enterprise policy) over local configuration. An IT admin can push policies,
 * assignments, disabled built-ins, self-hosted hosts and preferences to every agent (Chrome:
 * `storage.managed_schema` → `public/managed_schema.json`; Firefox: `policies.json` →
 * `3rdparty.Extensions.<id>`, see README.md). Whatever is managed wins over local and is shown
 * locked. The managed value is validated item by item: a bad item is reported by path and skipped,
 * the rest still applies; nothing here throws.
 */
import { z } from 'zod';
import {
  AssignmentSchema,
  HelpdeskKind,
  HostName,
  PreferencesSchema,
  type Config,
  type Preferences,
} from '../storage/schemas';
import { formatPath } from '../sla/json-text';
import { issuesUnder, parsePolicyFile, type PolicyValidator } from './importPolicy';

export type LockSource = 'managed';

export interface Locks {
  /** Policy ids set by managed storage. */
  policies: Record<string, LockSource>;
  /** Hosts whose assignment (and mapping) is set by managed storage. */
  assignments: Record<string, LockSource>;
  /** Self-hosted hosts added by managed storage. */
  selfHosted: Record<string, LockSource>;
  /** Built-ins whose enabled/disabled state is set by managed storage. */
  builtins: Record<string, LockSource>;
  preferences: Partial<Record<keyof Preferences, LockSource>>;
}

export interface ManagedProblem {
  /** Path inside the managed value, e.g. `policies[1].targets.incident.standard.P9` or `assignments[0].host`. */
  path: string;
  message: string;
}

export interface Effective {
  config: Config;
  preferences: Preferences;
  locks: Locks;
  problems: ManagedProblem[];
  /** True when any managed value was present at all (the options page says "managed by your organisation"). */
  managed: boolean;
}

export const emptyLocks = (): Locks => ({
  policies: {},
  assignments: {},
  selfHosted: {},
  builtins: {},
  preferences: {},
});

const MANAGED_KEYS = ['policies', 'assignments', 'disabledBuiltins', 'selfHosted', 'preferences'] as const;

const ManagedAssignment = AssignmentSchema.extend({
  // Chrome's managed schema cannot describe a free-form object, so a mapping may come as JSON text.
  mapping: z
    .union([z.string(), z.record(z.string(), z.unknown())])
    .optional()
    .transform((m, ctx) => {
      if (typeof m !== 'string') return m;
      try {
        const v: unknown = JSON.parse(m);
        if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
      } catch {
        /* reported below */
      }
      ctx.addIssue({ code: 'custom', message: 'mapping must be a JSON object (or its JSON text)' });
      return z.NEVER;
    }),
});
const ManagedHost = z.object({ host: HostName, helpdesk: HelpdeskKind });
const ManagedPreferences = z.object({
  language: PreferencesSchema.shape.language.unwrap(),
  atRiskPercent: PreferencesSchema.shape.atRiskPercent.unwrap(),
  notifications: PreferencesSchema.shape.notifications.unwrap(),
  sidebarSide: PreferencesSchema.shape.sidebarSide.unwrap(),
  finishedRetentionDays: PreferencesSchema.shape.finishedRetentionDays.unwrap(),
  watchMinutes: PreferencesSchema.shape.watchMinutes.unwrap(),
});

function zodProblems(prefix: Array<string | number>, error: z.ZodError): ManagedProblem[] {
  return error.issues.map((i) => ({
    path: formatPath([...prefix, ...i.path.map((p) => (typeof p === 'number' ? p : String(p)))]),
    message: i.message,
  }));
}

export interface ManagedContext {
  validate: PolicyValidator;
  builtins: Readonly<Record<string, unknown>>;
}

/**
 * The configuration and preferences in effect: local values with every valid managed item laid on
 * top. `managedRaw` is what `storage.managed.get()` returned (anything, including undefined when
 * the browser has no managed storage).
 */
export function effectiveConfig(
  local: Config,
  localPreferences: Preferences,
  managedRaw: unknown,
  ctx: ManagedContext,
): Effective {
  const locks = emptyLocks();
  const problems: ManagedProblem[] = [];
  const config: Config = {
    ...local,
    policies: { ...local.policies },
    disabledBuiltins: [...local.disabledBuiltins],
    assignments: [...local.assignments],
    selfHosted: [...local.selfHosted],
  };
  const preferences: Preferences = { ...localPreferences };
  if (managedRaw === undefined || managedRaw === null)
    return { config, preferences, locks, problems, managed: false };
  if (typeof managedRaw !== 'object' || Array.isArray(managedRaw)) {
    problems.push({ path: '(root)', message: 'managed storage must hold an object; it was ignored' });
    return { config, preferences, locks, problems, managed: false };
  }
  const m = managedRaw as Record<string, unknown>;
  const present = MANAGED_KEYS.some((k) => m[k] !== undefined);
  for (const k of Object.keys(m)) {
    if (!(MANAGED_KEYS as readonly string[]).includes(k)) {
      problems.push({
        path: k,
        message: `unknown managed setting "${k}" (known: ${MANAGED_KEYS.join(', ')}); ignored`,
      });
    }
  }

  // Policies: JSON text (Chrome) or objects (Firefox), each checked by the engine's schema.
  const list = m.policies;
  if (list !== undefined && !Array.isArray(list))
    problems.push({ path: 'policies', message: 'must be a list; ignored' });
  if (Array.isArray(list)) {
    list.forEach((item, index) => {
      let json: unknown = item;
      if (typeof item === 'string') {
        const parsed = parsePolicyFile(item);
        if (!parsed.ok) {
          for (const e of parsed.errors)
            problems.push({ path: formatPath(['policies', index]), message: e.message });
          return;
        }
        json = parsed.json;
      }
      let result: ReturnType<PolicyValidator>;
      try {
        result = ctx.validate(json);
      } catch (e) {
        problems.push({
          path: formatPath(['policies', index]),
          message: `could not be checked: ${String(e)}`,
        });
        return;
      }
      if (!result.ok) {
        problems.push(...issuesUnder(formatPath(['policies', index]), result.issues));
        return;
      }
      const id = (result.policy as { id?: unknown }).id;
      if (typeof id !== 'string' || !id) {
        problems.push({ path: formatPath(['policies', index, 'id']), message: 'the policy has no id' });
        return;
      }
      if (Object.hasOwn(locks.policies, id)) {
        problems.push({
          path: formatPath(['policies', index, 'id']),
          message: `"${id}" is given twice; the first one counts`,
        });
        return;
      }
      locks.policies[id] = 'managed';
      config.policies[id] = { json, importedAt: 'managed', source: 'managed' };
    });
  }

  const knownPolicy = (id: string) => Object.hasOwn(config.policies, id) || Object.hasOwn(ctx.builtins, id);

  // Disabled built-ins: the managed list is the whole truth for every built-in it could name.
  const disabled = m.disabledBuiltins;
  if (disabled !== undefined) {
    const parsed = z.array(z.string()).safeParse(disabled);
    if (!parsed.success) problems.push(...zodProblems(['disabledBuiltins'], parsed.error));
    else {
      for (const [i, id] of parsed.data.entries()) {
        if (!Object.hasOwn(ctx.builtins, id)) {
          problems.push({
            path: formatPath(['disabledBuiltins', i]),
            message: `"${id}" is not a built-in policy`,
          });
        }
      }
      config.disabledBuiltins = [
        ...new Set(parsed.data.filter((id) => Object.hasOwn(ctx.builtins, id))),
      ].sort();
      for (const id of Object.keys(ctx.builtins)) locks.builtins[id] = 'managed';
    }
  }

  // Assignments: a managed assignment replaces the local one for the same host.
  const assignments = m.assignments;
  if (assignments !== undefined && !Array.isArray(assignments))
    problems.push({ path: 'assignments', message: 'must be a list; ignored' });
  if (Array.isArray(assignments)) {
    assignments.forEach((item, index) => {
      let raw: unknown = item;
      if (typeof item === 'string') {
        try {
          raw = JSON.parse(item);
        } catch {
          problems.push({ path: formatPath(['assignments', index]), message: 'not valid JSON text' });
          return;
        }
      }
      const parsed = ManagedAssignment.safeParse(raw);
      if (!parsed.success) {
        problems.push(...zodProblems(['assignments', index], parsed.error));
        return;
      }
      const a = parsed.data;
      if (!knownPolicy(a.policyId)) {
        problems.push({
          path: formatPath(['assignments', index, 'policyId']),
          message: `unknown policy "${a.policyId}"`,
        });
        return;
      }
      if (Object.hasOwn(locks.assignments, a.host)) {
        problems.push({
          path: formatPath(['assignments', index, 'host']),
          message: `${a.host} is assigned twice; the first one counts`,
        });
        return;
      }
      locks.assignments[a.host] = 'managed';
      config.assignments = [
        ...config.assignments.filter((x) => x.host !== a.host),
        a.mapping === undefined
          ? { host: a.host, helpdesk: a.helpdesk, policyId: a.policyId }
          : { host: a.host, helpdesk: a.helpdesk, policyId: a.policyId, mapping: a.mapping },
      ];
    });
  }

  const hosts = m.selfHosted;
  if (hosts !== undefined && !Array.isArray(hosts))
    problems.push({ path: 'selfHosted', message: 'must be a list; ignored' });
  if (Array.isArray(hosts)) {
    hosts.forEach((item, index) => {
      const parsed = ManagedHost.safeParse(item);
      if (!parsed.success) {
        problems.push(...zodProblems(['selfHosted', index], parsed.error));
        return;
      }
      locks.selfHosted[parsed.data.host] = 'managed';
      config.selfHosted = [...config.selfHosted.filter((x) => x.host !== parsed.data.host), parsed.data];
    });
  }

  // Preferences: field by field.
  const prefs = m.preferences;
  if (prefs !== undefined) {
    if (!prefs || typeof prefs !== 'object' || Array.isArray(prefs)) {
      problems.push({ path: 'preferences', message: 'must be an object; ignored' });
    } else {
      const p = prefs as Record<string, unknown>;
      for (const key of Object.keys(p)) {
        if (!Object.hasOwn(ManagedPreferences.shape, key)) {
          problems.push({
            path: formatPath(['preferences', key]),
            message: `unknown preference "${key}"; ignored`,
          });
          continue;
        }
        const field = ManagedPreferences.shape[key as keyof Preferences];
        const parsed = field.safeParse(p[key]);
        if (!parsed.success) {
          problems.push(...zodProblems(['preferences', key], parsed.error));
          continue;
        }
        (preferences as Record<string, unknown>)[key] = parsed.data;
        locks.preferences[key as keyof Preferences] = 'managed';
      }
    }
  }

  return { config, preferences, locks, problems, managed: present };
}

/** Ids the import pipeline must refuse to replace (`ImportContext.managedIds`). */
export function managedPolicyIds(locks: Locks): string[] {
  return Object.keys(locks.policies);
}

/** The background refuses local edits of a locked host's assignment (the page may show a stale lock state). */
export function isLockedAssignment(locks: Locks, host: string): boolean {
  return Boolean(locks.assignments[host]);
}
