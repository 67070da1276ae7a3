/**
 * One adapter per helpdesk, in two halves:
 * - the page side (`PageAdapter`, lib/pages/sidebar/run.tsx) runs in the content script: which ticket is
 *   open, read its API payloads with the agent's session, or the page as a fallback. No zod there.
 * - the mapping side (`Normalizer`) runs in the background and the CLI: raw payload + the host's
 *   mapping + the policy's vocabulary → the engine's neutral ticket and what the sidebar displays.
 */
import type { NeutralTicket } from '../sla/types';
import type { HelpdeskSla, SidebarProblem, TicketDisplay } from '../messaging/sidebar';
import type { HostMapping } from './mapping-schema';
import type { PolicyVocabulary } from './mapping';

export type { HelpdeskId as HelpdeskName } from './catalog';

/** Why a page read failed, for the sidebar to explain. */
export type ReadErrorKind =
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'deleted'
  | 'rate-limited'
  | 'server'
  | 'network'
  | 'malformed';

export interface ReadError {
  kind: ReadErrorKind;
  status?: number;
  message: string;
}

export type NormalizeResult =
  | {
      ok: true;
      /** The helpdesk's own id of the ticket (Zendesk ticket id, TOPdesk incident UUID): the registry key. */
      ticketId: string;
      ticket: NeutralTicket;
      display: TicketDisplay;
      origin?: { tier?: string; type?: string; priority?: string };
      helpdeskSla?: HelpdeskSla;
      fieldNames?: { impact?: string; urgency?: string };
    }
  | { ok: false; problem: SidebarProblem; display?: TicketDisplay };

export type HelpdeskNormalizer = (
  payload: unknown,
  mapping: HostMapping | undefined,
  vocabulary: PolicyVocabulary,
  host: string,
) => NormalizeResult;
