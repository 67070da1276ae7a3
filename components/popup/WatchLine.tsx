/**
 * The queue watch in one line — "Watching 3 helpdesks · last checked 2 Dec, 10:42" — with each host's
 * last success, a sign-in request per signed-out host, and the problems the watch reports.
 */
import { HELPDESKS } from '../../lib/helpdesks/catalog';
import { helpdeskLabel } from '../../lib/helpdesks/catalog';
import { formatDateTime } from './format';
import type { WatchModel } from '../../lib/messaging/popup';
import type { Lang, Strings } from './strings';

export interface WatchLineProps {
  watch: WatchModel;
  lang: Lang;
  timeZone: string;
  t: Strings;
}

/** Where a signed-out agent signs in again. */
const signInUrl = (h: WatchModel['hosts'][number]) => `https://${h.host}${HELPDESKS[h.helpdesk].signInPath}`;

export function WatchLine({ watch, lang, timeZone, t }: WatchLineProps) {
  const at = (ms: number | null) => (ms === null ? null : formatDateTime(ms, lang, timeZone));
  if (watch.minutes === 0)
    return (
      <p class="watch-line" data-watch="off">
        {t.watch.off}
      </p>
    );
  const signIn = watch.hosts.filter((h) => h.status === 'auth' || h.status === 'no-credentials');
  const problems = watch.hosts.filter((h) => h.message !== null && !signIn.includes(h));
  return (
    <section class="watch" aria-label={t.watch.label} data-watch="on">
      <p class="watch-line">{t.watch.line(watch.hosts.length, watch.minutes, at(watch.lastPollAt))}</p>
      {signIn.length > 0 && (
        <ul class="watch-signin" role="alert">
          {signIn.map((h) => (
            <li key={h.host}>
              {h.status === 'auth'
                ? t.watch.signIn(helpdeskLabel(h.helpdesk), h.host)
                : t.watch.noCredentials(h.host)}{' '}
              {h.status === 'auth' && (
                <a href={signInUrl(h)} target="_blank" rel="noopener noreferrer">
                  {t.watch.signInLink(helpdeskLabel(h.helpdesk))}
                </a>
              )}
            </li>
          ))}
        </ul>
      )}
      {problems.length > 0 && (
        <ul class="watch-problems" role="status">
          {problems.map((h) => (
            <li key={h.host}>
              {h.host}: {h.message}
            </li>
          ))}
        </ul>
      )}
      <details class="watch-hosts">
        <summary>{t.watch.perHost}</summary>
        <ul>
          {watch.hosts.map((h) => (
            <li key={h.host} data-status={h.status ?? 'pending'}>
              {h.host}: {h.lastSuccessAt === null ? t.watch.neverOk : t.watch.lastOk(at(h.lastSuccessAt)!)}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
