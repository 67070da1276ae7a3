/**
 * The helpdesks the extension knows: one entry each, and everything generic code needs to know
 * about a helpdesk without importing its worker. Zod-free and browser-free: the content scripts, the
 * worker, the pages, the CLI and the build config (`wxt.config.ts`) all import this file.
 *
 * Adding a helpdesk starts here (see README.md in this folder): the `Record<HelpdeskId, …>` maps
 * elsewhere (`WORKERS` in workers.ts first) then fail to typecheck until the new helpdesk has its
 * entry in each.
 */
import { topdeskIncidentRef } from './topdesk/urls';
import { zendeskTicketId } from './zendesk/urls';

export const HELPDESKS = {
  zendesk: {
    label: 'Zendesk',
    hostSuffix: '.zendesk.com',
    pagePath: '/agent/*',
    signInPath: '/agent',
    keyPrefix: '#',
    // Zendesk's Agent Workspace is one top document.
    allFrames: false,
    fieldSources: ['custom-field', 'tag', 'org-field'],
    auth: 'session',
    ticketRef: zendeskTicketId,
  },
  topdesk: {
    label: 'TOPdesk',
    hostSuffix: '.topdesk.net',
    pagePath: '/tas/*',
    signInPath: '/tas/secure/',
    keyPrefix: '',
    // TOPdesk's operator app loads incident cards in frames.
    allFrames: true,
    fieldSources: ['field'],
    auth: 'session-or-app-password',
    ticketRef: topdeskIncidentRef,
  },
} as const satisfies Record<string, HelpdeskMeta>;

/** Where a mapped value (tier, impact, urgency, …) can come from (`FieldSource.from`, mapping-schema.ts). */
export type FieldSourceKind = 'custom-field' | 'tag' | 'field' | 'org-field';

export interface HelpdeskMeta {
  /** The product's own name; the same in every language. */
  label: string;
  /** The SaaS host suffix the manifest's host permissions and content-script matches cover. */
  hostSuffix: `.${string}`;
  /** The agent pages the content script runs on, as a match-pattern path (built-in and self-hosted). */
  pagePath: `/${string}`;
  /** Where a signed-out agent signs in again (the popup's watch line). */
  signInPath: `/${string}`;
  /**
   * The ticket key shown for a ticket without a number of its own: `${keyPrefix}${id}` (Zendesk
   * `#1001`; a TOPdesk incident has its number, else its id as is).
   */
  keyPrefix: string;
  /** Whether the content script runs in every frame (tickets shown in frames). */
  allFrames: boolean;
  /** The field sources Options offers for this helpdesk's mappings. */
  fieldSources: readonly FieldSourceKind[];
  /**
   * How the worker authenticates: the agent's browser session only (Zendesk), or the session with
   * an operator's application password stored in Options as the fallback (TOPdesk).
   */
  auth: 'session' | 'session-or-app-password';
  /** The ticket a page URL shows (the id the page side reads and the worker binds messages to), or null. */
  ticketRef: (url: string) => string | null;
}

export type HelpdeskId = keyof typeof HELPDESKS;

/** The ids as a non-empty tuple, for `z.enum(HELPDESK_IDS)` and for loops. */
export const HELPDESK_IDS = Object.keys(HELPDESKS) as [HelpdeskId, ...HelpdeskId[]];

export function isHelpdeskId(value: unknown): value is HelpdeskId {
  return typeof value === 'string' && Object.hasOwn(HELPDESKS, value);
}

export function helpdeskLabel(id: HelpdeskId): string {
  return HELPDESKS[id].label;
}

/** The helpdesk's entry, typed as the interface (no literal types), for generic code. */
export function helpdesk(id: HelpdeskId): HelpdeskMeta {
  return HELPDESKS[id];
}

/** The built-in content script's match pattern: every SaaS host's agent pages. */
export function builtinMatches(id: HelpdeskId): string[] {
  return [`https://*${HELPDESKS[id].hostSuffix}${HELPDESKS[id].pagePath}`];
}

/** The manifest's host permissions: every SaaS host of every helpdesk. */
export const HOST_PERMISSIONS = HELPDESK_IDS.map((id) => `https://*${HELPDESKS[id].hostSuffix}/*`);

/** The built content script of a helpdesk (entrypoints/<id>.content/ builds to this file). */
export function contentScriptFile(id: HelpdeskId): string {
  return `content-scripts/${id}.js`;
}

/** A host name for examples and saved payloads without one (the CLI, Options' ticket test). */
export function exampleHost(id: HelpdeskId): string {
  return `example${HELPDESKS[id].hostSuffix}`;
}
