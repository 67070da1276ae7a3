/**
 * Contract compliance for a period: one table per policy with a row per priority and figure, an inline
 * SVG bar with the goal line, and the breaches behind each figure. The background computes the report
 * (luxon stays out of the popup); this view asks for another period through `onPeriodChange`.
 */
import { useState } from 'preact/hooks';
import { complianceCsv } from '../../lib/compliance/csv';
import type { ComplianceRow } from '../../lib/compliance/compute';
import { formatDateTime, formatDay, formatPercent } from './format';
import { HistoryBar } from './HistoryBar';
import type { ComplianceModel, CompliancePeriod, RefreshModel } from '../../lib/messaging/popup';
import type { Lang, Strings } from './strings';

export interface ComplianceViewProps {
  compliance: ComplianceModel;
  /** For the month picker's default. */
  now: number;
  lang: Lang;
  timeZone: string;
  t: Strings;
  onPeriodChange: (period: CompliancePeriod) => void;
  onOpenLink: (target: { key: string; link: string }) => void;
  onExport: (file: { filename: string; csv: string }) => void;
  /** The helpdesk refresh state (a history load shows its progress here). */
  refresh: RefreshModel;
  /** Read the period's finished tickets from the helpdesks. */
  onLoadHistory: () => void;
}

const W = 96;
const H = 12;

export function ShareBar({ row, label }: { row: ComplianceRow; label: string }) {
  const x = (p: number) => Math.max(0, Math.min(W, (p / 100) * W));
  const fill =
    row.meetsGoal === false
      ? 'var(--bad, #c5221f)'
      : row.meetsGoal
        ? 'var(--good, #188038)'
        : 'var(--neutral, #5f6368)';
  return (
    <svg class="share-bar" width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
      <rect x="0" y="2" width={W} height={H - 4} fill="var(--track, #e8eaed)" />
      <rect class="bar" x="0" y="2" width={x(row.share * 100)} height={H - 4} fill={fill} />
      {row.goal && (
        <line
          class="goal-line"
          x1={x(row.goal.percent)}
          x2={x(row.goal.percent)}
          y1="0"
          y2={H}
          stroke="currentColor"
          stroke-width="1.5"
        />
      )}
    </svg>
  );
}

function monthOf(now: number, timeZone: string): { year: number; month: number } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    timeZone,
  }).formatToParts(now);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month') };
}

function PeriodPicker({
  period,
  now,
  timeZone,
  t,
  onChange,
}: {
  period: CompliancePeriod;
  now: number;
  timeZone: string;
  t: Strings;
  onChange: (p: CompliancePeriod) => void;
}) {
  const month = period.kind === 'month' ? period : monthOf(now, timeZone);
  const monthValue = `${month.year}-${String(month.month).padStart(2, '0')}`;
  return (
    <div class="period">
      <label>
        {t.compliance.period}{' '}
        <select
          value={period.kind}
          onChange={(e) => {
            const kind = (e.currentTarget as HTMLSelectElement).value as CompliancePeriod['kind'];
            onChange(kind === 'month' ? { kind, year: month.year, month: month.month } : { kind });
          }}
        >
          <option value="this-month">{t.compliance.thisMonth}</option>
          <option value="last-30-days">{t.compliance.last30}</option>
          <option value="month">{t.compliance.month}</option>
        </select>
      </label>
      {period.kind === 'month' && (
        <label>
          {t.compliance.monthInput}{' '}
          <input
            type="month"
            value={monthValue}
            onChange={(e) => {
              const m = /^(\d{4})-(\d{2})$/.exec((e.currentTarget as HTMLInputElement).value);
              if (m) onChange({ kind: 'month', year: Number(m[1]), month: Number(m[2]) });
            }}
          />
        </label>
      )}
    </div>
  );
}

export function ComplianceView({
  compliance,
  now,
  lang,
  timeZone,
  t,
  onPeriodChange,
  onOpenLink,
  onExport,
  refresh,
  onLoadHistory,
}: ComplianceViewProps) {
  const [open, setOpen] = useState<string | null>(null);
  const report = compliance.report;
  const byPolicy = new Map<string, ComplianceRow[]>();
  for (const r of report?.rows ?? []) {
    const list = byPolicy.get(r.policyName) ?? [];
    list.push(r);
    byPolicy.set(r.policyName, list);
  }
  const priorityLabel = (r: ComplianceRow) =>
    r.priority === null
      ? t.summary.noPriority
      : (compliance.vocabulary[r.policyId]?.priorities.find((p) => p.id === r.priority)?.label ?? r.priority);
  const goalText = (r: ComplianceRow) =>
    r.goal ? `${r.goal.strict ? '>' : '≥'} ${r.goal.percent}%` : t.compliance.noGoal;
  return (
    <section class="compliance" aria-label={t.compliance.heading}>
      <PeriodPicker
        period={compliance.period}
        now={now}
        timeZone={timeZone}
        t={t}
        onChange={onPeriodChange}
      />
      <HistoryBar
        loadedAt={compliance.historyLoadedAt}
        refresh={refresh}
        onLoad={onLoadHistory}
        lang={lang}
        timeZone={timeZone}
        t={t}
      />
      <p class="report-link">
        <a href="/report.html" target="_blank" rel="noopener">
          {t.compliance.serviceReport}
        </a>
      </p>
      {!report ? (
        <p class="error" role="alert">
          {t.compliance.failed(compliance.error ?? '')}
        </p>
      ) : (
        <>
          <div class="compliance-head">
            <span>
              {t.compliance.range(
                formatDay(report.range.firstDay, lang),
                formatDay(report.range.lastDay, lang),
                report.tickets,
              )}
            </span>
            <button
              type="button"
              class="export"
              disabled={report.rows.length === 0}
              onClick={() =>
                onExport({
                  filename: `sla-compliance-${report.range.firstDay}-${report.range.lastDay}.csv`,
                  csv: complianceCsv(report),
                })
              }
            >
              {t.compliance.export}
            </button>
          </div>
          {report.rows.length === 0 && <p class="empty">{t.compliance.empty}</p>}
          {[...byPolicy.entries()].map(([policyName, rows]) => (
            <table class="compliance-table" key={policyName}>
              <caption>{policyName}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.compliance.priority}</th>
                  <th scope="col">{t.compliance.metric}</th>
                  <th scope="col">{t.compliance.met}</th>
                  <th scope="col">{t.compliance.share}</th>
                  <th scope="col">{t.compliance.goal}</th>
                  <th scope="col">{t.compliance.verdict}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => {
                  const id = `${r.policyId}|${r.priority}|${r.metric}|${r.measure}`;
                  const share = formatPercent(r.share, lang);
                  const expanded = open === id;
                  return [
                    <tr
                      key={id}
                      class={r.meetsGoal === false ? 'misses' : r.meetsGoal ? 'meets' : ''}
                      data-figure={id}
                    >
                      <th scope="row">{priorityLabel(r)}</th>
                      <td>
                        {t.metric[r.metric]} <span class="measure">{t.measure[r.measure]}</span>
                      </td>
                      <td>
                        {r.met}/{r.total}
                      </td>
                      <td>
                        <ShareBar row={r} label={r.goal ? t.compliance.chart(share, goalText(r)) : share} />{' '}
                        {share}
                      </td>
                      <td>{goalText(r)}</td>
                      <td>
                        {/* Without a goal the Goal column already says so: no verdict to repeat. */}
                        {r.meetsGoal === null ? '' : r.meetsGoal ? t.compliance.meets : t.compliance.misses}
                        {r.breaches.length > 0 && (
                          <>
                            {' '}
                            <button
                              type="button"
                              class="breaches-toggle"
                              aria-expanded={expanded}
                              onClick={() => setOpen(expanded ? null : id)}
                            >
                              {expanded
                                ? t.compliance.hideBreaches
                                : t.compliance.breaches(r.breaches.length)}
                            </button>
                          </>
                        )}
                      </td>
                    </tr>,
                    expanded && (
                      <tr key={`${id}:breaches`} class="breaches">
                        <td colSpan={6}>
                          <ul>
                            {r.breaches.map((b) => (
                              <li key={b.key}>
                                <button
                                  type="button"
                                  class="link"
                                  onClick={() => onOpenLink({ key: b.key, link: b.link })}
                                >
                                  {b.ticketKey}
                                </button>{' '}
                                {b.subject} — {t.compliance.closed}{' '}
                                {formatDateTime(b.closedAt, lang, timeZone)}
                                {b.tier
                                  ? ` · ${compliance.vocabulary[r.policyId]?.tiers[b.tier] ?? b.tier}`
                                  : ''}
                              </li>
                            ))}
                          </ul>
                        </td>
                      </tr>
                    ),
                  ];
                })}
              </tbody>
            </table>
          ))}
        </>
      )}
    </section>
  );
}
