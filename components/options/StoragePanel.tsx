/**
 * Stored data: elements that could not be read (kept aside, with what is wrong and a Delete button),
 * and the ticket store's size, retention and "Clear history" (asks for confirmation first).
 */
import { useState } from 'preact/hooks';
import type { Preferences } from '../../lib/storage/schemas';
import type { ActionResult, LockSource, QuarantineEntry, StoreInfo } from '../../lib/messaging/options';
import type { Strings } from './strings';
import { Field, LockedBadge, Status } from './ui';

export function QuarantineList(props: {
  entries: QuarantineEntry[];
  t: Strings;
  onDelete(id: string): Promise<ActionResult>;
}) {
  const { t } = props;
  const [status, setStatus] = useState<string | null>(null);
  if (!props.entries.length) return null;
  return (
    <div class="error" role="region" aria-labelledby="h-quarantine">
      <h2 id="h-quarantine">{t.quarantine.title}</h2>
      <p>{t.quarantine.body}</p>
      <ul>
        {props.entries.map((q) => (
          <li key={q.id}>
            <code>
              {q.key}.{q.path}
            </code>
            : {q.message}
            <pre>{q.raw}</pre>
            <button
              type="button"
              aria-label={`${t.quarantine.delete}: ${q.key}.${q.path}`}
              onClick={() =>
                void props.onDelete(q.id).then((r) => setStatus(r.ok ? t.quarantine.deleted : r.message))
              }
            >
              {t.quarantine.delete}
            </button>
          </li>
        ))}
      </ul>
      <Status text={status} />
    </div>
  );
}

const formatBytes = (n: number) =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} kB`;

export function StoreSection(props: {
  store: StoreInfo;
  preferences: Preferences;
  locked: Partial<Record<keyof Preferences, LockSource>>;
  t: Strings;
  confirm: (message: string) => boolean;
  onSave(patch: Partial<Preferences>): Promise<ActionResult>;
  onClear(): Promise<ActionResult>;
}) {
  const { t, store } = props;
  const [days, setDays] = useState(String(props.preferences.finishedRetentionDays));
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const done = (r: ActionResult) =>
    setStatus(r.ok ? { text: t.saved, error: false } : { text: r.message, error: true });
  return (
    <div class="store">
      <h3>{t.store.title}</h3>
      <p>
        {t.store.summary(store.tickets, store.archived)}
        {store.bytes !== null ? ` ${t.store.size(formatBytes(store.bytes))}` : ''}
      </p>
      {store.damaged > 0 ? <p class="error">{t.store.damaged(store.damaged)}</p> : null}
      <Field
        id="pref-retention"
        label={
          <>
            {t.store.retention} <LockedBadge source={props.locked.finishedRetentionDays} t={t} />
          </>
        }
        help={t.store.retentionHelp}
        error={error}
      >
        {(a) => (
          <input
            {...a}
            type="number"
            min={31}
            max={3660}
            step={1}
            disabled={Boolean(props.locked.finishedRetentionDays)}
            value={days}
            onInput={(e) => setDays(e.currentTarget.value)}
            onChange={(e) => {
              const text = e.currentTarget.value.trim();
              const n = Number(text);
              if (!/^\d+$/.test(text) || n < 31 || n > 3660) {
                setError(t.store.retentionInvalid);
                return;
              }
              setError(null);
              void props.onSave({ finishedRetentionDays: n }).then(done);
            }}
          />
        )}
      </Field>
      <button
        type="button"
        onClick={() => {
          if (props.confirm(t.store.clearConfirm)) void props.onClear().then(done);
        }}
      >
        {t.store.clear}
      </button>
      <Status text={status?.text ?? null} kind={status?.error ? 'error' : 'info'} />
    </div>
  );
}
