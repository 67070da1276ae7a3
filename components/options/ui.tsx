/** Small shared pieces of the options views: lock badge, field with help/error association, problem lists. */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { LockSource } from '../../lib/messaging/options';
import type { Said, Strings } from './strings';

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

/**
 * What an action did. Errors are alerts; other news goes to a live region that is always in the page
 * (a region inserted together with its text is often not announced). With `id`, focus can be moved
 * to it after an action removed the control that had focus (see `useFocusAfterRender`).
 */
export function Status({
  text,
  kind = 'info',
  id,
}: {
  text: string | null;
  kind?: 'info' | 'error';
  id?: string;
}) {
  if (text && kind === 'error')
    return (
      <p class="error" role="alert" id={id} tabIndex={id ? -1 : undefined}>
        {text}
      </p>
    );
  return (
    <p
      class={text ? 'status' : 'status is-empty'}
      role="status"
      id={id}
      tabIndex={id && text ? -1 : undefined}
    >
      {text ?? ''}
    </p>
  );
}

/**
 * Moves keyboard focus to an element by id after the next render: where an action's result appears
 * (a preview, a form), or back to the button that opened what was just closed. Without it focus
 * falls to the page when the focused control is disabled or removed.
 */
export function useFocusAfterRender(): (id: string) => void {
  const pending = useRef<string | null>(null);
  useEffect(() => {
    if (!pending.current) return;
    const el = document.getElementById(pending.current);
    pending.current = null;
    el?.focus();
  });
  return (id: string) => {
    pending.current = id;
  };
}

export function IssueList({
  issues,
  id,
  t,
}: {
  issues: Array<{ path: string } & Said>;
  id?: string;
  /** The page's words: a message is shown in Dutch when it has Dutch and the page speaks it. */
  t: Strings;
}) {
  if (!issues.length) return null;
  return (
    <ul class="issues" id={id}>
      {issues.map((i, n) => (
        <li key={n}>
          <code>{i.path}</code>: {t.said(i)}
        </li>
      ))}
    </ul>
  );
}
