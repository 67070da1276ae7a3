/**
 * Zendesk Agent Workspace, page side (content script only). Which ticket the URL shows is `urls.ts`;
 * the API reads are `api.ts` (`/api/v2/tickets/{id}.json` and every page of its audits, with the
 * agent's session). When the API refuses (401/403/network), reads what the page shows and marks it
 * partial.
 */
import type { PageRead } from '../../messaging/sidebar';
import { cachedReader, pageError, type HttpDeps } from '../http';
import { fetchZendeskTicket } from './api';

/**
 * Selectors for the DOM fallback, most specific first. Each names the UI variant it serves; when
 * Zendesk changes its markup, add the new selector on top and keep the old ones.
 */
export const ZENDESK_SELECTORS = {
  subject: [
    'input[data-test-id="omni-header-subject"]', // Agent Workspace (2021–): subject input in the ticket header
    '[data-test-id="ticket-pane-subject"]', // Agent Workspace, read-only subject (closed tickets)
    'input[name="subject"]', // legacy agent interface
  ],
  status: [
    '[data-test-id="ticket-field-status"] .value', // fake/demo workspace field list
    '[data-test-id="ticket-status-tag"]', // Agent Workspace status badge in the header
    '[data-garden-id="tags.tag"][data-test-id*="status"]', // Garden tag variant (2023–)
  ],
  priority: [
    '[data-test-id="ticket-field-priority"] .value', // fake/demo workspace field list
    '[data-test-id="ticket-form-field-priority"] [data-garden-id="dropdowns.select"]', // Agent Workspace priority dropdown
  ],
  requester: [
    '[data-test-id="ticket-field-requester"] .value', // fake/demo workspace field list
    '[data-test-id="ticket-system-field-requester-select"] [data-garden-id="tags.tag"]', // Agent Workspace requester tag
  ],
} as const;

function firstText(doc: ParentNode, selectors: readonly string[]): string | undefined {
  for (const sel of selectors) {
    const el = doc.querySelector(sel);
    if (!el) continue;
    const value = el instanceof HTMLInputElement ? el.value : el.textContent;
    const text = value?.replace(/\s+/g, ' ').trim();
    if (text) return text.slice(0, 2000);
  }
  return undefined;
}

export function readZendeskDom(doc: ParentNode, id: string): Record<string, string> {
  const fields: Record<string, string> = { ticketKey: `#${id}` };
  for (const [name, selectors] of Object.entries(ZENDESK_SELECTORS)) {
    const v = firstText(doc, selectors);
    if (v !== undefined) fields[name] = v;
  }
  return fields;
}

/** API refusals that the DOM fallback can stand in for. */
const FALLBACK_KINDS = new Set(['unauthorized', 'forbidden', 'network']);

export function createZendeskReader(deps: HttpDeps & { origin: string; doc: () => Document }) {
  const read = cachedReader(async (id): Promise<PageRead> => {
    const r = await fetchZendeskTicket(deps.origin, id, deps);
    if (r.ok) return { kind: 'api', payload: r.payload };
    if (FALLBACK_KINDS.has(r.error.kind))
      return { kind: 'dom', fields: readZendeskDom(deps.doc(), id), apiError: pageError(r.error) };
    const error = pageError(r.error);
    return { kind: 'error', error: error.kind === 'not-found' ? { ...error, kind: 'deleted' } : error };
  }, 60_000);
  return read;
}

/** The page side as the content script's generic adapter takes it (lib/pages/sidebar/adapters.ts). */
export const zendeskPage = {
  id: 'zendesk',
  createReader: createZendeskReader,
  readDom: readZendeskDom,
} as const;
