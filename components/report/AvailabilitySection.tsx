/**
 * The report's availability per month and tier (lib/report/availability): target, measured, met or
 * missed, outage minutes, the outage tickets, and the contract's words. Props in, no `browser.*`.
 */
import type { AvailabilitySection as Availability } from '../../lib/report/availability';
import { formatDuration } from '../../lib/i18n/format';
import { formatDateTime, formatPercent } from '../popup/format';
import type { ReportLang } from '../../lib/messaging/report';
import { TicketLink } from './TicketLink';

export const availabilityStrings = {
  en: {
    title: 'Availability',
    formula:
      'Availability = (TMM − TMD) / TMM: minutes of the month without maintenance, less outage minutes.',
    month: 'Month',
    tier: 'Level',
    target: 'Target',
    measured: 'Measured',
    verdict: 'Verdict',
    met: 'met',
    missed: 'missed',
    allMaintenance: 'all maintenance',
    outage: 'Outage time',
    minutes: 'Minutes (TMM)',
    maintenance: 'Maintenance',
    tickets: 'Outage tickets',
    open: 'still open',
    environments: (n: number) => `Counted for ${n} environments.`,
    notConfigured:
      'No assignment of this contract says which tickets are outages (Options → Assignments → Outage tickets), so no downtime was counted.',
    unknown: (n: number) =>
      `${n} ticket${n === 1 ? '' : 's'} could not be judged (tags or type not known, or no creation time) and ${n === 1 ? 'is' : 'are'} not counted:`,
    section: 'contract section',
  },
  nl: {
    title: 'Beschikbaarheid',
    formula:
      'Beschikbaarheid = (TMM − TMD) / TMM: minuten van de maand zonder onderhoud, min de minuten storing.',
    month: 'Maand',
    tier: 'Niveau',
    target: 'Norm',
    measured: 'Gemeten',
    verdict: 'Oordeel',
    met: 'gehaald',
    missed: 'niet gehaald',
    allMaintenance: 'geheel onderhoud',
    outage: 'Storingstijd',
    minutes: 'Minuten (TMM)',
    maintenance: 'Onderhoud',
    tickets: 'Storingstickets',
    open: 'nog open',
    environments: (n: number) => `Geteld voor ${n} omgevingen.`,
    notConfigured:
      'Geen toewijzing van dit contract zegt welke tickets storingen zijn (Opties → Toewijzingen → Storingstickets), dus er is geen downtime geteld.',
    unknown: (n: number) =>
      `${n} ticket${n === 1 ? '' : 's'} kon${n === 1 ? '' : 'den'} niet worden beoordeeld (tags of type onbekend, of geen aanmaaktijd) en ${n === 1 ? 'telt' : 'tellen'} niet mee:`,
    section: 'contractartikel',
  },
};

/** Truncated, not rounded: 99.4996% never shows as 99.5% against a 99.5% target. */
const percent = (p: number, lang: ReportLang) => formatPercent(Math.floor(p * 1000) / 100_000, lang, 3);

export function AvailabilitySection({
  a,
  lang,
  zone,
}: {
  a: Availability;
  lang: ReportLang;
  /** The viewer's zone for the outage tickets' times. */
  zone: string;
}) {
  const t = availabilityStrings[lang];
  const minutes = (m: number) => (m === 0 ? '0' : formatDuration(m * 60_000, lang, { largest: 'h' }));
  return (
    <section aria-labelledby="h-availability">
      <h2 id="h-availability">{t.title}</h2>
      <p>{t.formula}</p>
      {a.environments > 1 && <p>{t.environments(a.environments)}</p>}
      {!a.configured && <p class="availability-not-configured">{t.notConfigured}</p>}
      <table class="availability">
        <thead>
          <tr>
            <th scope="col">{t.month}</th>
            <th scope="col">{t.tier}</th>
            <th scope="col">{t.target}</th>
            <th scope="col">{t.measured}</th>
            <th scope="col">{t.verdict}</th>
            <th scope="col">{t.outage}</th>
            <th scope="col">{t.minutes}</th>
            <th scope="col">{t.maintenance}</th>
            <th scope="col">{t.tickets}</th>
          </tr>
        </thead>
        <tbody>
          {a.months.map((m) => (
            <tr
              key={`${m.month}|${m.tier}`}
              data-availability={`${m.month}|${m.tier}`}
              class={m.met === false ? 'misses' : m.met ? 'meets' : ''}
            >
              <th scope="row">{m.month}</th>
              <td>{m.tierLabel[lang]}</td>
              <td>{formatPercent(m.target / 100, lang, 3)}</td>
              <td>{m.percent === null ? t.allMaintenance : percent(m.percent, lang)}</td>
              <td>{m.met === null ? '—' : m.met ? t.met : t.missed}</td>
              <td>{minutes(m.tmdMinutes)}</td>
              <td>{Math.round(m.tmmMinutes)}</td>
              <td>{minutes(m.maintenanceMinutes)}</td>
              <td>
                {m.outages.length === 0
                  ? '—'
                  : m.outages.map((o, i) => (
                      <span key={o.key} class="outage">
                        {i > 0 ? ', ' : ''}
                        <TicketLink link={o.link}>{o.ticketKey}</TicketLink>{' '}
                        {formatDateTime(o.from, lang, zone)} –{' '}
                        {o.to === null ? t.open : formatDateTime(o.to, lang, zone)} ({minutes(o.minutes)})
                      </span>
                    ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {a.unknown.length > 0 && (
        <p class="availability-unknown">
          {t.unknown(a.unknown.length)}{' '}
          {a.unknown.map((u, i) => (
            <span key={u.key}>
              {i > 0 ? ', ' : ''}
              <TicketLink link={u.link}>{u.ticketKey}</TicketLink>
            </span>
          ))}
        </p>
      )}
      {a.text && (
        <blockquote>
          {a.text[lang]}
          {a.source ? ` (${t.section} ${a.source})` : ''}
        </blockquote>
      )}
    </section>
  );
}
