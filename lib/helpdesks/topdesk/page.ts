/**
 * TOPdesk, page side (content script; runs in every frame). Example URLs:
 *   /tas/secure/incident?unid=a00000015c4e4b3a9d2f0123456789ab                      classic card → a0000001-5c4e-4b3a-9d2f-0123456789ab
 *   /tas/secure/contained/incident?action=show&unid=a00000015c4e4b3a9d2f0123456789ab operator app frame → same
 *   /tas/secure/incident?action=show&num=I%202611%20001                              by number → I 2611 001
 *   /tas/secure/mango/window/1                                                       operator shell (card is in a frame) → none
 * Reads `/tas/api/incidents/id/{id}` (or `/number/{number}`) with the browser session.
 */
import type { PageRead } from '../../messaging/sidebar';
import { cachedReader, getJson, type HttpDeps } from '../http';

const CARD_PATH = /^\/tas\/secure\/(?:contained\/)?incident$/;

/** A 32-hex unid becomes a dashed UUID; a dashed one is kept. */
export function unidToUuid(unid: string): string | null {
  const hex = unid.replace(/-/g, '').toLowerCase();
  if (!/^[0-9a-f]{32}$/.test(hex)) return null;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** `id:<uuid>` or `number:<number>` for the incident this URL shows, or null. */
export function topdeskIncidentRef(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (!CARD_PATH.test(u.pathname)) return null;
  const unid = u.searchParams.get('unid');
  if (unid) {
    const uuid = unidToUuid(unid);
    return uuid ? `id:${uuid}` : null;
  }
  const num = u.searchParams.get('num') ?? u.searchParams.get('number');
  return num && /^[\w .-]{1,40}$/.test(num) ? `number:${num.trim()}` : null;
}

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

export function incidentApiUrl(origin: string, ref: string): string {
  return ref.startsWith('id:')
    ? `${origin}/tas/api/incidents/id/${ref.slice(3)}`
    : `${origin}/tas/api/incidents/number/${encodeURIComponent(ref.slice(7))}`;
}

const FALLBACK_KINDS = new Set(['unauthorized', 'forbidden', 'network']);

export function createTopdeskReader(deps: HttpDeps & { origin: string; doc: () => Document }) {
  return cachedReader(async (ref): Promise<PageRead> => {
    const r = await getJson(incidentApiUrl(deps.origin, ref), deps);
    if (r.ok) return { kind: 'api', payload: { incident: r.body } };
    if (FALLBACK_KINDS.has(r.error.kind))
      return { kind: 'dom', fields: readTopdeskDom(deps.doc(), ref), apiError: r.error };
    return { kind: 'error', error: r.error.kind === 'not-found' ? { ...r.error, kind: 'deleted' } : r.error };
  }, 60_000);
}
