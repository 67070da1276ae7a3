/**
 * TOPdesk, page side (content script only; runs in every frame). Which incident the URL shows is
 * `urls.ts`; the read is `api.ts` (`/tas/api/incidents/id/{id}` or `/number/{number}`), here with the
 * browser session.
 */
import type { PageRead } from '../../messaging/sidebar';
import { cachedReader, pageError, type HttpDeps } from '../http';
import { fetchTopdeskIncident } from './api';

/** DOM fallback selectors, each with the UI variant it serves. */
export const TOPDESK_SELECTORS = {
  subject: [
    '#briefDescription', // classic incident card (demo and TOPdesk ≤ 2023)
    '[data-field="briefDescription"]', // field-attributed card
    'input[name="briefDescription"]', // editable card
  ],
  number: ['#incidentNumber', '[data-field="number"]'],
  status: ['#field_processingStatus', '[data-field="processingStatus"]'],
  priority: ['#field_priority', '[data-field="priority"]'],
  requester: ['#field_caller', '[data-field="caller"]'],
} as const;

export function readTopdeskDom(doc: ParentNode, ref: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [name, selectors] of Object.entries(TOPDESK_SELECTORS)) {
    for (const sel of selectors) {
      const el = doc.querySelector(sel);
      const raw = el instanceof HTMLInputElement ? el.value : el?.textContent;
      const text = raw?.replace(/\s+/g, ' ').trim();
      if (text) {
        fields[name] = text.slice(0, 2000);
        break;
      }
    }
  }
  fields.ticketKey = fields.number ?? ref.replace(/^(id|number):/, '');
  return fields;
}

const FALLBACK_KINDS = new Set(['unauthorized', 'forbidden', 'network']);

export function createTopdeskReader(deps: HttpDeps & { origin: string; doc: () => Document }) {
  return cachedReader(async (ref): Promise<PageRead> => {
    const r = await fetchTopdeskIncident(deps.origin, ref, deps);
    if (r.ok) return { kind: 'api', payload: r.payload };
    if (FALLBACK_KINDS.has(r.error.kind))
      return { kind: 'dom', fields: readTopdeskDom(deps.doc(), ref), apiError: pageError(r.error) };
    const error = pageError(r.error);
    return { kind: 'error', error: error.kind === 'not-found' ? { ...error, kind: 'deleted' } : error };
  }, 60_000);
}

/** The page side as the content script's generic adapter takes it (lib/pages/sidebar/adapters.ts). */
export const topdeskPage = {
  id: 'topdesk',
  createReader: createTopdeskReader,
  readDom: readTopdeskDom,
} as const;
