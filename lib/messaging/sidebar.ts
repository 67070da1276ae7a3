/** Sidebar messages (content script → background): requests (zod) and their response types. */
import { z } from 'zod';
import { HelpdeskKind, HostName } from '../storage/schemas';
import type { SidebarModel } from '../../components/sidebar/model';

/** What the content script could read from the page: API payloads, the DOM fallback, or why not. */
export const PageReadSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('api'),
    /** Raw API bodies; the helpdesk adapter validates their shape in the background. */
    payload: z.unknown(),
  }),
  z.strictObject({
    kind: z.literal('dom'),
    /** Fields read from the page (subject, status, priority, …), text only, bounded. */
    fields: z.record(z.string().max(64), z.string().max(2000)),
    apiError: z.strictObject({
      kind: z.string().max(40),
      status: z.number().optional(),
      message: z.string().max(500),
    }),
  }),
  z.strictObject({
    kind: z.literal('error'),
    error: z.strictObject({
      kind: z.string().max(40),
      status: z.number().optional(),
      message: z.string().max(500),
    }),
  }),
]);
export type PageRead = z.infer<typeof PageReadSchema>;

export const SidebarRequests = [
  z.strictObject({
    type: z.literal('cs-bg:ticket'),
    helpdesk: HelpdeskKind,
    host: HostName,
    url: z.string().url().max(4096),
    ticketId: z.string().min(1).max(200),
    /** The page's clock (epoch ms): the sidebar shows the ticket as of this instant. */
    pageNow: z.number().finite(),
    read: PageReadSchema,
  }),
  z.strictObject({
    type: z.literal('cs-bg:ui-state'),
    helpdesk: HelpdeskKind,
    collapsed: z.boolean().optional(),
    side: z.enum(['left', 'right']).optional(),
    compact: z.boolean().optional(),
  }),
  z.strictObject({ type: z.literal('cs-bg:open-options'), section: z.string().max(40).optional() }),
] as const;

/** The agent's preferences as the sidebar needs them. */
export interface SidebarView {
  language: 'auto' | 'nl' | 'en';
  /**
   * The language the worker chose (the preference, or for "auto" the browser's UI language): the
   * engine's words (targets, explanation) are in it, so the sidebar's own words follow it too, never
   * a second source (the page's navigator.languages can differ: a half-Dutch sidebar).
   */
  locale: 'nl' | 'en';
  side: 'left' | 'right';
  collapsed: boolean;
  /** Only the countdowns, in a smaller panel. */
  compact: boolean;
  atRiskPercent: number;
}

export interface SidebarResponses {
  /** The sidebar model plus the agent's preferences for the view. */
  'cs-bg:ticket': { model: SidebarModel; view: SidebarView };
  'cs-bg:ui-state': { ok: true };
  'cs-bg:open-options': { ok: true };
}
