/**
 * The `sla` CLI, on the same engine as the extension.
 *
 *   npm run --silent sla -- check <policy.json>
 *   npm run --silent sla -- due --policy <id|path> --ticket <file|-> [--now <ISO>] [--format json|text] [--locale en|nl]
 *                            [--from zendesk|topdesk [--audits <files>] [--mapping <file>] [--host <host>]]
 *
 * Prints only its result on stdout. Exit codes: 0 ok, 2 invalid policy or bad input (one line on
 * stderr naming the field, or for `check` every problem on stdout), 1 unexpected failure.
 */
import { neutralFromPayloads } from '../lib/helpdesks/index.ts';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BUILTIN_POLICIES, getBuiltinPolicy } from '../policies/index.ts';
import {
  evaluate,
  isIsoInstant,
  parsePolicyText,
  SlaInputError,
  validateTicket,
  type Evaluation,
  type MetricResult,
  type Policy,
} from '../lib/sla/index.ts';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliEnv {
  /** Reads a file, or stdin for "-". */
  read(path: string): string;
  /** The current time (for --now's default). */
  now(): number;
}

const USAGE = `usage:
  sla check <policy.json>
  sla due --policy <id|path> --ticket <file|-> [--now <ISO>] [--format json|text] [--locale en|nl]
          [--from zendesk|topdesk [--audits <file>[,<file>…]] [--mapping <file>] [--host <host>]]`;

class CliError extends Error {
  constructor(
    message: string,
    readonly code = 2,
  ) {
    super(message);
  }
}

function parseArgs(args: string[]): { positional: string[]; flags: Map<string, string> } {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) flags.set(a.slice(2, eq), a.slice(eq + 1));
      else {
        const v = args[i + 1];
        if (v === undefined || (v.startsWith('--') && v !== '-'))
          throw new CliError(`${a}: missing value\n${USAGE}`);
        flags.set(a.slice(2), v);
        i++;
      }
    } else positional.push(a);
  }
  return { positional, flags };
}

function readText(env: CliEnv, path: string, what: string): string {
  try {
    return env.read(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(`${what}: cannot read ${path === '-' ? 'stdin' : path}${code ? ` (${code})` : ''}`);
  }
}

function check(env: CliEnv, file: string | undefined): CliResult {
  if (!file) throw new CliError(`check: missing policy file\n${USAGE}`);
  const r = parsePolicyText(readText(env, file, 'policy'));
  if (!r.ok) {
    const lines = r.issues.map((i) =>
      i.path === '(json)' ? `${file}: ${i.message}` : `${i.path}: ${i.message}`,
    );
    return { code: 2, stdout: lines.join('\n') + '\n', stderr: '' };
  }
  const p = r.policy;
  const nTargets = Object.values(p.targets).reduce(
    (n, byTier) =>
      n +
      Object.values(byTier).reduce(
        (m, byPrio) => m + Object.values(byPrio).reduce((k, t) => k + Object.keys(t).length, 0),
        0,
      ),
    0,
  );
  const summary =
    `ok: ${p.id} "${p.name}" — ${p.tiers.length} tier(s), ${p.types.length} type(s), ` +
    `${p.priorities.length} priorities, ${nTargets} target(s), ${p.matrix ? 'matrix' : 'no matrix'}, ` +
    `zone ${p.timezone}${p.useTicketTimezone ? ' (or the ticket’s)' : ''}`;
  return { code: 0, stdout: summary + '\n', stderr: '' };
}

function loadPolicy(env: CliEnv, ref: string): Policy {
  const builtin = getBuiltinPolicy(ref);
  if (builtin) return builtin;
  if (!ref.endsWith('.json') && !ref.includes('/'))
    throw new CliError(
      `policy: unknown policy "${ref}" (built-in: ${BUILTIN_POLICIES.map((p) => p.id).join(', ')}; or give a path to a JSON file)`,
    );
  const r = parsePolicyText(readText(env, ref, 'policy'));
  if (!r.ok) {
    const first = r.issues[0]!;
    throw new CliError(
      `policy: ${ref} is not a valid policy — ${first.path}: ${first.message}` +
        (r.issues.length > 1 ? ` (and ${r.issues.length - 1} more; run sla check ${ref})` : ''),
    );
  }
  return r.policy;
}

function metricJson(m: MetricResult): Record<string, unknown> {
  const out: Record<string, unknown> = { dueAt: m.dueAt };
  if (m.goalAt !== undefined) out.goalAt = m.goalAt;
  out.state = m.state;
  for (const k of [
    'goalPercent',
    'goalState',
    'clockStartedAt',
    'stoppedAt',
    'targetLabel',
    'goalLabel',
    'businessTime',
    'targetMs',
    'elapsedMs',
    'remainingMs',
    'elapsedShare',
    'atRisk',
    'atRiskAt',
    'idle',
    'pauses',
    'exempt',
    'rule',
    'source',
  ] as const)
    if (m[k] !== undefined) out[k] = m[k];
  return out;
}

export function evaluationJson(e: Evaluation): Record<string, unknown> {
  const metrics: Record<string, unknown> = {};
  for (const [k, m] of Object.entries(e.metrics)) if (m) metrics[k] = metricJson(m);
  return {
    policy: e.policy,
    tier: e.tier,
    type: e.type,
    priority: e.priority,
    suggestedPriority: e.suggestedPriority,
    origin: e.origin,
    ...(e.matrix ? { matrix: e.matrix } : {}),
    customerMayOverride: e.customerMayOverride,
    timezone: e.timezone,
    evaluatedAt: e.evaluatedAt,
    metrics,
    ...(e.escalation ? { escalation: e.escalation } : {}),
  };
}

function readJson(env: CliEnv, ref: string, what: string): unknown {
  const text = readText(env, ref, what);
  try {
    return JSON.parse(text);
  } catch {
    const r = parsePolicyText(text);
    throw new CliError(`${what}: ${!r.ok ? r.issues[0]!.message : 'invalid JSON'}`);
  }
}

function due(env: CliEnv, flags: Map<string, string>): CliResult {
  for (const k of flags.keys())
    if (!['policy', 'ticket', 'now', 'format', 'locale', 'from', 'audits', 'mapping', 'host'].includes(k))
      throw new CliError(`--${k}: unknown option\n${USAGE}`);
  const policyRef = flags.get('policy');
  const ticketRef = flags.get('ticket');
  if (!policyRef) throw new CliError(`--policy: missing (a built-in id or a path)\n${USAGE}`);
  if (!ticketRef) throw new CliError(`--ticket: missing (a JSON file, or - for stdin)\n${USAGE}`);
  const format = flags.get('format') ?? 'json';
  if (format !== 'json' && format !== 'text')
    throw new CliError(`--format: must be json or text, got "${format}"`);
  const locale = flags.get('locale') ?? 'en';
  if (locale !== 'en' && locale !== 'nl') throw new CliError(`--locale: must be en or nl, got "${locale}"`);
  const nowFlag = flags.get('now');
  if (nowFlag !== undefined && !isIsoInstant(nowFlag))
    throw new CliError(
      `--now: malformed date "${nowFlag}" (expected ISO 8601 with offset, e.g. 2026-02-04T17:30:00+01:00)`,
    );
  const now = nowFlag ?? env.now();

  const policy = loadPolicy(env, policyRef);
  const from = flags.get('from');
  if (from !== undefined && from !== 'zendesk' && from !== 'topdesk')
    throw new CliError(`--from: must be zendesk or topdesk, got "${from}"`);
  if (!from && (flags.has('audits') || flags.has('mapping')))
    throw new CliError('--audits and --mapping need --from zendesk|topdesk (raw helpdesk API bodies)');
  let json = readJson(env, ticketRef, 'ticket');
  if (from) {
    // Saved helpdesk API bodies: mapped with the same adapter code the extension uses.
    const audits = (flags.get('audits') ?? '')
      .split(',')
      .filter(Boolean)
      .flatMap((f) => {
        const v = readJson(env, f, `audits ${f}`);
        return Array.isArray(v) ? v : [v];
      });
    const mapping = flags.has('mapping') ? readJson(env, flags.get('mapping')!, 'mapping') : undefined;
    const host = flags.get('host');
    const n = neutralFromPayloads({ from, ticket: json, audits, mapping, policy, ...(host ? { host } : {}) });
    if (!n.ok) throw new CliError(`ticket: ${n.problem.message}`);
    json = n.ticket;
  }
  const t = validateTicket(json);
  if (!t.ok) {
    const i = t.issues[0]!;
    throw new CliError(`ticket.${i.path}: ${i.message}`);
  }
  let e: Evaluation;
  try {
    e = evaluate(policy, t.ticket, now, { locale });
  } catch (err) {
    if (err instanceof SlaInputError)
      throw new CliError(err.field === 'now' ? `--now: ${err.message}` : `ticket.${err.message}`);
    throw err;
  }
  const stdout = format === 'text' ? e.explanation + '\n' : JSON.stringify(evaluationJson(e), null, 2) + '\n';
  return { code: 0, stdout, stderr: '' };
}

/** Runs the CLI without touching the process (for tests). */
export function runCli(args: string[], env: CliEnv): CliResult {
  try {
    const [command, ...rest] = args;
    const { positional, flags } = parseArgs(rest);
    if (command === 'check') return check(env, positional[0]);
    if (command === 'due') return due(env, flags);
    if (command === 'help' || command === '--help' || command === '-h' || command === undefined)
      return {
        code: command === undefined ? 2 : 0,
        stdout: command === undefined ? '' : USAGE + '\n',
        stderr: command === undefined ? USAGE + '\n' : '',
      };
    throw new CliError(`unknown command "${command}"\n${USAGE}`);
  } catch (e) {
    if (e instanceof CliError) return { code: e.code, stdout: '', stderr: e.message + '\n' };
    return { code: 1, stdout: '', stderr: `internal error: ${e instanceof Error ? e.message : String(e)}\n` };
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = runCli(process.argv.slice(2), {
    read: (p) => readFileSync(p === '-' ? 0 : p, 'utf8'),
    now: () => Date.now(),
  });
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  process.exitCode = r.code;
}
