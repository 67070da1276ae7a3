/**
 * A policy as readable documentation: opening hours per tier (zone, windows, holidays of the next 12
 * months), the matrix as a grid, targets per type and tier in the contract's words, compliance
 * goals, pauses, exemptions, escalation and sources. Everything is rendered as text.
 */
import type { Policy, PolicyTarget } from '../../lib/sla/schema';
import {
  collectSources,
  durationText,
  formatDate,
  label,
  levelLabel,
  priorityLabel,
  sourcePlace,
} from './format';
import type { Holiday } from '../../lib/messaging/options';
import { goalTextIsOnlyThePercent, isStrictGoal } from '../../lib/compliance/goals';
import type { Lang, Strings } from './strings';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const METRICS = ['response', 'resolution'] as const;

interface Props {
  policy: Policy;
  holidays: Holiday[];
  lang: Lang;
  t: Strings;
}

export function PolicyView({ policy, holidays, lang, t }: Props) {
  const idBase = `policy-${policy.id}`;
  return (
    <div class="policy-doc">
      <Calendars policy={policy} holidays={holidays} lang={lang} t={t} idBase={idBase} />
      {policy.matrix ? <Matrix policy={policy} lang={lang} t={t} /> : null}
      <Targets policy={policy} lang={lang} t={t} />
      <Rules policy={policy} lang={lang} t={t} />
      <Sources policy={policy} lang={lang} t={t} />
    </div>
  );
}

function Calendars({ policy, holidays, lang, t, idBase }: Props & { idBase: string }) {
  return (
    <section aria-labelledby={`${idBase}-cal`}>
      <h4 id={`${idBase}-cal`}>{t.doc.calendars}</h4>
      {policy.tiers.map((tier) => {
        const cal = policy.calendars[tier.calendar];
        if (!cal) return null;
        const list = holidays.filter((h) => h.calendars.includes(tier.calendar));
        return (
          <div class="tier-calendar" key={tier.id}>
            <h5>
              {t.doc.tier}: {label(tier.label, lang, tier.id)}{' '}
              {tier.id === policy.defaultTier ? t.doc.defaultMark : ''}
              {cal.label ? ` — ${label(cal.label, lang)}` : ''}
            </h5>
            <p>
              {t.doc.zone}:{' '}
              {policy.useTicketTimezone ? t.doc.zoneFromTicket(policy.timezone) : policy.timezone}
            </p>
            {cal.hours === '24x7' ? (
              <p>{t.doc.alwaysOpen}</p>
            ) : (
              <table class="hours">
                <tbody>
                  {WEEKDAYS.map((d) => {
                    const windows = cal.hours === '24x7' ? [] : (cal.hours[d] ?? []);
                    return (
                      <tr key={d}>
                        <th scope="row">{t.weekdays[d]}</th>
                        <td>
                          {windows.length ? windows.map((w) => w.replace('-', '–')).join(', ') : t.doc.closed}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
            {cal.businessDayHours ? <p>{t.doc.businessDay(cal.businessDayHours)}</p> : null}
            {cal.holidays?.length ? (
              <p>
                {t.doc.holidaySets}:{' '}
                {cal.holidays
                  .map((h) => (typeof h === 'string' ? h : h.set))
                  .map((h) => t.doc.holidaySet[h] ?? h)
                  .join(', ')}
              </p>
            ) : null}
            {cal.closedDates?.length ? (
              <p>
                {t.doc.closedDates}: {cal.closedDates.map((d) => formatDate(d, lang)).join(', ')}
              </p>
            ) : null}
            {cal.holidays?.length || cal.closedDates?.length ? (
              <details>
                <summary>{t.doc.upcoming}</summary>
                {list.length ? (
                  <ul class="holidays">
                    {list.map((h) => (
                      <li key={h.date}>
                        <time dateTime={h.date}>{formatDate(h.date, lang)}</time> — {h.name[lang]}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p>{t.doc.noHolidays}</p>
                )}
              </details>
            ) : null}
          </div>
        );
      })}
    </section>
  );
}

function Matrix({ policy, lang, t }: Omit<Props, 'holidays'>) {
  const m = policy.matrix;
  if (!m) return null;
  const cap = m.caps?.find((c) => c.when === 'workaround');
  return (
    <section>
      <h4>{t.doc.matrix}</h4>
      <table class="matrix">
        <thead>
          <tr>
            <th scope="col">
              {t.doc.impact} ↓ / {t.doc.urgency} →
            </th>
            {m.urgency.map((u) => (
              <th scope="col" key={u.id}>
                {label(u.label, lang, u.id)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {m.impact.map((i) => (
            <tr key={i.id}>
              <th scope="row">{label(i.label, lang, i.id)}</th>
              {m.urgency.map((u) => {
                const p = m.cells[i.id]?.[u.id];
                return <td key={u.id}>{p ? priorityLabel(policy, p, lang, t) : '—'}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {cap ? <p>{t.doc.cap(priorityLabel(policy, cap.max, lang, t))}</p> : null}
    </section>
  );
}

function targetCell(target: PolicyTarget | undefined, t: Strings) {
  if (!target) return t.doc.noTarget;
  const due = durationText(target.due, t);
  if (!target.goal) return due;
  return `${t.doc.goal(target.goal.percent)}: ${durationText(target.goal, t)}; ${t.doc.due}: ${due}`;
}

function Targets({ policy, lang, t }: Omit<Props, 'holidays'>) {
  return (
    <section>
      <h4>{t.doc.targets}</h4>
      {Object.entries(policy.targets).map(([type, byTier]) =>
        Object.entries(byTier).map(([tier, byPrio]) => {
          const typeLabel = levelLabel(policy.types, type, lang);
          const tierLabel = tier === '*' ? t.doc.anyTier : levelLabel(policy.tiers, tier, lang);
          const caption = `${typeLabel} — ${tierLabel}`;
          return (
            <table class="targets" key={`${type}/${tier}`}>
              <caption>{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.doc.priority}</th>
                  {METRICS.map((m) => (
                    <th scope="col" key={m}>
                      {t.doc[m]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {Object.entries(byPrio).map(([prio, metrics]) => (
                  <tr key={prio}>
                    <th scope="row">{priorityLabel(policy, prio, lang, t)}</th>
                    {METRICS.map((m) => (
                      <td key={m}>{targetCell(metrics[m], t)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          );
        }),
      )}
    </section>
  );
}

function Rules({ policy, lang, t }: Omit<Props, 'holidays'>) {
  const compliance = policy.priorities.filter((p) => p.compliance);
  return (
    <>
      {compliance.length ? (
        <section>
          <h4>{t.doc.compliance}</h4>
          <ul>
            {compliance.map((p) => (
              <li key={p.id}>
                {t.doc.complianceRow(
                  priorityLabel(policy, p.id, lang, t),
                  p.compliance?.percent ?? 0,
                  isStrictGoal(p.compliance?.text),
                )}
                {/* The contract's own words only when they say more than the figure ("> 99%" does not). */}
                {p.compliance?.text && !goalTextIsOnlyThePercent(p.compliance.text) ? (
                  <>
                    {' — '}
                    <span lang={policy.contract?.language}>{p.compliance.text}</span>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {policy.pause ? (
        <section>
          <h4>{t.doc.pause}</h4>
          <p>
            {t.doc.pauseRow(
              policy.pause.statuses.join(', '),
              policy.pause.metrics.map((m) => t.doc[m]).join(', '),
            )}
          </p>
        </section>
      ) : null}
      {policy.exemptions?.length ? (
        <section>
          <h4>{t.doc.exemptions}</h4>
          <ul>
            {policy.exemptions.map((e) => (
              <li key={e.id}>{label(e.reason, lang)}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {policy.escalation?.length || policy.customerMayOverride ? (
        <section>
          <h4>{t.doc.escalation}</h4>
          <ul>
            {(policy.escalation ?? []).map((e, i) => (
              <li key={i}>
                {label(e.text, lang)}
                {e.contact ? ` — ${e.contact}` : ''}
              </li>
            ))}
            {policy.customerMayOverride ? <li>{t.doc.customerMayOverride}</li> : null}
          </ul>
        </section>
      ) : null}
      {policy.notes?.length ? (
        <section>
          <h4>{t.doc.notes}</h4>
          <ul>
            {policy.notes.map((n, i) => (
              <li key={i}>{typeof n === 'string' ? n : label(n, lang)}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

function Sources({ policy, lang, t }: { policy: Policy; lang: Lang; t: Strings }) {
  const sources = collectSources(policy);
  if (!sources.length && !policy.contract) return null;
  return (
    <section>
      <h4>{t.doc.sources}</h4>
      {policy.contract ? (
        <p>
          {t.policy.contract}: <span lang={policy.contract.language}>{policy.contract.title}</span>
          {policy.contract.version ? ` (${t.policy.version} ${policy.contract.version})` : ''}
        </p>
      ) : null}
      <ul class="sources">
        {sources.map((s, i) => (
          <li key={i}>
            <span>{sourcePlace(policy, s.path, lang, t)}</span>:{' '}
            <span lang={policy.contract?.language}>{s.source}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
