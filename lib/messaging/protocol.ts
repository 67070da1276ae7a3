/**
 * The one message protocol between the extension's parts. Message types are named by direction:
 * `cs-bg:*` content script → background, `ui-bg:*` popup/options → background, `bg-cs:*` background →
 * content script. Each screen declares its requests (zod), responses and models (types) in its own file (`sidebar.ts`, `popup.ts`, `options.ts`, `report.ts`); the
 * background validates every request with `RequestSchema` (router.ts); senders import only types.
 */
import { z } from 'zod';
import { PopupRequests, type PopupResponses } from './popup';
import { SidebarRequests, type SidebarResponses } from './sidebar';
import { OptionsRequests, type OptionsResponses } from './options';
import { ReportRequests, type ReportResponses } from './report';

export const PingRequest = z.strictObject({ type: z.literal('ui-bg:ping'), at: z.number() });

export const RequestSchema = z.discriminatedUnion('type', [
  PingRequest,
  ...PopupRequests,
  ...SidebarRequests,
  ...OptionsRequests,
  ...ReportRequests,
]);
export type Request = z.infer<typeof RequestSchema>;

export interface Responses extends PopupResponses, SidebarResponses, OptionsResponses, ReportResponses {
  'ui-bg:ping': { pong: number; version: string };
}
export type ResponseOf<T extends Request['type']> = T extends keyof Responses ? Responses[T] : never;

/** Messages the background sends to content scripts (tabs.sendMessage); content scripts check `type`. */
export type BackgroundToContent = { type: 'bg-cs:refresh' } | { type: 'bg-cs:sidebar-command' };
