/** The page side of each helpdesk adapter, as the content scripts use it. */
import { createTopdeskReader, readTopdeskDom, topdeskIncidentRef } from '../../helpdesks/topdesk/page';
import { createZendeskReader, readZendeskDom, zendeskTicketId } from '../../helpdesks/zendesk/page';
import type { PageAdapter } from './run';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const deps = () => ({
  fetch: (u: string, i?: RequestInit) => fetch(u, i),
  sleep,
  origin: location.origin,
  doc: () => document,
});

export function zendeskAdapter(): PageAdapter {
  const read = createZendeskReader(deps());
  return {
    helpdesk: 'zendesk',
    activeTicket: (url) => {
      const id = zendeskTicketId(url);
      return id ? { id } : null;
    },
    read: (ref, { force }) => read(ref.id, force),
    fingerprint: (doc) => {
      const f = readZendeskDom(doc, '');
      return `${f.status ?? ''}|${f.priority ?? ''}`;
    },
  };
}

export function topdeskAdapter(): PageAdapter {
  const read = createTopdeskReader(deps());
  return {
    helpdesk: 'topdesk',
    activeTicket: (url) => {
      const id = topdeskIncidentRef(url);
      return id ? { id } : null;
    },
    read: (ref, { force }) => read(ref.id, force),
    fingerprint: (doc) => {
      const f = readTopdeskDom(doc, '');
      return `${f.status ?? ''}|${f.priority ?? ''}`;
    },
  };
}
