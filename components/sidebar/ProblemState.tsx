/** What to show when there is nothing trustworthy to count down: the kind, what to do, and a way out. */
import type { Locale } from '../../lib/i18n/core.ts';
import { t } from '../../lib/i18n/sidebar.ts';
import type { OptionsSection, SidebarProblem, TicketDisplay } from '../../lib/messaging/sidebar.ts';
import { Icon } from './icons.tsx';

export interface ProblemStateProps {
  problem: SidebarProblem;
  display?: TicketDisplay;
  locale: Locale;
  onOpenOptions?: (section?: OptionsSection) => void;
  onRetry?: () => void;
}

const OPTIONS_SECTION: Partial<Record<SidebarProblem['kind'], OptionsSection>> = {
  unmapped: 'assignments',
  'no-policy': 'assignments',
};

export function ProblemState({ problem, display, locale, onOpenOptions, onRetry }: ProblemStateProps) {
  const k = problem.kind;
  let body = t(locale, `problem.${k}.body`);
  if (k === 'unmapped' && problem.unmapped)
    body = t(locale, 'problem.unmapped.value', {
      field: t(locale, `field.${problem.unmapped.field}`),
      value: problem.unmapped.value,
    });
  if (k === 'no-policy' && problem.host) body = t(locale, 'problem.no-policy.host', { host: problem.host });
  const section = OPTIONS_SECTION[k];
  const canRetry = k !== 'no-policy' && k !== 'unmapped' && k !== 'deleted';
  return (
    <section class={`sla-problem problem-${k}`} aria-labelledby="sla-problem-title">
      <h3 id="sla-problem-title">
        <Icon name={k === 'no-policy' || k === 'unmapped' ? 'settings' : 'warn'} />
        <span>{t(locale, `problem.${k}.title`)}</span>
        {k === 'api-refused' && display && (
          <span class="sla-badge sla-badge-partial" title={t(locale, 'sidebar.partialHelp')}>
            {t(locale, 'sidebar.partial')}
          </span>
        )}
      </h3>
      <p>{body}</p>
      {/* The technical text from the helpdesk or the engine ("HTTP 404 from /api/v2/tickets/9999.json")
          is English whatever the agent's language: under "Details", for admins, tagged as English. */}
      {(problem.message || problem.detail) && (
        <details>
          <summary>{t(locale, 'problem.details')}</summary>
          {problem.message && (
            <p class="sla-source" lang="en">
              {problem.message}
            </p>
          )}
          {problem.detail && <p lang="en">{problem.detail}</p>}
        </details>
      )}
      <div class="sla-actions">
        {section && onOpenOptions && (
          <button type="button" onClick={() => onOpenOptions(section)}>
            {t(locale, 'problem.openOptions')}
          </button>
        )}
        {canRetry && onRetry && (
          <button type="button" onClick={() => onRetry()}>
            {t(locale, 'problem.retry')}
          </button>
        )}
      </div>
    </section>
  );
}
