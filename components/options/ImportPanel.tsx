/**
 * Import a policy by file, drag-and-drop, paste or https URL. Shows every problem (JSON path, or
 * line:column for syntax) or a preview of the differences; nothing is stored until Confirm.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { checkSize, formatBytes } from '../../lib/config/importPolicy';
import type { DiffChange } from '../../lib/config/diffPolicy';
import type { ActionResult, ImportPlan, ImportResult, ImportSource } from '../../lib/messaging/options';
import type { Strings } from './strings';
import { Field, Status, useFocusAfterRender } from './ui';

export interface ImportPanelProps {
  t: Strings;
  maxBytes: number;
  schemaUrl: string;
  /** The current check result (lifted so "duplicate" in the policy list can show its preview here). */
  result: ImportResult | null;
  onResult(result: ImportResult | null): void;
  onPreview(input: ImportSource): Promise<ImportResult>;
  onConfirm(plan: ImportPlan): Promise<ActionResult>;
}

export function ImportPanel({
  t,
  maxBytes,
  schemaUrl,
  result,
  onResult,
  onPreview,
  onConfirm,
}: ImportPanelProps) {
  const [text, setText] = useState('');
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const [dragging, setDragging] = useState(false);
  const focusAfter = useFocusAfterRender();
  // A new check result (from this panel or "Duplicate" in the policy list): focus its heading, so
  // the keyboard continues at the errors or the preview and a screen reader reads where it is.
  const shown = useRef<ImportResult | null>(null);
  useEffect(() => {
    if (result && result !== shown.current)
      document.getElementById(result.ok ? 'import-preview-title' : 'import-errors-title')?.focus();
    shown.current = result;
  }, [result]);

  const preview = (input: ImportSource) => {
    setBusy(true);
    setStatus(null);
    onResult(null);
    onPreview(input)
      .then(onResult, (e: unknown) => setStatus({ text: String(e), error: true }))
      .finally(() => setBusy(false));
  };

  // Listeners added directly: drag events are wired by name, the same in every browser and test DOM.
  const dropzone = useRef<HTMLDivElement>(null);
  const readFileRef = useRef<(file: File | undefined) => void>(() => undefined);
  useLayoutEffect(() => {
    const el = dropzone.current;
    if (!el) return;
    const over = (e: Event) => {
      e.preventDefault();
      setDragging(true);
    };
    const leave = () => setDragging(false);
    const drop = (e: Event) => {
      e.preventDefault();
      setDragging(false);
      readFileRef.current((e as DragEvent).dataTransfer?.files?.[0]);
    };
    el.addEventListener('dragover', over);
    el.addEventListener('dragleave', leave);
    el.addEventListener('drop', drop);
    return () => {
      el.removeEventListener('dragover', over);
      el.removeEventListener('dragleave', leave);
      el.removeEventListener('drop', drop);
    };
  }, []);

  const readFile = (file: File | undefined) => {
    if (!file) return;
    const tooLarge = checkSize(file.size, maxBytes);
    if (tooLarge) {
      onResult(null);
      setStatus({ text: t.import.tooLarge(formatBytes(file.size), formatBytes(maxBytes)), error: true });
      return;
    }
    setBusy(true);
    file.text().then(
      (content) => preview({ kind: 'text', text: content, source: file.name }),
      (e: unknown) => {
        setBusy(false);
        setStatus({ text: String(e), error: true });
      },
    );
  };
  readFileRef.current = readFile;

  return (
    <div class="import-panel">
      <p>
        {t.import.intro}{' '}
        <a href={schemaUrl} target="_blank" rel="noreferrer">
          {t.import.schemaLink}
        </a>
      </p>
      <div class={`dropzone ${dragging ? 'is-dragging' : ''}`} data-testid="dropzone" ref={dropzone}>
        <Field id="import-file" label={t.import.file} help={t.import.drop}>
          {(a) => (
            <input
              {...a}
              type="file"
              accept=".json,application/json"
              onChange={(e) => {
                const input = e.currentTarget;
                readFile(input.files?.[0]);
                input.value = '';
              }}
            />
          )}
        </Field>
      </div>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim()) preview({ kind: 'text', text, source: 'paste' });
        }}
      >
        <Field id="import-paste" label={t.import.paste}>
          {(a) => (
            <textarea
              {...a}
              rows={6}
              spellcheck={false}
              value={text}
              onInput={(e) => setText(e.currentTarget.value)}
            />
          )}
        </Field>
        <button type="submit" disabled={busy || !text.trim()}>
          {t.import.check}
        </button>
      </form>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          // Synchronous: the entrypoint requests the host permission inside this submit (user gesture).
          if (url.trim()) preview({ kind: 'url', url: url.trim() });
        }}
      >
        <Field id="import-url" label={t.import.url} help={t.import.urlHelp}>
          {(a) => (
            <input
              {...a}
              type="url"
              placeholder="https://"
              value={url}
              onInput={(e) => setUrl(e.currentTarget.value)}
            />
          )}
        </Field>
        <button type="submit" disabled={busy || !url.trim()}>
          {t.import.fetch}
        </button>
      </form>
      <Status
        id="import-status"
        text={busy ? t.working : (status?.text ?? (result ? resultSummary(result, t) : null))}
        kind={status?.error ? 'error' : 'info'}
      />
      {result ? (
        <ImportResultView
          t={t}
          result={result}
          busy={busy}
          onCancel={() => {
            onResult(null);
            setStatus({ text: t.import.cancelled, error: false });
            focusAfter('import-file');
          }}
          onConfirm={(plan) => {
            setBusy(true);
            onConfirm(plan)
              .then(
                (r) => {
                  if (r.ok) {
                    onResult(null);
                    setText('');
                    setStatus({ text: t.import.done(plan.name), error: false });
                  } else setStatus({ text: r.message, error: true });
                },
                (e: unknown) => setStatus({ text: String(e), error: true }),
              )
              .finally(() => {
                setBusy(false);
                // The Confirm button is gone: focus what happened ("Mextra is active.").
                focusAfter('import-status');
              });
          }}
        />
      ) : null}
    </div>
  );
}

/** What the live region says when a preview appears (errors are an alert of their own). */
function resultSummary(result: ImportResult, t: Strings): string | null {
  if (!result.ok) return null;
  const what = result.isNew
    ? t.import.isNew
    : result.diff.identical
      ? t.import.identical
      : `${t.import.changes(result.diff.count)}.`;
  return t.import.previewReady(result.name, what);
}

function ImportResultView({
  t,
  result,
  busy,
  onCancel,
  onConfirm,
}: {
  t: Strings;
  result: ImportResult;
  busy: boolean;
  onCancel(): void;
  onConfirm(plan: ImportPlan): void;
}) {
  const warnings = result.warnings.length ? (
    <div class="warnings">
      <h4>{t.import.warnings}</h4>
      <ul>
        {result.warnings.map((w, i) => (
          <li key={i}>
            <code>{t.import.lineCol(w.line, w.column)}</code>: {t.said(w)}
          </li>
        ))}
      </ul>
    </div>
  ) : null;

  if (!result.ok) {
    return (
      <div class="import-errors" role="alert" aria-labelledby="import-errors-title">
        <h3 id="import-errors-title" tabIndex={-1}>
          {t.import.errorsTitle(result.errors.length)}
        </h3>
        <ul>
          {result.errors.map((e, i) => (
            <li key={i}>
              {e.line !== undefined ? (
                <code>{t.import.lineCol(e.line, e.column ?? 1)}</code>
              ) : e.path ? (
                <code>{e.path}</code>
              ) : null}
              {e.line !== undefined || e.path ? ': ' : ''}
              {e.code === 'too-large' && e.bytes !== undefined && e.limit !== undefined
                ? t.import.tooLarge(formatBytes(e.bytes), formatBytes(e.limit))
                : e.code === 'syntax'
                  ? t.said(e).replace(/^(line|regel) \d+, (column|kolom) \d+: /, '')
                  : t.said(e)}
            </li>
          ))}
        </ul>
        {warnings}
      </div>
    );
  }

  const plan = result;
  return (
    <section class="import-preview" aria-labelledby="import-preview-title">
      <h3 id="import-preview-title" tabIndex={-1}>
        {t.import.previewTitle(plan.name)} <code>{plan.id}</code>
      </h3>
      <p>
        {plan.isNew
          ? t.import.isNew
          : plan.replacesImported
            ? t.import.replacesImported
            : t.import.replacesBuiltin}
      </p>
      {plan.assignedHosts.length ? <p>{t.import.assigned(plan.assignedHosts)}</p> : null}
      {!plan.isNew ? (
        plan.diff.identical ? (
          <p>{t.import.identical}</p>
        ) : (
          <>
            <p>{t.import.changes(plan.diff.count)}</p>
            {plan.diff.groups.map((g) => (
              <section key={g.section} class="diff-group">
                <h4>{t.import.section[g.section] ?? g.section}</h4>
                <ul>
                  {g.changes.map((c) => (
                    <DiffRow key={c.path} change={c} t={t} />
                  ))}
                </ul>
              </section>
            ))}
          </>
        )
      ) : null}
      {warnings}
      <div class="actions">
        <button type="button" class="primary" disabled={busy} onClick={() => onConfirm(plan)}>
          {t.import.confirm}
        </button>
        <button type="button" disabled={busy} onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </section>
  );
}

function DiffRow({ change: c, t }: { change: DiffChange; t: Strings }) {
  // The Dutch page shows the Dutch words the diff carries; values the policy wrote stay as written.
  const said = t.lang === 'nl' && c.nl ? c.nl : c;
  return (
    <li class={`diff diff-${c.kind}`}>
      <span class="diff-kind">{t.import.kind[c.kind]}</span> <strong>{said.label}</strong>
      {c.kind === 'changed' ? (
        <>
          : <del>{said.before}</del> → <ins>{said.after}</ins>
        </>
      ) : c.kind === 'added' ? (
        <>
          : <ins>{said.after}</ins>
        </>
      ) : (
        <>
          : <del>{said.before}</del>
        </>
      )}
    </li>
  );
}
