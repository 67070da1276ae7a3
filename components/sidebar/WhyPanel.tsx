/** The evaluation's explanation (the CLI's `--format text`), collapsible, rendered as text. */
import { useEffect, useRef, useState } from 'preact/hooks';
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
  // Opened by the agent: the text lies below the fold of the sidebar's body, so bring it into view.
  const textRef = useRef<HTMLDivElement>(null);
  const openedByAgent = useRef(false);
  useEffect(() => {
    if (open && openedByAgent.current) textRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [open]);
  if (!explanation) return null;
  const rules = (['response', 'resolution'] as const).flatMap((name) => {
    const rule = metrics?.[name]?.rule;
    return rule ? [{ name, rule }] : [];
  });
  return (
    <section class="sla-section sla-why" aria-labelledby="sla-why-heading">
      {/* The button sits beside the heading, not in it: the heading (and the region it names) reads
          "Why these deadlines", not "Why these deadlines Hide why". */}
      <div class="sla-why-head">
        <h3 id="sla-why-heading">{t(locale, 'why.heading')}</h3>
        <button
          type="button"
          aria-expanded={open}
          aria-controls="sla-why-text"
          onClick={() => {
            openedByAgent.current = !open;
            setOpen(!open);
          }}
        >
          {t(locale, open ? 'why.hide' : 'why.show')}
        </button>
      </div>
      <div id="sla-why-text" ref={textRef} hidden={!open}>
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
