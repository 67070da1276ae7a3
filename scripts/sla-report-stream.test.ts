/**
 * `sla report` streams: a year of 200,000 saved Zendesk tickets piped into the real process fits in
 * ordinary memory (its peak RSS is printed), and folding the input (compact records for the trend
 * months) gives exactly the report that keeping every ticket whole gives.
 */
import { describe, expect, it } from 'vitest';
import { ticketInputs } from '../lib/background/compliance-history.ts';
import { WORKERS } from '../lib/helpdesks/index.ts';
import { emptyRegistry, upsertEntry, type RegistryEntry } from '../lib/registry/index.ts';
import { buildServiceReport, type ServiceReport } from '../lib/report/index.ts';
import { DEFAULT_PREFERENCES } from '../lib/storage/schemas.ts';
import { getBuiltinPolicy } from '../policies/index.ts';
import { cliReportFigures, zendeskReportLines } from './bench-report.ts';
import { runReport } from './sla-report.ts';

const NOW = Date.parse('2026-04-02T10:00:00Z');
const HOST = 'mextra.zendesk.com';

describe('sla report over a year of tickets', () => {
  it('folding the stream gives the report of every ticket kept whole', async () => {
    const lines = [...zendeskReportLines(4_000, 3)];
    async function* stdin() {
      yield* lines;
    }
    const r = await runReport(
      ['--policy', 'mextra', '--from', 'zendesk', '--tickets', '-', '--period', '2026-03'].concat([
        '--now',
        new Date(NOW).toISOString(),
        '--host',
        HOST,
      ]),
      { read: () => '', now: () => NOW, stdin },
    );
    expect(r.stderr).toBe('');
    // The same tickets, every one a whole registry entry and no archive.
    const policy = getBuiltinPolicy('mextra')!;
    const toInput = ticketInputs(
      { host: HOST, helpdesk: 'zendesk', policyId: 'mextra' },
      policy,
      { preferences: DEFAULT_PREFERENCES },
      NOW,
      [],
    );
    const entries: RegistryEntry[] = lines.map((l) => {
      const { audits, ...ticket } = JSON.parse(l) as { audits: unknown[] };
      const input = toInput({ ticketKey: '?' }, WORKERS.zendesk.payloadFromFiles({ ticket, audits }))!;
      return Object.values(upsertEntry(emptyRegistry(), input, NOW).entries)[0]!;
    });
    const whole = buildServiceReport({
      policy,
      entries,
      period: { kind: 'month', year: 2026, month: 3 },
      zone: 'Europe/Amsterdam',
      now: NOW,
      locale: 'en',
    });
    const folded = JSON.parse(r.stdout) as ServiceReport;
    expect(folded.tickets).toBeGreaterThan(250);
    expect(folded.breaches.length).toBeGreaterThan(20);
    expect(folded.trend.months.filter((m) => m.tickets > 0)).toHaveLength(12);
    expect(folded).toEqual(JSON.parse(JSON.stringify(whole)));
  });

  it('200,000 tickets on stdin through the real process: every one read, peak memory bounded', async () => {
    const f = await cliReportFigures(200_000);
    console.log(
      `sla report, 200,000 tickets: ${f.seconds.toFixed(1)} s, ${Math.round(f.perSecond)} tickets/s, peak RSS ${f.peakRssMb} MB (${f.stats})`,
    );
    expect(f.stderr).not.toMatch(/error/i);
    expect(f.code).toBe(0);
    expect(f.tickets).toBe(200_000);
    const report = JSON.parse(f.stdout) as ServiceReport;
    const inTrend = report.trend.months.reduce((n, m) => n + m.tickets, 0);
    expect(report.trend.months.at(-1)!.tickets).toBe(report.tickets);
    expect(inTrend).toBeGreaterThan(195_000);
    // Measured about 300-330 MB on a loaded 2-core machine; the bound leaves room, not a second copy.
    expect(f.peakRssMb).toBeLessThan(600);
  }, 180_000);
});
