/**
 * What the background does for each message: one dispatcher, one handler module per area
 * (popup.ts, ticket.ts for the sidebar, options.ts, report.ts). Kept apart from the entrypoint so it can be tested with
 * fakeBrowser.
 */
import type { Request } from '../messaging/protocol';
import type { RouteContext, SenderKind } from '../messaging/router';
import { handleOptions, isOptionsRequest } from './options';
import { handlePopup, isPopupRequest } from './popup';
import { handleReport, isReportRequest } from './report';
import { handleSidebar, isSidebarRequest, type Normalizer, type SidebarDeps } from './ticket';
import { queueUpsert } from './registry-store';
import { wake } from './wake';
import { normalizeWith } from '../helpdesks';
import { checkRate } from './sender';

const normalize: Normalizer = (req, payload, mapping, policy) =>
  normalizeWith(req.helpdesk, payload, mapping, policy, req.host);

/**
 * A ticket the agent opened joins the registry; the wake-up re-evaluates, re-plans alarms and the
 * badge. The sidebar's answer does not wait for either: rapid reports are coalesced (queueUpsert, one
 * write per batch; `wake` runs at most once more while one is running).
 */
const remember: SidebarDeps['remember'] = (req, n, policy) => {
  void queueUpsert(
    {
      helpdesk: req.helpdesk,
      host: req.host,
      ticketId: n.ticketId,
      ticketKey: n.display.ticketKey,
      subject: n.display.subject,
      link: n.display.link,
      ticket: n.ticket,
      facts: n.facts,
      source: 'opened',
      policyId: policy.id,
    },
    Date.now(),
  )
    .then(() => wake('ticket-opened'))
    .catch((e: unknown) => console.error('[sla] the opened ticket could not be stored:', e));
  return Promise.resolve();
};

export function allowed(type: Request['type'], kind: SenderKind): boolean {
  const t: string = type;
  if (t === 'ui-bg:ping') return true;
  if (t.startsWith('ui-bg:')) return kind === 'extension-page';
  if (t.startsWith('cs-bg:')) return kind === 'content-script';
  return false;
}

export async function handle(message: Request, ctx: RouteContext): Promise<unknown> {
  // Content scripts speak for pages: each tab has a message budget (lib/background/sender.ts).
  if (ctx.kind === 'content-script') checkRate(ctx.sender.tab?.id, Date.now());
  if (isOptionsRequest(message)) return handleOptions(message);
  if (isPopupRequest(message)) return handlePopup(message);
  if (isReportRequest(message)) return handleReport(message);
  if (isSidebarRequest(message)) return handleSidebar(message, normalize, remember, ctx.sender);
  switch (message.type) {
    case 'ui-bg:ping':
      return { pong: message.at, version: browser.runtime.getManifest().version };
    default:
      throw new Error(`no handler for ${(message as { type: string }).type}`);
  }
}
