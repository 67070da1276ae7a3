/** Refresh the queue from the helpdesk APIs: button, progress, last refresh time, problems. */
import { formatDateTime } from './format';
import type { RefreshError, RefreshModel } from '../../lib/messaging/popup';
import type { Lang, Strings } from './strings';

export interface RefreshBarProps {
  refresh: RefreshModel;
  onRefresh: () => void;
  lang: Lang;
  timeZone: string;
  t: Strings;
}

export function RefreshBar({ refresh, onRefresh, lang, timeZone, t }: RefreshBarProps) {
  const p = refresh.progress;
  return (
    <section class="refresh" aria-label={t.refresh.button}>
      <button
        type="button"
        class="refresh-button"
        onClick={() => {
          if (!refresh.running) onRefresh();
        }}
        // Not `disabled`: a disabled button drops keyboard focus to the page; this one keeps it.
        aria-disabled={refresh.running}
        aria-busy={refresh.running}
      >
        {refresh.running
          ? refresh.kind === 'history'
            ? t.history.running
            : t.refresh.running
          : t.refresh.button}
      </button>
      {refresh.running && p && <RefreshProgress progress={p} t={t} />}
      {/* The one live text of a refresh: empty while it runs, then when it finished (one
          announcement; the count of tickets read, which changes every poll, is not live). */}
      <span class="refresh-last" role="status">
        {refresh.running
          ? ''
          : refresh.lastRefreshAt === null
            ? t.refresh.never
            : t.refresh.last(formatDateTime(refresh.lastRefreshAt, lang, timeZone))}
      </span>
      {refresh.kind === 'queue' && <RefreshErrors errors={refresh.errors} title={t.refresh.errors} />}
    </section>
  );
}

/** Tickets read so far (a bar when the total is known), or the wait a 429 asked for; not live. */
export function RefreshProgress({
  progress: p,
  t,
}: {
  progress: NonNullable<RefreshModel['progress']>;
  t: Strings;
}) {
  return (
    <span class="refresh-progress">
      {p.total !== null ? <progress value={p.done} max={Math.max(p.total, 1)} /> : <progress />}{' '}
      {p.waitingMs ? t.refresh.waiting(Math.ceil(p.waitingMs / 1000)) : t.refresh.progress(p.done, p.total)}
    </span>
  );
}

/** What went wrong per helpdesk host, as an alert; nothing when nothing did. */
export function RefreshErrors({ errors, title }: { errors: readonly RefreshError[]; title: string }) {
  if (errors.length === 0) return null;
  return (
    <div class="refresh-errors" role="alert">
      <strong>{title}</strong>
      <ul>
        {errors.map((e) => (
          <li key={`${e.helpdesk}:${e.host}`}>
            {e.host}: {e.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
