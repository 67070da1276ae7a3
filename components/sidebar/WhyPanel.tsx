/** The evaluation's explanation (the CLI's `--format text`), collapsible, rendered as text. */
import { useState } from 'preact/hooks';
import type { Locale } from '../../lib/i18n/core.ts';
import { t } from '../../lib/i18n/sidebar.ts';
import type { Evaluation } from '../../lib/sla/types.ts';

export interface WhyPanelProps {
  explanation: string;
  /** The evaluation's metrics: their policy rules (JSON paths) go in a disclosure for admins. */
  metrics?: Evaluation['metrics'];
  locale: Locale;
  /** Start expanded (gallery, screenshots). */
  defaultOpen?: boolean;
}

export function WhyPanel({ explanation, metrics, locale, defaultOpen = false }: WhyPanelProps) {
  const [open, setOpen] = useState(defaultOpen);
  if (!explanation) return null;
  const rules = (['response', 'resolution'] as const).flatMap((name) => {
    const rule = metrics?.[name]?.rule;
    return rule ? [{ name, rule }] : [];
  });
  return (
    <section class="sla-section sla-why" aria-labelledby="sla-why-heading">
      <h3 id="sla-why-heading">
        <span>{t(locale, 'why.heading')}</span>
        <button
          type="button"
          aria-expanded={open}
          aria-controls="sla-why-text"
          onClick={() => setOpen(!open)}
        >
          {t(locale, open ? 'why.hide' : 'why.show')}
        </button>
      </h3>
      <div id="sla-why-text" hidden={!open}>
        <div class="sla-explanation">{explanation}</div>
        {rules.length > 0 && (
          <details class="sla-rules">
            <summary>{t(locale, 'why.rules')}</summary>
            <ul>
              {rules.map((r) => (
                <li key={r.name}>
                  {t(locale, r.name === 'response' ? 'metric.response' : 'metric.resolution')}:{' '}
                  <code lang="en">{r.rule}</code>
                </li>
              ))}
            </ul>
          </details>
        )}
      </div>
    </section>
  );
}
