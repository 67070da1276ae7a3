/**
 * The sidebar's contract (content script ↔ background): the requests (zod, validated by the
 * background), their responses, and the model the background sends (the content script only relays it
 * to the views in components/sidebar, which import these types).
 *
 * The model is plain JSON: it crosses extension messaging, so no Dates, Maps, functions or class
 * instances. The views and the content script import only types from here (zod stays in the worker).
 *
 * The background builds the model from the page read + the policy in effect for the host:
 *   - `status: 'loading'` while the ticket is read (the content script sets this itself on a ticket change);
 *   - `status: 'problem'` when there is nothing trustworthy to show (see `ProblemKind`);
 *   - `status: 'ready'` with the engine's `Evaluation`, evaluated at a recent `now` with the
 *     agent's locale (explanation and target labels are in that language) and the agent's at-risk
 *     threshold (`atRiskRemainingShare`), and `openIntervals` (so the view counts down locally).
 *
 * Which helpdesk field names the agent sees (e.g. Zendesk custom field "Impact") are passed as
 * `matrix.fieldNames` so "fill in Urgency" points to the right field.
 */
import { z } from 'zod';
import { HelpdeskKind, HostName } from '../storage/schemas';
import type { HelpdeskId } from '../helpdesks/catalog';
import type { Evaluation } from '../sla/types';

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
  /**
   * The view alone (language, side, fold, compact), asked for as the content script starts and
   * answered without reading the ticket: the sidebar's first frame ("Reading the ticket…") is
   * already in the agent's language and on the agent's side.
   */
  z.strictObject({ type: z.literal('cs-bg:view'), helpdesk: HelpdeskKind }),
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
  'cs-bg:view': SidebarView;
}

// The model the background sends.
/** The helpdesk a ticket is from (the catalog's ids). */
export type Helpdesk = HelpdeskId;

/** The ticket as the page shows it. All strings are page data: the sidebar renders them as text only. */
export interface TicketDisplay {
  helpdesk: Helpdesk;
  /** "#1001", "I 2602 123". */
  ticketKey: string;
  subject: string;
  requester?: string;
  organization?: string;
  /** The ticket's URL in the helpdesk (used as a link; only http(s) URLs are rendered as links). */
  link: string;
  /** The helpdesk's own status word, e.g. "Pending", "Wacht op klant". */
  status?: string;
}

/** A policy label in both languages, as in the policy JSON (`{ nl, en }`). */
export interface Label {
  nl: string;
  en: string;
}

/** Labels of a policy's ids (priority "high" → { nl: 'Hoog', en: 'High' }); missing ids show the id. */
export type LabelMap = Record<string, Label>;

export interface SidebarLabels {
  priorities: LabelMap;
  tiers: LabelMap;
  types: LabelMap;
  impacts: LabelMap;
  urgencies: LabelMap;
}

export interface MatrixLevel {
  id: string;
  label: Label;
}

/** The policy's impact × urgency matrix (policy JSON `matrix`), for drawing the grid. */
export interface SidebarMatrix {
  /** Rows, most severe first, as in the policy. */
  impacts: MatrixLevel[];
  /** Columns, most urgent first. */
  urgencies: MatrixLevel[];
  /** cells[impactId][urgencyId] = priorityId. */
  cells: Record<string, Record<string, string>>;
  /** Contract section of the matrix, e.g. "1.6.3 Prioriteitsniveaus". */
  source?: string;
  /** Helpdesk field names to fill when impact or urgency is missing, e.g. { impact: 'Impact (custom field)' }. */
  fieldNames?: { impact?: string; urgency?: string };
}

export type ProblemKind =
  /** The helpdesk API says the agent is not signed in (401). */
  | 'not-signed-in'
  /** The helpdesk API refused (403/429/5xx) and the page itself could not be read either. */
  | 'api-refused'
  /** A ticket value (tier, type, priority, impact, urgency) has no mapping to the policy. */
  | 'unmapped'
  /** No policy is assigned to this helpdesk host. */
  | 'no-policy'
  /** Neither API nor page gave a ticket we can evaluate (unexpected page layout). */
  | 'not-readable'
  /** The ticket no longer exists (404). */
  | 'deleted'
  /** Anything else (engine error, invalid policy, background unreachable). */
  | 'error';

export interface SidebarProblem {
  kind: ProblemKind;
  /**
   * Specific text shown under the localized heading and body, e.g. "HTTP 403 from /api/v2/tickets/1001".
   * Technical or already localized by the background; rendered as text. May be ''.
   */
  message: string;
  /** More detail, shown collapsed ("Details"). */
  detail?: string;
  /** For 'unmapped': which ticket field and which value has no mapping. */
  unmapped?: { field: 'tier' | 'type' | 'priority' | 'impact' | 'urgency'; value: string };
  /** For 'no-policy' / 'not-signed-in' etc.: the host the page is on, e.g. "mextra.zendesk.com". */
  host?: string;
}

/**
 * The helpdesk's own SLA (Zendesk SLA policies), shown beside ours for comparison when the page has one.
 * `state` follows Zendesk's `sla_policy` metric stages.
 */
export interface HelpdeskSla {
  policy?: string;
  targets: Array<{
    /** Helpdesk metric name as the helpdesk shows it, e.g. "First reply time". */
    metric: string;
    /** ISO 8601; null when the helpdesk shows none. */
    dueAt: string | null;
    state: 'active' | 'paused' | 'achieved' | 'breached';
  }>;
}

export interface SidebarReady {
  status: 'ready';
  /** The engine's evaluation (lib/sla/types.ts), with openIntervals; `evaluatedAt` is the T of the countdown. */
  evaluation: Evaluation;
  display: TicketDisplay;
  /** The API refused and the ticket was read from the page (DOM fallback): some fields may be missing. */
  partial: boolean;
  /** Why it is partial, e.g. "API answered 403; read from the page". Shown with the badge. */
  partialReason?: string;
  labels: SidebarLabels;
  /** Present when the policy has an impact × urgency matrix. */
  matrix?: SidebarMatrix;
  /** The helpdesk's own SLA, when the page shows one. */
  helpdeskSla?: HelpdeskSla;
}

export interface SidebarLoading {
  status: 'loading';
  display?: TicketDisplay;
}

export interface SidebarProblemModel {
  status: 'problem';
  problem: SidebarProblem;
  /** What could be read of the ticket, if anything. */
  display?: TicketDisplay;
}

export type SidebarModel = SidebarLoading | SidebarProblemModel | SidebarReady;

export type SidebarSide = 'left' | 'right';
export type Theme = 'auto' | 'light' | 'dark';
/** Sections of the Options page the sidebar can ask to open. */
export type OptionsSection = 'assignments' | 'policies' | 'hosts' | 'preferences';
