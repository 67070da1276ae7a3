/**
 * The queue, sorted by time to breach (or priority, or age). Rows are cheap: they re-render only when their data changes;
 * only each row's countdown follows the `now` signal (the page ticks `now`).
 * A long queue is rendered in chunks: the first rows (what fits the popup and more) at once, the rest
 * a chunk per task, so the popup shows the top of the queue quickly and stays responsive meanwhile.
 * Keyboard: Tab into the list, ↑/↓/Home/End move between tickets, Enter opens one.
 */
import type { ReadonlySignal } from '@preact/signals';
import { helpdeskLabel } from '../../lib/helpdesks/catalog';
import { Component } from 'preact';
import { useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { queueCsv } from '../../lib/compliance/csv';
import type { Helpdesk } from '../../lib/registry/types';
import { formatCountdown } from '../../lib/i18n/format';
import { formatDateTime } from './format';
import { HelpdeskIcon, HelpdeskIconDefs } from './icons';
import {
  rowLive,
  rowState,
  SNAPSHOT_ROWS,
  sortQueue,
  type QueueRow,
  type QueueSort,
} from '../../lib/queue/rows';
import type { Lang, Strings } from './strings';

export type StateFilter = 'all' | 'breached' | 'at-risk' | 'running' | 'paused';

export interface QueueListProps {
  rows: readonly QueueRow[];
  /** Set while `rows` is only the top of the queue: the whole queue's size (filters and export wait). */
  total?: number | undefined;
  now: ReadonlySignal<number>;
  lang: Lang;
  timeZone: string;
  t: Strings;
  onOpen: (row: QueueRow) => void;
  onExport: (file: { filename: string; csv: string }) => void;
  /** After each render: rows in the DOM out of the rows shown. */
  onRowsRendered?: (count: number, total: number) => void;
}

/** Rows rendered at once (as many as the worker's snapshot carries); the rest follow `ROW_CHUNK` at a time, one chunk per task. */
export const FIRST_ROWS = SNAPSHOT_ROWS;
export const ROW_CHUNK = 250;

function Countdown({
  row,
  now,
  lang,
  timeZone,
  t,
}: {
  row: QueueRow;
  now: ReadonlySignal<number>;
  lang: Lang;
  timeZone: string;
  t: Strings;
}) {
  const live = rowLive(row, now.value);
  // Worded like the sidebar's countdown: "25 h 29 min of business time left", "2 d 6 h ago".
  const time =
    live.remainingMs === null
      ? live.metric
        ? null
        : t.queue.noDeadline
      : live.remainingMs < 0
        ? t.queue.overdue(formatCountdown(live.remainingMs, lang, false))
        : t.queue.left(formatCountdown(live.remainingMs, lang, live.businessTime), live.businessTime);
  const due = live.dueAt !== null ? formatDateTime(live.dueAt, lang, timeZone) : null;
  return (
    <span
      class={`countdown state-${live.state}`}
      data-state={live.state}
      title={due ? t.queue.due(due) : undefined}
    >
      {live.metric ? (
        <>
          <span class="state-label">{t.state[live.state]}</span>
          <span class="metric"> · {t.metric[live.metric]}</span>
          {time && <span class="time"> · {time}</span>}
        </>
      ) : (
        <span class="time">{time}</span>
      )}
    </span>
  );
}

interface RowProps {
  row: QueueRow;
  now: ReadonlySignal<number>;
  lang: Lang;
  timeZone: string;
  t: Strings;
  onOpen: (row: QueueRow) => void;
}

class Row extends Component<RowProps> {
  override shouldComponentUpdate(next: RowProps) {
    const p = this.props;
    return next.row !== p.row || next.t !== p.t || next.timeZone !== p.timeZone || next.onOpen !== p.onOpen;
  }
  override render({ row, now, lang, timeZone, t, onOpen }: RowProps) {
    return (
      <li class="row" data-key={row.key}>
        {/* No aria-label: the name is what the row shows (ticket, subject, state, time, priority,
            policy), so a screen reader hears the countdown too, and speech input matches the text. */}
        <button type="button" class="row-button" onClick={() => onOpen(row)}>
          <span class="row-title">
            <HelpdeskIcon helpdesk={row.helpdesk} label={helpdeskLabel(row.helpdesk)} />{' '}
            <span class="ticket-key">{row.ticketKey}</span> <span class="subject">{row.subject}</span>
          </span>{' '}
          <span class="row-detail">
            <Countdown row={row} now={now} lang={lang} timeZone={timeZone} t={t} />{' '}
            <span class="chips">
              {row.priority && (
                <span class="chip chip-priority">
                  <span class="sr-only">{t.queue.priority}: </span>
                  {row.priorityLabel ?? row.priority}
                </span>
              )}{' '}
              {row.policyName && (
                <span class="chip chip-policy">
                  <span class="sr-only">{t.queue.policy}: </span>
                  {row.policyName}
                  {row.tier ? ` · ${row.tierLabel ?? row.tier}` : ''}
                </span>
              )}
            </span>
          </span>
        </button>
      </li>
    );
  }
}

function moveFocus(e: KeyboardEvent) {
  const keys = ['ArrowDown', 'ArrowUp', 'Home', 'End'];
  if (!keys.includes(e.key)) return;
  const list = e.currentTarget as HTMLElement;
  const buttons = Array.from(list.querySelectorAll<HTMLButtonElement>('button.row-button'));
  if (buttons.length === 0) return;
  const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
  const next =
    e.key === 'Home'
      ? 0
      : e.key === 'End'
        ? buttons.length - 1
        : e.key === 'ArrowDown'
          ? Math.min(buttons.length - 1, i + 1)
          : Math.max(0, i - 1);
  e.preventDefault();
  buttons[next]?.focus();
}

export function QueueList({
  rows,
  total,
  now,
  lang,
  timeZone,
  t,
  onOpen,
  onExport,
  onRowsRendered,
}: QueueListProps) {
  const [helpdesk, setHelpdesk] = useState<'all' | Helpdesk>('all');
  const [policy, setPolicy] = useState<string>('all');
  const [state, setState] = useState<StateFilter>('all');
  const [order, setOrder] = useState<QueueSort>('breach');
  // The order is fixed over time (deadlines are instants): sort once per rows, not per tick.
  const sorted = useMemo(() => sortQueue(rows, now.peek(), order), [rows, order]);
  const policies = useMemo(() => {
    const m = new Map<string, string>();
    for (const r of rows) m.set(r.policyId ?? '', r.policyName ?? r.policyId ?? t.filters.noPolicy);
    return [...m.entries()].sort((a, b) => a[1].localeCompare(b[1]));
  }, [rows, t]);
  const helpdesks = useMemo(() => [...new Set(rows.map((r) => r.helpdesk))].sort(), [rows]);
  // Only a state filter depends on the clock: subscribe to `now` just then.
  const tick = state === 'all' ? 0 : now.value;
  const shown = useMemo(
    () =>
      sorted.filter(
        (r) =>
          (helpdesk === 'all' || r.helpdesk === helpdesk) &&
          (policy === 'all' || (r.policyId ?? '') === policy) &&
          (state === 'all' || rowState(r, tick) === state),
      ),
    [sorted, helpdesk, policy, state, tick],
  );
  const partial = total !== undefined;
  const [limit, setLimit] = useState(FIRST_ROWS);
  const visible = shown.length > limit ? shown.slice(0, limit) : shown;
  // A layout effect: the next chunk is queued right after this render, not after the next frame.
  useLayoutEffect(() => {
    onRowsRendered?.(visible.length, total ?? shown.length);
    if (visible.length >= shown.length) return;
    const id = setTimeout(() => setLimit((l) => l + ROW_CHUNK), 0);
    return () => clearTimeout(id);
  }, [visible.length, shown.length, total]);

  const exportCsv = () => {
    const at = now.peek();
    onExport({
      filename: `sla-queue-${new Date(at).toISOString().slice(0, 10)}.csv`,
      csv: queueCsv(
        shown.map((r) => {
          const live = rowLive(r, at);
          return {
            ticketKey: r.ticketKey,
            subject: r.subject,
            helpdesk: r.helpdesk,
            host: r.host,
            priority: r.priorityLabel ?? r.priority,
            policyName: r.policyName,
            tier: r.tierLabel ?? r.tier,
            state: live.state,
            metric: live.metric,
            dueAt: live.dueAt,
            remainingMs: live.remainingMs,
            link: r.link,
          };
        }),
      ),
    });
  };

  return (
    <section class="queue" aria-label={t.queue.label}>
      <HelpdeskIconDefs />
      <fieldset class="filters">
        <legend>{t.filters.label}</legend>
        <label>
          {t.filters.helpdesk}{' '}
          <select
            value={helpdesk}
            disabled={partial}
            onChange={(e) => setHelpdesk((e.currentTarget as HTMLSelectElement).value as 'all' | Helpdesk)}
          >
            <option value="all">{t.filters.all}</option>
            {helpdesks.map((h) => (
              <option key={h} value={h}>
                {helpdeskLabel(h)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.filters.policy}{' '}
          <select
            value={policy}
            disabled={partial}
            onChange={(e) => setPolicy((e.currentTarget as HTMLSelectElement).value)}
          >
            <option value="all">{t.filters.all}</option>
            {policies.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.filters.state}{' '}
          <select
            value={state}
            disabled={partial}
            onChange={(e) => setState((e.currentTarget as HTMLSelectElement).value as StateFilter)}
          >
            <option value="all">{t.filters.all}</option>
            {(['breached', 'at-risk', 'running', 'paused'] as const).map((s) => (
              <option key={s} value={s}>
                {t.state[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.queue.sort}{' '}
          <select
            value={order}
            disabled={partial}
            onChange={(e) => setOrder((e.currentTarget as HTMLSelectElement).value as QueueSort)}
          >
            {(['breach', 'priority', 'age'] as const).map((o) => (
              <option key={o} value={o}>
                {t.queue.sortBy[o]}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      <div class="queue-head">
        <span class="queue-count" role="status">
          {partial ? t.queue.shown(total, total) : t.queue.shown(shown.length, rows.length)}
        </span>
        <button type="button" class="export" onClick={exportCsv} disabled={partial || shown.length === 0}>
          {t.queue.export}
        </button>
      </div>
      {shown.length === 0 ? (
        <p class="empty">{rows.length === 0 ? t.queue.empty : t.queue.emptyFiltered}</p>
      ) : (
        <ul class="rows" aria-label={t.queue.label} onKeyDown={moveFocus}>
          {visible.map((row) => (
            <Row key={row.key} row={row} now={now} lang={lang} timeZone={timeZone} t={t} onOpen={onOpen} />
          ))}
        </ul>
      )}
    </section>
  );
}
