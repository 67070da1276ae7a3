/**
 * One adapter per helpdesk, in two halves:
 * - the page side (`PageAdapter`, lib/pages/sidebar/run.tsx) runs in the content script: which ticket is
 *   open, read its API payloads with the agent's session, or the page as a fallback. No zod there.
 * - the mapping side (`Normalizer`) runs in the background and the CLI: raw payload + the host's
 *   mapping + the policy's vocabulary → the engine's neutral ticket and what the sidebar displays.
 */
import type { NeutralTicket } from '../sla/types';
import type { TicketFacts } from '../registry/types';
import type { HelpdeskSla, SidebarProblem, TicketDisplay } from '../messaging/sidebar';
import type { PageRead } from '../messaging/sidebar';
import type { HostMapping } from './mapping-schema';
import type { PolicyVocabulary } from './mapping';
import type { HttpDeps } from './http';
import type { FinishedRange, QueueDeps, QueueResult } from './listing';

export type { HelpdeskId as HelpdeskName } from './catalog';

/** Why a page read failed, for the sidebar to explain: the HTTP client's one taxonomy (http.ts). */
export type { HttpErrorKind as ReadErrorKind, HttpError as ReadError } from './http';

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
      /** Customer and tags, for the service report (README "Ticket facts"). */
      facts?: TicketFacts;
    }
  | { ok: false; problem: SidebarProblem; display?: TicketDisplay };

export type HelpdeskNormalizer = (
  payload: unknown,
  mapping: HostMapping | undefined,
  vocabulary: PolicyVocabulary,
  host: string,
) => NormalizeResult;

/** An operator's application password, as stored in Options for a host. */
export interface Credential {
  username: string;
  password: string;
}

/** One ticket read through the API as the sidebar reads it, or why not. */
export type Detail = { ok: true; payload: unknown } | { ok: false; notFound: boolean; message: string };

export interface ListRequest {
  host: string;
  /** The host's stored (unvalidated) mapping: where a listing is configured (Zendesk's view id). */
  mapping: unknown;
  /** The application password stored for the host, for helpdesks whose `auth` allows one. */
  credential: Credential | null;
  /** Instead of the open queue: the tickets finished in this range (compliance history). */
  finished?: FinishedRange | undefined;
}

/**
 * Everything the worker does with one helpdesk, behind one object per helpdesk
 * (`<name>/index.ts`, collected in workers.ts as `Record<HelpdeskId, HelpdeskWorker>`): generic code
 * (the queue watch, compliance history, the sidebar's ticket model, the CLI and Options' ticket
 * test) looks the worker up by id and never compares helpdesk names. A missing capability is a type
 * error (see workers.typecheck.ts).
 */
export interface HelpdeskWorker {
  /** Raw API payload + the host's mapping + the policy's vocabulary → the engine's neutral ticket. */
  normalize: HelpdeskNormalizer;
  /** The open queue, or with `finished` the tickets finished in that range; paginated, never throws. */
  list(request: ListRequest, deps: QueueDeps): Promise<QueueResult>;
  /**
   * Whether a listed ticket's `raw` is the whole ticket (TOPdesk's incidents), so `readListed` needs
   * no request; otherwise (Zendesk) a new or changed ticket costs reads, counted against the watch's
   * request budget.
   */
  listingIsComplete: boolean;
  /** The listed ticket's last-change stamp (`updated_at`, `modificationDate`), or null. */
  changeStamp(listed: Record<string, unknown>): string | null;
  /** The normaliser's payload for a listed ticket, with the reads the listing leaves out. */
  readListed(
    host: string,
    listed: Record<string, unknown>,
    mapping: unknown,
    http: HttpDeps,
  ): Promise<Detail>;
  /** One ticket by its id (the registry's `ticketId`), as the sidebar would read it. */
  readDetail(host: string, ticketId: string, credential: Credential | null, http: HttpDeps): Promise<Detail>;
  /**
   * Saved API bodies (the CLI's files, a payload pasted into Options' "test with a ticket") → the
   * payload `normalize` takes: `ticket` is the main body, `audits` any further pages.
   */
  payloadFromFiles(files: { ticket: unknown; audits?: unknown[] }): unknown;
  /**
   * A page read the helpdesk refused, read again by the worker with the host's stored credential
   * (asked for only then); null when the read was not refused or there is nothing to retry with.
   * Only for helpdesks with an application password.
   */
  retryRefusedRead?(
    host: string,
    ticketId: string,
    read: PageRead,
    credential: () => Promise<Credential | null>,
    http: HttpDeps,
  ): Promise<PageRead | null>;
}
