/**
 * npm run bench — the engine's hot path against a naive luxon day-stepping baseline on the same
 * inputs. Prints ns/op (median of batches) with the ratio, the table-build cost, the worker's
 * re-evaluation of a 10,000-entry registry and the popup snapshot it writes after, compliance over the
 * registry and a full compliance archive (and that archive's stored size), checksums of the
 * 10,000-ticket results (recomputed in
 * child processes under other TZs: they must be identical) and PASS/FAIL per target. It never fails
 * the build (exit code 0 whatever the timings); it is not part of `npm test`.
 *
 * Then the queue watch's requests per poll and worker time (scripts/bench-watch.ts), and the service
 * report over 10,000 finished tickets, its trend over 100,000 archived records, its view rendered to
 * HTML, and `sla report` over 200,000 tickets from NDJSON (scripts/bench-report.ts).
 *
 * `tsx scripts/bench.ts --checksums` only prints the checksums (what the TZ check runs).
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import { Bench } from 'tinybench';
import { BUILTIN_POLICIES, getBuiltinPolicy } from '../policies/index.ts';
import {
  CalendarTable,
  evaluate,
  holidaysInYear,
  toCalendarSpec,
  type NeutralTicket,
  type Policy,
} from '../lib/sla/index.ts';
import { deadline, type Measure } from '../lib/sla/clock.ts';
import { streamDue } from './sla-stream.ts';
import { WORKERS } from '../lib/helpdesks/workers.ts';
import { evaluationJson } from './sla.ts';
import { compilePolicy, findTarget } from '../lib/sla/policy.ts';
import { MAX_STORED_INTERVALS, reevaluateAll, summarizeEvaluation } from '../lib/registry/registry.ts';
import type { Registry, RegistryEntry } from '../lib/registry/types.ts';
import { buildQueueSnapshot } from '../lib/background/popup-model.ts';
import {
  archiveRecords,
  complianceGoalsFromPolicy,
  computeCompliance,
  finishedRecords,
  parseArchive,
  resolvePeriod,
  withArchive,
  type ComplianceArchive,
  type FinishedRecord,
} from '../lib/compliance/index.ts';

const H = 3_600_000;
const ZONE = 'Europe/Amsterdam';
const mextra = getBuiltinPolicy('mextra')!;
const SPEC = toCalendarSpec(mextra.calendars['service-window-1']!);

// deterministic pseudo-random inputs
let seed = 42;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const YEAR0 = Date.parse('2026-01-01T00:00:00Z');
const starts = Array.from({ length: 1000 }, () => YEAR0 + Math.floor(rnd() * 330 * 86_400_000));

// ---------------------------------------------------------------------------------------------
// The naive baseline: what one would write with luxon — step day by day, build each window.

function naiveClosed(spec: typeof SPEC, day: DateTime): boolean {
  if (!spec.holidays.length) return false;
  const iso = day.toISODate()!;
  return spec.holidays.some((s) => holidaysInYear(s, day.year).some((h) => h.date === iso));
}

function naiveWindows(spec: typeof SPEC, zone: string, day: DateTime): Array<[number, number]> {
  if (naiveClosed(spec, day)) return [];
  return spec.week[day.weekday - 1]!.map(([a, b]) => [
    day.set({ hour: Math.floor(a / 60), minute: a % 60 }).toMillis(),
    b === 1440
      ? day.plus({ days: 1 }).toMillis()
      : day.set({ hour: Math.floor(b / 60), minute: b % 60 }).toMillis(),
  ]);
}

function naiveAdd(spec: typeof SPEC, zone: string, start: number, ms: number): number {
  let rem = ms;
  for (let day = DateTime.fromMillis(start, { zone }).startOf('day'); ; day = day.plus({ days: 1 })) {
    for (const [ws, we] of naiveWindows(spec, zone, day)) {
      const s = Math.max(ws, start);
      if (we <= s) continue;
      if (we - s >= rem) return s + rem;
      rem -= we - s;
    }
  }
}

function naiveBetween(spec: typeof SPEC, zone: string, a: number, b: number): number {
  let sum = 0;
  for (
    let day = DateTime.fromMillis(a, { zone }).startOf('day');
    day.toMillis() < b;
    day = day.plus({ days: 1 })
  )
    for (const [ws, we] of naiveWindows(spec, zone, day)) {
      const s = Math.max(ws, a);
      const e = Math.min(we, b);
      if (e > s) sum += e - s;
    }
  return sum;
}

function naiveNextOpen(spec: typeof SPEC, zone: string, t: number): number {
  for (let day = DateTime.fromMillis(t, { zone }).startOf('day'); ; day = day.plus({ days: 1 }))
    for (const [ws, we] of naiveWindows(spec, zone, day)) if (we > t) return Math.max(ws, t);
}

/** A naive evaluation: the same rules, luxon day stepping instead of tables, no text. */
function naiveEvaluate(policy: Policy, ticket: NeutralTicket, now: number): Record<string, number | null> {
  const c = compilePolicy(policy);
  const tier = c.tiers.get(ticket.tier ?? policy.defaultTier)!;
  const zone = policy.useTicketTimezone && ticket.timezone ? ticket.timezone : policy.timezone;
  const spec = c.calendars.get(tier.calendar)!.spec;
  const dayMs = c.calendars.get(tier.calendar)!.dayMs;
  const created = DateTime.fromISO(ticket.createdAt).toMillis();
  const start = naiveNextOpen(spec, zone, created);
  const priority = ticket.priority ?? null;
  const m: Measure = {
    add: (t, ms) => naiveAdd(spec, zone, t, ms),
    between: (a, b) => naiveBetween(spec, zone, a, b),
    business: true,
  };
  const spans: Array<[number, number]> = [];
  let from: number | null = null;
  for (const e of ticket.events ?? []) {
    if (e.type !== 'status') continue;
    const at = DateTime.fromISO(e.at).toMillis();
    if (at > now) break;
    if (e.status === 'pending' || e.status === 'on-hold') from ??= at;
    else if (from !== null) {
      spans.push([Math.max(from, start), at]);
      from = null;
    }
  }
  if (from !== null) spans.push([Math.max(from, start), now]);
  const out: Record<string, number | null> = {};
  for (const metric of ['response', 'resolution'] as const) {
    const t = findTarget(policy, ticket.type ?? policy.defaultType, tier.id, priority, metric);
    if (!t) continue;
    const d = t.target.due;
    const n = d.amount ?? 0;
    const sp = metric === 'resolution' ? spans : [];
    if (d.unit === 'none') out[metric] = null;
    else if (d.unit === 'business-hours') out[metric] = deadline(m, start, n * H, sp);
    else if (d.unit === 'business-minutes') out[metric] = deadline(m, start, n * 60_000, sp);
    else if (d.unit === 'business-days') out[metric] = deadline(m, start, n * dayMs, sp);
    else if (d.unit === 'calendar-hours')
      out[metric] = deadline({ ...m, add: (a, ms) => a + ms, between: (a, b) => b - a }, start, n * H, sp);
    else if (d.unit === 'weeks' || d.unit === 'months') {
      const due = DateTime.fromMillis(start, { zone })
        .plus({ [d.unit]: n })
        .toMillis();
      out[metric] = deadline(
        { ...m, add: (a, ms) => a + ms, between: (a, b) => b - a },
        start,
        due - start,
        sp,
      );
    } else if (d.unit === 'next-business-day') {
      const startDay = DateTime.fromMillis(start, { zone }).startOf('day');
      let close = 0;
      for (let day = startDay.plus({ days: 1 }); !close; day = day.plus({ days: 1 })) {
        const w = naiveWindows(spec, zone, day);
        if (w.length) close = w[w.length - 1]![1];
      }
      out[metric] = deadline(m, start, naiveBetween(spec, zone, start, close), sp);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// 10,000 varied tickets over the five seed policies

function makeTickets(n: number): Array<{ policy: Policy; ticket: NeutralTicket; now: number }> {
  const zones = [
    'Europe/Amsterdam',
    'America/New_York',
    'America/Los_Angeles',
    'Asia/Tokyo',
    'Europe/London',
  ];
  const out: Array<{ policy: Policy; ticket: NeutralTicket; now: number }> = [];
  for (let i = 0; i < n; i++) {
    const policy = BUILTIN_POLICIES[i % BUILTIN_POLICIES.length]!;
    const created = YEAR0 + Math.floor(rnd() * 360 * 86_400_000);
    const tiers = policy.tiers.filter((t) => t.id !== 'community');
    const tier = tiers[Math.floor(rnd() * tiers.length)]!.id;
    const priority = policy.priorities[Math.floor(rnd() * policy.priorities.length)]!.id;
    const ticket: NeutralTicket = {
      createdAt: new Date(created).toISOString(),
      tier,
      priority,
      type: policy.defaultType,
    };
    if (policy.useTicketTimezone) ticket.timezone = zones[i % zones.length]!;
    if (rnd() < 0.4) {
      const p = created + Math.floor(rnd() * 2 * 86_400_000);
      ticket.events = [
        { at: new Date(p).toISOString(), type: 'status', status: 'pending' },
        { at: new Date(p + Math.floor(rnd() * 86_400_000)).toISOString(), type: 'status', status: 'open' },
      ];
    }
    out.push({ policy, ticket, now: created + Math.floor(rnd() * 5 * 86_400_000) });
  }
  return out;
}

const tickets = makeTickets(10_000);

// ---------------------------------------------------------------------------------------------
// A registry of 10,000 varied entries (the entry shape of lib/registry), as the worker reads it
// from storage: every ticket the evaluation summaries of a refresh 10 minutes earlier.

const REGISTRY_NOW = Date.parse('2026-06-15T10:00:00Z');
/** What the worker passes: no text, and only the open intervals the registry keeps. */
const WORKER_OPTIONS = { explain: false, maxIntervals: MAX_STORED_INTERVALS } as const;
const policyById = new Map(BUILTIN_POLICIES.map((p) => [p.id, p]));

function makeRegistry(n: number): Registry {
  const entries: Record<string, RegistryEntry> = {};
  const hosts = ['mextra.zendesk.com', 'support.membro.nl', 'w365.topdesk.net', 's4m.zendesk.com'];
  for (let i = 0; i < n; i++) {
    const policy = BUILTIN_POLICIES[i % BUILTIN_POLICIES.length]!;
    const created = REGISTRY_NOW - Math.floor(rnd() * 10 * 86_400_000);
    const tiers = policy.tiers.filter((t) => t.id !== 'community');
    const ticket: NeutralTicket = {
      createdAt: new Date(created).toISOString(),
      tier: tiers[Math.floor(rnd() * tiers.length)]!.id,
      type: policy.defaultType,
    };
    if (policy.matrix && rnd() < 0.5) {
      ticket.impact = policy.matrix.impact[Math.floor(rnd() * policy.matrix.impact.length)]!.id;
      ticket.urgency = policy.matrix.urgency[Math.floor(rnd() * policy.matrix.urgency.length)]!.id;
    } else ticket.priority = policy.priorities[Math.floor(rnd() * policy.priorities.length)]!.id;
    if (policy.useTicketTimezone)
      ticket.timezone = ['Europe/Amsterdam', 'America/New_York', 'Asia/Tokyo'][i % 3]!;
    const r = rnd();
    if (r < 0.3) {
      const p = created + Math.floor(rnd() * (REGISTRY_NOW - created));
      ticket.events = [{ at: new Date(p).toISOString(), type: 'reply', public: true, by: 'agent' }];
    } else if (r < 0.6) {
      const p = created + Math.floor(rnd() * (REGISTRY_NOW - created));
      ticket.events = [
        { at: new Date(p).toISOString(), type: 'status', status: 'pending' },
        ...(rnd() < 0.5
          ? [
              {
                at: new Date(p + Math.floor(rnd() * (REGISTRY_NOW - p))).toISOString(),
                type: 'status',
                status: 'open',
              } as const,
            ]
          : []),
      ];
    }
    const helpdesk = i % 3 === 0 ? 'topdesk' : 'zendesk';
    const host = hosts[i % hosts.length]!;
    const key = `${helpdesk}:${host}:${100_000 + i}`;
    const previous = evaluate(policy, ticket, REGISTRY_NOW - 600_000, WORKER_OPTIONS);
    entries[key] = {
      key,
      helpdesk,
      host,
      ticketId: String(100_000 + i),
      ticketKey: `#${100_000 + i}`,
      subject: `Ticket ${100_000 + i}`,
      link: `https://${host}/agent/tickets/${100_000 + i}`,
      ticket,
      policyId: policy.id,
      tier: previous.tier,
      evaluation: summarizeEvaluation(previous),
      lastSeen: REGISTRY_NOW - Math.floor(rnd() * 86_400_000),
      lastRefresh: REGISTRY_NOW - 600_000,
      source: i % 4 === 0 ? 'opened' : 'queue',
    };
  }
  // as read back from storage.local (plain JSON objects)
  return JSON.parse(JSON.stringify({ version: 2, entries })) as Registry;
}

/** The worker's engine binding: the entry's assigned policy, evaluated at `now`. */
function workerEvaluate(entry: RegistryEntry) {
  const policy = entry.policyId ? policyById.get(entry.policyId) : undefined;
  return policy ? evaluate(policy, entry.ticket, REGISTRY_NOW, WORKER_OPTIONS) : null;
}

const registry = makeRegistry(10_000);

/**
 * Checksums of the results, which must not depend on the machine's TZ: the deadlines (dueAt of both
 * metrics and the resolution state, as printed since the first benchmark) and the full JSON of every
 * evaluation (explanation text included) and of the re-evaluated registry.
 */
function checksums(): { deadlines: string; full: string; registry: string } {
  const deadlines = createHash('sha256');
  const full = createHash('sha256');
  for (const t of tickets) {
    const e = evaluate(t.policy, t.ticket, t.now);
    deadlines.update(
      `${e.metrics.response?.dueAt}|${e.metrics.resolution?.dueAt}|${e.metrics.resolution?.state}\n`,
    );
    full.update(JSON.stringify(e));
    full.update(JSON.stringify(evaluate(t.policy, t.ticket, t.now, { locale: 'nl', explain: true })));
  }
  const reg = createHash('sha256').update(
    JSON.stringify(reevaluateAll(registry, workerEvaluate, REGISTRY_NOW, { includeFinished: true })),
  );
  const hex = (h: ReturnType<typeof createHash>) => h.digest('hex').slice(0, 16);
  return { deadlines: hex(deadlines), full: hex(full), registry: hex(reg) };
}

/** The same checksums computed by this script in a child process under another TZ. */
function checksumsUnder(tz: string): string {
  const r = spawnSync(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url), '--checksums'],
    {
      env: { ...process.env, TZ: tz },
      encoding: 'utf8',
    },
  );
  return r.status === 0 ? r.stdout.trim() : `failed: ${r.stderr.trim().split('\n')[0]}`;
}

// ---------------------------------------------------------------------------------------------

interface Row {
  name: string;
  engineNs: number;
  naiveNs: number;
}

async function measure(fn: () => unknown, opsPerCall: number, time = 400, iterations = 10): Promise<number> {
  const b = new Bench({ time, iterations, warmup: true });
  b.add('x', fn);
  await b.run();
  const r = b.tasks[0]!.result as { latency?: { p50?: number } } | undefined;
  const p50 = r?.latency?.p50;
  if (p50 === undefined) throw new Error('benchmark failed');
  return (p50 * 1e6) / opsPerCall;
}

async function main() {
  const table = new CalendarTable(SPEC, ZONE);
  for (const s of starts) table.add(s, 200 * H); // build the tables the runs will use
  let sink = 0;
  const rows: Row[] = [];
  const addRow = async (
    name: string,
    engine: () => unknown,
    naive: () => unknown,
    engineOps: number,
    naiveOps: number,
  ) => {
    rows.push({
      name,
      engineNs: await measure(engine, engineOps),
      naiveNs: await measure(naive, naiveOps, 400, 5),
    });
  };
  const N = starts.length;
  const few = starts.slice(0, 20);
  for (const [name, hours] of [
    ['add 4 business hours', 4],
    ['add 40 business hours', 40],
    ['add 1 month (22 business days = 187 h)', 187],
  ] as const) {
    await addRow(
      name,
      () => {
        for (let i = 0; i < N; i++) sink += table.add(starts[i]!, hours * H);
      },
      () => {
        for (const s of few) sink += naiveAdd(SPEC, ZONE, s, hours * H);
      },
      N,
      few.length,
    );
  }
  // the same calendar with yearly 15:00 closings, a closed bridge day, a late opening and a meeting
  const overridden = new CalendarTable(
    {
      ...SPEC,
      dates: {
        '12-24': { windows: [[540, 900]] },
        '12-31': { windows: [[540, 900]] },
        '2026-05-15': { windows: [] },
        '2026-06-04': { windows: [[660, 1050]] },
      },
      closings: [{ from: '2026-03-12T13:00', to: '2026-03-12T15:00' }],
      holidayDates: (y) => holidaysInYear('nl-public', y).filter((h) => h.name.en !== 'Ascension Day'),
    },
    ZONE,
  );
  for (const s of starts) overridden.add(s, 200 * H);
  await addRow(
    'add 40 business hours (per-date hours, closings, except)',
    () => {
      for (let i = 0; i < N; i++) sink += overridden.add(starts[i]!, 40 * H);
    },
    () => {
      for (const s of few) sink += naiveAdd(SPEC, ZONE, s, 40 * H);
    },
    N,
    few.length,
  );
  const QUARTER = 91 * 86_400_000;
  await addRow(
    'business time between instants 3 months apart',
    () => {
      for (let i = 0; i < N; i++) sink += table.between(starts[i]!, starts[i]! + QUARTER);
    },
    () => {
      for (const s of few.slice(0, 5)) sink += naiveBetween(SPEC, ZONE, s, s + QUARTER);
    },
    N,
    5,
  );
  const one = {
    policy: mextra,
    ticket: {
      createdAt: '2026-02-09T09:00:00+01:00',
      priority: 'urgent',
      events: [
        { at: '2026-02-09T10:00:00+01:00', type: 'status', status: 'pending' },
        { at: '2026-02-09T12:00:00+01:00', type: 'status', status: 'open' },
      ],
    } as NeutralTicket,
    now: Date.parse('2026-02-09T13:00:00+01:00'),
  };
  await addRow(
    'full evaluation of one ticket (with explanation)',
    () => evaluate(one.policy, one.ticket, one.now),
    () => naiveEvaluate(one.policy, one.ticket, one.now),
    1,
    1,
  );
  for (const t of tickets) evaluate(t.policy, t.ticket, t.now); // warm every table the run touches
  const QUEUE = { explain: false, intervals: false };
  const engine10k = await measure(
    () => {
      for (const t of tickets) sink += evaluate(t.policy, t.ticket, t.now, QUEUE).metrics.response ? 1 : 0;
    },
    1,
    2000,
    10,
  );
  const NO_TEXT = { explain: false };
  const engine10kIntervals = await measure(
    () => {
      for (const t of tickets) sink += evaluate(t.policy, t.ticket, t.now, NO_TEXT).metrics.response ? 1 : 0;
    },
    1,
    2000,
    10,
  );
  const engine10kText = await measure(
    () => {
      for (const t of tickets) sink += evaluate(t.policy, t.ticket, t.now).explanation.length;
    },
    1,
    2000,
    10,
  );
  const naive10k = await measure(
    () => {
      for (const t of tickets) sink += Object.keys(naiveEvaluate(t.policy, t.ticket, t.now)).length;
    },
    1,
    0,
    2,
  );
  rows.push({
    name: 'evaluate 10,000 varied tickets (queue: explain, intervals: false)',
    engineNs: engine10k,
    naiveNs: naive10k,
  });
  rows.push({
    name: 'evaluate 10,000 varied tickets (open intervals, explain: false)',
    engineNs: engine10kIntervals,
    naiveNs: naive10k,
  });
  rows.push({
    name: 'evaluate 10,000 varied tickets (with explanations)',
    engineNs: engine10kText,
    naiveNs: naive10k,
  });

  // the worker: re-evaluate every registry entry (summaries, new registry object)
  const entryCount = Object.keys(registry.entries).length;
  for (let i = 0; i < 3; i++)
    reevaluateAll(registry, workerEvaluate, REGISTRY_NOW, { includeFinished: true });
  const worker = await measure(
    () => {
      const r = reevaluateAll(registry, workerEvaluate, REGISTRY_NOW, { includeFinished: true });
      sink += r.version;
    },
    1,
    2000,
    10,
  );

  // after re-evaluating, every wake-up writes the popup's snapshot (top rows, counts, validity)
  const reevaluated = reevaluateAll(registry, workerEvaluate, REGISTRY_NOW, { includeFinished: true });
  const snapshotInput = {
    config: { assignments: [] },
    policies: policyById,
    language: 'en' as const,
    lastRefreshAt: null,
  };
  const snapshot = await measure(
    () => {
      sink += buildQueueSnapshot(snapshotInput, reevaluated, REGISTRY_NOW, 'Europe/Amsterdam').total;
    },
    1,
    2000,
    10,
  );

  // compliance as the popup asks for it: the registry's finished tickets plus a full archive
  const archive = benchArchive(REGISTRY_NOW);
  const goals = [...policyById.values()].flatMap((p) => complianceGoalsFromPolicy(p));
  const month = resolvePeriod({ kind: 'last-30-days' }, REGISTRY_NOW, 'Europe/Amsterdam');
  const compliance = await measure(
    () => {
      const records = withArchive(finishedRecords(Object.values(reevaluated.entries)), archive);
      sink += computeCompliance(records, month, goals).tickets;
    },
    1,
    2000,
    10,
  );

  // reading the stored archive back (JSON + zod, record by record), as every compliance request does
  const storedArchive = JSON.stringify(archive);
  const archiveRead = await measure(
    () => {
      sink += parseArchive(JSON.parse(storedArchive)).archive.records.length;
    },
    1,
    2000,
    10,
  );

  // the ticket store (IndexedDB code on fake-indexeddb; see scripts/bench-store.ts)
  const { storeFigures } = await import('./bench-store');
  const store = await storeFigures(
    registry,
    reevaluated,
    (reg, t) =>
      reevaluateAll(
        reg,
        (e) => {
          const policy = e.policyId ? policyById.get(e.policyId) : undefined;
          return policy ? evaluate(policy, e.ticket, t, WORKER_OPTIONS) : null;
        },
        t,
      ),
    (n) => benchArchive(REGISTRY_NOW, n).records,
    resolvePeriod({ kind: 'month', year: 2026, month: 5 }, REGISTRY_NOW, 'Europe/Amsterdam'),
    REGISTRY_NOW,
  );

  // table-build cost: one calendar, one zone, one year, from scratch
  const build = await measure(() => {
    const t = new CalendarTable(SPEC, ZONE);
    sink += t.add(Date.parse('2026-06-01T10:00:00Z'), H);
  }, 1);

  // agreement with the naive baseline
  let disagree = 0;
  for (const t of tickets) {
    const e = evaluate(t.policy, t.ticket, t.now);
    const n = naiveEvaluate(t.policy, t.ticket, t.now);
    for (const [k, v] of Object.entries(n)) if ((e.metrics[k as 'response']?.dueMs ?? null) !== v) disagree++;
  }

  // TZ independence: the same checksums here and in child processes under other zones
  const sums = checksums();
  const here = `deadlines ${sums.deadlines}, full JSON ${sums.full}, registry ${sums.registry}`;
  const otherZones = ['UTC', 'America/New_York', 'Asia/Tokyo'].filter((z) => z !== process.env.TZ);
  const elsewhere = otherZones.map((tz) => [tz, checksumsUnder(tz)] as const);

  const fmt = (ns: number) =>
    ns >= 1e6
      ? `${(ns / 1e6).toFixed(2)} ms`
      : ns >= 1e3
        ? `${(ns / 1e3).toFixed(2)} µs`
        : `${ns.toFixed(1)} ns`;
  const w = Math.max(...rows.map((r) => r.name.length));
  console.log(
    `SLA engine benchmark (node ${process.version}, TZ=${process.env.TZ ?? '(unset)'}; median of batches)\n`,
  );
  console.log(
    `${'operation'.padEnd(w)}  ${'engine'.padStart(11)}  ${'naive luxon'.padStart(11)}  ${'ratio'.padStart(9)}`,
  );
  for (const r of rows)
    console.log(
      `${r.name.padEnd(w)}  ${fmt(r.engineNs).padStart(11)}  ${fmt(r.naiveNs).padStart(11)}  ${`${Math.round(r.naiveNs / r.engineNs).toLocaleString('en')}×`.padStart(9)}`,
    );
  console.log(
    `${`re-evaluate ${entryCount.toLocaleString('en')} registry tickets in the worker`.padEnd(w)}  ${fmt(worker).padStart(11)}  ${`(${fmt(worker / entryCount)}/ticket)`.padStart(22)}`,
  );
  console.log(
    `${`(registry of ${entryCount.toLocaleString('en')} tickets stored: ${(JSON.stringify(reevaluated).length / 1e6).toFixed(1)} MB)`.padEnd(w)}`,
  );
  console.log(
    `${`build the popup snapshot from ${entryCount.toLocaleString('en')} registry tickets`.padEnd(w)}  ${fmt(snapshot).padStart(11)}  ${`(${fmt(snapshot / entryCount)}/ticket)`.padStart(22)}`,
  );
  console.log(
    `${`compliance, last 30 days: ${entryCount.toLocaleString('en')} registry tickets + ${archive.records.length.toLocaleString('en')} archived`.padEnd(w)}  ${fmt(compliance).padStart(11)}  ${`(archive stored: ${(JSON.stringify(archive).length / 1e6).toFixed(1)} MB)`.padStart(22)}`,
  );
  console.log(
    `${`read and check a full archive (${archive.records.length.toLocaleString('en')} records)`.padEnd(w)}  ${fmt(archiveRead).padStart(11)}`,
  );
  console.log(`${'table build (1 calendar, 1 zone, 1 year)'.padEnd(w)}  ${fmt(build).padStart(11)}`);
  const msf = (x: number) => fmt(x * 1e6);
  console.log('\nticket store (IndexedDB code on fake-indexeddb, in Node; medians):');
  console.log(
    `  upsert one ticket into ${entryCount.toLocaleString('en')}: ${msf(store.upsertOneMs)} (${store.upsertPuts} record written per upsert)`,
  );
  console.log(`  top 50 by next deadline (index 'next'): ${msf(store.top50Ms)}`);
  console.log(
    `  wake-up a minute later: ${store.wakeEvaluated.toLocaleString('en')} open tickets re-evaluated, ${store.wakeWritten.toLocaleString('en')} records written (summary changed), write ${msf(store.wakeMs)}`,
  );
  console.log(
    `  one month of compliance records out of 100,000 archived (day rows): ${msf(store.monthMs)} (${store.monthRecords.toLocaleString('en')} records; the 100,000 records are ${store.archiveMB.toFixed(1)} MB of JSON)`,
  );
  console.log(`\nTZ=${process.env.TZ ?? '(unset)'} checksums: ${here}`);
  for (const [tz, text] of elsewhere) console.log(`TZ=${tz} checksums: ${text}`);
  console.log(`engine and naive deadlines disagree on ${disagree} metric(s) of 10,000 tickets`);
  const stream = await benchStream(100_000);
  console.log(
    `${`sla due --ndjson: ${stream.n.toLocaleString('en')} tickets streamed (due-only output)`.padEnd(w)}  ${fmt(stream.ms * 1e6).padStart(11)}  ${`(${Math.round(stream.perSecond).toLocaleString('en')} tickets/s, heap +${stream.heapMb.toFixed(1)} MB, ${(stream.bytes / 1e6).toFixed(1)} MB out)`.padStart(22)}`,
  );
  const add4 = rows[0]!;
  const add40 = rows[1]!;
  const addOverridden = rows[3]!;
  const checks = [
    [
      `deadline addition ≤ 100 ns median (4 h: ${fmt(add4.engineNs)}, 40 h: ${fmt(add40.engineNs)})`,
      Math.max(add4.engineNs, add40.engineNs) <= 100,
    ],
    [
      `≥ 500× faster than naive at 40 business hours (${Math.round(add40.naiveNs / add40.engineNs)}×)`,
      add40.naiveNs / add40.engineNs >= 500,
    ],
    [
      `10,000 evaluations ≤ 30 ms (queue mode: ${fmt(engine10k)}; with open intervals: ${fmt(engine10kIntervals)}; with explanation text: ${fmt(engine10kText)})`,
      engine10k <= 30e6,
    ],
    [
      `re-evaluate ${entryCount.toLocaleString('en')} registry tickets in the worker ≤ 100 ms (${fmt(worker)}, ${fmt(worker / entryCount)}/ticket)`,
      worker <= 100e6,
    ],
    [
      `per-date hours and closings keep addition ≤ 100 ns median (${fmt(addOverridden.engineNs)})`,
      addOverridden.engineNs <= 100,
    ],
    [
      `NDJSON stream ≥ 100,000 tickets/s due-only (${Math.round(stream.perSecond).toLocaleString('en')}/s; load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores)`,
      stream.perSecond >= 100_000,
    ],
    [
      `NDJSON stream memory flat: heap grows ≤ 32 MB over ${stream.n.toLocaleString('en')} tickets (+${stream.heapMb.toFixed(1)} MB)`,
      stream.heapMb <= 32,
    ],
    ['engine agrees with the naive baseline', disagree === 0],
    [`one upsert writes one record (${store.upsertPuts})`, store.upsertPuts === 1],
    [
      `results identical whatever the machine's TZ (${[process.env.TZ ?? '(unset)', ...otherZones].join(', ')})`,
      elsewhere.every(([, text]) => text === here),
    ],
  ] as const;

  // The queue watch: requests per poll with 5 changed tickets, and a poll's worker time.
  const { watchFigures, watchTimes } = await import('./bench-watch.ts');
  const watch = await watchFigures();
  console.log(
    '\nqueue watch, one poll with 5 changed tickets (fake helpdesk counting; Zendesk view pages and TOPdesk pages of 100):',
  );
  for (const f of watch)
    console.log(
      `  ${f.helpdesk.padEnd(7)} ${f.tickets.toLocaleString('en').padStart(5)} tickets: ${f.requests} requests (${f.pages} list pages + ${f.requests - f.pages}${WORKERS[f.helpdesk].listingIsComplete ? ' for the 5 changed incidents: the listing carries them' : ` detail reads for the ${f.detailReads} changed tickets; the listing carries the ticket object`})`,
    );
  const times = await watchTimes();
  for (const t of times)
    console.log(
      `  worker time of that poll, ${t.tickets.toLocaleString('en')} queued Zendesk tickets (network excluded): ${t.workerMs!.toFixed(0)} ms; its wake-up (planning the changed tickets from the indexes) ${t.pollWakeMs!.toFixed(1)} ms, where a full re-evaluating wake-up takes ${t.fullWakeMs!.toFixed(0)} ms`,
    );
  const watchChecks = [
    ...watch.map(
      (f) =>
        [
          `${f.helpdesk} ${f.tickets.toLocaleString('en')} queued, 5 changed: ≤ list pages + 5 (${f.requests} requests, ${f.pages} pages)`,
          f.requests <= f.pages + 5,
        ] as const,
    ),
    [
      `the poll's wake-up does not grow with the queue (1,000: ${times[0]!.pollWakeMs!.toFixed(1)} ms, 5,000: ${times[1]!.pollWakeMs!.toFixed(1)} ms; ≤ 3× for 5× the tickets)`,
      times[1]!.pollWakeMs! <= 3 * Math.max(times[0]!.pollWakeMs!, 1),
    ] as const,
  ];
  // The service report (scripts/bench-report.ts): the page's computation and view, and `sla report`.
  const { reportBench } = await import('./bench-report.ts');
  const report = await reportBench();
  console.log(`\n${report.lines.join('\n')}`);
  const reportChecks = report.checks;
  console.log('\ntargets:');
  for (const [text, ok] of [...checks, ...watchChecks, ...reportChecks])
    console.log(`  ${ok ? 'PASS' : 'FAIL'}  ${text}`);
  if (sink === 42) console.log('');
}

/** Streams n generated NDJSON tickets through `streamDue` (input made lazily, output counted). */
async function benchStream(n: number) {
  const prios = ['urgent', 'high', 'normal', 'low'];
  async function* lines() {
    for (let i = 0; i < n; i++)
      yield `{"createdAt":"2026-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')}T${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00+01:00","priority":"${prios[i % 4]}"}`;
  }
  let bytes = 0;
  const opts = {
    policy: mextra,
    now: Date.parse('2026-06-15T10:00:00Z'),
    output: 'due' as const,
    locale: 'en' as const,
    full: evaluationJson,
  };
  await streamDue(opts, lines(), () => undefined); // warm-up: tables, caches, JIT
  globalThis.gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  let heapMax = heap0;
  const t0 = performance.now();
  await streamDue(opts, lines(), (chunk) => {
    bytes += chunk.length;
    const h = process.memoryUsage().heapUsed;
    if (h > heapMax) heapMax = h;
  });
  const ms = performance.now() - t0;
  return { n, ms, perSecond: (n / ms) * 1000, bytes, heapMb: (heapMax - heap0) / 1e6 };
}

/** A full compliance archive: finished tickets over the past 400 days, a tenth of them breached. */
function benchArchive(now: number, n = 5_000): ComplianceArchive {
  const priorities = ['urgent', 'high', 'normal', 'low'];
  const records: FinishedRecord[] = Array.from({ length: n }, (_, i) => {
    const closedAt = now - Math.floor(rnd() * 399 * 86_400_000);
    const breached = rnd() < 0.1;
    const iso = new Date(closedAt).toISOString();
    return {
      key: `zendesk:mextra.zendesk.com:${900_000 + i}`,
      ticketKey: `#${900_000 + i}`,
      subject: `Archived ticket ${i}`,
      link: `https://mextra.zendesk.com/agent/tickets/${900_000 + i}`,
      policyId: 'mextra',
      policyName: 'Mextra',
      tier: 'standard',
      priority: priorities[i % priorities.length]!,
      closedAt,
      metrics: {
        resolution: {
          state: breached ? 'breached' : 'met',
          goalState: breached || rnd() < 0.05 ? 'missed' : 'met',
          dueAt: iso,
          goalAt: iso,
          stoppedAt: iso,
        },
      },
    };
  });
  return archiveRecords({ records: [] }, records, now);
}

if (process.argv.includes('--checksums')) {
  const s = checksums();
  console.log(`deadlines ${s.deadlines}, full JSON ${s.full}, registry ${s.registry}`);
} else await main();
