/**
 * The page side of a helpdesk adapter, as the content scripts use it: one generic factory over the
 * helpdesk's page module (`<name>/page.ts`: a reader and the DOM fallback) and its ticket URL shape
 * (the catalog's `ticketRef`).
 */
import { helpdesk, type HelpdeskId } from '../../helpdesks/catalog';
import type { HttpDeps } from '../../helpdesks/http';
import type { PageRead } from '../../messaging/sidebar';
import type { PageAdapter } from './run';

/** What a helpdesk's page.ts gives the content script. */
export interface HelpdeskPage {
  id: HelpdeskId;
  createReader(
    deps: HttpDeps & { origin: string; doc: () => Document },
  ): (ref: string, force?: boolean) => Promise<PageRead>;
  readDom(doc: ParentNode, ref: string): Record<string, string>;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const deps = () => ({
  fetch: (u: string, i?: RequestInit) => fetch(u, i),
  sleep,
  origin: location.origin,
  doc: () => document,
});

export function pageAdapter(page: HelpdeskPage): PageAdapter {
  const read = page.createReader(deps());
  const ticketRef = helpdesk(page.id).ticketRef;
  return {
    helpdesk: page.id,
    activeTicket: (url) => {
      const id = ticketRef(url);
      return id ? { id } : null;
    },
    read: (ref, { force }) => read(ref.id, force),
    fingerprint: (doc) => {
      const f = page.readDom(doc, '');
      return `${f.status ?? ''}|${f.priority ?? ''}`;
    },
  };
}
