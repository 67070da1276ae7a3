/**
 * Compliance history from the helpdesk: what the figures count (tickets the extension saw finish, or
 * the period read from the helpdesk, and when), a button to read the period, its progress and problems.
 */
import { formatDateTime } from './format';
import type { RefreshModel } from '../../lib/messaging/popup';
import { RefreshErrors, RefreshProgress } from './RefreshBar';
import type { Lang, Strings } from './strings';

export interface HistoryBarProps {
  /** When this period's finished tickets were last read from the helpdesks; null: never. */
  loadedAt: number | null;
  refresh: RefreshModel;
  onLoad: () => void;
  lang: Lang;
  timeZone: string;
  t: Strings;
}

export function HistoryBar({ loadedAt, refresh, onLoad, lang, timeZone, t }: HistoryBarProps) {
  const mine = refresh.kind === 'history';
  const reading = refresh.running && mine;
  const p = reading ? refresh.progress : null;
  return (
    <section class="history" aria-label={t.history.button} data-read={String(loadedAt !== null && !reading)}>
      <p class="history-note">
        {/* Live: it changes once, when a read finishes (the progress below is not live). */}
        <span role="status">
          {loadedAt === null
            ? t.history.observed
            : t.history.loaded(formatDateTime(loadedAt, lang, timeZone))}
        </span>{' '}
        <button
          type="button"
          onClick={() => {
            if (!refresh.running) onLoad();
          }}
          // Not `disabled`: focus stays on the button while the read runs (see RefreshBar).
          aria-disabled={refresh.running}
          aria-busy={reading}
        >
          {reading ? t.history.running : loadedAt === null ? t.history.button : t.history.again}
        </button>
      </p>
      {p && <RefreshProgress progress={p} t={t} />}
      {mine && !reading && <RefreshErrors errors={refresh.errors} title={t.history.errors} />}
    </section>
  );
}
