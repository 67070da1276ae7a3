/**
 * The ticket's priority beside the contract matrix's suggestion, the matrix as a small grid with
 * this ticket's cell (impact × urgency) highlighted, and notes: workaround cap, a difference between
 * ticket and suggestion, the customer's right to override (Zmanda), which field to fill.
 */
import type { Evaluation } from '../../lib/sla/types.ts';
import type { Locale } from '../../lib/i18n/core.ts';
import { pick } from '../../lib/i18n/core.ts';
import { t } from '../../lib/i18n/sidebar.ts';
import type { LabelMap, SidebarLabels, SidebarMatrix } from '../../lib/messaging/sidebar.ts';
import { Icon } from './icons.tsx';

export interface PriorityMatrixProps {
  evaluation: Evaluation;
  labels: SidebarLabels;
  matrix?: SidebarMatrix;
  locale: Locale;
}

export function labelOf(map: LabelMap, id: string | null | undefined, locale: Locale): string | null {
  if (id === null || id === undefined) return null;
  return pick(map[id], locale) ?? id;
}

/** Where a value came from, in words: "(from the matrix)", "(policy default)". */
export const originText = (origin: string, locale: Locale): string => {
  switch (origin) {
    case 'default':
      return t(locale, 'origin.default');
    case 'none':
      return t(locale, 'origin.none');
    case 'mapping':
    case 'tag':
    case 'field':
    case 'ticket':
    case 'matrix':
      return t(locale, 'origin.from', { source: t(locale, `origin.${origin}`) });
    default:
      return t(locale, 'origin.from', { source: origin });
  }
};

/** "P1 Kritische impact" or "Priority 1" → "P1" inside the grid (the full label is in the title). */
function short(label: string, id: string): string {
  return label.startsWith(`${id} `) || (label.length > 8 && id.length <= 3) ? id : label;
}

export function PriorityMatrix({ evaluation, labels, matrix, locale }: PriorityMatrixProps) {
  const prio = (id: string | null | undefined) => labelOf(labels.priorities, id, locale);
  const m = evaluation.matrix;
  const ticketPriority = prio(evaluation.priority);
  const suggested = prio(evaluation.suggestedPriority);
  const effectiveSuggestion = m?.capped?.to ?? evaluation.suggestedPriority;
  const differs =
    evaluation.priority !== null &&
    effectiveSuggestion !== null &&
    evaluation.priority !== effectiveSuggestion;
  const missing = m?.missing ?? [];
  const fieldName = (f: 'impact' | 'urgency') =>
    matrix?.fieldNames?.[f] ?? t(locale, f === 'impact' ? 'field.impact' : 'field.urgency');
  const id = 'sla-priority-heading';
  return (
    <section class="sla-section sla-priority" aria-labelledby={id}>
      <h3 id={id}>{t(locale, 'matrix.heading')}</h3>
      <dl class="sla-facts">
        <dt>{t(locale, 'matrix.ticket')}</dt>
        <dd>
          {ticketPriority ?? t(locale, 'matrix.none')}
          {ticketPriority && evaluation.origin.priority === 'matrix' && (
            <>
              {' '}
              <span class="sla-origin">({originText('matrix', locale)})</span>
            </>
          )}
        </dd>
        {matrix && (
          <>
            <dt>{t(locale, 'matrix.suggestion')}</dt>
            <dd>{suggested ?? t(locale, 'matrix.none')}</dd>
          </>
        )}
      </dl>
      {matrix && (
        <table class="sla-matrix">
          <caption>{t(locale, 'matrix.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">
                {t(locale, 'matrix.impact')} ↓ {t(locale, 'matrix.urgency')} →
              </th>
              {matrix.urgencies.map((u) => (
                <th
                  scope="col"
                  key={u.id}
                  class={u.id === m?.urgency ? 'is-known' : undefined}
                  title={u.id === m?.urgency ? t(locale, 'matrix.ticketUrgency') : undefined}
                >
                  {pick(u.label, locale) ?? u.id}
                  {/* The underline says it to the eye; this says it to a screen reader. */}
                  {u.id === m?.urgency && <span class="sr-only"> {t(locale, 'matrix.ticketUrgency')}</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.impacts.map((i) => (
              <tr key={i.id}>
                <th
                  scope="row"
                  class={i.id === m?.impact ? 'is-known' : undefined}
                  title={i.id === m?.impact ? t(locale, 'matrix.ticketImpact') : undefined}
                >
                  {pick(i.label, locale) ?? i.id}
                  {i.id === m?.impact && <span class="sr-only"> {t(locale, 'matrix.ticketImpact')}</span>}
                </th>
                {matrix.urgencies.map((u) => {
                  const cell = matrix.cells[i.id]?.[u.id];
                  const selected = i.id === m?.impact && u.id === m?.urgency;
                  const full = cell ? (prio(cell) ?? cell) : '–';
                  return (
                    <td
                      key={u.id}
                      class={selected ? 'is-selected' : undefined}
                      title={full}
                      aria-current={selected ? 'true' : undefined}
                    >
                      {selected && <span aria-hidden="true">▶ </span>}
                      {cell ? short(full, cell) : '–'}
                      {selected && <span class="sr-only"> {t(locale, 'matrix.thisTicket')}</span>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {m?.capped && (
        <p class="sla-note">
          <Icon name="lock" />
          <span>
            {t(locale, 'matrix.cap', {
              by: m.capped.by === 'workaround' ? t(locale, 'matrix.capBy.workaround') : m.capped.by,
              priority: prio(m.capped.to) ?? m.capped.to,
            })}
          </span>
        </p>
      )}
      {differs && (
        <p class="sla-note sla-note-warn">
          <Icon name="warn" />
          <span>
            {t(locale, 'matrix.differs', {
              ticket: ticketPriority ?? '',
              suggested: prio(effectiveSuggestion) ?? '',
            })}
          </span>
        </p>
      )}
      {evaluation.customerMayOverride && (
        <p class="sla-note">
          <Icon name="info" />
          <span>{t(locale, 'matrix.override')}</span>
        </p>
      )}
      {matrix && missing.length > 0 && (
        <p class="sla-note sla-note-warn">
          <Icon name="info" />
          <span>{t(locale, 'matrix.missing', { fields: missing.map(fieldName) })}</span>
        </p>
      )}
    </section>
  );
}
