/**
 * Helpdesk marks as inline SVG (no image requests, no remote assets). The shapes are defined once
 * (`HelpdeskIconDefs`) and each row only references them, to keep a 1,000-row queue light.
 */
import type { JSX } from 'preact';
import { HELPDESK_IDS, type HelpdeskId } from '../../lib/helpdesks/catalog';

/** One mark per catalog helpdesk: a helpdesk added to the catalog without one does not compile. */
const SYMBOLS: Record<HelpdeskId, JSX.Element> = {
  zendesk: (
    <symbol id="hd-zendesk" viewBox="0 0 16 16">
      <path d="M1 5 L7 5 L1 14 Z" fill="currentColor" />
      <circle cx="4" cy="3.2" r="2.6" fill="currentColor" />
      <path d="M9 2 L15 2 L9 11 Z" fill="currentColor" />
      <circle cx="12" cy="12.8" r="2.6" fill="currentColor" />
    </symbol>
  ),
  topdesk: (
    <symbol id="hd-topdesk" viewBox="0 0 16 16">
      <rect x="1" y="1" width="14" height="14" rx="3" fill="currentColor" />
      <path d="M4 4.5 H12 V6.5 H9 V12 H7 V6.5 H4 Z" fill="#fff" />
    </symbol>
  ),
};

export function HelpdeskIconDefs() {
  return (
    <svg width="0" height="0" style="position:absolute" aria-hidden="true" focusable="false">
      {HELPDESK_IDS.map((id) => SYMBOLS[id])}
    </svg>
  );
}

export function HelpdeskIcon({ helpdesk, label }: { helpdesk: HelpdeskId; label: string }) {
  return (
    <svg class={`hd-icon hd-${helpdesk}`} width="14" height="14" role="img" aria-label={label}>
      <use href={`#hd-${helpdesk}`} />
    </svg>
  );
}
