/** The built-in and imported policies, each with its actions and its readable documentation. */
import { useState } from 'preact/hooks';
import { exportPolicy } from '../../lib/config/importPolicy';
import { downloadText } from './format';
import type { ActionResult, ImportResult, LockSource, PolicyEntry } from '../../lib/messaging/options';
import { PolicyView } from './PolicyView';
import type { Lang, Strings } from './strings';
import { IssueList, LockedBadge, Status } from './ui';

export interface PolicyListProps {
  policies: PolicyEntry[];
  lockedBuiltins: Record<string, LockSource>;
  lang: Lang;
  t: Strings;
  onDuplicate(id: string): Promise<ImportResult>;
  /** Receives the duplicate's import preview (shown in the import panel). */
  onDuplicated(result: ImportResult): void;
  onSetDisabled(id: string, disabled: boolean): Promise<ActionResult>;
  onRemove(id: string): Promise<ActionResult>;
  /** Asks the admin (window.confirm by default; tests pass their own). */
  confirm?: (message: string) => boolean;
}

export function PolicyList(props: PolicyListProps) {
  const { policies, t } = props;
  if (!policies.length) return <p>{t.policy.empty}</p>;
  return (
    <ul class="policy-list">
      {policies.map((p) => (
        <PolicyItem key={p.id} entry={p} {...props} />
      ))}
    </ul>
  );
}

function PolicyItem({
  entry,
  lockedBuiltins,
  lang,
  t,
  onDuplicate,
  onDuplicated,
  onSetDisabled,
  onRemove,
  confirm,
}: PolicyListProps & { entry: PolicyEntry }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const docId = `policy-doc-${entry.id}`;
  const builtinLock = entry.origin === 'builtin' ? lockedBuiltins[entry.id] : undefined;
  const lock = entry.locked ?? builtinLock;

  const run = (p: Promise<ActionResult>) => {
    setBusy(true);
    setMessage(null);
    p.then(
      (r) => setMessage(r.ok ? null : { text: r.message, error: true }),
      (e: unknown) => setMessage({ text: String(e), error: true }),
    ).finally(() => setBusy(false));
  };

  const originText =
    entry.origin === 'builtin'
      ? t.policy.builtin
      : entry.origin === 'managed'
        ? t.policy.managed
        : t.policy.imported;
  return (
    <li class={`policy ${entry.disabled ? 'is-disabled' : ''}`} aria-labelledby={`policy-name-${entry.id}`}>
      <div class="policy-head">
        <h3 id={`policy-name-${entry.id}`}>
          {entry.name} <code>{entry.id}</code>
        </h3>
        <span class="badge">{originText}</span>
        {entry.overridesBuiltin ? <span class="badge">{t.policy.overridesBuiltin}</span> : null}
        {entry.disabled ? <span class="badge badge-off">{t.policy.disabled}</span> : null}
        <LockedBadge source={lock} t={t} />
      </div>
      <p class="assigned">
        {entry.assignedHosts.length
          ? `${t.policy.assignedTo}: ${entry.assignedHosts.join(', ')}`
          : t.policy.notAssigned}
      </p>
      {entry.problems?.length ? (
        <div class="error">
          <p>{t.policy.invalid}</p>
          <IssueList issues={entry.problems} t={t} />
        </div>
      ) : null}
      <div class="actions">
        {entry.policy ? (
          <button type="button" aria-expanded={open} aria-controls={docId} onClick={() => setOpen(!open)}>
            {open ? t.policy.hide : t.policy.show}
          </button>
        ) : null}
        {entry.origin === 'builtin' ? (
          <>
            <button
              type="button"
              disabled={busy}
              onClick={() => {
                setBusy(true);
                onDuplicate(entry.id)
                  .then(onDuplicated, (e: unknown) => setMessage({ text: String(e), error: true }))
                  .finally(() => setBusy(false));
              }}
            >
              {t.policy.duplicate}
            </button>
            <button
              type="button"
              disabled={busy || Boolean(builtinLock)}
              onClick={() => run(onSetDisabled(entry.id, !entry.disabled))}
            >
              {entry.disabled ? t.policy.enable : t.policy.disable}
            </button>
          </>
        ) : null}
        <button
          type="button"
          onClick={() => {
            const file = exportPolicy(entry.id, entry.json);
            downloadText(file.fileName, file.text, file.mimeType);
          }}
        >
          {t.policy.export}
        </button>
        {entry.origin === 'imported' ? (
          <button
            type="button"
            disabled={busy}
            onClick={() => {
              const ask = confirm ?? ((m: string) => window.confirm(m));
              if (ask(t.policy.confirmRemove(entry.name, entry.assignedHosts))) run(onRemove(entry.id));
            }}
          >
            {t.policy.remove}
          </button>
        ) : null}
      </div>
      <Status text={busy ? t.working : (message?.text ?? null)} kind={message?.error ? 'error' : 'info'} />
      {open && entry.policy ? (
        <div id={docId}>
          <PolicyView policy={entry.policy} holidays={entry.holidays} lang={lang} t={t} />
        </div>
      ) : null}
    </li>
  );
}
