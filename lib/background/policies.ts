/** Options → policies: the list with holidays, import (text or URL), duplicate, disable, remove. */
import { z } from 'zod';
import type { ActionResult, PolicyEntry } from '../messaging/options';
import {
  applyImport,
  duplicateBuiltin,
  effectivePolicyJson,
  freeCopyId,
  planImport,
  planImportJson,
  removeImported,
  setBuiltinDisabled,
  type ImportContext,
  type ImportResult,
} from '../config/importPolicy';
import { BUILTIN_POLICY_IDS } from '../../policies';
import { fetchPolicyText } from './policy-fetch';
import { managedPolicyIds } from '../config/managed';
import { listPolicyHolidays, validatePolicy, type Policy } from '../sla';
import type { ImportPlanRefSchema, ImportSourceSchema } from '../messaging/options';
import { BUILTIN_JSON, validatorForImport } from './state';
import { load, exclusive, ok, fail, LOCKED, writeConfig, type Loaded } from './options-load';

/** Local calendar date (YYYY-MM-DD) of an instant. */
export function localDate(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function plusOneYear(date: string): string {
  return `${Number(date.slice(0, 4)) + 1}${date.slice(4)}`;
}

export function schemaUrl(): string {
  try {
    // Copied into the package at build time (wxt.config.ts), so it is not a typed PublicPath.
    return (browser.runtime.getURL as (path: string) => string)('/policy.schema.json');
  } catch {
    return '/policy.schema.json';
  }
}

export function policyEntry(
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

export function importContext(l: Loaded, source?: string): ImportContext {
  return {
    config: l.eff.config,
    builtins: BUILTIN_JSON,
    validate: validatorForImport,
    managedIds: managedPolicyIds(l.eff.locks),
    ...(source !== undefined ? { source } : {}),
  };
}

type ImportSource = z.infer<typeof ImportSourceSchema>;

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

/** Every policy for the page: the built-ins (or what overrides them), then the imported ones by id. */
export function policyEntries(l: Loaded, today: string): PolicyEntry[] {
  const { config, locks } = l.eff;
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

  return policies;
}
