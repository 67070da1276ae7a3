/**
 * Everything the background needs, read fresh from storage on every wake-up (an MV3 worker keeps no
 * state only in memory): the configuration with managed (enterprise) values laid over local ones,
 * the preferences, and the policies in effect. Every stored value is validated on the way in; what
 * could not be used is reported in `problems`, never thrown.
 */
import { validatePolicy, type Policy } from '../sla';
import { BUILTIN_POLICIES } from '../../policies';
import { effectiveConfig, type Effective, type Locks } from '../config/managed';
import type { Assignment, Config, Preferences } from '../storage/schemas';
import { readConfig, readPreferences } from '../storage/items';

export const BUILTIN_JSON: Readonly<Record<string, unknown>> = Object.fromEntries(
  BUILTIN_POLICIES.map((p) => [p.id, p]),
);

export interface BackgroundState {
  config: Config;
  preferences: Preferences;
  locks: Locks;
  managed: boolean;
  /** Policies in effect by id: enabled built-ins, overridden or extended by imported ones. */
  policies: Map<string, Policy>;
  problems: string[];
  /**
   * True when part of the stored configuration could not be read (kept aside, see
   * lib/storage/validated.ts) or it is from a newer version: views say so instead of "no policy yet".
   */
  configUnreadable: boolean;
}

export function validatorForImport(json: unknown) {
  const r = validatePolicy(json);
  return r.ok ? { ok: true as const, policy: r.policy } : { ok: false as const, issues: r.issues };
}

export async function readManaged(): Promise<unknown> {
  try {
    // Absent on browsers or profiles without enterprise policy: treated as "nothing managed".
    return await browser.storage.managed.get();
  } catch {
    return undefined;
  }
}

export function policiesInEffect(config: Config): { policies: Map<string, Policy>; problems: string[] } {
  const policies = new Map<string, Policy>();
  const problems: string[] = [];
  for (const p of BUILTIN_POLICIES) if (!config.disabledBuiltins.includes(p.id)) policies.set(p.id, p);
  for (const [id, stored] of Object.entries(config.policies)) {
    const r = validatePolicy(stored.json);
    if (r.ok) policies.set(id, r.policy);
    else
      problems.push(
        `stored policy "${id}" is invalid (${r.issues[0]?.path}: ${r.issues[0]?.message}); it is not used`,
      );
  }
  return { policies, problems };
}

/**
 * The one read of the configuration in effect, for the wake-up (`loadState`), the Options actions
 * and the content-script registration: the stored values as read (with their problems and
 * quarantined parts), and managed (enterprise) values laid over them.
 */
export async function readEffective(): Promise<{
  config: Awaited<ReturnType<typeof readConfig>>;
  preferences: Awaited<ReturnType<typeof readPreferences>>;
  eff: Effective;
}> {
  const [config, preferences, managedRaw] = await Promise.all([
    readConfig(),
    readPreferences(),
    readManaged(),
  ]);
  const eff = effectiveConfig(config.value, preferences.value, managedRaw, {
    validate: validatorForImport,
    builtins: BUILTIN_JSON,
  });
  return { config, preferences, eff };
}

export async function loadState(): Promise<BackgroundState> {
  const { config, preferences, eff } = await readEffective();
  const { policies, problems } = policiesInEffect(eff.config);
  return {
    config: eff.config,
    preferences: eff.preferences,
    locks: eff.locks,
    managed: eff.managed,
    policies,
    configUnreadable: config.quarantined.length > 0 || config.readOnly !== undefined,
    problems: [
      ...[config.problem, preferences.problem].filter((p) => p !== undefined).map((p) => p.message),
      ...(config.readOnly ? [config.readOnly] : []),
      ...eff.problems.map((p) => `managed setting ${p.path}: ${p.message}`),
      ...problems,
    ],
  };
}

/** The assignment for a helpdesk host (exact host match), with its policy when that is in effect. */
export function assignmentFor(
  state: Pick<BackgroundState, 'config' | 'policies'>,
  host: string,
): { assignment: Assignment; policy: Policy | null } | null {
  const assignment = state.config.assignments.find((a) => a.host === host.toLowerCase());
  if (!assignment) return null;
  return { assignment, policy: state.policies.get(assignment.policyId) ?? null };
}
