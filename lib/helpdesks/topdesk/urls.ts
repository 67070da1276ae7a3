/**
 * TOPdesk addresses (zod-free, browser-free: the content script, the worker and the catalog read
 * them). Example URLs:
 *   /tas/secure/incident?unid=a00000015c4e4b3a9d2f0123456789ab                      classic card → a0000001-5c4e-4b3a-9d2f-0123456789ab
 *   /tas/secure/contained/incident?action=show&unid=a00000015c4e4b3a9d2f0123456789ab operator app frame → same
 *   /tas/secure/incident?action=show&num=I%202611%20001                              by number → I 2611 001
 *   /tas/secure/mango/window/1                                                       operator shell (card is in a frame) → none
 */
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
