/**
 * The policy import pipeline as pure functions: size → parse (line/column) → validate (engine's
 * schema, every problem by JSON path) → plan (id, new or replacing, diff). Nothing is stored here:
 * the background applies a confirmed plan with `applyImport` in one storage write, so a failed or
 * cancelled import changes nothing.
 *
 * The engine's validator is passed in (`ImportContext.validate`), so this module carries no engine
 * code and the same pipeline runs wherever the lead decides (background, tests, CLI).
 */
import type { Config } from '../storage/schemas';
import { diffPolicy, type PolicyDiff } from './diffPolicy';
import { formatPath, parseJsonText } from '../sla/json-text';

/** Largest policy file accepted (UTF-8 bytes). The five seeds are each well under 20 KB. */
export const MAX_POLICY_BYTES = 512 * 1024;

/** An issue as the engine's `validatePolicy` reports it; `path` may be a string or zod-style segments. */
export interface ValidatorIssue {
  path: string | ReadonlyArray<PropertyKey>;
  message: string;
  /** The same in Dutch, when the validator has it. */
  nl?: string;
}
/** A validator's issues re-rooted under `base` (e.g. `policies[2]`), paths as text. */
export function issuesUnder(
  base: string,
  issues: readonly ValidatorIssue[],
): Array<{ path: string; message: string; nl?: string }> {
  return issues.map((issue) => {
    const sub =
      typeof issue.path === 'string'
        ? issue.path
        : formatPath(issue.path.map((p) => (typeof p === 'number' ? p : String(p))));
    return {
      path: `${base}${sub && sub !== '(root)' ? `.${sub}` : ''}`,
      message: issue.message,
      ...(issue.nl ? { nl: issue.nl } : {}),
    };
  });
}

export type PolicyValidator = (
  json: unknown,
) => { ok: true; policy: unknown } | { ok: false; issues: readonly ValidatorIssue[] };

export type ImportErrorCode =
  | 'empty'
  | 'too-large'
  | 'syntax'
  | 'schema'
  | 'no-id'
  | 'bad-id'
  | 'managed'
  | 'validator-crashed'
  /** A policy URL could not be read (network, HTTP status, permission). */
  | 'fetch';

export interface ImportError {
  code: ImportErrorCode;
  /** JSON path (`targets.incident.premium.P9`), `(root)` for the whole file. Absent for size/syntax. */
  path?: string;
  /** For syntax errors: 1-based line and column. */
  line?: number;
  column?: number;
  /** Plain explanation in English. */
  message: string;
  /** The same in Dutch (the Options page shows it when it speaks Dutch). */
  nl?: string;
  /** For `too-large`: the actual size and the limit, in bytes. */
  bytes?: number;
  limit?: number;
}

export interface ImportWarning {
  code: 'duplicate-key';
  path: string;
  line: number;
  column: number;
  message: string;
  nl?: string;
}

export interface ImportPlan {
  ok: true;
  id: string;
  /** Display name from the policy (its `name`, or the id). */
  name: string;
  /** The JSON exactly as it will be stored (`Config.policies[id].json`). */
  json: unknown;
  /** No policy (built-in or imported) with this id exists yet. */
  isNew: boolean;
  /** The id is a built-in seed's: the import overrides it; removing the import restores the built-in. */
  replacesBuiltin: boolean;
  /** An imported policy with this id is stored already and will be replaced. */
  replacesImported: boolean;
  /** Changes against the currently effective policy with this id (empty diff when new). */
  diff: PolicyDiff;
  /** Fingerprint of the effective policy the diff was made against; `applyImport` refuses a stale plan. */
  base: string | null;
  /** Where it came from: file name, URL, `paste`. */
  source?: string;
  warnings: ImportWarning[];
  /** Hosts that use this id today (they switch to the new version on confirm). */
  assignedHosts: string[];
}

export interface ImportFailure {
  ok: false;
  errors: ImportError[];
  warnings: ImportWarning[];
}

export type ImportResult = ImportPlan | ImportFailure;

export interface ImportContext {
  config: Config;
  /** Built-in seed policies' JSON by id. */
  builtins: Readonly<Record<string, unknown>>;
  validate: PolicyValidator;
  /** Policy ids that managed storage (the IT admin) controls: cannot be replaced locally. */
  managedIds?: ReadonlySet<string> | readonly string[];
  source?: string;
}

const POLICY_ID_RE = /^[a-z0-9][a-z0-9._-]{0,63}$/;

export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 102.4) / 10} KB`;
  return `${Math.round(bytes / (1024 * 102.4)) / 10} MB`;
}

/** Checks the size before anything else reads the text; the size may also come from a File object. */
export function checkSize(bytes: number, limit = MAX_POLICY_BYTES): ImportError | null {
  if (bytes <= limit) return null;
  // Just over the limit: rounded sizes would read "512 KB; at most 512 KB", so give exact bytes.
  const [size, max] =
    formatBytes(bytes) === formatBytes(limit)
      ? [`${bytes} bytes`, `${limit} bytes`]
      : [formatBytes(bytes), formatBytes(limit)];
  return {
    code: 'too-large',
    bytes,
    limit,
    message: `the file is ${size}; policies may be at most ${max} — is this the right file?`,
    nl: `het bestand is ${size}; een beleid mag hoogstens ${max} zijn — is dit het goede bestand?`,
  };
}

function pathText(path: ValidatorIssue['path']): string {
  if (typeof path === 'string') return path || '(root)';
  return formatPath(path.map((p) => (typeof p === 'number' ? p : String(p))));
}

/** A stable text for a JSON value (object keys sorted), for fingerprints and equality across stores. */
export function stableStringify(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableStringify).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .filter((k) => o[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${stableStringify(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/** FNV-1a over the stable text: enough to notice that the stored policy changed under a preview. */
export function fingerprint(v: unknown): string {
  const s = stableStringify(v);
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `${(h >>> 0).toString(16).padStart(8, '0')}:${s.length}`;
}

/** The policy JSON currently in effect for an id: an imported one overrides the built-in. */
export function effectivePolicyJson(
  config: Config,
  builtins: Readonly<Record<string, unknown>>,
  id: string,
): unknown {
  if (Object.prototype.hasOwnProperty.call(config.policies, id)) return config.policies[id]?.json;
  if (Object.prototype.hasOwnProperty.call(builtins, id)) return builtins[id];
  return undefined;
}

function policyName(json: unknown, id: string): string {
  const name = (json as { name?: unknown } | null)?.name;
  if (typeof name === 'string' && name.trim()) return name;
  if (name && typeof name === 'object') {
    const n = name as Record<string, unknown>;
    for (const k of ['en', 'nl']) if (typeof n[k] === 'string') return n[k] as string;
  }
  return id;
}

/** Step 1–2: text → JSON value, or the syntax error with line and column. */
export function parsePolicyFile(
  text: string,
): { ok: true; json: unknown; warnings: ImportWarning[] } | ImportFailure {
  const tooLarge = checkSize(utf8Length(text));
  if (tooLarge) return { ok: false, errors: [tooLarge], warnings: [] };
  if (!text.trim())
    return {
      ok: false,
      errors: [{ code: 'empty', message: 'the file is empty', nl: 'het bestand is leeg' }],
      warnings: [],
    };
  const parsed = parseJsonText(text);
  if (!parsed.ok) {
    const { line, column, message, nl } = parsed.error;
    return {
      ok: false,
      errors: [
        {
          code: 'syntax',
          line,
          column,
          message: `line ${line}, column ${column}: ${message}`,
          nl: `regel ${line}, kolom ${column}: ${nl}`,
        },
      ],
      warnings: [],
    };
  }
  const warnings = parsed.duplicateKeys.map((d): ImportWarning => ({
    code: 'duplicate-key',
    path: d.path,
    line: d.line,
    column: d.column,
    message: `"${d.key}" appears twice in ${d.path}; only the last one counts`,
    nl: `"${d.key}" komt twee keer voor in ${d.path}; alleen de laatste telt`,
  }));
  return { ok: true, json: parsed.value, warnings };
}

/** Steps 3–4 for an already parsed value (a parsed file, managed storage, a team configuration). */
export function planImportJson(
  json: unknown,
  ctx: ImportContext,
  warnings: ImportWarning[] = [],
): ImportResult {
  let result: ReturnType<PolicyValidator>;
  try {
    result = ctx.validate(json);
  } catch (e) {
    return {
      ok: false,
      warnings,
      errors: [
        {
          code: 'validator-crashed',
          path: '(root)',
          message: `the policy could not be checked: ${String(e)}`,
          nl: `het beleid kon niet worden gecontroleerd: ${String(e)}`,
        },
      ],
    };
  }
  if (!result.ok) {
    const issues = Array.isArray(result.issues) ? result.issues : [];
    const errors: ImportError[] = issues.map((i) => ({
      code: 'schema',
      path: pathText(i.path),
      message: String(i.message),
      ...(typeof i.nl === 'string' ? { nl: i.nl } : {}),
    }));
    if (!errors.length)
      errors.push({
        code: 'schema',
        path: '(root)',
        message: 'the policy is not valid',
        nl: 'het beleid is niet geldig',
      });
    return { ok: false, errors, warnings };
  }
  const policy = result.policy as { id?: unknown } | null;
  const id = policy && typeof policy === 'object' ? policy.id : undefined;
  if (typeof id !== 'string' || !id) {
    return {
      ok: false,
      warnings,
      errors: [
        { code: 'no-id', path: 'id', message: 'the policy has no id', nl: 'het beleid heeft geen id' },
      ],
    };
  }
  if (!POLICY_ID_RE.test(id)) {
    return {
      ok: false,
      warnings,
      errors: [
        {
          code: 'bad-id',
          path: 'id',
          message: `"${id}" cannot be used as an id: use lower-case letters, digits, ".", "-" or "_" (at most 64)`,
          nl: `"${id}" kan niet als id dienen: gebruik kleine letters, cijfers, ".", "-" of "_" (hoogstens 64)`,
        },
      ],
    };
  }
  const managed = new Set(ctx.managedIds ?? []);
  if (managed.has(id)) {
    return {
      ok: false,
      warnings,
      errors: [
        {
          code: 'managed',
          path: 'id',
          message: `the policy "${id}" is set by your organisation's IT administrator (managed) and cannot be replaced here`,
          nl: `het beleid "${id}" is ingesteld door de IT-beheerder van uw organisatie (beheerd) en kan hier niet worden vervangen`,
        },
      ],
    };
  }
  const current = effectivePolicyJson(ctx.config, ctx.builtins, id);
  const plan: ImportPlan = {
    ok: true,
    id,
    name: policyName(json, id),
    json,
    isNew: current === undefined,
    replacesBuiltin: Object.prototype.hasOwnProperty.call(ctx.builtins, id),
    replacesImported: Object.prototype.hasOwnProperty.call(ctx.config.policies, id),
    diff: current === undefined ? { identical: false, groups: [], count: 0 } : diffPolicy(current, json),
    base: current === undefined ? null : fingerprint(current),
    warnings,
    assignedHosts: ctx.config.assignments.filter((a) => a.policyId === id).map((a) => a.host),
  };
  if (ctx.source !== undefined) plan.source = ctx.source;
  return plan;
}

/** The whole pipeline for a text (file contents, paste, URL body). Never throws. */
export function planImport(text: unknown, ctx: ImportContext): ImportResult {
  try {
    if (typeof text !== 'string') {
      return {
        ok: false,
        warnings: [],
        errors: [
          {
            code: 'empty',
            message: 'nothing to import: expected the text of a JSON file',
            nl: 'niets te importeren: verwacht de tekst van een JSON-bestand',
          },
        ],
      };
    }
    const parsed = parsePolicyFile(text);
    if (!parsed.ok) return parsed;
    return planImportJson(parsed.json, ctx, parsed.warnings);
  } catch (e) {
    return {
      ok: false,
      warnings: [],
      errors: [
        {
          code: 'validator-crashed',
          path: '(root)',
          message: `the policy could not be checked: ${String(e)}`,
          nl: `het beleid kon niet worden gecontroleerd: ${String(e)}`,
        },
      ],
    };
  }
}

export type ApplyResult = { ok: true; config: Config } | { ok: false; code: 'stale'; message: string };

/**
 * The confirmed plan as a new configuration (one write for the background). Refuses a plan whose
 * preview was made against a policy that has changed since (another tab imported meanwhile), so the
 * admin always confirms what they saw. Also re-enables a disabled built-in with the same id: an
 * admin importing `mextra` wants `mextra` active.
 */
export function applyImport(
  config: Config,
  plan: ImportPlan,
  builtins: Readonly<Record<string, unknown>>,
  importedAt: string,
): ApplyResult {
  const current = effectivePolicyJson(config, builtins, plan.id);
  const base = current === undefined ? null : fingerprint(current);
  if (base !== plan.base) {
    return {
      ok: false,
      code: 'stale',
      message: `the policy "${plan.id}" changed after the preview was made; import the file again to see the current differences`,
    };
  }
  const stored: Config['policies'][string] = { json: plan.json, importedAt };
  if (plan.source !== undefined) stored.source = plan.source;
  return {
    ok: true,
    config: {
      ...config,
      policies: { ...config.policies, [plan.id]: stored },
      disabledBuiltins: config.disabledBuiltins.filter((d) => d !== plan.id),
    },
  };
}

/**
 * Removes an imported policy. A removed override of a built-in brings the built-in back; assignments
 * are kept (see `assignmentsUsing` to warn first: hosts assigned to a removed non-built-in id have
 * no policy until reassigned).
 */
export function removeImported(config: Config, id: string): Config {
  if (!Object.prototype.hasOwnProperty.call(config.policies, id)) return config;
  const policies = { ...config.policies };
  delete policies[id];
  return { ...config, policies };
}

export function assignmentsUsing(config: Config, id: string): string[] {
  return config.assignments.filter((a) => a.policyId === id).map((a) => a.host);
}

/** Built-ins cannot be deleted, only disabled (hidden from assignment; hosts using it show "no policy"). */
export function setBuiltinDisabled(config: Config, id: string, disabled: boolean): Config {
  const rest = config.disabledBuiltins.filter((d) => d !== id);
  return { ...config, disabledBuiltins: disabled ? [...rest, id].sort() : rest };
}

/** A policy id not yet used: `mextra-copy`, `mextra-copy-2`, … */
export function freeCopyId(baseId: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const stem = `${baseId}-copy`.slice(0, 60);
  if (!used.has(stem)) return stem;
  for (let n = 2; ; n++) if (!used.has(`${stem}-${n}`)) return `${stem}-${n}`;
}

/**
 * A built-in's JSON as a starting point for an own policy: new id, name marked as a copy. The result
 * goes through the normal import pipeline (preview, confirm) like any file.
 */
export function duplicateBuiltin(policyJson: unknown, newId: string): unknown {
  const clone = JSON.parse(JSON.stringify(policyJson ?? {})) as Record<string, unknown>;
  clone.id = newId;
  const name = clone.name;
  if (typeof name === 'string') clone.name = `${name} (copy)`;
  else if (name && typeof name === 'object') {
    const n = { ...(name as Record<string, unknown>) };
    if (typeof n.en === 'string') n.en = `${n.en} (copy)`;
    if (typeof n.nl === 'string') n.nl = `${n.nl} (kopie)`;
    clone.name = n;
  }
  return clone;
}

/** A policy as a downloadable file: pretty JSON with a trailing newline, named after its id. */
export function exportPolicy(
  id: string,
  json: unknown,
): { fileName: string; text: string; mimeType: string } {
  return {
    fileName: `${id}.sla-policy.json`,
    text: `${JSON.stringify(json, null, 2)}\n`,
    mimeType: 'application/json',
  };
}

export type UrlCheck = { ok: true; url: string; originPattern: string } | { ok: false; message: string };

/** A policy URL must be https; the view requests `originPattern` as an optional permission in the click. */
export function checkPolicyUrl(input: string): UrlCheck {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, message: 'enter a full address starting with https://' };
  }
  if (url.protocol !== 'https:') return { ok: false, message: 'only https addresses can be imported' };
  if (url.username || url.password)
    return { ok: false, message: 'leave the user name and password out of the address' };
  url.hash = '';
  // Match patterns carry no port: `https://host/*` covers every port of the host.
  return { ok: true, url: url.href, originPattern: `https://${url.hostname}/*` };
}
