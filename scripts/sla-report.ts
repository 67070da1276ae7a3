/**
 * `sla report`: the contract's service report from saved helpdesk payloads, with the page's code.
 *
 *   sla report --policy <id|path> --from zendesk|topdesk --tickets <dir|file.ndjson|->
 *              --period 2026-05|2026-Q2|2026-03-01..2026-05-31 [--tier T] [--lang en|nl]
 *              [--format json|html|csv] [--zone IANA] [--now ISO] [--mapping file] [--host host]
 *              [--customer NAME]
 *
 * Each ticket goes the worker's way: `ticketInputs` (lib/background/compliance-history.ts: the
 * adapter's normaliser with the host's mapping, then the engine) → `upsertEntry` → `finishedRecords`,
 * and the report is `buildServiceReport` (lib/report) as the page's worker builds it; JSON is the
 * page's JSON export, CSV its CSV export, HTML the page's Preact view (components/report/ReportView)
 * rendered to a self-contained printable file.
 *
 * Streaming: the input is read line by line (NDJSON) or file by file (a directory) and folded as it
 * arrives. Only what the report needs is kept: the tickets finished in the period as registry entries
 * (their breaches are explained by evaluating them again, as on the page), and a compact record (no
 * subject, link or instants) of each ticket finished in the 12 trend months outside it.
 *
 * Input: an NDJSON line is a ticket's API body as saved (what `sla due --ndjson --from` reads), with
 * Zendesk's audit pages under `"audits"`: `{"ticket":{…},"audits":[{"audits":[…],"users":[…]}]}`; a
 * TOPdesk line is the incident. A directory holds `*.ndjson` files and `*.json` files, one ticket each,
 * whose audit pages sit beside them as `audits-<id>*.json` (`ticket-1001.json`, `audits-1001-page1.json`).
 * A bad ticket stops the report: exit 2 and one line naming the file and line.
 */
import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import { performance } from 'node:perf_hooks';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { ReportView } from '../components/report/ReportView.tsx';
import { reportStrings } from '../components/report/strings.ts';
import { ticketInputs } from '../lib/background/compliance-history.ts';
import { finishedRecords, type FinishedRecord } from '../lib/compliance/index.ts';
import { HELPDESK_IDS, exampleHost, type HelpdeskId } from '../lib/helpdesks/catalog.ts';
import { HostMappingSchema, WORKERS } from '../lib/helpdesks/index.ts';
import type { ReportModel } from '../lib/messaging/report.ts';
import { emptyRegistry, registryKey, upsertEntry, type RegistryEntry } from '../lib/registry/index.ts';
import {
  buildServiceReport,
  monthPeriod,
  quarterPeriod,
  resolveReportPeriod,
  serviceReportCsv,
  trendMonths,
  type ReportPeriod,
  type ReportRange,
  type ServiceReport,
} from '../lib/report/index.ts';
import { isOutage, outageRules, type OutageRule } from '../lib/report/availability.ts';
import { isValidZone, jsonSyntaxIssue, type Policy } from '../lib/sla/index.ts';
import { DEFAULT_PREFERENCES, type Assignment } from '../lib/storage/schemas.ts';
import {
  choice,
  CliError,
  instantFlag,
  onlyFlags,
  parseArgs,
  policyFlag,
  readJson,
  type CliEnv,
  type CliResult,
} from './sla.ts';

export const REPORT_USAGE = `usage:
  sla report --policy <id|path> --from ${HELPDESK_IDS.join('|')} --tickets <dir|file.ndjson|->
             --period <2026-05|2026-Q2|2026-03-01..2026-05-31> [--tier <tier>] [--lang en|nl]
             [--format json|html|csv] [--zone <IANA>] [--now <ISO>] [--mapping <file>] [--host <host>]
             [--customer <name>]`;

const PERIOD_HELP = 'a month 2026-05, a quarter 2026-Q2 or days 2026-03-01..2026-05-31';

/** `--period` as lib/report's period. */
export function parsePeriod(
  text: string | undefined,
  zone: string,
): { period: ReportPeriod; range: ReportRange } {
  if (text === undefined) throw new CliError(`--period: missing (${PERIOD_HELP})`);
  const days = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(text);
  const period: ReportPeriod | null =
    monthPeriod(text) ??
    quarterPeriod(text) ??
    (days ? { kind: 'range', from: days[1]!, to: days[2]! } : null);
  const bad = () => new CliError(`--period: "${text}" is not a period (${PERIOD_HELP})`);
  if (!period) throw bad();
  try {
    return { period, range: resolveReportPeriod(period, zone) };
  } catch {
    throw bad();
  }
}

/** A record kept only for the trend: what computeCompliance counts, nothing it shows. */
function trendOnly(r: FinishedRecord): FinishedRecord {
  const metrics: FinishedRecord['metrics'] = {};
  for (const [name, m] of Object.entries(r.metrics) as Array<
    [keyof FinishedRecord['metrics'], NonNullable<FinishedRecord['metrics']['response']>]
  >)
    metrics[name] = { state: m.state, goalState: m.goalState, dueAt: null, goalAt: null, stoppedAt: null };
  return { ...r, ticketKey: '', subject: '', link: '', metrics };
}

/**
 * What the report needs of a stream of evaluated tickets: the period's finished registry entries,
 * compact records of the trend months around it, and — when the host selects outages — every ticket
 * that may be one and was not finished before the availability's period began (open ones too, as the
 * page's registry has them), kept whole. A ticket seen again (a later save) replaces the earlier one.
 */
export class ReportFold {
  readonly period = new Map<string, RegistryEntry>();
  readonly trend = new Map<string, FinishedRecord>();
  /** Possible outage tickets outside the period's finished ones (open, or finished after `from`). */
  readonly outages = new Map<string, RegistryEntry>();
  /** Tickets read, not finished, finished outside the period and trend, or of another tier. */
  readonly counts = { read: 0, open: 0, outside: 0, otherTier: 0 };
  private readonly window: { from: number; to: number };

  constructor(
    private readonly range: ReportRange,
    private readonly tier: string | undefined,
    /** The host's outage rule and the start of the availability's months (the policy's zone). */
    private readonly outage?: { rule: OutageRule; from: number },
  ) {
    const months = trendMonths(range);
    this.window = { from: months[0]!.from, to: months[months.length - 1]!.to };
  }

  /** The rule does not rule it out (unknown facts are listed by the report), and it may overlap the period. */
  private mayBeOutage(entry: RegistryEntry, closedAt: number | null): boolean {
    if (!this.outage || (closedAt !== null && closedAt < this.outage.from)) return false;
    const facts = { tags: entry.facts?.tags, type: entry.evaluation?.type };
    return isOutage(this.outage.rule, facts) !== false;
  }

  /** The registry entries for `buildServiceReport`: the period's and the possible outages. */
  entries(): RegistryEntry[] {
    return [...this.period.values(), ...this.outages.values()];
  }

  add(entry: RegistryEntry): void {
    this.counts.read++;
    this.period.delete(entry.key);
    this.trend.delete(entry.key);
    this.outages.delete(entry.key);
    const record = finishedRecords([entry])[0];
    const ofTier = (tier: string | null | undefined) => this.tier === undefined || tier === this.tier;
    if (!record) {
      if (this.mayBeOutage(entry, null) && ofTier(entry.evaluation?.tier)) this.outages.set(entry.key, entry);
      else this.counts.open++;
      return;
    }
    if (!ofTier(record.tier)) {
      this.counts.otherTier++;
      return;
    }
    const t = record.closedAt;
    if (t >= this.range.from && t < this.range.to) this.period.set(entry.key, entry);
    else if (this.mayBeOutage(entry, t)) this.outages.set(entry.key, entry);
    else if (t >= this.window.from && t < this.window.to) this.trend.set(entry.key, trendOnly(record));
    else this.counts.outside++;
  }
}

/** One ticket's saved files (or NDJSON line), and where it came from ("file:line"). */
interface Item {
  where: string;
  files: { ticket: unknown; audits?: unknown[] };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** An NDJSON line: the ticket body with its audit pages, if any, under `audits`. */
function lineItem(text: string, where: string): Item {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new CliError(
      `${where}: ${jsonSyntaxIssue(text).message.replace(/^invalid JSON at line 1, /, 'invalid JSON at ')} — one ticket per line, as saved from the helpdesk API`,
    );
  }
  if (!isObject(json))
    throw new CliError(
      `${where}: expected a ticket (a JSON object), got ${Array.isArray(json) ? 'an array' : typeof json}`,
    );
  const { audits, ...ticket } = json;
  if (audits !== undefined && !Array.isArray(audits))
    throw new CliError(`${where}: "audits" must be an array of the audits API's pages`);
  return { where, files: { ticket, ...(audits ? { audits } : {}) } };
}

async function* ndjsonItems(lines: AsyncIterable<string>, name: string): AsyncGenerator<Item> {
  let n = 0;
  for await (const raw of lines) {
    n++;
    if (raw.trim()) yield lineItem(raw, `${name}:${n}`);
  }
}

function fileLines(path: string): AsyncIterable<string> {
  return createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
}

function readJsonFile(path: string): unknown {
  const text = readFileSync(path, 'utf8');
  try {
    return JSON.parse(text);
  } catch {
    throw new CliError(
      `${path}: ${jsonSyntaxIssue(text).message} — save the helpdesk API's answer unchanged`,
    );
  }
}

const byName = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

/** A directory: its `*.ndjson` files line by line, its `*.json` tickets with their `audits-…` pages. */
async function* dirItems(dir: string): AsyncGenerator<Item> {
  const names = readdirSync(dir).sort(byName);
  const audits = names.filter((n) => n.startsWith('audits-') && n.endsWith('.json'));
  for (const name of names) {
    const path = join(dir, name);
    if (name.endsWith('.ndjson')) yield* ndjsonItems(fileLines(path), path);
    else if (name.endsWith('.json') && !name.startsWith('audits-')) {
      const id = basename(name, '.json').replace(/^ticket-/, '');
      const pages = audits
        .filter((a) => a === `audits-${id}.json` || a.startsWith(`audits-${id}-`))
        .flatMap((a) => {
          const v = readJsonFile(join(dir, a));
          return Array.isArray(v) ? v : [v];
        });
      yield {
        where: path,
        files: { ticket: readJsonFile(path), ...(pages.length ? { audits: pages } : {}) },
      };
    }
  }
}

export interface ReportEnv extends CliEnv {
  /** stdin's lines, for `--tickets -`. */
  stdin(): AsyncIterable<string>;
}

interface ReportOptions {
  policy: Policy;
  from: HelpdeskId;
  tickets: string;
  period: ReportPeriod;
  range: ReportRange;
  zone: string;
  now: number;
  locale: 'en' | 'nl';
  format: 'json' | 'html' | 'csv';
  tier: string | undefined;
  mapping: Record<string, unknown> | undefined;
  host: string;
  /** Only this customer's tickets (the archived `customer`); undefined: all customers. */
  customer: string | undefined;
}

function reportOptions(env: CliEnv, flags: Map<string, string>): ReportOptions {
  onlyFlags(
    flags,
    [
      'policy',
      'from',
      'tickets',
      'period',
      'tier',
      'lang',
      'format',
      'zone',
      'now',
      'mapping',
      'host',
      'customer',
    ],
    'report',
    REPORT_USAGE,
  );
  const policy = policyFlag(env, flags, REPORT_USAGE);
  if (!flags.has('from'))
    throw new CliError(`--from: missing (${HELPDESK_IDS.join(' or ')}: whose API bodies the tickets are)`);
  const from = choice(flags, 'from', HELPDESK_IDS);
  const tickets = flags.get('tickets');
  if (!tickets)
    throw new CliError(`--tickets: missing (a directory, an NDJSON file, or - for stdin)\n${REPORT_USAGE}`);
  const zone = flags.get('zone') ?? policy.timezone;
  if (!isValidZone(zone))
    throw new CliError(`--zone: unknown time zone "${zone}" (use an IANA name like Europe/Amsterdam)`);
  const { period, range } = parsePeriod(flags.get('period'), zone);
  const tier = flags.get('tier');
  if (tier !== undefined && !policy.tiers.some((t) => t.id === tier))
    throw new CliError(
      `--tier: "${tier}" is not a tier of ${policy.id} (known: ${policy.tiers.map((t) => t.id).join(', ')})`,
    );
  let mapping: Record<string, unknown> | undefined;
  if (flags.has('mapping')) {
    const file = flags.get('mapping')!;
    const json = readJson(env, file, `mapping ${file}`);
    const m = HostMappingSchema.safeParse(json);
    if (!m.success) {
      const i = m.error.issues[0]!;
      throw new CliError(
        `--mapping: ${file} is invalid at ${i.path.join('.') || '(top)'}: ${i.message} — see lib/helpdesks/README.md`,
      );
    }
    mapping = json as Record<string, unknown>; // as stored in an assignment: the adapter validates it again
  }
  return {
    policy,
    from,
    tickets,
    period,
    range,
    zone,
    now: instantFlag(flags, 'now', env.now),
    locale: choice(flags, 'lang', ['en', 'nl'] as const),
    format: choice(flags, 'format', ['json', 'html', 'csv'] as const),
    tier,
    mapping,
    host: flags.get('host') ?? exampleHost(from),
    customer: flags.get('customer'),
  };
}

function items(o: ReportOptions, env: ReportEnv): AsyncIterable<Item> {
  if (o.tickets === '-') return ndjsonItems(env.stdin(), 'stdin');
  let dir: boolean;
  try {
    dir = statSync(o.tickets).isDirectory();
  } catch (e) {
    throw new CliError(
      `--tickets: cannot read ${o.tickets} (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  return dir ? dirItems(o.tickets) : ndjsonItems(fileLines(o.tickets), o.tickets);
}

/** The assignment the command line stands for: `--host` with `--mapping`, as Options stores it. */
function cliAssignment(o: ReportOptions): Assignment {
  return {
    host: o.host.toLowerCase(),
    helpdesk: o.from,
    policyId: o.policy.id,
    ...(o.mapping ? { mapping: o.mapping } : {}),
  };
}

/** Reads every ticket into the fold, the worker's way; throws a CliError naming the first bad one. */
export async function foldTickets(o: ReportOptions, input: AsyncIterable<Item>): Promise<ReportFold> {
  const assignment = cliAssignment(o);
  const rule = outageRules([assignment])[0]?.rule;
  const fold = new ReportFold(
    o.range,
    o.tier,
    rule && o.policy.report?.availability
      ? { rule, from: resolveReportPeriod(o.period, o.policy.timezone).from }
      : undefined,
  );
  const unreadable: string[] = [];
  const toInput = ticketInputs(assignment, o.policy, { preferences: DEFAULT_PREFERENCES }, o.now, unreadable);
  const worker = WORKERS[o.from];
  for await (const item of input) {
    const input = toInput({ ticketKey: item.where }, worker.payloadFromFiles(item.files));
    if (!input || !input.evaluation) {
      const why = (unreadable.pop() ?? `${item.where}: could not be evaluated`).slice(item.where.length + 2);
      throw new CliError(
        `${item.where}: ${why}${/--mapping|Options/.test(why) ? ' (on the command line: --mapping <file>)' : ''}`,
      );
    }
    const entry = upsertEntry(emptyRegistry(), input, o.now).entries[
      registryKey(input.helpdesk, input.host, input.ticketId)
    ];
    if (entry) fold.add(entry);
  }
  return fold;
}

/** The page's model around the report, for its view. */
export function reportModel(
  o: Pick<ReportOptions, 'policy' | 'period' | 'locale' | 'zone'>,
  report: ServiceReport,
  computeMs: number,
): ReportModel {
  return {
    policies: [{ id: o.policy.id, name: o.policy.name }],
    policyId: o.policy.id,
    period: o.period,
    locale: o.locale,
    uiLanguage: o.locale,
    timeZone: o.zone,
    customer: report.customer ?? null,
    report,
    error: null,
    computeMs,
  };
}

const STYLE = new URL('../entrypoints/report/style.css', import.meta.url);

const escapeHtml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The page's view as one printable file: its stylesheet inline, the controls left out. */
export function reportHtml(m: ReportModel): string {
  const none = () => {};
  const body = renderToString(h(ReportView, { model: m, onRequest: none, onExport: none, onPrint: none }));
  const title = `${reportStrings[m.locale].title}${m.report ? `: ${m.report.policy.name}` : ''}`;
  return `<!doctype html>
<html lang="${m.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
${readFileSync(STYLE, 'utf8')}
.report-controls { display: none; }
</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** `--customer` naming no customer of the period's tickets: what it named, and the ones present. */
function unknownCustomer(o: ReportOptions, report: ServiceReport): string {
  const present = report.customers.length
    ? `customers present: ${report.customers.map((c) => `"${c}"`).join(', ')}`
    : "no ticket of the period has a customer (see the mapping's customerField)";
  return `--customer: no ticket of ${o.policy.id} in ${report.range.firstDay}..${report.range.lastDay} has the customer "${o.customer}" (${present})`;
}

/** Runs `sla report` (args without the leading "report"). */
export async function runReport(args: string[], env: ReportEnv): Promise<CliResult & { stats?: string }> {
  try {
    const o = reportOptions(env, parseArgs(args, REPORT_USAGE).flags);
    const t0 = performance.now();
    const fold = await foldTickets(o, items(o, env));
    const t1 = performance.now();
    const report = buildServiceReport({
      policy: o.policy,
      entries: fold.entries(),
      archive: [...fold.trend.values()],
      period: o.period,
      zone: o.zone,
      now: o.now,
      locale: o.locale,
      customer: o.customer ?? null,
      outageRules: outageRules([cliAssignment(o)]),
    });
    if (o.customer !== undefined && !report.customers.includes(o.customer))
      throw new CliError(unknownCustomer(o, report));
    const computeMs = Math.round(performance.now() - t1);
    const stdout =
      o.format === 'json'
        ? JSON.stringify(report, null, 2) + '\n'
        : o.format === 'csv'
          ? serviceReportCsv(report)
          : reportHtml(reportModel(o, report, computeMs));
    const c = fold.counts;
    const secs = (t1 - t0) / 1000;
    return {
      code: 0,
      stdout,
      stderr: '',
      stats:
        `${c.read} ticket(s) read in ${secs.toFixed(1)} s (${Math.round(c.read / Math.max(secs, 1e-3))} tickets/s): ` +
        `${fold.period.size} in the period, ${fold.trend.size} in the other trend months, ` +
        `${fold.outages.size} other possible outage(s), ${c.open} not finished, ` +
        `${c.outside} outside${o.tier ? `, ${c.otherTier} of another tier` : ''}; report computed in ${computeMs} ms`,
    };
  } catch (e) {
    if (e instanceof CliError) return { code: e.code, stdout: '', stderr: e.message + '\n' };
    return { code: 1, stdout: '', stderr: `internal error: ${e instanceof Error ? e.message : String(e)}\n` };
  }
}
