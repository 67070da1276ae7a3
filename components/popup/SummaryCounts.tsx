/**
 * Breached / at risk / running / paused: overall, then per policy (with its tier mix) and per priority
 * within it.
 */
import type { ReadonlySignal } from '@preact/signals';
import { STATE_ORDER, summarize, type PolicyCounts, type QueueRow, type Summary } from '../../lib/queue/rows';
import type { Strings } from './strings';

export interface SummaryCountsProps {
  rows: readonly QueueRow[];
  /** Counts computed elsewhere (the worker's snapshot, while `rows` is only the top of the queue). */
  summary?: Summary | undefined;
  now: ReadonlySignal<number>;
  t: Strings;
  /** Whether the per-policy breakdown starts unfolded (default: folded, so the queue shows first); the page remembers the choice. */
  breakdownOpen?: boolean | undefined;
  onBreakdownToggle?: ((open: boolean) => void) | undefined;
}

export function SummaryCounts({
  rows,
  summary,
  now,
  t,
  breakdownOpen = false,
  onBreakdownToggle,
}: SummaryCountsProps) {
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
      {s.byPolicy.length > 0 && (
        <details
          class="breakdown"
          open={breakdownOpen}
          onToggle={(e) => onBreakdownToggle?.((e.currentTarget as HTMLDetailsElement).open)}
        >
          <summary>{t.summary.breakdown}</summary>
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
            {s.byPolicy.map((p) => (
              <tbody key={p.policyId ?? p.policyName ?? ''} class="policy-group">
                <tr class="policy">
                  <th scope="rowgroup" colSpan={STATE_ORDER.length + 1}>
                    {policyHeading(p, t)}
                  </th>
                </tr>
                {p.byPriority.map(({ priority, counts }) => (
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
            ))}
          </table>
        </details>
      )}
    </section>
  );
}

/** "Mextra · Standard SLA: 4", "Zmanda · Premium: 1, Standard: 1", "Membro: 2". */
function policyHeading(p: PolicyCounts, t: Strings): string {
  const name = p.policyName ?? p.policyId ?? t.filters.noPolicy;
  if (p.tiers.every((x) => x.tier === null)) return `${name}: ${p.open}`;
  // Tiers come most first, tickets without a tier last.
  return `${name} · ${p.tiers.map((x) => `${x.tier ?? t.summary.noTier}: ${x.count}`).join(', ')}`;
}
