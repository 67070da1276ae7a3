/** Refresh the queue from the helpdesk APIs: button, progress, last refresh time, problems. */
import { formatDateTime } from './format';
import type { RefreshModel } from './model';
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
        onClick={onRefresh}
        disabled={refresh.running}
        aria-busy={refresh.running}
      >
        {refresh.running
          ? refresh.kind === 'history'
            ? t.history.running
            : t.refresh.running
          : t.refresh.button}
      </button>
      {refresh.running && p && (
        <span class="refresh-progress" role="status">
          {p.total !== null ? <progress value={p.done} max={Math.max(p.total, 1)} /> : <progress />}{' '}
          {p.waitingMs
            ? t.refresh.waiting(Math.ceil(p.waitingMs / 1000))
            : t.refresh.progress(p.done, p.total)}
        </span>
      )}
      {!refresh.running && (
        <span class="refresh-last">
          {refresh.lastRefreshAt === null
            ? t.refresh.never
            : t.refresh.last(formatDateTime(refresh.lastRefreshAt, lang, timeZone))}
        </span>
      )}
      {refresh.kind === 'queue' && refresh.errors.length > 0 && (
        <div class="refresh-errors" role="alert">
          <strong>{t.refresh.errors}</strong>
          <ul>
            {refresh.errors.map((e) => (
              <li key={`${e.helpdesk}:${e.host}`}>
                {e.host}: {e.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
