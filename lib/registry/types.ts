/**
 * The ticket registry's data shapes: a plain, JSON-serialisable structure kept in `storage.local`.
 * Types only, so views (the popup) can import them without shipping zod.
 */
import type { HelpdeskId } from '../helpdesks/catalog';
import type { MetricName, MetricState, NeutralTicket } from '../sla/types';

export type Helpdesk = HelpdeskId;

/** How the ticket got into the registry: the agent opened it, or a queue refresh listed it. */
export type EntrySource = 'opened' | 'queue';

/** What the registry keeps of one metric of the last evaluation: enough for alerts, badge, popup and compliance. */
export interface MetricSummary {
  state: MetricState;
  /** Hard deadline (ISO), null when the metric has no target. */
  dueAt: string | null;
  atRiskAt: string | null;
  goalAt: string | null;
  goalPercent: number | null;
  goalState: 'pending' | 'met' | 'missed' | null;
  /** The engine's `atRisk` at evaluation time. */
  atRisk: boolean;
  stoppedAt: string | null;
  targetMs: number | null;
  /** Remaining target time at `evaluatedAt` (business ms when `businessTime`). */
  remainingMs: number | null;
  businessTime: boolean;
  /** The first few open intervals after `evaluatedAt` (capped), so a view can count business time down. */
  openIntervals: Array<[number, number]>;
}

export interface EvaluationSummary {
  /** ISO instant of the evaluation. */
  evaluatedAt: string;
  policy: string;
  policyName: string;
  tier: string;
  type: string;
  priority: string | null;
  metrics: Partial<Record<MetricName, MetricSummary>>;
}

/**
 * What the report narrows and checks by, read by the helpdesk adapter with the ticket: the customer
 * (Zendesk organisation name, TOPdesk caller branch, or the host mapping's `customerField`) and the
 * ticket's tags (Zendesk tags; TOPdesk category, subcategory and call type). Absent on entries stored
 * before facts were read: not known, which is not the same as "no tags".
 */
export interface TicketFacts {
  customer?: string;
  tags?: string[];
}

export interface RegistryEntry {
  /** `${helpdesk}:${host}:${ticketId}` */
  key: string;
  helpdesk: Helpdesk;
  host: string;
  /** The helpdesk's own id (Zendesk ticket id, TOPdesk incident UUID). */
  ticketId: string;
  /** What people call the ticket: `#1001`, `I 2611 001`. */
  ticketKey: string;
  subject: string;
  /** URL that opens the ticket in the helpdesk's UI. */
  link: string;
  ticket: NeutralTicket;
  /** Customer and tags as the adapter read them (absent on older entries). */
  facts?: TicketFacts;
  /** Events left out of `ticket.events` because they change no deadline (lib/registry `compactEvents`). */
  omittedEvents?: number;
  /** Policy assigned to the host when last evaluated; null when none is assigned. */
  policyId: string | null;
  tier: string | null;
  evaluation: EvaluationSummary | null;
  /** Epoch ms the entry was last upserted or touched (LRU order). */
  lastSeen: number;
  /** Epoch ms of the last evaluation/refresh from the helpdesk, null before the first. */
  lastRefresh: number | null;
  source: EntrySource;
}

export interface Registry {
  version: 2;
  entries: Record<string, RegistryEntry>;
}

export interface RegistryProblem {
  /** `registry` for the whole value, or the entry key. */
  where: string;
  message: string;
}
