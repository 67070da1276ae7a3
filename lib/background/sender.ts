/**
 * Binding a content script's message to the page it really runs on (security review #2). The
 * browser tells the worker the sender frame's URL (`sender.url`); a content script can claim any
 * host, helpdesk or ticket in its message, so those are checked against that URL and never taken
 * from the message: the host is the sender's, the helpdesk is the one configured for that host
 * (the SaaS suffixes, or the self-hosted entry), and the ticket must be the one the URL shows.
 */
import { BUILTIN_HOST_SUFFIXES, type HelpdeskKind, type HostEntry } from '../config/hosts';
import { helpdesk as helpdeskMeta } from '../helpdesks/catalog';

export interface SenderPage {
  helpdesk: HelpdeskKind;
  host: string;
  url: string;
  /**
   * The addresses of this page the browser reports, on the sender's host: the frame's URL and the
   * tab's. Chromium keeps `sender.url` at the address the frame's document was loaded with, so
   * after a single-page-app navigation (Zendesk's ticket tabs) only the tab's URL shows the ticket.
   */
  urls: string[];
}

export class SenderRefused extends Error {}

/** The helpdesk page behind `sender.url`, or why it is not one this extension serves. */
export function senderPage(
  senderUrl: string | undefined,
  selfHosted: readonly HostEntry[],
  tabUrl?: string,
): SenderPage {
  let url: URL;
  try {
    url = new URL(senderUrl ?? '');
  } catch {
    throw new SenderRefused('the sender has no page address');
  }
  if (url.protocol !== 'https:' || url.port !== '')
    throw new SenderRefused(`${url.origin} is not an https helpdesk page`);
  const host = url.hostname.toLowerCase();
  const urls = [url.href];
  if (tabUrl && tabUrl !== url.href && URL.canParse(tabUrl) && new URL(tabUrl).origin === url.origin)
    urls.push(new URL(tabUrl).href);
  for (const [helpdesk, suffix] of Object.entries(BUILTIN_HOST_SUFFIXES) as Array<[HelpdeskKind, string]>)
    if (host.endsWith(suffix) && host.length > suffix.length) return { helpdesk, host, url: url.href, urls };
  const entry = selfHosted.find((h) => h.host === host);
  if (entry) return { helpdesk: entry.helpdesk, host, url: url.href, urls };
  throw new SenderRefused(`${host} is not a helpdesk host configured in Options`);
}

/** The ticket a helpdesk page URL shows, as the content script's adapter reads it. */
export function ticketIdFromUrl(helpdesk: HelpdeskKind, url: string): string | null {
  return helpdeskMeta(helpdesk).ticketRef(url);
}

/**
 * The message with host, helpdesk and URL replaced by the sender's; refused when the message names
 * another host or helpdesk, or a ticket the sender's URL does not show.
 */
export function bindToSender<
  M extends { helpdesk: HelpdeskKind; host?: string; ticketId?: string; url?: string },
>(message: M, page: SenderPage): M {
  if (message.helpdesk !== page.helpdesk)
    throw new SenderRefused(`the message names ${message.helpdesk}, but ${page.host} is ${page.helpdesk}`);
  if (message.host !== undefined && message.host.toLowerCase() !== page.host)
    throw new SenderRefused(`the message names ${message.host}, but it was sent from ${page.host}`);
  let url = page.url;
  if (message.ticketId !== undefined) {
    const showing = page.urls.find((u) => ticketIdFromUrl(page.helpdesk, u) === message.ticketId);
    if (!showing) throw new SenderRefused(`the page ${page.url} does not show ticket ${message.ticketId}`);
    url = showing;
  }
  return {
    ...message,
    helpdesk: page.helpdesk,
    ...(message.host !== undefined ? { host: page.host } : {}),
    ...(message.url !== undefined ? { url } : {}),
  };
}

/**
 * A per-tab budget for content-script messages (security review #5/#10: a page can make its content
 * script report, retry or switch tickets as fast as it likes, and each report costs the worker a
 * read, an evaluation and a write). A token bucket per tab: `burst` messages at once, then `perSecond`
 * more each second. An agent clicking through tickets stays far below it; a page script looping does
 * not. Pure: the clock is passed in.
 */
export class TabRateLimit {
  private readonly buckets = new Map<number, { tokens: number; at: number }>();

  constructor(
    private readonly burst = 30,
    private readonly perSecond = 3,
    /** Tabs remembered at most (the least recently used is forgotten first). */
    private readonly maxTabs = 500,
  ) {}

  /** Takes one message's token for `tabId`; false when the tab is over its budget. */
  take(tabId: number, now: number): boolean {
    const b = this.buckets.get(tabId);
    const tokens = b
      ? Math.min(this.burst, b.tokens + (Math.max(0, now - b.at) / 1000) * this.perSecond)
      : this.burst;
    this.buckets.delete(tabId); // re-inserted last: Map order is the LRU order
    if (this.buckets.size >= this.maxTabs) this.buckets.delete(this.buckets.keys().next().value!);
    if (tokens < 1) {
      this.buckets.set(tabId, { tokens, at: now });
      return false;
    }
    this.buckets.set(tabId, { tokens: tokens - 1, at: now });
    return true;
  }
}

/** The worker's limit for content-script messages (one per worker; a restart starts afresh). */
export const contentScriptLimit = new TabRateLimit();

/** Refuses a content script's message when its tab is over budget. */
export function checkRate(tabId: number | undefined, now: number, limit = contentScriptLimit): void {
  if (tabId === undefined) throw new SenderRefused('the sender has no tab');
  if (!limit.take(tabId, now))
    throw new SenderRefused('too many messages from this tab; the worker is ignoring it for a moment');
}
