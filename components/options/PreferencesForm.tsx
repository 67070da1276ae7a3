/** Language, at-risk threshold, notifications, sidebar side, queue watch; managed values are shown locked. */
import { useEffect, useState } from 'preact/hooks';
import { WATCH_MINUTES, type Preferences } from '../../lib/storage/schemas';
import type { ActionResult, LockSource } from '../../lib/messaging/options';
import type { Strings } from './strings';
import { Field, LockedBadge, Status } from './ui';

export interface PreferencesFormProps {
  preferences: Preferences;
  locked: Partial<Record<keyof Preferences, LockSource>>;
  t: Strings;
  onSave(patch: Partial<Preferences>): Promise<ActionResult>;
  /** The keyboard shortcut that focuses the sidebar, as the browser has it; '' when none is set. */
  sidebarShortcut?: string | null | undefined;
}

export function PreferencesForm({
  preferences: stored,
  locked,
  t,
  onSave,
  sidebarShortcut,
}: PreferencesFormProps) {
  // What the user chose and the worker has not confirmed yet. Shown over the stored values, so a
  // re-render between a change and the model's reload (another save answering first) never flips a
  // control back; dropped once the stored value agrees, or when its save fails.
  const [pending, setPending] = useState<Partial<Preferences>>({});
  const preferences: Preferences = { ...stored, ...pending };
  const [atRisk, setAtRisk] = useState(String(preferences.atRiskPercent));
  const [atRiskError, setAtRiskError] = useState<string | null>(null);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  useEffect(() => {
    setPending((p) => withoutSettled(p, stored));
  }, [stored]);
  const forget = (patch: Partial<Preferences>) =>
    setPending((p) => {
      const rest = { ...p };
      for (const k of Object.keys(patch) as Array<keyof Preferences>)
        if (rest[k] === patch[k]) delete rest[k];
      return rest;
    });
  const save = (patch: Partial<Preferences>) => {
    setPending((p) => ({ ...p, ...patch }));
    return onSave(patch).then(
      (r) => {
        if (!r.ok) forget(patch);
        setStatus(r.ok ? { text: t.saved, error: false } : { text: r.message, error: true });
      },
      (e: unknown) => {
        forget(patch);
        setStatus({ text: String(e), error: true });
      },
    );
  };
  const lockLabel = (k: keyof Preferences) => <LockedBadge source={locked[k]} t={t} />;

  return (
    <form class="preferences" onSubmit={(e) => e.preventDefault()}>
      <Field
        id="pref-language"
        label={
          <>
            {t.prefs.language} {lockLabel('language')}
          </>
        }
      >
        {(a) => (
          <select
            {...a}
            disabled={Boolean(locked.language)}
            value={preferences.language}
            onChange={(e) => save({ language: e.currentTarget.value as Preferences['language'] })}
          >
            {(['auto', 'nl', 'en'] as const).map((l) => (
              <option key={l} value={l}>
                {t.prefs.languages[l]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id="pref-at-risk"
        label={
          <>
            {t.prefs.atRisk} {lockLabel('atRiskPercent')}
          </>
        }
        help={t.prefs.atRiskHelp}
        error={atRiskError}
      >
        {(a) => (
          <input
            {...a}
            type="number"
            min={1}
            max={90}
            step={1}
            disabled={Boolean(locked.atRiskPercent)}
            value={atRisk}
            onInput={(e) => setAtRisk(e.currentTarget.value)}
            onChange={(e) => {
              const n = Number(e.currentTarget.value);
              if (!/^\d+$/.test(e.currentTarget.value.trim()) || n < 1 || n > 90) {
                setAtRiskError(t.prefs.atRiskInvalid);
                return;
              }
              setAtRiskError(null);
              void save({ atRiskPercent: n });
            }}
          />
        )}
      </Field>
      <div class="field">
        <input
          id="pref-notifications"
          type="checkbox"
          disabled={Boolean(locked.notifications)}
          checked={preferences.notifications}
          onChange={(e) => save({ notifications: e.currentTarget.checked })}
        />
        <label for="pref-notifications">
          {t.prefs.notifications} {lockLabel('notifications')}
        </label>
      </div>
      <fieldset disabled={Boolean(locked.sidebarSide)}>
        <legend>
          {t.prefs.side} {lockLabel('sidebarSide')}
        </legend>
        {(['right', 'left'] as const).map((s) => (
          <label key={s}>
            <input
              type="radio"
              name="pref-side"
              value={s}
              checked={preferences.sidebarSide === s}
              onChange={() => save({ sidebarSide: s })}
            />{' '}
            {t.prefs.sides[s]}
          </label>
        ))}
      </fieldset>
      <Field
        id="pref-watch"
        label={
          <>
            {t.prefs.watch} {lockLabel('watchMinutes')}
          </>
        }
        help={t.prefs.watchHelp}
      >
        {(a) => (
          <select
            {...a}
            disabled={Boolean(locked.watchMinutes)}
            value={String(preferences.watchMinutes)}
            onChange={(e) =>
              save({ watchMinutes: Number(e.currentTarget.value) as Preferences['watchMinutes'] })
            }
          >
            {WATCH_MINUTES.map((m) => (
              <option key={m} value={String(m)}>
                {m === 0 ? t.prefs.watchOff : t.prefs.watchEvery(m)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {sidebarShortcut !== undefined && sidebarShortcut !== null && (
        <p class="shortcut" id="pref-shortcut">
          {sidebarShortcut ? t.prefs.shortcut(sidebarShortcut) : t.prefs.noShortcut}{' '}
          <span class="help">{t.prefs.shortcutHelp}</span>
        </p>
      )}
      <Status text={status?.text ?? null} kind={status?.error ? 'error' : 'info'} />
    </form>
  );
}

function withoutSettled(pending: Partial<Preferences>, stored: Preferences): Partial<Preferences> {
  const keys = Object.keys(pending) as Array<keyof Preferences>;
  if (!keys.some((k) => pending[k] === stored[k])) return pending;
  const rest = { ...pending };
  for (const k of keys) if (rest[k] === stored[k]) delete rest[k];
  return rest;
}
