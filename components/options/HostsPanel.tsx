/**
 * Self-hosted Zendesk/TOPdesk hosts. "Add" calls `onAdd` synchronously in the submit handler, so the
 * entrypoint can request the optional host permission within the user gesture. TOPdesk application
 * passwords per host: masked input, write-only (the page only learns whether one is stored).
 */
import { useState } from 'preact/hooks';
import { normaliseHost } from '../../lib/config/hosts';
import { HELPDESKS, HELPDESK_IDS, helpdeskLabel } from '../../lib/helpdesks/catalog';
import type { ActionResult, HelpdeskKind, HostEntryModel } from '../../lib/messaging/options';
import type { Strings } from './strings';
import { Field, LockedBadge, Status } from './ui';

/** The helpdesks a self-hosted host can be: those with an application password first (TOPdesk). */
const KINDS = [...HELPDESK_IDS].sort(
  (a, b) =>
    Number(HELPDESKS[b].auth === 'session-or-app-password') -
    Number(HELPDESKS[a].auth === 'session-or-app-password'),
);

export interface HostsPanelProps {
  hosts: HostEntryModel[];
  t: Strings;
  onAdd(entry: { host: string; helpdesk: HelpdeskKind }): Promise<ActionResult>;
  onRemove(host: string): Promise<ActionResult>;
  onSaveCredentials(host: string, username: string, password: string): Promise<ActionResult>;
  onClearCredentials(host: string): Promise<ActionResult>;
}

export function HostsPanel({
  hosts,
  t,
  onAdd,
  onRemove,
  onSaveCredentials,
  onClearCredentials,
}: HostsPanelProps) {
  const [address, setAddress] = useState('');
  // Self-hosted TOPdesk is the common case, so it is offered first.
  const [kind, setKind] = useState<HelpdeskKind>(KINDS[0] ?? HELPDESK_IDS[0]);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  const done = (r: ActionResult) =>
    setStatus(r.ok ? { text: t.saved, error: false } : { text: r.message, error: true });
  return (
    <div class="hosts">
      <p>{t.hosts.intro}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const r = normaliseHost(address, kind);
          if (!r.ok) {
            setError(t.hosts.problems[r.code] ?? r.message);
            return;
          }
          setError(null);
          setBusy(true);
          // Synchronous call inside the submit: the entrypoint requests the permission first.
          onAdd(r.entry)
            .then((res) => {
              done(res);
              if (res.ok) setAddress('');
            })
            .catch((err: unknown) => setStatus({ text: String(err), error: true }))
            .finally(() => setBusy(false));
        }}
      >
        <Field id="host-address" label={t.hosts.address} help={t.hosts.addressHelp} error={error}>
          {(a) => (
            <input
              {...a}
              type="text"
              inputMode="url"
              value={address}
              onInput={(e) => setAddress(e.currentTarget.value)}
            />
          )}
        </Field>
        <Field id="host-kind" label={t.hosts.kind}>
          {(a) => (
            <select {...a} value={kind} onChange={(e) => setKind(e.currentTarget.value as HelpdeskKind)}>
              {KINDS.map((id) => (
                <option key={id} value={id}>
                  {helpdeskLabel(id)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" disabled={busy}>
          {t.hosts.add}
        </button>
      </form>
      <Status text={busy ? t.working : (status?.text ?? null)} kind={status?.error ? 'error' : 'info'} />
      {hosts.length ? (
        <ul class="host-list">
          {hosts.map((h) => (
            <HostItem
              key={h.host}
              h={h}
              t={t}
              onRemove={onRemove}
              onSave={onSaveCredentials}
              onClear={onClearCredentials}
              onDone={done}
            />
          ))}
        </ul>
      ) : (
        <p>{t.hosts.none}</p>
      )}
    </div>
  );
}

function HostItem({
  h,
  t,
  onRemove,
  onSave,
  onClear,
  onDone,
}: {
  h: HostEntryModel;
  t: Strings;
  onRemove(host: string): Promise<ActionResult>;
  onSave(host: string, username: string, password: string): Promise<ActionResult>;
  onClear(host: string): Promise<ActionResult>;
  onDone(r: ActionResult): void;
}) {
  const [username, setUsername] = useState(h.username ?? '');
  const [password, setPassword] = useState('');
  const id = `cred-${h.host.replace(/[^a-z0-9]/g, '-')}`;
  return (
    <li class="host">
      <strong>{h.host}</strong> ({helpdeskLabel(h.helpdesk)}) —{' '}
      <span>{h.granted ? t.hosts.granted : t.hosts.notGranted}</span> <LockedBadge source={h.locked} t={t} />
      {h.locked ? null : (
        <button
          type="button"
          aria-label={`${t.remove}: ${h.host}`}
          onClick={() => onRemove(h.host).then(onDone)}
        >
          {t.remove}
        </button>
      )}
      {HELPDESKS[h.helpdesk].auth === 'session-or-app-password' ? (
        <form
          class="credentials"
          onSubmit={(e) => {
            e.preventDefault();
            if (!username.trim() || !password) return;
            onSave(h.host, username.trim(), password).then((r) => {
              if (r.ok) setPassword('');
              onDone(r);
            });
          }}
        >
          <fieldset aria-describedby={`${id}-help`}>
            <legend>
              {t.hosts.credentials} — {h.host}
            </legend>
            <p class="help" id={`${id}-help`}>
              {t.hosts.credentialsHelp} {h.hasPassword ? t.hosts.hasPassword : ''}
            </p>
            <Field id={`${id}-user`} label={t.hosts.username}>
              {(a) => (
                <input
                  {...a}
                  autocomplete="off"
                  value={username}
                  onInput={(e) => setUsername(e.currentTarget.value)}
                />
              )}
            </Field>
            <Field id={`${id}-password`} label={t.hosts.password}>
              {(a) => (
                <input
                  {...a}
                  type="password"
                  autocomplete="new-password"
                  value={password}
                  onInput={(e) => setPassword(e.currentTarget.value)}
                />
              )}
            </Field>
            <button type="submit" disabled={!username.trim() || !password}>
              {t.hosts.saveCredentials}
            </button>
            {h.hasPassword ? (
              <button type="button" onClick={() => onClear(h.host).then(onDone)}>
                {t.hosts.clearCredentials}
              </button>
            ) : null}
          </fieldset>
        </form>
      ) : null}
    </li>
  );
}
