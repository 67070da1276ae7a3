/**
 * The whole configuration as one file for teams without enterprise management: policies (imported
 * ones), disabled built-ins, assignments with mappings, self-hosted hosts and preferences — never
 * credentials. Importing validates everything first and returns a plan (or every error by path);
 * the background commits the plan's config and preferences in one write.
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
import { diffPolicy, type PolicyDiff } from './diffPolicy';
import { originPattern } from './hosts';
import { formatPath, parseJsonText } from '../sla/json-text';
import { zodIssues } from '../sla/schema';
import {
  checkSize,
  effectivePolicyJson,
  issuesUnder,
  utf8Length,
  type PolicyValidator,
} from './importPolicy';
import type { Locks } from './managed';

export const TEAM_CONFIG_FORMAT = 'helpdesk-sla-overlay/team-config';
export const TEAM_CONFIG_VERSION = 1;
/** Several policies fit comfortably; anything larger is not a configuration file. */
export const MAX_TEAM_CONFIG_BYTES = 4 * 1024 * 1024;

export interface TeamConfigFile {
  format: typeof TEAM_CONFIG_FORMAT;
  version: typeof TEAM_CONFIG_VERSION;
  exportedAt: string;
  /** Imported policies by id (built-ins are not exported: every installation has them). */
  policies: Record<string, unknown>;
  disabledBuiltins: string[];
  assignments: Config['assignments'];
  selfHosted: Config['selfHosted'];
  preferences: Preferences;
}

const TeamConfigSchema = z.strictObject({
  format: z.literal(TEAM_CONFIG_FORMAT, {
    error: `not a configuration file of this extension (expected "format": "${TEAM_CONFIG_FORMAT}")`,
  }),
  version: z.literal(TEAM_CONFIG_VERSION, {
    error: `unsupported version (this extension reads version ${TEAM_CONFIG_VERSION})`,
  }),
  exportedAt: z.string().optional(),
  policies: z.record(z.string(), z.unknown()).default({}),
  disabledBuiltins: z.array(z.string()).default([]),
  assignments: z.array(AssignmentSchema).default([]),
  selfHosted: z.array(z.strictObject({ host: HostName, helpdesk: HelpdeskKind })).default([]),
  preferences: z
    .strictObject({
      language: PreferencesSchema.shape.language.unwrap(),
      atRiskPercent: PreferencesSchema.shape.atRiskPercent.unwrap(),
      notifications: PreferencesSchema.shape.notifications.unwrap(),
      sidebarSide: PreferencesSchema.shape.sidebarSide.unwrap(),
      finishedRetentionDays: PreferencesSchema.shape.finishedRetentionDays.unwrap(),
      watchMinutes: PreferencesSchema.shape.watchMinutes.unwrap(),
    })
    .partial()
    .optional(),
});

/** The file to download. Managed items are left out: they come from the organisation, not the file. */
export function exportTeamConfig(
  config: Config,
  preferences: Preferences,
  exportedAt: string,
  locks?: Locks,
): { fileName: string; text: string; value: TeamConfigFile } {
  const policies: Record<string, unknown> = {};
  for (const [id, stored] of Object.entries(config.policies)) {
    if (!locks?.policies[id]) policies[id] = stored.json;
  }
  const value: TeamConfigFile = {
    format: TEAM_CONFIG_FORMAT,
    version: TEAM_CONFIG_VERSION,
    exportedAt,
    policies,
    disabledBuiltins: [...config.disabledBuiltins],
    assignments: config.assignments.filter((a) => !locks?.assignments[a.host]),
    selfHosted: config.selfHosted.filter((h) => !locks?.selfHosted[h.host]),
    preferences: { ...preferences },
  };
  const day = exportedAt.slice(0, 10);
  return { fileName: `sla-overlay-config-${day}.json`, text: `${JSON.stringify(value, null, 2)}\n`, value };
}

export interface TeamConfigError {
  path: string;
  message: string;
  /** The same in Dutch. */
  nl?: string;
  line?: number;
  column?: number;
}

export interface TeamConfigPlan {
  ok: true;
  /** The configuration to store (merged: what the file names wins, local extras are kept). */
  config: Config;
  preferences: Preferences;
  summary: {
    policiesAdded: string[];
    policiesReplaced: string[];
    assignments: string[];
    newSelfHosted: Config['selfHosted'];
    /** Items the file names that managed storage controls: left as the organisation set them. */
    skippedManaged: string[];
  };
  /** Per replaced policy: what changes. */
  diffs: Record<string, PolicyDiff>;
  /** Optional host permissions the confirm click must request (new self-hosted hosts). */
  permissionOrigins: string[];
}

export type TeamConfigResult = TeamConfigPlan | { ok: false; errors: TeamConfigError[] };

export interface TeamImportContext {
  config: Config;
  preferences: Preferences;
  builtins: Readonly<Record<string, unknown>>;
  validate: PolicyValidator;
  locks?: Locks;
  importedAt: string;
  source?: string;
}

/** Validates a configuration file completely; returns every error by path, or a plan. Never throws. */
export function planTeamConfigImport(text: unknown, ctx: TeamImportContext): TeamConfigResult {
  try {
    return plan(text, ctx);
  } catch (e) {
    return {
      ok: false,
      errors: [
        {
          path: '(root)',
          message: `the file could not be checked: ${String(e)}`,
          nl: `het bestand kon niet worden gecontroleerd: ${String(e)}`,
        },
      ],
    };
  }
}

function plan(text: unknown, ctx: TeamImportContext): TeamConfigResult {
  if (typeof text !== 'string')
    return {
      ok: false,
      errors: [
        {
          path: '(root)',
          message: 'expected the text of a JSON file',
          nl: 'verwacht de tekst van een JSON-bestand',
        },
      ],
    };
  const tooLarge = checkSize(utf8Length(text), MAX_TEAM_CONFIG_BYTES);
  if (tooLarge)
    return { ok: false, errors: [{ path: '(root)', message: tooLarge.message, nl: tooLarge.nl }] };
  if (!text.trim())
    return {
      ok: false,
      errors: [{ path: '(root)', message: 'the file is empty', nl: 'het bestand is leeg' }],
    };
  const parsed = parseJsonText(text);
  if (!parsed.ok) {
    const { line, column, message, nl } = parsed.error;
    return {
      ok: false,
      errors: [
        {
          path: '(root)',
          line,
          column,
          message: `line ${line}, column ${column}: ${message}`,
          nl: `regel ${line}, kolom ${column}: ${nl}`,
        },
      ],
    };
  }
  const json = parsed.value;
  const shape = TeamConfigSchema.safeParse(json);
  if (!shape.success) return { ok: false, errors: shapeErrors(shape.error, json) };
  const f = shape.data;
  const errors: TeamConfigError[] = [];
  const locks = ctx.locks;
  const skippedManaged: string[] = [];

  // Every policy through the engine's schema; the key must be the policy's own id.
  const policies = { ...ctx.config.policies };
  const added: string[] = [];
  const replaced: string[] = [];
  const diffs: Record<string, PolicyDiff> = {};
  for (const [key, pjson] of Object.entries(f.policies)) {
    let result: ReturnType<PolicyValidator>;
    try {
      result = ctx.validate(pjson);
    } catch (e) {
      errors.push({
        path: formatPath(['policies', key]),
        message: `could not be checked: ${String(e)}`,
        nl: `kon niet worden gecontroleerd: ${String(e)}`,
      });
      continue;
    }
    if (!result.ok) {
      errors.push(...issuesUnder(formatPath(['policies', key]), result.issues));
      continue;
    }
    const id = (result.policy as { id?: unknown }).id;
    if (id !== key) {
      errors.push({
        path: formatPath(['policies', key, 'id']),
        message: `the policy's id is "${String(id)}" but it is listed as "${key}"`,
        nl: `de id van het beleid is "${String(id)}" maar het staat vermeld als "${key}"`,
      });
      continue;
    }
    if (locks?.policies[key]) {
      skippedManaged.push(`policy ${key}`);
      continue;
    }
    const current = effectivePolicyJson(ctx.config, ctx.builtins, key);
    if (current === undefined) added.push(key);
    else {
      const d = diffPolicy(current, pjson);
      if (d.identical && Object.prototype.hasOwnProperty.call(ctx.config.policies, key)) continue;
      replaced.push(key);
      diffs[key] = d;
    }
    policies[key] = {
      json: pjson,
      importedAt: ctx.importedAt,
      ...(ctx.source ? { source: ctx.source } : {}),
    };
  }

  const known = (id: string) =>
    Object.prototype.hasOwnProperty.call(policies, id) ||
    Object.prototype.hasOwnProperty.call(ctx.builtins, id);
  f.disabledBuiltins.forEach((id, i) => {
    if (!Object.prototype.hasOwnProperty.call(ctx.builtins, id)) {
      errors.push({
        path: formatPath(['disabledBuiltins', i]),
        message: `"${id}" is not a built-in policy`,
        nl: `"${id}" is geen ingebouwd beleid`,
      });
    }
  });
  const seenHosts = new Set<string>();
  f.assignments.forEach((a, i) => {
    if (!known(a.policyId))
      errors.push({
        path: formatPath(['assignments', i, 'policyId']),
        message: `unknown policy "${a.policyId}"`,
        nl: `onbekend beleid "${a.policyId}"`,
      });
    if (seenHosts.has(a.host))
      errors.push({
        path: formatPath(['assignments', i, 'host']),
        message: `${a.host} is assigned twice`,
        nl: `${a.host} is twee keer toegewezen`,
      });
    seenHosts.add(a.host);
  });
  if (errors.length) return { ok: false, errors };

  let assignments = [...ctx.config.assignments];
  const assigned: string[] = [];
  for (const a of f.assignments) {
    if (locks?.assignments[a.host]) {
      skippedManaged.push(`assignment ${a.host}`);
      continue;
    }
    assignments = [...assignments.filter((x) => x.host !== a.host), a];
    assigned.push(a.host);
  }
  const newSelfHosted = f.selfHosted.filter((h) => !ctx.config.selfHosted.some((x) => x.host === h.host));
  const selfHosted = [
    ...ctx.config.selfHosted.filter((x) => !f.selfHosted.some((h) => h.host === x.host)),
    ...f.selfHosted,
  ];
  const disabledBuiltins =
    locks && Object.keys(locks.builtins).length
      ? ctx.config.disabledBuiltins
      : [...new Set(f.disabledBuiltins)].sort();

  const preferences: Preferences = { ...ctx.preferences };
  for (const [k, v] of Object.entries(f.preferences ?? {})) {
    if (locks?.preferences[k as keyof Preferences]) skippedManaged.push(`preference ${k}`);
    else if (v !== undefined) (preferences as Record<string, unknown>)[k] = v;
  }

  return {
    ok: true,
    config: { version: 2, policies, disabledBuiltins, assignments, selfHosted },
    preferences,
    summary: {
      policiesAdded: added,
      policiesReplaced: replaced,
      assignments: assigned,
      newSelfHosted,
      skippedManaged,
    },
    diffs,
    permissionOrigins: newSelfHosted.map((h) => originPattern(h.host)),
  };
}

/** The file's shape problems in plain words, English and Dutch; the two that say "wrong file" first. */
function shapeErrors(error: z.ZodError, json: unknown): TeamConfigError[] {
  const own: Record<string, Omit<TeamConfigError, 'path'>> = {
    format: {
      message: `not a configuration file of this extension (expected "format": "${TEAM_CONFIG_FORMAT}")`,
      nl: `geen configuratiebestand van deze extensie (verwacht "format": "${TEAM_CONFIG_FORMAT}")`,
    },
    version: {
      message: `unsupported version (this extension reads version ${TEAM_CONFIG_VERSION})`,
      nl: `versie niet ondersteund (deze extensie leest versie ${TEAM_CONFIG_VERSION})`,
    },
  };
  return zodIssues(error, json).map((i) =>
    Object.hasOwn(own, i.path) ? { path: i.path, ...own[i.path]! } : i,
  );
}
