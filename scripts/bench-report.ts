/**
 * The service report's figures for `npm run bench`: a monthly report over 10,000 finished registry
 * tickets (evaluated by the engine beforehand; the report explains each breach by evaluating it
 * again), and the report with its 12-month trend over 100,000 archived records. Median of 5 runs
 * after a warm-up. `tsx scripts/bench-report.ts` runs it alone.
 */
import { performance } from 'node:perf_hooks';
import { getBuiltinPolicy } from '../policies/index.ts';
import type { FinishedRecord } from '../lib/compliance/index.ts';
import { summarizeEvaluation } from '../lib/registry/registry.ts';
import type { RegistryEntry } from '../lib/registry/types.ts';
import { buildServiceReport, type ServiceReport } from '../lib/report/index.ts';
import { evaluate, type NeutralTicket } from '../lib/sla/index.ts';

const ZONE = 'Europe/Amsterdam';
const H = 3_600_000;
const DAY = 86_400_000;
const mextra = getBuiltinPolicy('mextra')!;
const PRIOS = ['urgent', 'high', 'normal', 'low'];
/** Rough calendar hours of each priority's deadline (urgent 6 business hours … low 1 month). */
const SPAN_H = [6, 40, 64, 400];

let seed = 7;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;

function monthEntries(n: number): RegistryEntry[] {
  const from = Date.parse('2026-03-01T00:00:00+01:00');
  const out: RegistryEntry[] = [];
  for (let i = 0; i < n; i++) {
    const created = from + Math.floor(rnd() * 26 * DAY);
    // mostly within the targets, about one in ten late
    const solved = created + Math.floor((rnd() < 0.1 ? 1.5 + rnd() : 0.1 + rnd() * 0.6) * SPAN_H[i % 4]! * H);
    const events: NonNullable<NeutralTicket['events']> = [];
    if (rnd() < 0.2) {
      events.push({ at: new Date(created + H).toISOString(), type: 'status', status: 'pending' });
      events.push({ at: new Date(created + 3 * H).toISOString(), type: 'status', status: 'open' });
    }
    events.push({ at: new Date(solved).toISOString(), type: 'status', status: 'solved' });
    const ticket: NeutralTicket = {
      createdAt: new Date(created).toISOString(),
      priority: PRIOS[i % 4]!,
      events,
    };
    const ev = evaluate(mextra, ticket, solved + H);
    out.push({
      key: `zendesk:mextra.zendesk.com:${i}`,
      helpdesk: 'zendesk',
      host: 'mextra.zendesk.com',
      ticketId: String(i),
      ticketKey: `#${i}`,
      subject: `Ticket ${i}`,
      link: `https://mextra.zendesk.com/agent/tickets/${i}`,
      ticket,
      policyId: 'mextra',
      tier: ev.tier,
      evaluation: summarizeEvaluation(ev),
      lastSeen: solved,
      lastRefresh: solved,
      source: 'queue',
    });
  }
  return out;
}

function yearArchive(n: number): FinishedRecord[] {
  const from = Date.parse('2025-04-01T00:00:00+02:00');
  const span = Date.parse('2026-04-01T00:00:00+02:00') - from;
  return Array.from({ length: n }, (_, i) => {
    const closedAt = from + Math.floor(rnd() * span);
    const iso = new Date(closedAt).toISOString();
    const breached = rnd() < 0.08;
    return {
      key: `zendesk:mextra.zendesk.com:a${i}`,
      ticketKey: `#a${i}`,
      subject: `Archived ${i}`,
      link: `https://mextra.zendesk.com/agent/tickets/a${i}`,
      policyId: 'mextra',
      policyName: 'Mextra',
      tier: 'standard',
      priority: PRIOS[i % 4]!,
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
    } satisfies FinishedRecord;
  });
}

function time(run: () => ServiceReport): { ms: number; report: ServiceReport } {
  let report = run();
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    report = run();
    runs.push(performance.now() - t0);
  }
  runs.sort((a, b) => a - b);
  return { ms: runs[2]!, report };
}

export interface ReportFigures {
  monthMs: number;
  monthTickets: number;
  monthBreaches: number;
  trendMs: number;
  trendRecords: number;
}

export function reportFigures(): ReportFigures {
  const entries = monthEntries(10_000);
  const period = { kind: 'month' as const, year: 2026, month: 3 };
  const now = Date.parse('2026-04-02T10:00:00Z');
  const month = time(() =>
    buildServiceReport({ policy: mextra, entries, period, zone: ZONE, now, locale: 'en' }),
  );
  const archive = yearArchive(100_000);
  const trend = time(() =>
    buildServiceReport({ policy: mextra, entries: [], archive, period, zone: ZONE, now, locale: 'en' }),
  );
  return {
    monthMs: month.ms,
    monthTickets: month.report.tickets,
    monthBreaches: month.report.breaches.length,
    trendMs: trend.ms,
    trendRecords: trend.report.trend.months.reduce((n, m) => n + m.tickets, 0),
  };
}

if (process.argv[1]?.endsWith('bench-report.ts')) {
  const f = reportFigures();
  console.log(
    `service report, one month of ${f.monthTickets.toLocaleString('en')} finished tickets (${f.monthBreaches} breach rows explained): ${f.monthMs.toFixed(0)} ms`,
  );
  console.log(
    `service report with its 12-month trend over ${f.trendRecords.toLocaleString('en')} archived records: ${f.trendMs.toFixed(0)} ms`,
  );
}
