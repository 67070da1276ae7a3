/**
 * The engine's public data shapes: the helpdesk-neutral ticket (input) and the evaluation (output).
 * Types only — no runtime code — so views and content scripts can import them without shipping
 * the engine, zod or holiday data. Zod schemas that validate these shapes live in `schema.ts`.
 */

/** Engine statuses. Helpdesk adapters map their own statuses onto these. */
export type TicketStatus = 'open' | 'pending' | 'on-hold' | 'solved' | 'closed';

export type TicketEvent =
  | { at: string; type: 'status'; status: TicketStatus }
  | { at: string; type: 'reply'; public: boolean; by: 'agent' | 'requester' }
  | { at: string; type: 'hotfix' }
  | { at: string; type: 'priority'; priority: string };

/** The engine's input: what any helpdesk ticket becomes after its adapter and mapping. */
export interface NeutralTicket {
  /** ISO 8601 with offset or Z. */
  createdAt: string;
  type?: string;
  tier?: string;
  priority?: string;
  impact?: string;
  urgency?: string;
  workaround?: boolean;
  /** IANA zone of the requester, used by policies whose calendar takes the zone from the ticket. */
  timezone?: string;
  /**
   * Holiday region of the customer ("BE", "DE-BY", as date-holidays names it), used by policies with
   * `useTicketHolidays`.
   */
  holidayRegion?: string;
  events?: TicketEvent[];
}

export type MetricName = 'response' | 'resolution';

export type MetricState = 'running' | 'paused' | 'met' | 'breached' | 'none';

/** Why a running-or-paused clock is not ticking right now, if it is not. */
export type IdleReason = 'paused' | 'closed-hours' | 'not-started';

export interface PausedSpan {
  from: string;
  to: string | null;
  status: TicketStatus;
}

export interface MetricResult {
  metric: MetricName;
  state: MetricState;
  /** Hard deadline (the 100% target). null when the metric has no target or is exempt. */
  dueAt: string | null;
  /** Soft goal (e.g. Mextra's 90% goal), when the contract defines one. */
  goalAt?: string;
  goalPercent?: number;
  goalState?: 'pending' | 'met' | 'missed';
  /**
   * The instant the remaining share of the target drops to the at-risk threshold (default 25%, the
   * `atRiskRemainingShare` evaluation option), assuming no further pause. Absent for none/met/breached.
   */
  atRiskAt?: string;
  /** running/paused and remaining ≤ threshold × target. */
  atRisk: boolean;
  /** First open moment at or after creation (semantics rule 1). */
  clockStartedAt: string | null;
  /** When the clock stopped for good (reply / solved), null while it still runs. */
  stoppedAt: string | null;
  /** Human description of the target in the contract's own words, e.g. "8 business hours", "Redelijke inspanning". */
  targetLabel: string;
  /** Business (or calendar, for calendar units) milliseconds of the target; null for none. */
  targetMs: number | null;
  elapsedMs: number | null;
  remainingMs: number | null;
  /** elapsedMs / targetMs, 0..∞, null for none. */
  elapsedShare: number | null;
  /** Why the clock is not ticking now (only for running/paused states). */
  idle?: { reason: IdleReason; since?: string; until?: string | null };
  pauses: PausedSpan[];
  /** True when an exemption rule removed this target (Workspace 365 hotfix). */
  exempt?: { reason: string; source?: string };
  /** Contract section the target came from. */
  source?: string;
  /**
   * Open intervals [startMs, endMs] (epoch ms) of the clock from `now` until the deadline (or a bounded
   * horizon), so a view can count business time down locally, without the engine.
   */
  openIntervals?: Array<[number, number]>;
  /** Whether the target counts business time (true) or elapsed calendar time (false). */
  businessTime: boolean;
  /** JSON path of the policy rule used, e.g. "targets.incident.standard.high.resolution". */
  rule?: string;
  /** dueAt as epoch ms (for sorting queues without parsing). */
  dueMs?: number;
  /** goalAt as epoch ms. */
  goalMs?: number;
  /** The soft goal in words, e.g. "1 business day". */
  goalLabel?: string;
}

export interface Evaluation {
  policy: string;
  policyName: string;
  tier: string;
  type: string;
  /** Effective priority id (ticket's own when set, else the matrix's), after any cap. null when unknown. */
  priority: string | null;
  /** Matrix suggestion (null when the policy has no matrix or impact/urgency are missing). */
  suggestedPriority: string | null;
  /** Where tier/type/priority came from: 'ticket', 'matrix', 'default', 'mapping', 'tag'… */
  origin: { tier: string; type: string; priority: string };
  matrix?: {
    impact?: string;
    urgency?: string;
    uncapped?: string | null;
    capped?: { by: string; to: string } | null;
    missing: Array<'impact' | 'urgency'>;
  };
  /** Contract allows the customer to override the priority (Zmanda). */
  customerMayOverride: boolean;
  timezone: string;
  /** The ticket's holiday region, when the policy takes holidays from the ticket and it had one. */
  holidayRegion?: string;
  evaluatedAt: string;
  metrics: Partial<Record<MetricName, MetricResult>>;
  escalation?: { text: string; contact?: string };
  /** The same text the CLI prints with --format text. */
  explanation: string;
}
