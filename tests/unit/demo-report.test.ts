/**
 * The demo's finished tickets read the way the popup's "Read from the helpdesk" reads them (the real
 * listing, readListed, normaliser and registry input over the demo helpdesk), then the service report over them: it
 * lists the demo's customers (Zendesk organisations sideloaded by the listing, TOPdesk caller
 * branches) and Workspace 365's RCA obligation is delivered on one P1 and missing on the other.
 */
import { describe, expect, it } from 'vitest';
import { getBuiltinPolicy } from '../../policies';
import { finishedRecords } from '../../lib/compliance';
import { ticketInputs } from '../../lib/background/compliance-history';
import { WORKERS } from '../../lib/helpdesks';
import { DEFAULT_PREFERENCES } from '../../lib/storage/schemas';
import { emptyRegistry, upsertEntry } from '../../lib/registry';
import { buildServiceReport, type ReportPeriod } from '../../lib/report';
import { outageRules } from '../../lib/report/availability';
import { demoFetch } from '../demo/route';
import { DEMO_HOSTS } from '../demo/scenarios';
import { demoAssignments } from '../demo/seed';

const NOW = Date.parse('2026-06-15T10:00:00Z');
const DAY = 86_400_000;
const ZONE = 'Europe/Amsterdam';

async function finishedOf(host: string) {
  const a = demoAssignments().find((x) => x.host === host)!;
  const policy = getBuiltinPolicy(a.policyId)!;
  const fetch = demoFetch({ now: NOW }, () => NOW);
  const deps = { fetch, sleep: async () => undefined };
  const listed = await WORKERS[a.helpdesk].list(
    { host, mapping: a.mapping, credential: null, finished: { from: NOW - 30 * DAY, to: NOW } },
    deps,
  );
  if (!listed.ok) throw new Error(listed.error.message);
  // As the popup's "Read from the helpdesk" does: the background's own listed-ticket → registry input.
  const unreadable: string[] = [];
  const toInput = ticketInputs(a, policy, { preferences: DEFAULT_PREFERENCES }, NOW, unreadable);
  let reg = emptyRegistry();
  for (const t of listed.tickets) {
    const read = await WORKERS[a.helpdesk].readListed(host, t.raw, a.mapping, deps);
    if (!read.ok) throw new Error(read.message);
    const input = toInput(t, read.payload);
    if (!input) throw new Error(unreadable.join('; '));
    reg = upsertEntry(reg, input, NOW);
  }
  const report = (
    customer: string | null = null,
    period: ReportPeriod = { kind: 'range', from: '2026-05-16', to: '2026-06-15' },
  ) =>
    buildServiceReport({
      policy,
      entries: [],
      archive: finishedRecords(Object.values(reg.entries)),
      period,
      zone: ZONE,
      now: NOW,
      locale: 'en',
      customer,
      outageRules: outageRules(demoAssignments()),
    });
  return { listed: listed.tickets.length, report };
}

describe('the demo service report', () => {
  it('Workspace 365: two customers, and the RCA delivered on one finished P1 and missing on the other', async () => {
    const { listed, report } = await finishedOf(DEMO_HOSTS.workspace365);
    expect(listed).toBe(4);
    const r = report();
    expect(r.customers).toEqual(['Gemeente Voorbeeld', 'Zorggroep Noord']);
    expect(r.withoutCustomer).toBe(0);
    const rca = r.obligations[0]!;
    expect(rca.tickets.map((t) => [t.ticketKey, t.status])).toEqual([
      ['#20011', 'missing'],
      ['#20010', 'delivered'],
    ]);
    const one = report('Zorggroep Noord');
    expect([one.tickets, one.obligations[0]!.tickets.length]).toEqual([2, 0]);
  });

  it('Mextra and Scope4mation (TOPdesk) list their customers from the helpdesks', async () => {
    const mextra = (await finishedOf(DEMO_HOSTS.mextra)).report();
    expect(mextra.customers.length).toBeGreaterThanOrEqual(2);
    expect(mextra.customers).toContain('Bakkerij De Vries');
    const scope = (await finishedOf(DEMO_HOSTS.scope4mation)).report();
    expect(scope.customers.length).toBeGreaterThanOrEqual(1);
    expect(scope.withoutCustomer).toBe(0);
  });

  it('Membro: the demo’s outage ticket (tag platform_unavailable) puts Premium availability below 99.5% in its month', async () => {
    const r = (await finishedOf(DEMO_HOSTS.membro)).report(null, { kind: 'month', year: 2026, month: 6 });
    const a = r.availability!;
    expect(a.configured).toBe(true);
    expect(a.unknown).toEqual([]);
    const premium = a.months.find((m) => m.tier === 'premium')!;
    // Submitted 5 June 08:00 UTC, solved 12:00: 240 of June's 43,200 minutes (no maintenance announced).
    expect(premium.outages.map((o) => [o.ticketKey, o.minutes])).toEqual([['#3090', 240]]);
    expect([premium.tmmMinutes, premium.tmdMinutes, premium.percent!.toFixed(3), premium.met]).toEqual([
      43_200,
      240,
      '99.444',
      false,
    ]);
    const standard = a.months.find((m) => m.tier === 'standard')!;
    expect([standard.percent, standard.met]).toEqual([100, true]);
  });
});
