/** Small shared pieces of the options views: lock badge, field with help/error association, problem lists. */
import type { ComponentChildren } from 'preact';
import type { LockSource } from './model';
import type { Strings } from './strings';

export function LockedBadge({ source, t }: { source: LockSource | undefined; t: Strings }) {
  if (!source) return null;
  return (
    <span class="badge badge-locked" title={t.lockedBy[source]}>
      <span aria-hidden="true">🔒 </span>
      {t.locked}
      <span class="visually-hidden">: {t.lockedBy[source]}</span>
    </span>
  );
}

/**
 * A labelled control with its help and error texts linked by aria-describedby. `children` receives
 * the props to spread on the control.
 */
export function Field({
  id,
  label,
  help,
  error,
  children,
}: {
  id: string;
  label: ComponentChildren;
  help?: ComponentChildren;
  error?: string | null;
  children: (a: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }) => ComponentChildren;
}) {
  const described = [help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children({
        id,
        ...(described ? { 'aria-describedby': described } : {}),
        ...(error ? { 'aria-invalid': true } : {}),
      })}
      {help ? (
        <p class="help" id={`${id}-help`}>
          {help}
        </p>
      ) : null}
      {error ? (
        <p class="error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function Status({ text, kind = 'info' }: { text: string | null; kind?: 'info' | 'error' }) {
  if (!text) return null;
  return (
    <p class={kind === 'error' ? 'error' : 'status'} role={kind === 'error' ? 'alert' : 'status'}>
      {text}
    </p>
  );
}

export function IssueList({ issues, id }: { issues: Array<{ path: string; message: string }>; id?: string }) {
  if (!issues.length) return null;
  return (
    <ul class="issues" id={id}>
      {issues.map((i, n) => (
        <li key={n}>
          <code>{i.path}</code>: {i.message}
        </li>
      ))}
    </ul>
  );
}
