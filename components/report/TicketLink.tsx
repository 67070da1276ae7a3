/** A link to a ticket in the helpdesk, https only (a stored link is never trusted to be one). */
import type { ComponentChildren } from 'preact';

const safeLink = (url: string) => (/^https:\/\//i.test(url) ? url : undefined);

export function TicketLink({ link, children }: { link: string; children: ComponentChildren }) {
  return (
    <a href={safeLink(link)} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}
