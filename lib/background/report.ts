/**
 * The background's side of the service report page: reads the registry and the archive (the 12 trend
 * months) the way the compliance tab does, and builds the report with lib/report.
 */
import { DateTime } from 'luxon';
import type { ReportModel } from '../messaging/report';
import type { Request } from '../messaging/protocol';
import type { RegistryEntry } from '../registry';
import { buildServiceReport, resolveReportPeriod, trendMonths, type ReportPeriod } from '../report';
import type { Policy } from '../sla';
import { localTimeZone, uiLanguage } from './env';
import { readArchive, readRegistry } from './registry-store';
import { loadState } from './state';
import type { ComplianceArchive } from '../compliance';
import { outageRules } from '../report/availability';

export { outageRules };

type ReportMessage = Extract<Request, { type: 'ui-bg:report' }>;

export function isReportRequest(m: Request): m is ReportMessage {
  return m.type === 'ui-bg:report';
}

/** The calendar month before `now`'s, in the zone. */
export function lastMonth(now: number, zone: string): ReportPeriod {
  const d = DateTime.fromMillis(now, { zone }).startOf('month').minus({ months: 1 });
  return { kind: 'month', year: d.year, month: d.month };
}

export async function handleReport(message: ReportMessage, now: number = Date.now()): Promise<ReportModel> {
  const zone = localTimeZone();
  const [state, stored] = await Promise.all([loadState(), readRegistry()]);
  const period = message.period ?? lastMonth(now, zone);
  let months: ReturnType<typeof trendMonths> | null = null;
  try {
    months = trendMonths(resolveReportPeriod(period, zone));
  } catch {
    // A period the report cannot cover (a range over 366 days): buildReportModel says why.
  }
  const archive = months
    ? await readArchive({ from: months[0]!.from, to: months[months.length - 1]!.to })
    : { records: [] };
  return buildReportModel(
    state.policies,
    Object.values(stored.registry.entries),
    archive,
    { ...message, period },
    uiLanguage(state.preferences),
    now,
    zone,
    outageRules(state.config.assignments),
  );
}

export function buildReportModel(
  policies: ReadonlyMap<string, Policy>,
  entries: readonly RegistryEntry[],
  archive: ComplianceArchive,
  request: {
    policyId: string | null;
    period: ReportPeriod;
    locale?: 'nl' | 'en' | undefined;
    customer?: string | null | undefined;
  },
  ui: 'nl' | 'en',
  now: number,
  zone: string,
  rules: ReturnType<typeof outageRules> = [],
): ReportModel {
  const list = [...policies.values()].map((p) => ({ id: p.id, name: p.name }));
  const policy = request.policyId ? policies.get(request.policyId) : policies.values().next().value;
  const locale = request.locale ?? ui;
  const base = {
    policies: list,
    policyId: policy?.id ?? null,
    period: request.period,
    locale,
    customer: request.customer ?? null,
    uiLanguage: ui,
    timeZone: zone,
  };
  if (!policy)
    return {
      ...base,
      report: null,
      error: request.policyId ? `unknown policy ${request.policyId}` : 'no policy in effect',
      computeMs: 0,
    };
  const t0 = performance.now();
  try {
    const report = buildServiceReport({
      policy,
      entries,
      archive: archive.records,
      period: request.period,
      zone,
      now,
      locale,
      customer: request.customer ?? null,
      outageRules: rules,
    });
    return { ...base, report, error: null, computeMs: Math.round(performance.now() - t0) };
  } catch (e) {
    return { ...base, report: null, error: e instanceof Error ? e.message : String(e), computeMs: 0 };
  }
}
