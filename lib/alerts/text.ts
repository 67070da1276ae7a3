/** Notification titles and messages in Dutch and English (the background passes the language and zone). */
import type { MetricName } from '../sla/types';
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
  const due =
    n.dueAt === null
      ? '—'
      : new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
          weekday: 'short',
          hour: '2-digit',
          minute: '2-digit',
          timeZone,
        }).format(n.dueAt);
  return {
    title: `${t.title[n.threshold]}: ${n.ticketKey}${n.priority ? ` (${n.priority})` : ''}`,
    message: t.body[n.threshold](t.metric[n.metric], due),
    contextMessage: n.subject,
  };
}
