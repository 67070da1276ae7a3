/**
 * `sla report` on saved Zendesk API bodies (built by the demo's payload code) for the hand-computed
 * Mextra months of lib/report/report.test.ts: urgent incidents, resolution goal 4 business hours (90%),
 * due 6 (100%), Service Window 1 Mon–Fri 09:00–17:30 Amsterdam (CET, UTC+1, before 29 March 2026).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReportModel } from '../lib/background/report.ts';
import { ticketInputs } from '../lib/background/compliance-history.ts';
import { WORKERS } from '../lib/helpdesks/index.ts';
import { emptyRegistry, upsertEntry } from '../lib/registry/index.ts';
import { outageRules } from '../lib/report/availability.ts';
import { serviceReportCsv, type ServiceReport } from '../lib/report/index.ts';
import { DEFAULT_PREFERENCES } from '../lib/storage/schemas.ts';
import { getBuiltinPolicy } from '../policies/index.ts';
import { demoAssignments } from '../tests/demo/seed.ts';
import { zendeskAudits, zendeskTicket } from '../tests/demo/payloads.ts';
import type { DemoEvent, DemoScenario } from '../tests/demo/scenarios.ts';
import { entry, status } from '../tests/support/report.ts';
import { parsePeriod, ReportFold, runReport, type ReportEnv } from './sla-report.ts';

const H = 3_600_000;
const MIN = 60_000;
/** The moment the payloads were saved (the demo builds them relative to a "now"). */
const SAVED = Date.parse('2026-04-01T10:00:00Z');
const HOST = 'mextra.zendesk.com';
const ORIGIN = `https://${HOST}`;
const ago = (iso: string) => (SAVED - Date.parse(iso)) / MIN;

function urgent(id: number, created: string, events: Array<[string, string]>, tags?: string[]): DemoScenario {
  return {
    helpdesk: 'zendesk',
    host: HOST,
    id,
    policy: 'mextra',
    subject: `Storing ${id}`,
    requester: { name: 'Sanne de Vries', email: 'sanne@example.nl' },
    organization: 'Bakkerij De Vries',
    createdAgo: ago(created),
    status: 'solved',
    priority: 'urgent',
    type: 'incident',
    ...(tags ? { tags } : {}),
    events: events.map(([at, value]): DemoEvent => ({ ago: ago(at), kind: 'status', value })),
    shows: 'fixture',
  };
}

const MONTHS = [
  // Tue 2 Dec 09:00 → 11:00: met.
  urgent(1, '2025-12-02T08:00:00Z', [['2025-12-02T10:00:00Z', 'solved']]),
  // Tue 6 Jan 09:00 → Wed 7 Jan 09:30: 9 business hours, 3 h late.
  urgent(2, '2026-01-06T08:00:00Z', [['2026-01-07T08:30:00Z', 'solved']]),
  // Mon 2 Feb 09:00, pending 10:00–12:00, solved 17:30: 6.5 h, 30 min late.
  urgent(3, '2026-02-02T08:00:00Z', [
    ['2026-02-02T09:00:00Z', 'pending'],
    ['2026-02-02T11:00:00Z', 'open'],
    ['2026-02-02T16:30:00Z', 'solved'],
  ]),
  // Mon 2 Mar 09:00 → 10:00: 1 h.
  urgent(4, '2026-03-02T08:00:00Z', [['2026-03-02T09:00:00Z', 'solved']]),
  // Thu 5 Mar 13:00 → Fri 6 Mar 17:00: 12.5 h, 6.5 h late.
  urgent(5, '2026-03-05T12:00:00Z', [['2026-03-06T16:00:00Z', 'solved']]),
];

/** All audit pages of a demo ticket (the demo serves them two audits a page). */
function auditPages(s: DemoScenario, saved = SAVED, origin = ORIGIN) {
  const pages = [zendeskAudits(s, saved, origin, 1)];
  while (pages.at(-1)!.next_page) pages.push(zendeskAudits(s, saved, origin, pages.length + 1));
  return pages;
}

const ndjsonLine = (s: DemoScenario) =>
  JSON.stringify({ ...zendeskTicket(s, SAVED, ORIGIN), audits: auditPages(s) });

const dir = mkdtempSync(join(tmpdir(), 'sla-report-'));
const files = join(dir, 'files');
{
  const { mkdirSync } = await import('node:fs');
  mkdirSync(files);
  for (const s of MONTHS) {
    writeFileSync(join(files, `ticket-${s.id}.json`), JSON.stringify(zendeskTicket(s, SAVED, ORIGIN)));
    auditPages(s).forEach((p, i) =>
      writeFileSync(join(files, `audits-${s.id}-page${i + 1}.json`), JSON.stringify(p)),
    );
  }
  writeFileSync(join(dir, 'tickets.ndjson'), MONTHS.map(ndjsonLine).join('\n') + '\n');
  writeFileSync(join(dir, 'mapping.json'), JSON.stringify(demoAssignments()[0]!.mapping));
}

async function* linesOf(text: string) {
  for (const l of text.split('\n')) yield l;
}

const env = (stdin = ''): ReportEnv => ({
  read: (p) => readFileSync(p, 'utf8'),
  now: () => SAVED,
  stdin: () => linesOf(stdin),
});

const base = (tickets: string, ...more: string[]) => [
  '--policy',
  'mextra',
  '--from',
  'zendesk',
  '--tickets',
  tickets,
  '--host',
  HOST,
  '--mapping',
  join(dir, 'mapping.json'),
  ...more,
];

async function json(tickets: string, ...more: string[]): Promise<ServiceReport> {
  const r = await runReport(base(tickets, '--period', '2026-03', ...more), env());
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as ServiceReport;
}

describe('sla report: the service report from saved helpdesk payloads', () => {
  it('March from a directory of ticket and audits files: compliance, the breach explained, times, trend and the 5% credit', async () => {
    const r = await json(files);
    expect(r.tickets).toBe(2);
    // resolution of the two urgent March tickets: 1 of 2 within the goal and within the deadline
    expect(r.compliance.map((x) => [x.priority, x.metric, x.measure, x.met, x.total, x.meetsGoal])).toEqual([
      ['urgent', 'resolution', 'goal', 1, 2, false],
      ['urgent', 'resolution', 'due', 1, 2, false],
    ]);
    const due = r.breaches.filter((b) => b.measure === 'due');
    expect(due.map((b) => [b.ticketKey, b.lateMs, b.link])).toEqual([
      ['#5', 6.5 * H, `${ORIGIN}/agent/tickets/5`],
    ]);
    expect(due[0]!.subject).toBe('Storing 5');
    expect(due[0]!.explanation).toContain('Resolution: due 6 business hours');
    const t = r.times.find((x) => x.priority === 'urgent' && x.metric === 'resolution')!;
    expect([t.count, t.medianMs, t.p90Ms]).toEqual([2, 1 * H, 12.5 * H]);
    expect(
      r.trend.months.map((m) => `${m.month}:${m.tickets}:${m.belowGoal ? 'below' : 'ok'}`).slice(-4),
    ).toEqual(['2025-12:1:ok', '2026-01:1:below', '2026-02:1:below', '2026-03:2:below']);
    expect(r.credits[0]).toMatchObject({
      streak: 3,
      percent: 5,
      streakMonths: ['2026-01', '2026-02', '2026-03'],
    });
    expect(r.generatedAt).toBe(SAVED);
    expect(r.range).toMatchObject({
      zone: 'Europe/Amsterdam',
      firstDay: '2026-03-01',
      lastDay: '2026-03-31',
    });
  });

  it('reads an NDJSON file, stdin and a directory to the same report', async () => {
    const fromDir = await runReport(base(files, '--period', '2026-03'), env());
    const fromFile = await runReport(base(join(dir, 'tickets.ndjson'), '--period', '2026-03'), env());
    const text = readFileSync(join(dir, 'tickets.ndjson'), 'utf8');
    const fromStdin = await runReport(base('-', '--period', '2026-03'), env(text));
    expect(fromFile.stdout).toBe(fromDir.stdout);
    expect(fromStdin.stdout).toBe(fromDir.stdout);
  });

  it('February alone, a quarter and a range of days', async () => {
    const feb = await runReport(base(files, '--period', '2026-02'), env());
    const f = JSON.parse(feb.stdout) as ServiceReport;
    expect(f.breaches.find((b) => b.measure === 'due')).toMatchObject({ ticketKey: '#3', lateMs: 30 * MIN });
    expect(f.credits[0]).toMatchObject({ streak: 2, percent: 0 });
    const q1 = JSON.parse(
      (await runReport(base(files, '--period', '2026-Q1'), env())).stdout,
    ) as ServiceReport;
    expect([q1.tickets, q1.range.firstDay, q1.range.lastDay]).toEqual([4, '2026-01-01', '2026-03-31']);
    const days = await runReport(base(files, '--period', '2026-03-03..2026-03-06'), env());
    expect((JSON.parse(days.stdout) as ServiceReport).tickets).toBe(1);
  });

  it('counts a ticket saved twice once (the later save wins)', async () => {
    const line = ndjsonLine(MONTHS[4]!);
    const r = await runReport(
      base('-', '--period', '2026-03'),
      env([...MONTHS.map(ndjsonLine), line].join('\n')),
    );
    expect((JSON.parse(r.stdout) as ServiceReport).tickets).toBe(2);
  });

  it('--tier keeps the tickets of one tier', async () => {
    expect((await json(files, '--tier', 'standard')).tickets).toBe(2);
    const fold = new ReportFold(parsePeriod('2026-03', 'Europe/Amsterdam').range, 'premium');
    const e = entry('mextra', 7, {
      createdAt: '2026-03-02T08:00:00Z',
      priority: 'urgent',
      events: [status('2026-03-02T09:00:00Z', 'solved')],
    });
    fold.add(e);
    fold.add({ ...e, key: 'zendesk:x:8', evaluation: { ...e.evaluation!, tier: 'premium' } });
    expect([...fold.period.keys()]).toEqual(['zendesk:x:8']);
    expect(fold.counts).toMatchObject({ read: 2, otherTier: 1 });
  });

  it('writes the page’s CSV export, and the page’s view as one printable HTML file in Dutch', async () => {
    const r = await json(files);
    const csv = await runReport(base(files, '--period', '2026-03', '--format', 'csv'), env());
    expect(csv.stdout).toBe(serviceReportCsv(r));
    const html = await runReport(
      base(files, '--period', '2026-03', '--format', 'html', '--lang', 'nl'),
      env(),
    );
    expect(html.code).toBe(0);
    expect(html.stdout).toMatch(/^<!doctype html>\n<html lang="nl">/);
    expect(html.stdout).toContain('<title>Servicerapport: Mextra</title>');
    expect(html.stdout).toContain('<h2 id="h-compliance">Naleving van de normen</h2>');
    expect(html.stdout).toContain('data-ticket="#5"');
    expect(html.stdout).toContain('Oplossing: uiterlijk');
    expect(html.stdout).toContain('@media print');
    expect(html.stdout).not.toMatch(/<script/i);
  });
});

describe('sla report: bad input is one line naming where and how to fix it', () => {
  const bad = async (stdin: string, ...more: string[]) => {
    const r = await runReport(base('-', ...more), env(stdin));
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    return r;
  };

  it('a broken line, by line number', async () => {
    const r = await bad([ndjsonLine(MONTHS[0]!), '{"ticket": {"id": 7,'].join('\n'), '--period', '2026-03');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^stdin:2: invalid JSON at .* — one ticket per line/);
  });

  it('a ticket the adapter cannot read, with the file and line and the adapter’s words', async () => {
    const t = zendeskTicket(MONTHS[0]!, SAVED, ORIGIN);
    const r = await bad(
      [
        '',
        JSON.stringify({ ticket: { ...t.ticket, priority: 'critical' }, audits: auditPages(MONTHS[0]!) }),
      ].join('\n'),
      '--period',
      '2026-03',
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^stdin:2: .*critical/);
  });

  it('audits that are not a list of pages', async () => {
    const r = await bad(
      JSON.stringify({ ...zendeskTicket(MONTHS[0]!, SAVED, ORIGIN), audits: {} }),
      '--period',
      '2026-03',
    );
    expect(r.stderr).toMatch(/^stdin:1: "audits" must be an array/);
  });

  it('a period, tier, helpdesk or zone that does not exist, before any ticket is read', async () => {
    expect((await bad('', '--period', '2026-13')).stderr).toMatch(
      /--period: "2026-13" is not a period \(a month 2026-05/,
    );
    expect((await bad('', '--period', '2026-03-05..2026-03-01')).stderr).toMatch(/--period/);
    expect((await bad('', '--period', '2026-03', '--tier', 'platinum')).stderr).toMatch(
      /--tier: "platinum" is not a tier of mextra \(known: /,
    );
    expect((await bad('', '--period', '2026-03', '--zone', 'Mars/Base')).stderr).toMatch(
      /--zone: unknown time zone/,
    );
    expect((await bad('', '--period', '2026-03', '--format', 'pdf')).stderr).toMatch(
      /--format: must be json or html or csv/,
    );
    const r = await runReport(['--policy', 'mextra', '--tickets', '-', '--period', '2026-03'], env());
    expect([r.code, r.stderr]).toEqual([
      2,
      '--from: missing (zendesk or topdesk: whose API bodies the tickets are)\n',
    ]);
  });

  it('a missing directory or file', async () => {
    const r = await runReport(base(join(dir, 'nope'), '--period', '2026-03'), env());
    expect([r.code, r.stderr.trim()]).toEqual([2, `--tickets: cannot read ${join(dir, 'nope')} (ENOENT)`]);
  });
});

describe('report periods on the command line', () => {
  it('month, quarter and range, half-open in the zone (March ends in summer time)', () => {
    const { range } = parsePeriod('2026-03', 'Europe/Amsterdam');
    expect([range.from, range.to]).toEqual([
      Date.parse('2026-02-28T23:00:00Z'),
      Date.parse('2026-03-31T22:00:00Z'),
    ]);
    expect(parsePeriod('2026-q2', 'Europe/Amsterdam').period).toEqual({
      kind: 'quarter',
      year: 2026,
      quarter: 2,
    });
    expect(parsePeriod('2026-03-01..2026-05-31', 'Europe/Amsterdam').range.lastDay).toBe('2026-05-31');
    expect(() => parsePeriod('2026-Q5', 'Europe/Amsterdam')).toThrow(/not a period/);
  });
});

describe('sla report from TOPdesk', () => {
  it('reads saved incidents (one per file) with the host’s mapping: the demo’s completed incident, both metrics met', async () => {
    const { DEMO_SCENARIOS, solvedAt } = await import('../tests/demo/scenarios.ts');
    const { topdeskIncident } = await import('../tests/demo/payloads.ts');
    const s = DEMO_SCENARIOS.find((x) => x.helpdesk === 'topdesk' && x.status === 'solved')!;
    const incidents = mkdtempSync(join(tmpdir(), 'sla-report-topdesk-'));
    writeFileSync(join(incidents, 'incident-1.json'), JSON.stringify(topdeskIncident(s, SAVED)));
    const assignment = demoAssignments().find((a) => a.helpdesk === 'topdesk')!;
    writeFileSync(join(incidents, 'mapping.txt'), JSON.stringify(assignment.mapping));
    const month = new Date(solvedAt(s, SAVED)!).toISOString().slice(0, 7);
    const r = await runReport(
      ['--policy', 'scope4mation', '--from', 'topdesk', '--tickets', incidents, '--period', month].concat([
        '--mapping',
        join(incidents, 'mapping.txt'),
        '--host',
        assignment.host,
      ]),
      env(),
    );
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as ServiceReport;
    expect(report.tickets).toBe(1);
    expect(report.breaches).toEqual([]);
    expect(
      report.compliance.filter((c) => c.measure === 'due').map((c) => [c.metric, c.met, c.total]),
    ).toEqual([
      ['response', 1, 1],
      ['resolution', 1, 1],
    ]);
    const without = await runReport(
      ['--policy', 'scope4mation', '--from', 'topdesk', '--tickets', incidents, '--period', month],
      env(),
    );
    expect([without.code, without.stderr]).toEqual([
      2,
      expect.stringMatching(
        /^.*incident-1\.json: TOPdesk impact 'I-\d \w+' is not mapped .* \(on the command line: --mapping <file>\)\n$/,
      ),
    ]);
  });
});

describe('sla report --customer, as a process', () => {
  // March's two Bakkerij De Vries tickets and one of another organisation, saved as files.
  const other: DemoScenario = {
    ...urgent(6, '2026-03-03T08:00:00Z', [['2026-03-03T09:00:00Z', 'solved']]),
    organization: 'Slagerij Jansen',
  };
  const saved = mkdtempSync(join(tmpdir(), 'sla-report-customer-'));
  for (const s of [...MONTHS, other]) {
    writeFileSync(join(saved, `ticket-${s.id}.json`), JSON.stringify(zendeskTicket(s, SAVED, ORIGIN)));
    auditPages(s).forEach((p, i) =>
      writeFileSync(join(saved, `audits-${s.id}-page${i + 1}.json`), JSON.stringify(p)),
    );
  }
  const run = (...more: string[]) =>
    spawnSync(
      'npx',
      [
        'tsx',
        'scripts/sla.ts',
        'report',
        ...base(saved, '--period', '2026-03', '--now', new Date(SAVED).toISOString(), ...more),
      ],
      { encoding: 'utf8', cwd: join(import.meta.dirname, '..') },
    );

  it('counts only the named customer’s tickets, and lists every customer of the period to choose from', () => {
    const all = run();
    expect(all.stderr).toBe('');
    const everyone = JSON.parse(all.stdout) as ServiceReport;
    expect([everyone.tickets, everyone.customer, everyone.customers]).toEqual([
      3,
      null,
      ['Bakkerij De Vries', 'Slagerij Jansen'],
    ]);
    const one = run('--customer', 'Slagerij Jansen');
    expect([one.status, one.stderr]).toEqual([0, '']);
    const r = JSON.parse(one.stdout) as ServiceReport;
    expect([r.tickets, r.customer, r.breaches]).toEqual([1, 'Slagerij Jansen', []]);
    // the trend counts only that customer's tickets too: none before March
    expect(r.trend.months.map((m) => m.tickets).slice(-4)).toEqual([0, 0, 0, 1]);
    const bakery = JSON.parse(run('--customer', 'Bakkerij De Vries').stdout) as ServiceReport;
    expect([bakery.tickets, bakery.breaches.map((b) => b.ticketKey)]).toEqual([2, ['#5', '#5']]);
  }, 60_000);

  it('a customer with no ticket in the period: exit 2 and one line listing the customers present', () => {
    const r = run('--customer', 'Bakkerij de Vries');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      '--customer: no ticket of mextra in 2026-03-01..2026-03-31 has the customer "Bakkerij de Vries" (customers present: "Bakkerij De Vries", "Slagerij Jansen")\n',
    );
  }, 60_000);
});

describe('sla report: availability from the mapping’s outage rule, as the page computes it', () => {
  // Membro 2.2, June 2026 (CEST, 30 days: TMM 43,200 min). Premium 99.5%.
  const NOW = Date.parse('2026-07-02T08:00:00Z');
  const MHOST = 'membro.zendesk.com';
  const before = (iso: string) => (NOW - Date.parse(iso)) / MIN;
  const membro = (
    id: number,
    created: string,
    solved: string | null,
    tags: string[] = ['platform_unavailable'],
  ): DemoScenario => ({
    helpdesk: 'zendesk',
    host: MHOST,
    id,
    policy: 'membro',
    subject: `Platform ${id}`,
    requester: { name: 'Kees Mulder', email: 'secretaris@hockeyclub-oost.nl' },
    organization: 'Hockeyclub Oost',
    createdAgo: before(created),
    status: solved ? 'solved' : 'open',
    type: 'incident',
    impact: 'high',
    urgency: 'high',
    tier: 'premium',
    tags,
    events: solved ? [{ ago: before(solved), kind: 'status', value: 'solved' }] : [],
    shows: 'fixture',
  });
  const TICKETS = [
    membro(1, '2026-06-10T19:00:00Z', '2026-06-10T21:00:00Z'), // 120 min
    membro(2, '2026-06-10T20:30:00Z', '2026-06-10T21:30:00Z'), // overlaps #1: 30 min more
    membro(3, '2026-06-30T21:00:00Z', '2026-07-01T09:00:00Z'), // solved in July: 60 min of June
    membro(4, '2026-06-30T21:30:00Z', null), // still open: 30 min of June (inside #3's)
    membro(5, '2026-06-15T08:00:00Z', '2026-06-15T20:00:00Z', []), // not an outage
  ];
  const assignment = {
    ...demoAssignments().find((a) => a.host === MHOST)!,
    mapping: {
      ...demoAssignments().find((a) => a.host === MHOST)!.mapping,
      outage: { tag: 'platform_unavailable' },
    },
  };
  const lines = TICKETS.map((s) => {
    const o = `https://${MHOST}`;
    return JSON.stringify({ ...zendeskTicket(s, NOW, o), audits: auditPages(s, NOW, o) });
  });
  const mappingFile = join(dir, 'membro-mapping.json');
  writeFileSync(mappingFile, JSON.stringify(assignment.mapping));
  const cli = (mapping: string) =>
    runReport(
      ['--policy', 'membro', '--from', 'zendesk', '--tickets', '-', '--period', '2026-06'].concat(
        ['--host', MHOST, '--mapping', mapping, '--now', new Date(NOW).toISOString()],
        ['--zone', 'Europe/Amsterdam'],
      ),
      { read: (p) => readFileSync(p, 'utf8'), now: () => NOW, stdin: () => linesOf(lines.join('\n')) },
    );

  it('the CLI’s JSON equals the page worker’s report of the same tickets, availability included', async () => {
    const r = await cli(mappingFile);
    expect(r.stderr).toBe('');
    const fromCli = JSON.parse(r.stdout) as ServiceReport;
    // The page's worker: every ticket a registry entry, the assignments' outage rules.
    const policy = getBuiltinPolicy('membro')!;
    const toInput = ticketInputs(assignment, policy, { preferences: DEFAULT_PREFERENCES }, NOW, []);
    const entries = lines.map((l) => {
      const { audits, ...ticket } = JSON.parse(l) as { audits: unknown[] };
      const input = toInput({ ticketKey: '?' }, WORKERS.zendesk.payloadFromFiles({ ticket, audits }))!;
      return Object.values(upsertEntry(emptyRegistry(), input, NOW).entries)[0]!;
    });
    const page = buildReportModel(
      new Map([['membro', policy]]),
      entries,
      { records: [] },
      { policyId: 'membro', period: { kind: 'month', year: 2026, month: 6 }, locale: 'en' },
      'en',
      NOW,
      'Europe/Amsterdam',
      outageRules([assignment]),
    );
    expect(fromCli).toEqual(JSON.parse(JSON.stringify(page.report)));
    const premium = fromCli.availability!.months.find((m) => m.tier === 'premium')!;
    expect(fromCli.availability!.configured).toBe(true);
    expect(premium.outages.map((o) => o.ticketKey)).toEqual(['#1', '#2', '#3', '#4']);
    expect([premium.tmmMinutes, premium.tmdMinutes]).toEqual([43_200, 150 + 60]);
    // (43,200 − 210) / 43,200 = 99.514%: at Premium's 99.5%
    expect([premium.percent!.toFixed(3), premium.met]).toEqual(['99.514', true]);
  });

  it('without an outage rule in the mapping the section says none is set', async () => {
    const plain = join(dir, 'membro-plain.json');
    const { outage: _, ...mapping } = assignment.mapping;
    writeFileSync(plain, JSON.stringify(mapping));
    const r = JSON.parse((await cli(plain)).stdout) as ServiceReport;
    expect(r.availability).toMatchObject({ configured: false });
    expect(r.availability!.months.every((m) => m.outages.length === 0)).toBe(true);
  });
});
