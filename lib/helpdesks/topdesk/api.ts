/**
 * TOPdesk's incident API, read by the content script (browser session) and by the worker (the queue
 * watch, the compliance history and the application-password retry). Zod-free: the content script
 * bundles it; the worker's normaliser validates the body.
 * API: https://developers.topdesk.com/explorer/?page=incident#/incident/getIncidentById
 */
import { basicAuth, getJson, type HttpDeps } from '../http';
import type { ReadError } from '../types';

/** `ref` is `id:<uuid>` or `number:<number>` (urls.ts `topdeskIncidentRef`). */
export function incidentApiUrl(origin: string, ref: string): string {
  return ref.startsWith('id:')
    ? `${origin}/tas/api/incidents/id/${ref.slice(3)}`
    : `${origin}/tas/api/incidents/number/${encodeURIComponent(ref.slice(7))}`;
}

/**
 * One incident as the normaliser takes it (`{ incident }`). With `credential`, HTTP Basic with the
 * operator's application password and no cookies; without, the browser session.
 */
export async function fetchTopdeskIncident(
  origin: string,
  ref: string,
  deps: HttpDeps,
  credential?: { username: string; password: string } | null,
): Promise<{ ok: true; payload: { incident: unknown } } | { ok: false; error: ReadError }> {
  const r = await getJson(
    incidentApiUrl(origin, ref),
    deps,
    credential ? { credentials: 'omit', headers: { Authorization: basicAuth(credential) } } : {},
  );
  return r.ok ? { ok: true, payload: { incident: r.body } } : r;
}
