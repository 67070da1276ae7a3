/** Export the whole configuration to one file, or import a colleague's: validated first, then confirmed. */
import { useState } from 'preact/hooks';
import { downloadText } from './format';
import type { ActionResult, TeamConfigPlan, TeamConfigResult } from '../../lib/messaging/options';
import type { Strings } from './strings';
import { Field, Status } from './ui';

export interface TeamRolloutProps {
  t: Strings;
  onExport(): Promise<{ fileName: string; text: string }>;
  onPreview(text: string, source: string): Promise<TeamConfigResult>;
  /** Called in the click: the entrypoint requests `plan.permissionOrigins` first. */
  onConfirm(plan: TeamConfigPlan): Promise<ActionResult>;
}

export function TeamRollout({ t, onExport, onPreview, onConfirm }: TeamRolloutProps) {
  const [result, setResult] = useState<TeamConfigResult | null>(null);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const fail = (e: unknown) => setStatus({ text: String(e), error: true });

  return (
    <div class="team">
      <p>{t.team.intro}</p>
      <button type="button" onClick={() => onExport().then((f) => downloadText(f.fileName, f.text), fail)}>
        {t.team.export}
      </button>
      <Field id="team-import" label={t.team.import}>
        {(a) => (
          <input
            {...a}
            type="file"
            accept=".json,application/json"
            disabled={busy}
            onChange={(e) => {
              const input = e.currentTarget;
              const file = input.files?.[0];
              input.value = '';
              if (!file) return;
              setBusy(true);
              setStatus(null);
              setResult(null);
              file
                .text()
                .then((text) => onPreview(text, file.name))
                .then(setResult, fail)
                .finally(() => setBusy(false));
            }}
          />
        )}
      </Field>
      <Status text={busy ? t.working : (status?.text ?? null)} kind={status?.error ? 'error' : 'info'} />
      {result && !result.ok ? (
        <div role="alert" class="import-errors">
          <h3>{t.team.errorsTitle}</h3>
          <ul>
            {result.errors.map((e, i) => (
              <li key={i}>
                <code>{e.line !== undefined ? `${e.line}:${e.column ?? 1}` : e.path}</code>: {t.said(e)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {result?.ok ? (
        <div class="team-preview">
          <h3>{t.team.summary}</h3>
          <ul>
            {result.summary.policiesAdded.length ? (
              <li>
                {t.team.added}: {result.summary.policiesAdded.join(', ')}
              </li>
            ) : null}
            {result.summary.policiesReplaced.length ? (
              <li>
                {t.team.replaced}:{' '}
                {result.summary.policiesReplaced
                  .map((id) => `${id} (${result.diffs[id] ? t.import.changes(result.diffs[id].count) : ''})`)
                  .join(', ')}
              </li>
            ) : null}
            {result.summary.assignments.length ? (
              <li>
                {t.team.assignments}: {result.summary.assignments.join(', ')}
              </li>
            ) : null}
            {result.summary.newSelfHosted.length ? (
              <li>
                {t.team.newHosts}: {result.summary.newSelfHosted.map((h) => h.host).join(', ')}
              </li>
            ) : null}
            {result.summary.skippedManaged.length ? (
              <li>
                {t.team.skipped}: {result.summary.skippedManaged.join(', ')}
              </li>
            ) : null}
          </ul>
          <div class="actions">
            <button
              type="button"
              class="primary"
              disabled={busy}
              onClick={() => {
                setBusy(true);
                onConfirm(result)
                  .then((r) => {
                    if (r.ok) {
                      setResult(null);
                      setStatus({ text: t.team.done, error: false });
                    } else setStatus({ text: r.message, error: true });
                  }, fail)
                  .finally(() => setBusy(false));
              }}
            >
              {t.team.confirm}
            </button>
            <button
              type="button"
              onClick={() => {
                setResult(null);
                setStatus({ text: t.import.cancelled, error: false });
              }}
            >
              {t.cancel}
            </button>
          </div>
        </div>
      ) : null}
      <p class="help">{t.team.managedHelp}</p>
    </div>
  );
}
