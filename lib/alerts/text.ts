/** Notification titles and messages in Dutch and English (the background passes the language and zone). */
import { formatDuration } from '../i18n/format';
import type { MetricName } from '../sla/types';
import type { NewTicketAlert } from './new-ticket';
import type { PlannedNotification, Threshold } from './plan';

export type AlertLanguage = 'en' | 'nl';

const T = {
  en: {
    metric: { response: 'response', resolution: 'resolution' } as Record<MetricName, string>,
    title: { 'at-risk': 'SLA at risk', goal: 'SLA goal missed', breach: 'SLA breached' } as Record<
      Threshold,
      string
    >,
    body: {
      'at-risk': (m: string, due: string) => `${m} due ${due}`,
      goal: (m: string, due: string) => `${m} goal passed; deadline ${due}`,
      breach: (m: string, due: string) => `${m} deadline passed (${due})`,
    } as Record<Threshold, (m: string, due: string) => string>,
    newTitle: (p: string | null, at: string | null) => `New ${p ?? 'ticket'}${at ? ` at ${at}` : ''}`,
    newBody: (m: string, due: string, left: string, over: boolean) =>
      over ? `${m} was due ${due}, ${left} ago` : `${m} due ${due}, in ${left}`,
    newSummaryTitle: (n: number) => `${n} new tickets close to a deadline`,
    summaryTitle: (n: number) => `${n} SLA alerts`,
    summaryBody: (b: number, g: number, r: number) =>
      [b && `${b} breached`, g && `${g} goal missed`, r && `${r} at risk`].filter(Boolean).join(', ') +
      ' — open the popup for the list',
  },
  nl: {
    metric: { response: 'reactie', resolution: 'oplossing' } as Record<MetricName, string>,
    title: { 'at-risk': 'SLA in gevaar', goal: 'SLA-doel gemist', breach: 'SLA verbroken' } as Record<
      Threshold,
      string
    >,
    body: {
      'at-risk': (m: string, due: string) => `${m} uiterlijk ${due}`,
      goal: (m: string, due: string) => `doel voor ${m} verstreken; uiterlijk ${due}`,
      breach: (m: string, due: string) => `termijn voor ${m} verstreken (${due})`,
    } as Record<Threshold, (m: string, due: string) => string>,
    newTitle: (p: string | null, at: string | null) => `Nieuw: ${p ?? 'ticket'}${at ? ` bij ${at}` : ''}`,
    newBody: (m: string, due: string, left: string, over: boolean) =>
      over ? `${m} was uiterlijk ${due}, ${left} geleden` : `${m} uiterlijk ${due}, over ${left}`,
    newSummaryTitle: (n: number) => `${n} nieuwe tickets dicht bij een termijn`,
    summaryTitle: (n: number) => `${n} SLA-meldingen`,
    summaryBody: (b: number, g: number, r: number) =>
      [b && `${b} verbroken`, g && `${g} doel gemist`, r && `${r} in gevaar`].filter(Boolean).join(', ') +
      ' — open de pop-up voor de lijst',
  },
};

export interface NotificationText {
  title: string;
  message: string;
  /** Secondary line (the subject), for platforms that show it. */
  contextMessage?: string;
}

export function notificationText(
  n: PlannedNotification,
  lang: AlertLanguage,
  timeZone: string,
): NotificationText {
  const t = T[lang];
  if (n.kind === 'summary')
    return {
      title: t.summaryTitle(n.count),
      message: t.summaryBody(n.byThreshold.breach, n.byThreshold.goal, n.byThreshold['at-risk']),
    };
  const due = n.dueAt === null ? '—' : dueText(n.dueAt, lang, timeZone);
  return {
    title: `${t.title[n.threshold]}: ${n.ticketKey}${n.priority ? ` (${n.priority})` : ''}`,
    message: t.body[n.threshold](t.metric[n.metric], due),
    contextMessage: n.subject,
  };
}

const dueText = (at: number, lang: AlertLanguage, timeZone: string) =>
  new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(at);

/** "New P1 at Workspace 365" / "response due Tue 10:15, in 4 min" (lib/alerts/new-ticket.ts). */
export function newTicketText(
  a: NewTicketAlert,
  lang: AlertLanguage,
  timeZone: string,
  now: number,
): NotificationText {
  const t = T[lang];
  const metric = t.metric[a.metric];
  const left = formatDuration(a.dueAt - now, lang);
  return {
    title: t.newTitle(a.priority, a.policyName),
    message: `${a.ticketKey}: ${t.newBody(metric, dueText(a.dueAt, lang, timeZone), left, a.dueAt <= now)}`,
    contextMessage: a.subject,
  };
}

/** More than a few new tickets at once: one notification that points to the popup. */
export function newTicketsSummaryText(count: number, lang: AlertLanguage): NotificationText {
  const t = T[lang];
  return { title: t.newSummaryTitle(count), message: t.summaryBody(0, 0, count) };
}
