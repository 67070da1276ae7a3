/** Breached / at risk / running / paused: overall and per priority, with the policy/tier mix. */
import type { ReadonlySignal } from '@preact/signals';
import { STATE_ORDER, summarize, type QueueRow, type Summary } from './model';
import type { Strings } from './strings';

export interface SummaryCountsProps {
  rows: readonly QueueRow[];
  /** Counts computed elsewhere (the worker's snapshot, while `rows` is only the top of the queue). */
  summary?: Summary | undefined;
  now: ReadonlySignal<number>;
  t: Strings;
}

export function SummaryCounts({ rows, summary, now, t }: SummaryCountsProps) {
  const s = summary ?? summarize(rows, now.value);
  return (
    <section class="summary" aria-label={t.summary.heading}>
      <ul class="counts" aria-label={t.summary.overall}>
        {STATE_ORDER.map((st) => (
          <li key={st} class={`count state-${st}`} data-state={st}>
            <span class="count-n">{s.overall[st]}</span> <span class="count-label">{t.state[st]}</span>
          </li>
        ))}
      </ul>
      {s.byPriority.length > 0 && (
        <table class="by-priority">
          <thead>
            <tr>
              <th scope="col">{t.summary.priority}</th>
              {STATE_ORDER.map((st) => (
                <th key={st} scope="col">
                  {t.state[st]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {s.byPriority.map(({ priority, counts }) => (
              <tr key={priority ?? ''}>
                <th scope="row">{priority ?? t.summary.noPriority}</th>
                {STATE_ORDER.map((st) => (
                  <td key={st} class={counts[st] ? `state-${st}` : 'zero'}>
                    {counts[st]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {s.mix.length > 0 && (
        <ul class="mix" aria-label={t.summary.mix}>
          {s.mix.map((m) => (
            <li key={`${m.policyName}|${m.tier}`} class="chip">
              {m.policyName ?? t.filters.noPolicy}
              {m.tier ? ` · ${m.tier}` : ''}: {m.count}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
