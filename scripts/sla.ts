/**
 * The `sla` CLI, on the same engine as the extension.
 *
 *   npm run --silent sla -- check <policy.json>
 *   npm run --silent sla -- due --policy <id|path> --ticket <file|-> [--now <ISO>] [--format json|text] [--locale en|nl]
 *                            [--from ${FROM} [--audits <files>] [--mapping <file>] [--host <host>]]
 *   npm run --silent sla -- due --policy <id|path> --ndjson [--from zendesk|topdesk] [--output due|full] < export
 *   npm run --silent sla -- add --policy <id|path> [--tier T] --from <ISO> --amount 8 --unit business-hours
 *   npm run --silent sla -- between --policy <id|path> [--tier T] --from <ISO> --to <ISO>
 *   npm run --silent sla -- open --policy <id|path> [--tier T] --at <ISO>
 *   (the three queries also take [--zone Z] [--region R] [--format json|text] [--locale en|nl])
 *   npm run --silent sla -- report --policy <id|path> --from zendesk|topdesk --tickets <dir|file.ndjson|->
 *                            --period 2026-05|2026-Q2|2026-03-01..2026-05-31 [--format json|html|csv] …
 *                            (the service report: scripts/sla-report.ts)
 *
 * Prints only its result on stdout. Exit codes: 0 ok, 2 invalid policy or bad input (one line on
 * stderr naming the field, or for `check` every problem on stdout), 1 unexpected failure.
 */
import { HELPDESK_IDS } from '../lib/helpdesks/catalog.ts';
import { neutralFromPayloads } from '../lib/helpdesks/index.ts';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { BUILTIN_POLICIES, getBuiltinPolicy } from '../policies/index.ts';
import { streamDue, type StreamOptions } from './sla-stream.ts';
import {
  AMOUNT_UNITS,
  deadlineAfter,
  durationLabel,
  evaluate,
  formatDuration,
  formatInstant,
  holidayRules,
  holidaySetId,
  holidaysInYear,
  isIsoInstant,
  isValidZone,
  openAt,
  UNITS,
  zoneClock,
  businessTimeBetween,
  type CalendarChange,
  type Unit,
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

/** `--from`: every helpdesk in the catalog. */
const FROM = HELPDESK_IDS.join('|');

const USAGE = `usage:
  sla check <policy.json>
  sla due --policy <id|path> --ticket <file|-> [--now <ISO>] [--format json|text] [--locale en|nl]
          [--from zendesk|topdesk [--audits <file>[,<file>…]] [--mapping <file>] [--host <host>]]
  sla due --policy <id|path> --ndjson [--now <ISO>] [--from ${FROM}] [--output due|full] < tickets
  sla add --policy <id|path> [--tier <tier>] --from <ISO> --amount <n> --unit <unit>
  sla between --policy <id|path> [--tier <tier>] --from <ISO> --to <ISO>
  sla open --policy <id|path> [--tier <tier>] --at <ISO>
      (add, between, open: [--zone <IANA>] [--region <NL|BE|DE-BY…>] [--format json|text] [--locale en|nl])
  sla report --policy <id|path> --from ${FROM} --tickets <dir|file.ndjson|-> --period <2026-05|2026-Q2|2026-03-01..2026-05-31>
          [--tier <tier>] [--lang en|nl] [--format json|html|csv] [--zone <IANA>] [--now <ISO>] [--mapping <file>] [--host <host>]
          [--customer <name>]`;

/** Flags that take no value. */
const SWITCHES = new Set(['ndjson']);

export class CliError extends Error {
  constructor(
    message: string,
    readonly code = 2,
  ) {
    super(message);
  }
}

export function parseArgs(
  args: string[],
  usage = USAGE,
): { positional: string[]; flags: Map<string, string> } {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) flags.set(a.slice(2, eq), a.slice(eq + 1));
      else if (SWITCHES.has(a.slice(2))) flags.set(a.slice(2), 'true');
      else {
        const v = args[i + 1];
        if (v === undefined || (v.startsWith('--') && v !== '-'))
          throw new CliError(`${a}: missing value\n${usage}`);
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
    `zone ${p.timezone}${p.useTicketTimezone ? ' (or the ticket’s)' : ''}` +
    (p.useTicketHolidays ? ', holidays of the ticket’s region (these sets without one)' : '');
  // the names of each holiday set (this year's), so an author sees what `except` can leave out
  const year = zoneClock(p.timezone).parts(env.now()).year;
  const lines = [summary];
  for (const [id, cal] of Object.entries(p.calendars))
    for (const rule of holidayRules(cal)) {
      const left = rule.except.map(
        (e) => e.holiday + (e.everyNthYear ? ` (kept every ${e.everyNthYear} years)` : ''),
      );
      lines.push(
        `  holidays ${id} ${rule.set} ${year}: ${holidaysInYear(rule.set, year)
          .map((h) => h.name.en)
          .join(', ')}` + (left.length ? `; left out: ${left.join(', ')}` : ''),
      );
    }
  return { code: 0, stdout: lines.join('\n') + '\n', stderr: '' };
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

export function readJson(env: CliEnv, ref: string, what: string): unknown {
  const text = readText(env, ref, what);
  try {
    return JSON.parse(text);
  } catch {
    const r = parsePolicyText(text);
    throw new CliError(`${what}: ${!r.ok ? r.issues[0]!.message : 'invalid JSON'}`);
  }
}

/** Refuses options a command does not know. */
export function onlyFlags(
  flags: Map<string, string>,
  allowed: readonly string[],
  command: string,
  usage = USAGE,
): void {
  for (const k of flags.keys())
    if (!allowed.includes(k)) throw new CliError(`--${k}: unknown option for ${command}\n${usage}`);
}

/** The value of an option limited to a few words (the first is the default). */
export function choice<T extends string>(flags: Map<string, string>, name: string, allowed: readonly T[]): T {
  const v = flags.get(name) ?? allowed[0]!;
  if (!(allowed as readonly string[]).includes(v))
    throw new CliError(`--${name}: must be ${allowed.join(' or ')}, got "${v}"`);
  return v as T;
}

/** --policy: a built-in id or a path, loaded and validated. */
export function policyFlag(env: CliEnv, flags: Map<string, string>, usage = USAGE): Policy {
  const ref = flags.get('policy');
  if (!ref) throw new CliError(`--policy: missing (a built-in id or a path)\n${usage}`);
  return loadPolicy(env, ref);
}

/** An ISO instant option as epoch ms; `fallback` when absent (or a "missing" error without one). */
export function instantFlag(flags: Map<string, string>, name: string, fallback?: () => number): number {
  const v = flags.get(name);
  if (v === undefined) {
    if (fallback) return fallback();
    throw new CliError(`--${name}: missing (an ISO date-time like 2026-03-13T16:00:00+01:00)`);
  }
  if (!isIsoInstant(v))
    throw new CliError(
      `--${name}: malformed date "${v}" (expected ISO 8601 with offset, e.g. 2026-02-04T17:30:00+01:00)`,
    );
  return Date.parse(v);
}

function due(env: CliEnv, flags: Map<string, string>): CliResult {
  onlyFlags(
    flags,
    ['policy', 'ticket', 'now', 'format', 'locale', 'from', 'audits', 'mapping', 'host'],
    'due',
  );
  const ticketRef = flags.get('ticket');
  if (!flags.get('policy')) policyFlag(env, flags);
  if (!ticketRef) throw new CliError(`--ticket: missing (a JSON file, or - for stdin)\n${USAGE}`);
  const format = choice(flags, 'format', ['json', 'text'] as const);
  const locale = choice(flags, 'locale', ['en', 'nl'] as const);
  const now = instantFlag(flags, 'now', env.now);
  const policy = policyFlag(env, flags);
  const from = flags.has('from') ? choice(flags, 'from', HELPDESK_IDS) : undefined;
  if (!from && (flags.has('audits') || flags.has('mapping')))
    throw new CliError(`--audits and --mapping need --from ${FROM} (raw helpdesk API bodies)`);
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
  const stdout =
    format === 'text'
      ? `${e.explanation}\n${ruleLines(e)}`
      : JSON.stringify(evaluationJson(e), null, 2) + '\n';
  return { code: 0, stdout, stderr: '' };
}

const QUERY_FLAGS = ['policy', 'tier', 'zone', 'region', 'format', 'locale'];

interface Query {
  policy: Policy;
  tier: string | undefined;
  where: { zone?: string; region?: string };
  format: 'json' | 'text';
  locale: 'en' | 'nl';
}

function queryArgs(env: CliEnv, command: string, flags: Map<string, string>, own: string[]): Query {
  onlyFlags(flags, [...QUERY_FLAGS, ...own], command);
  if (!flags.get('policy')) policyFlag(env, flags);
  const format = choice(flags, 'format', ['json', 'text'] as const);
  const locale = choice(flags, 'locale', ['en', 'nl'] as const);
  const zone = flags.get('zone');
  if (zone !== undefined && !isValidZone(zone))
    throw new CliError(`--zone: unknown time zone "${zone}" (use an IANA name like Europe/Amsterdam)`);
  let policy = policyFlag(env, flags);
  const region = flags.get('region');
  if (region !== undefined && holidaySetId(region) === null)
    throw new CliError(
      `--region: unknown holiday region "${region}" (a country or state as date-holidays names it: NL, BE, DE, DE-BY…)`,
    );
  // --zone and --region count for every policy here (a question about a calendar elsewhere)
  if (zone !== undefined || region !== undefined)
    policy = {
      ...policy,
      useTicketTimezone: zone !== undefined || policy.useTicketTimezone,
      useTicketHolidays: region !== undefined || policy.useTicketHolidays,
    };
  return { policy, tier: flags.get('tier'), where: { zone, region }, format, locale };
}

function changeJson(c: CalendarChange) {
  return {
    date: c.date,
    kind: c.kind,
    key: c.key,
    windows: c.windows,
    ...(c.label ? { label: c.label } : {}),
    ...(c.source ? { source: c.source } : {}),
  };
}

function changeText(c: CalendarChange, L: 'en' | 'nl'): string {
  const what =
    c.kind === 'hours'
      ? L === 'nl'
        ? `alleen open ${c.windows}`
        : `open only ${c.windows}`
      : c.kind === 'closed'
        ? L === 'nl'
          ? 'gesloten'
          : 'closed'
        : `${L === 'nl' ? 'gesloten' : 'closed'} ${c.windows}`;
  const why = [
    c.label?.[L],
    c.source ? `${L === 'nl' ? 'contractsectie' : 'contract section'} ${c.source}` : '',
  ]
    .filter(Boolean)
    .join('; ');
  return `  ${c.date}: ${what}${why ? ` (${why})` : ''}`;
}

function out(q: Query, json: Record<string, unknown>, text: string[]): CliResult {
  return {
    code: 0,
    stdout: q.format === 'text' ? text.join('\n') + '\n' : JSON.stringify(json, null, 2) + '\n',
    stderr: '',
  };
}

function inputError(e: unknown): never {
  if (e instanceof SlaInputError) throw new CliError(`--${e.field}: ${e.message.slice(e.field.length + 2)}`);
  throw e;
}

function add(env: CliEnv, flags: Map<string, string>): CliResult {
  const q = queryArgs(env, 'add', flags, ['from', 'amount', 'unit']);
  const from = instantFlag(flags, 'from');
  const unit = flags.get('unit');
  if (!unit || !(UNITS as readonly string[]).includes(unit) || unit === 'none')
    throw new CliError(
      `--unit: ${unit ? `unknown unit "${unit}"` : 'missing'} (known: ${UNITS.filter((u) => u !== 'none').join(', ')})`,
    );
  const amountText = flags.get('amount');
  const needsAmount = (AMOUNT_UNITS as readonly string[]).includes(unit);
  const amount = amountText === undefined ? undefined : Number(amountText);
  if (needsAmount && (amount === undefined || !(amount > 0)))
    throw new CliError(
      `--amount: ${amountText === undefined ? 'missing' : `"${amountText}" is not a positive number`} (unit "${unit}" needs an amount, e.g. --amount 8)`,
    );
  if (!needsAmount && amount !== undefined) throw new CliError(`--amount: unit "${unit}" takes no amount`);
  if ((unit === 'weeks' || unit === 'months') && !Number.isInteger(amount))
    throw new CliError(`--amount: ${unit} must be a whole number, got ${amountText}`);
  let r;
  try {
    r = deadlineAfter(q.policy, q.tier, from, { unit: unit as Unit, amount }, q.where)!;
  } catch (e) {
    inputError(e);
  }
  const z = zoneClock(r.zone);
  const f = (ms: number) => formatInstant(ms, z, q.locale);
  const label = durationLabel({ unit: unit as Unit, amount })[q.locale];
  return out(
    q,
    {
      policy: q.policy.id,
      tier: q.tier ?? q.policy.defaultTier,
      zone: r.zone,
      from: z.iso(from),
      clockStart: z.iso(r.start),
      due: z.iso(r.due),
      unit,
      ...(amount !== undefined ? { amount } : {}),
      businessTime: r.business,
      targetMs: r.ms,
      changes: r.changes.map(changeJson),
    },
    [
      `${label} after ${f(from)}: due ${f(r.due)} (${r.zone})${r.start !== from ? `; the clock starts ${f(r.start)}` : ''}.`,
      ...r.changes.map((c) => changeText(c, q.locale)),
    ],
  );
}

function between(env: CliEnv, flags: Map<string, string>): CliResult {
  const q = queryArgs(env, 'between', flags, ['from', 'to']);
  const a = instantFlag(flags, 'from');
  const b = instantFlag(flags, 'to');
  let ms: number;
  let r;
  try {
    ms = businessTimeBetween(q.policy, q.tier, a, b, q.where);
    r = openAt(q.policy, q.tier, a, q.where);
  } catch (e) {
    inputError(e);
  }
  const z = zoneClock(r.zone);
  return out(
    q,
    {
      policy: q.policy.id,
      tier: q.tier ?? q.policy.defaultTier,
      zone: r.zone,
      from: z.iso(a),
      to: z.iso(b),
      businessMs: ms,
      business: formatDuration(ms, q.locale, { largest: 'h' }),
      elapsedMs: b - a,
    },
    [
      `${formatDuration(ms, q.locale, { largest: 'h' })} of business time between ${formatInstant(a, z, q.locale)} and ${formatInstant(b, z, q.locale)} (${r.zone}).`,
    ],
  );
}

function open(env: CliEnv, flags: Map<string, string>): CliResult {
  const q = queryArgs(env, 'open', flags, ['at']);
  const at = instantFlag(flags, 'at');
  let r;
  try {
    r = openAt(q.policy, q.tier, at, q.where);
  } catch (e) {
    inputError(e);
  }
  const z = zoneClock(r.zone);
  const f = (ms: number) => formatInstant(ms, z, q.locale);
  return out(
    q,
    {
      policy: q.policy.id,
      tier: q.tier ?? q.policy.defaultTier,
      zone: r.zone,
      at: z.iso(at),
      open: r.open,
      nextOpen: r.open ? null : z.iso(r.opensAt),
      nextClose: z.iso(r.closesAt),
      changes: r.changes.map(changeJson),
    },
    [
      r.open
        ? `Open at ${f(at)}; closes ${f(r.closesAt)} (${r.zone}).`
        : `Closed at ${f(at)}; opens ${f(r.opensAt)}, closes ${f(r.closesAt)} (${r.zone}).`,
      ...r.changes.map((c) => changeText(c, q.locale)),
    ],
  );
}

/** Options of `due --ndjson`, checked before any input is read. */
export function streamOptions(env: CliEnv, flags: Map<string, string>): StreamOptions {
  onlyFlags(flags, ['policy', 'ndjson', 'now', 'from', 'output', 'locale', 'host'], 'due --ndjson');
  if (!flags.get('policy')) policyFlag(env, flags);
  const output = choice(flags, 'output', ['due', 'full'] as const);
  const locale = choice(flags, 'locale', ['en', 'nl'] as const);
  const from = flags.has('from') ? choice(flags, 'from', HELPDESK_IDS) : undefined;
  const now = instantFlag(flags, 'now', env.now);
  return {
    policy: policyFlag(env, flags),
    now,
    output,
    locale,
    ...(from ? { from } : {}),
    ...(flags.has('host') ? { host: flags.get('host')! } : {}),
    full: evaluationJson,
  };
}

/** Runs `due --ndjson` over chunks of input text, writing result lines; the exit code is 2 if a line was bad. */
export async function runStream(
  args: string[],
  env: CliEnv,
  input: AsyncIterable<string>,
  write: (chunk: string) => void | Promise<void>,
): Promise<{ code: number; stderr: string }> {
  let opts: StreamOptions;
  try {
    opts = streamOptions(env, parseArgs(args.slice(1)).flags);
  } catch (e) {
    if (e instanceof CliError) return { code: e.code, stderr: e.message + '\n' };
    throw e;
  }
  const r = await streamDue(opts, input, write);
  return {
    code: r.bad ? 2 : 0,
    stderr: r.bad ? `${r.bad} of ${r.lines} line(s) could not be evaluated (see the "error" lines)\n` : '',
  };
}

/** Runs the CLI without touching the process (for tests). */
export function runCli(args: string[], env: CliEnv): CliResult {
  try {
    const [command, ...rest] = args;
    const { positional, flags } = parseArgs(rest);
    if (command === 'check') return check(env, positional[0]);
    if (command === 'due' && flags.has('ndjson'))
      throw new CliError(
        'due --ndjson reads a stream: run it as a process (sla due --policy P --ndjson < tickets.ndjson)',
      );
    if (command === 'due') return due(env, flags);
    if (command === 'report')
      throw new CliError(
        'report reads a stream of tickets: run it as a process (sla report --policy P --from zendesk --tickets DIR --period 2026-05)',
      );
    if (command === 'add') return add(env, flags);
    if (command === 'between') return between(env, flags);
    if (command === 'open') return open(env, flags);
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
  const args = process.argv.slice(2);
  const env: CliEnv = {
    read: (p) => readFileSync(p === '-' ? 0 : p, 'utf8'),
    now: () => Date.now(),
  };
  if (args[0] === 'report') {
    const stdin = () => createInterface({ input: process.stdin, crlfDelay: Infinity });
    void import('./sla-report.ts').then(async ({ runReport }) => {
      const r = await runReport(args.slice(1), { ...env, stdin });
      process.stdout.write(r.stdout);
      process.stderr.write(r.stderr);
      if (process.env.SLA_STATS && r.stats)
        process.stderr.write(
          `${r.stats}; peak rss ${Math.round(process.resourceUsage().maxRSS / 1024)} MB\n`,
        );
      process.exitCode = r.code;
    });
  } else if (args[0] === 'due' && args.includes('--ndjson')) {
    // chunks of text, not readline's lines: sla-stream.ts splits them (LineSplitter)
    process.stdin.setEncoding('utf8');
    const write = (chunk: string) =>
      process.stdout.write(chunk) ? undefined : new Promise<void>((r) => process.stdout.once('drain', r));
    void runStream(args, env, process.stdin, write).then((r) => {
      process.stderr.write(r.stderr);
      if (process.env.SLA_STATS)
        process.stderr.write(`peak rss ${Math.round(process.resourceUsage().maxRSS / 1024)} MB\n`);
      process.exitCode = r.code;
    });
  } else {
    const r = runCli(args, env);
    process.stdout.write(r.stdout);
    process.stderr.write(r.stderr);
    process.exitCode = r.code;
  }
}

/** The policy rule (JSON path) behind each metric, for the admin reading the CLI's text. */
function ruleLines(e: Evaluation): string {
  return (['response', 'resolution'] as const)
    .flatMap((name) => {
      const rule = e.metrics[name]?.rule;
      return rule ? [`Rule ${rule} (${name})\n`] : [];
    })
    .join('');
}
