/** The evaluation's explanation (the CLI's `--format text`), collapsible, rendered as text. */
import { useState } from 'preact/hooks';
import type { Locale } from '../../lib/i18n/core.ts';
import { t } from '../../lib/i18n/sidebar.ts';

export interface WhyPanelProps {
  explanation: string;
  locale: Locale;
  /** Start expanded (gallery, screenshots). */
  defaultOpen?: boolean;
}

export function WhyPanel({ explanation, locale, defaultOpen = false }: WhyPanelProps) {
  const [open, setOpen] = useState(defaultOpen);
  if (!explanation) return null;
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
      <div id="sla-why-text" class="sla-explanation" hidden={!open}>
        {explanation}
      </div>
    </section>
  );
}
