/**
 * The contract's service report: compliance against the goals, the 12-month trend (inline SVG with
 * the goal line, and the same figures as a table), breaches with the engine's explanation, what was
 * left out, median and 90th percentile, credits and obligations, availability. Props in, no `browser.*`: the page
 * asks the worker for another policy, month or language through `onRequest`.
 */
import type { ComplianceRow } from '../../lib/compliance/compute';
import type { ServiceReport, TrendSeries } from '../../lib/report/compute';
import { serviceReportCsv } from '../../lib/report/csv';
import type { ReportPeriod } from '../../lib/report/period';
import { formatDuration } from '../../lib/i18n/format';
import { formatDateTime, formatDay, formatPercent } from '../popup/format';
import type { ReportLang, ReportModel } from '../../lib/messaging/report';
import { reportStrings, type ReportStrings } from './strings';
import { PeriodControls } from './PeriodControls';
import { AvailabilitySection } from './AvailabilitySection';
import { TicketLink } from './TicketLink';

export interface ReportRequest {
  policyId: string | null;
  period: ReportPeriod;
  locale: ReportLang;
  /** null: all customers. */
  customer: string | null;
}

export interface ReportViewProps {
  model: ReportModel | null;
  onRequest: (r: ReportRequest) => void;
  onExport: (file: { filename: string; mime: string; text: string }) => void;
  onPrint: () => void;
  /** The language of "Loading…" until the model arrives (the page's address, else the worker's decision). */
  loadingLocale?: ReportLang;
}

/** Durations as the sidebar and popup write them: business time in hours, calendar time up to days. */
const units = (businessTime: boolean | null) => ({ largest: businessTime ? ('h' as const) : ('d' as const) });

function prioLabel(r: ServiceReport, id: string | null, lang: ReportLang, t: ReportStrings): string {
  if (id === null) return t.noPriority;
  const label = r.policy.priorities.find((p) => p.id === id)?.label[lang];
  return label && label !== id ? `${id} (${label})` : id;
}

function goalText(goal: ComplianceRow['goal'], lang: ReportLang, t: ReportStrings): string {
  if (!goal) return t.noGoal;
  return `${goal.strict ? '>' : '≥'} ${formatPercent(goal.percent / 100, lang)}`;
}

const CW = 240;
const CH = 60;

export function TrendChart({ s, label }: { s: TrendSeries; label: string }) {
  const bw = CW / s.points.length;
  const y = (share: number) => CH - share * CH;
  return (
    <svg class="trend-chart" width={CW} height={CH} viewBox={`0 0 ${CW} ${CH}`} role="img" aria-label={label}>
      <rect x="0" y="0" width={CW} height={CH} fill="var(--track, #f1f3f4)" />
      {s.points.map((p, i) =>
        p.share === null ? null : (
          <rect
            key={p.month}
            class={p.meetsGoal === false ? 'bar misses' : 'bar'}
            x={i * bw + 1}
            y={y(p.share)}
            width={bw - 2}
            height={CH - y(p.share)}
            fill={p.meetsGoal === false ? '#c5221f' : p.meetsGoal ? '#188038' : '#5f6368'}
          />
        ),
      )}
      {s.goal && (
        <line
          class="goal-line"
          x1="0"
          x2={CW}
          y1={y(s.goal.percent / 100)}
          y2={y(s.goal.percent / 100)}
          stroke="currentColor"
          stroke-dasharray="4 2"
        />
      )}
    </svg>
  );
}

function Body({ r, model, t }: { r: ServiceReport; model: ReportModel; t: ReportStrings }) {
  const lang = model.locale;
  const zone = model.timeZone;
  const fig = (priority: string | null, metric: string, measure: string) =>
    `${prioLabel(r, priority, lang, t)} · ${t.metricName[metric]} ${t.measureName[measure]}`;
  const instant = (iso: string | null) => (iso ? formatDateTime(Date.parse(iso), lang, zone) : '—');
  return (
    <>
      <p class="report-head">
        {t.period(formatDay(r.range.firstDay, lang), formatDay(r.range.lastDay, lang))} ·{' '}
        {t.tickets(r.tickets)}
        {r.customer !== null && <> · {t.customerLine(r.customer)}</>}
      </p>
      {r.customer === null && r.withoutCustomer > 0 && r.customers.length > 0 && (
        <p class="without-customer">{t.withoutCustomer(r.withoutCustomer)}</p>
      )}

      <section aria-labelledby="h-compliance">
        <h2 id="h-compliance">{t.compliance}</h2>
        <table class="compliance">
          <thead>
            <tr>
              <th scope="col">{t.priority}</th>
              <th scope="col">{t.metric}</th>
              <th scope="col">{t.result}</th>
              <th scope="col">{t.share}</th>
              <th scope="col">{t.goal}</th>
              <th scope="col">{t.verdict}</th>
            </tr>
          </thead>
          <tbody>
            {r.compliance.map((c) => (
              <tr
                key={`${c.priority}|${c.metric}|${c.measure}`}
                data-figure={`${c.priority ?? ''}|${c.metric}|${c.measure}`}
                class={c.meetsGoal === false ? 'misses' : c.meetsGoal ? 'meets' : ''}
              >
                <th scope="row">{prioLabel(r, c.priority, lang, t)}</th>
                <td>
                  {t.metricName[c.metric]} {t.measureName[c.measure]}
                </td>
                <td>
                  {c.met}/{c.total}
                </td>
                <td>{formatPercent(c.share, lang)}</td>
                <td>
                  {goalText(c.goal, lang, t)}
                  {c.goal?.source ? ` (${t.section} ${c.goal.source})` : ''}
                </td>
                <td>{c.meetsGoal === null ? t.noGoal : c.meetsGoal ? t.meets : t.misses}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="h-trend">
        <h2 id="h-trend">{t.trend}</h2>
        <div class="trend-charts">
          {r.trend.series
            .filter((s) => s.goal)
            .map((s) => (
              <figure key={s.id}>
                <TrendChart
                  s={s}
                  label={`${fig(s.priority, s.metric, s.measure)}: ${s.points
                    .map(
                      (p) => `${p.month} ${p.share === null ? t.trendEmpty : formatPercent(p.share, lang)}`,
                    )
                    .join(', ')}`}
                />
                <figcaption>{fig(s.priority, s.metric, s.measure)}</figcaption>
              </figure>
            ))}
        </div>
        <table class="trend">
          <thead>
            <tr>
              <th scope="col">{t.trendMonth}</th>
              <th scope="col">{t.count}</th>
              <th scope="col">{t.verdict}</th>
            </tr>
          </thead>
          <tbody>
            {r.trend.months.map((m) => (
              <tr key={m.month} data-month={m.month}>
                <th scope="row">{m.month}</th>
                <td>{m.tickets}</td>
                <td>{m.tickets === 0 ? t.trendEmpty : m.belowGoal ? t.trendBelow : t.trendOk}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {r.credits.length > 0 && (
        <section aria-labelledby="h-credits">
          <h2 id="h-credits">{t.credits}</h2>
          {r.credits.map((c) => (
            <div class="credit" key={c.id} data-credit={c.id}>
              <p class="credit-line">
                <strong>{t.creditLine(c.streak, c.percent)}</strong>
                {c.of ? ` (${c.of[lang]})` : ''}
                {c.streakMonths.length ? ` — ${c.streakMonths.join(', ')}` : ''}
              </p>
              <p>{t.creditRule(c.afterMonths, c.percentPerMonth, c.maxPercent)}</p>
              {c.text && (
                <blockquote>
                  {c.text[lang]}
                  {c.source ? ` (${t.section} ${c.source})` : ''}
                </blockquote>
              )}
            </div>
          ))}
        </section>
      )}

      {r.obligations.length > 0 && (
        <section aria-labelledby="h-obligations">
          <h2 id="h-obligations">{t.obligations}</h2>
          {r.obligations.map((o) => (
            <div key={o.id} data-obligation={o.id}>
              <h3>{o.label[lang]}</h3>
              <p>
                {t.evidence(o.tag)}
                {o.source ? ` ${t.section} ${o.source}` : ''}
              </p>
              <ul>
                {o.tickets.map((x) => (
                  <li key={x.key} class={`obligation ${x.status}`}>
                    <TicketLink link={x.link}>{x.ticketKey}</TicketLink> {x.subject} —{' '}
                    {formatDateTime(x.closedAt, lang, zone)}: {t.status[x.status]}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      )}

      {r.availability && <AvailabilitySection a={r.availability} lang={lang} zone={zone} />}

      <section aria-labelledby="h-breaches">
        <h2 id="h-breaches">{t.breaches}</h2>
        {r.breaches.length === 0 ? (
          <p>{t.noBreaches}</p>
        ) : (
          <ol class="breaches">
            {r.breaches.map((b) => (
              <li key={`${b.key}|${b.metric}|${b.measure}`} class="breach" data-ticket={b.ticketKey}>
                <p>
                  <TicketLink link={b.link}>{b.ticketKey}</TicketLink> {b.subject} —{' '}
                  {fig(b.priority, b.metric, b.measure)}: {t.missedAt} {instant(b.missedAt)}, {t.stoppedAt}{' '}
                  {instant(b.stoppedAt)}
                  {b.lateMs !== null && (
                    <>
                      ,{' '}
                      <strong class="late">
                        {t.late(
                          formatDuration(b.lateMs, lang, units(b.businessTime)),
                          b.businessTime === true,
                        )}
                      </strong>
                    </>
                  )}
                </p>
                {b.explanation ? (
                  <pre class="explanation" aria-label={t.explanation}>
                    {b.explanation}
                  </pre>
                ) : (
                  <p class="not-kept">{t.notKept}</p>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="h-left-out">
        <h2 id="h-left-out">{t.leftOut}</h2>
        {r.leftOut.length === 0 ? (
          <p>{t.leftOutNone}</p>
        ) : (
          <ul>
            {r.leftOut.map((l) => (
              <li key={`${l.metric}|${l.reason}`} data-left-out={`${l.metric}|${l.reason}`}>
                {t.metricName[l.metric]}: {l.count} × {t.reason[l.reason]}
                {l.tickets?.map((x) => (
                  <span key={x.key}>
                    {' '}
                    <TicketLink link={x.link}>{x.ticketKey}</TicketLink>
                    {x.why ? ` (${x.why})` : ''}
                  </span>
                ))}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="h-times">
        <h2 id="h-times">{t.times}</h2>
        <table class="times">
          <thead>
            <tr>
              <th scope="col">{t.priority}</th>
              <th scope="col">{t.metric}</th>
              <th scope="col">{t.count}</th>
              <th scope="col">{t.median}</th>
              <th scope="col">{t.p90}</th>
            </tr>
          </thead>
          <tbody>
            {r.times.map((x) => (
              <tr key={`${x.priority}|${x.metric}`} data-times={`${x.priority ?? ''}|${x.metric}`}>
                <th scope="row">{prioLabel(r, x.priority, lang, t)}</th>
                <td>{t.metricName[x.metric]}</td>
                <td>{x.count}</td>
                <td>{x.medianMs === null ? '—' : formatDuration(x.medianMs, lang, units(x.businessTime))}</td>
                <td>{x.p90Ms === null ? '—' : formatDuration(x.p90Ms, lang, units(x.businessTime))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <p class="computed">{t.computed(model.computeMs)}</p>
    </>
  );
}

export function ReportView({ model, onRequest, onExport, onPrint, loadingLocale }: ReportViewProps) {
  const lang: ReportLang = model?.locale ?? loadingLocale ?? 'en';
  const t = reportStrings[lang];
  if (!model)
    return (
      <main class="report" lang={lang}>
        <h1>{t.title}</h1>
        <p role="status">{t.loading}</p>
      </main>
    );
  const r = model.report;
  const request = (patch: Partial<ReportRequest>) =>
    onRequest({
      policyId: model.policyId,
      period: model.period,
      locale: model.locale,
      customer: model.customer,
      ...patch,
    });
  // The customers of the period, and the one chosen even when the period has none of its tickets.
  const customers = [...(r?.customers ?? [])];
  if (model.customer !== null && !customers.includes(model.customer)) customers.unshift(model.customer);
  const who = r?.customer ? `-${r.customer.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '')}` : '';
  const base = r
    ? `service-report-${r.policy.id}${who}-${r.range.firstDay}-${r.range.lastDay}`
    : 'service-report';
  return (
    <main class="report" lang={lang}>
      <h1>
        {t.title}
        {r ? `: ${r.policy.name}` : ''}
      </h1>
      {r?.policy.contract && <p class="contract">{r.policy.contract}</p>}
      <form class="report-controls no-print" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t.policy}{' '}
          <select
            name="policy"
            value={model.policyId ?? ''}
            onChange={(e) =>
              request({ policyId: (e.currentTarget as HTMLSelectElement).value || null, customer: null })
            }
          >
            {model.policies.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>{' '}
        <PeriodControls period={model.period} t={t} onChange={(period) => request({ period })} />{' '}
        {customers.length > 0 && (
          <>
            <label>
              {t.customer}{' '}
              <select
                name="customer"
                value={model.customer ?? ''}
                onChange={(e) => request({ customer: (e.currentTarget as HTMLSelectElement).value || null })}
              >
                <option value="">{t.allCustomers}</option>
                {customers.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            </label>{' '}
          </>
        )}
        <label>
          {t.language}{' '}
          <select
            name="lang"
            value={model.locale}
            onChange={(e) => request({ locale: (e.currentTarget as HTMLSelectElement).value as ReportLang })}
          >
            <option value="nl">Nederlands</option>
            <option value="en">English</option>
          </select>
        </label>{' '}
        <button type="button" onClick={onPrint}>
          {t.print}
        </button>{' '}
        <button
          type="button"
          disabled={!r}
          onClick={() =>
            r && onExport({ filename: `${base}.csv`, mime: 'text/csv', text: serviceReportCsv(r) })
          }
        >
          {t.csv}
        </button>{' '}
        <button
          type="button"
          disabled={!r}
          onClick={() =>
            r &&
            onExport({
              filename: `${base}.json`,
              mime: 'application/json',
              text: JSON.stringify(r, null, 2) + '\n',
            })
          }
        >
          {t.json}
        </button>
      </form>
      {model.error && <p role="alert">{model.error}</p>}
      {r && <Body r={r} model={model} t={t} />}
    </main>
  );
}
