/**
 * Zendesk Agent Workspace addresses (zod-free, browser-free: the content script, the worker and the
 * catalog read them). Example URLs:
 *   https://mextra.zendesk.com/agent/tickets/1001          → ticket 1001
 *   https://mextra.zendesk.com/agent/tickets/1001/events   → ticket 1001
 *   https://mextra.zendesk.com/agent/dashboard             → no ticket
 *   https://mextra.zendesk.com/agent/filters/360001        → no ticket
 */
const TICKET_PATH = /^\/agent\/tickets\/(\d+)(?:\/|$)/;

export function zendeskTicketId(url: string): string | null {
  try {
    const u = new URL(url);
    return TICKET_PATH.exec(u.pathname)?.[1] ?? null;
  } catch {
    return null;
  }
}
