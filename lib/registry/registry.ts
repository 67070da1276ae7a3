/**
 * The ticket registry as pure functions over a plain object. Every function returns a new registry
 * (the input is never mutated), so the background can read storage, apply, and write back.
 */
import type { Evaluation, MetricName, MetricResult, NeutralTicket, TicketEvent } from '../sla/types';
import { finishedAt, isFinished } from './finished';
import type {
  EntrySource,
  EvaluationSummary,
  Helpdesk,
  MetricSummary,
  Registry,
  RegistryEntry,
  TicketFacts,
} from './types';

export const DEFAULT_FINISHED_RETENTION_MS = 30 * 24 * 3600_000;
/** Open intervals kept per metric: enough to count down through a popup session, small enough for 5,000 tickets. */
export const MAX_STORED_INTERVALS = 8;

export function emptyRegistry(): Registry {
  return { version: 2, entries: {} };
}

export function registryKey(helpdesk: Helpdesk, host: string, ticketId: string | number): string {
  return `${helpdesk}:${host.toLowerCase()}:${ticketId}`;
}

/** The host part of a `registryKey` (as stored: lower case); '' when the key has none. */
export function registryKeyHost(key: string): string {
  return key.split(':')[1] ?? '';
}

export function summarizeMetric(m: MetricResult): MetricSummary {
  return {
    state: m.state,
    dueAt: m.dueAt,
    atRiskAt: m.atRiskAt ?? null,
    goalAt: m.goalAt ?? null,
    goalPercent: m.goalPercent ?? null,
    goalState: m.goalState ?? null,
    atRisk: m.atRisk,
    stoppedAt: m.stoppedAt,
    targetMs: m.targetMs,
    remainingMs: m.remainingMs,
    businessTime: m.businessTime,
    openIntervals:
      m.state === 'running' || m.state === 'paused'
        ? (m.openIntervals ?? []).slice(0, MAX_STORED_INTERVALS).map(([a, b]) => [a, b] as [number, number])
        : [],
  };
}

/** What the registry keeps of an evaluation. */
export function summarizeEvaluation(e: Evaluation): EvaluationSummary {
  const metrics: Partial<Record<MetricName, MetricSummary>> = {};
  for (const name of ['response', 'resolution'] as const) {
    const m = e.metrics[name];
    if (m) metrics[name] = summarizeMetric(m);
  }
  return {
    evaluatedAt: e.evaluatedAt,
    policy: e.policy,
    policyName: e.policyName,
    tier: e.tier,
    type: e.type,
    priority: e.priority,
    metrics,
  };
}

export interface UpsertInput {
  helpdesk: Helpdesk;
  host: string;
  ticketId: string | number;
  ticketKey: string;
  subject: string;
  link: string;
  ticket: NeutralTicket;
  source: EntrySource;
  policyId?: string | null;
  tier?: string | null;
  /** A fresh evaluation; when given it replaces the stored summary and sets lastRefresh. */
  evaluation?: Evaluation | null;
  /** Customer and tags from the adapter; absent keeps what the entry had. */
  facts?: TicketFacts | undefined;
}

/** Per-ticket bounds (issue 19 #6): one hostile or huge ticket cannot crowd out the others. */
export const MAX_SUBJECT_CHARS = 500;
export const MAX_TICKET_KEY_CHARS = 120;
export const MAX_LINK_CHARS = 2048;
export const MAX_CUSTOMER_CHARS = 200;
export const MAX_TAGS = 50;
export const MAX_TAG_CHARS = 100;
/** Above this many events, a ticket's events are summarised (`compactEvents`). */
export const MAX_STORED_EVENTS = 200;

const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/**
 * The events the engine's deadlines depend on, in time order: every status change (repeats of the
 * same status dropped), every priority change (repeats dropped), the first public agent reply (it
 * stops the response clock) and the first hotfix. Replies after the first, internal notes and requester replies change
 * no deadline. Applied only above `MAX_STORED_EVENTS`; `omitted` counts what was left out.
 */
export function compactEvents(events: readonly TicketEvent[]): { events: TicketEvent[]; omitted: number } {
  if (events.length <= MAX_STORED_EVENTS) return { events: [...events], omitted: 0 };
  const ordered = events
    .map((e, i) => ({ e, i, t: Date.parse(e.at) }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map((x) => x.e);
  const kept: TicketEvent[] = [];
  let status: string | null = null;
  let replied = false;
  let hotfix = false;
  let priority: string | null = null;
  for (const e of ordered) {
    if (e.type === 'status') {
      if (e.status !== status) kept.push(e);
      status = e.status;
    } else if (e.type === 'reply') {
      if (!replied && e.public && e.by === 'agent') {
        kept.push(e);
        replied = true;
      }
    } else if (e.type === 'hotfix') {
      if (!hotfix) kept.push(e);
      hotfix = true;
    } else if (e.type === 'priority') {
      if (e.priority !== priority) kept.push(e);
      priority = e.priority;
    }
  }
  return { events: kept, omitted: events.length - kept.length };
}

/** A ticket as the registry stores it: texts clipped, events summarised (deadlines unchanged). */
export function boundTicket(ticket: NeutralTicket): { ticket: NeutralTicket; omitted: number } {
  if (!ticket.events || ticket.events.length <= MAX_STORED_EVENTS) return { ticket, omitted: 0 };
  const { events, omitted } = compactEvents(ticket.events);
  return { ticket: { ...ticket, events }, omitted };
}

/**
 * Facts as the registry (and the archive) keep them: the customer trimmed and clipped, tags trimmed,
 * without repeats, at most `MAX_TAGS`; empty parts left out.
 */
export function boundFacts(facts: TicketFacts): TicketFacts {
  const out: TicketFacts = {};
  const customer = facts.customer?.trim();
  if (customer) out.customer = clip(customer, MAX_CUSTOMER_CHARS);
  if (facts.tags) {
    const tags = [...new Set(facts.tags.map((t) => t.trim()).filter(Boolean))]
      .slice(0, MAX_TAGS)
      .map((t) => clip(t, MAX_TAG_CHARS));
    out.tags = tags;
  }
  return out;
}

export interface BoundOptions {
  maxEntries?: number;
}

/**
 * Inserts or updates a ticket, marks it as just seen, and evicts the least recently seen entries
 * beyond the bound when one is given (the stored registry has none: retention is by age). `source` is sticky towards 'opened': a ticket the agent opened stays 'opened' when a
 * queue refresh lists it again.
 */
export function upsertEntry(
  reg: Registry,
  input: UpsertInput,
  now: number,
  options: BoundOptions = {},
): Registry {
  const key = registryKey(input.helpdesk, input.host, input.ticketId);
  const prev = reg.entries[key];
  const evaluation = input.evaluation ? summarizeEvaluation(input.evaluation) : (prev?.evaluation ?? null);
  const bounded = boundTicket(input.ticket);
  const facts = input.facts !== undefined ? boundFacts(input.facts) : prev?.facts;
  const entry: RegistryEntry = {
    key,
    helpdesk: input.helpdesk,
    host: input.host.toLowerCase(),
    ticketId: String(input.ticketId),
    ticketKey: clip(input.ticketKey, MAX_TICKET_KEY_CHARS),
    subject: clip(input.subject, MAX_SUBJECT_CHARS),
    // A clipped link would open the wrong page: none instead.
    link: input.link.length > MAX_LINK_CHARS ? '' : input.link,
    ticket: bounded.ticket,
    ...(facts ? { facts } : {}),
    ...(bounded.omitted > 0 ? { omittedEvents: bounded.omitted } : {}),
    policyId: input.policyId !== undefined ? input.policyId : (prev?.policyId ?? null),
    tier: input.tier !== undefined ? input.tier : (input.evaluation?.tier ?? prev?.tier ?? null),
    evaluation,
    lastSeen: now,
    lastRefresh: input.evaluation ? now : (prev?.lastRefresh ?? null),
    source: prev?.source === 'opened' || input.source === 'opened' ? 'opened' : 'queue',
  };
  return evictLeastRecentlySeen({ ...reg, entries: { ...reg.entries, [key]: entry } }, options.maxEntries);
}

/** Marks a ticket as just seen (LRU), without other changes. Unknown keys leave the registry as is. */
export function touchEntry(reg: Registry, key: string, now: number): Registry {
  const prev = reg.entries[key];
  if (!prev) return reg;
  return { ...reg, entries: { ...reg.entries, [key]: { ...prev, lastSeen: now } } };
}

/** Stores a fresh evaluation for one entry (policy, tier and lastRefresh follow it). */
export function setEvaluation(reg: Registry, key: string, evaluation: Evaluation, now: number): Registry {
  const prev = reg.entries[key];
  if (!prev) return reg;
  return {
    ...reg,
    entries: {
      ...reg.entries,
      [key]: {
        ...prev,
        evaluation: summarizeEvaluation(evaluation),
        policyId: evaluation.policy,
        tier: evaluation.tier,
        lastRefresh: now,
      },
    },
  };
}

export function removeEntries(reg: Registry, keys: Iterable<string>): Registry {
  const entries = { ...reg.entries };
  let changed = false;
  for (const k of keys) {
    if (k in entries) {
      delete entries[k];
      changed = true;
    }
  }
  return changed ? { ...reg, entries } : reg;
}

/** Keeps the `max` most recently seen entries (ties: the key decides, so the result is deterministic). */
export function evictLeastRecentlySeen(reg: Registry, max: number = Infinity): Registry {
  const all = Object.values(reg.entries);
  if (all.length <= max) return reg;
  all.sort((a, b) => b.lastSeen - a.lastSeen || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const entries: Record<string, RegistryEntry> = {};
  for (const e of all.slice(0, Math.max(0, max))) entries[e.key] = e;
  return { ...reg, entries };
}

/**
 * Drops finished tickets that finished more than `retentionMs` ago (default 30 days). Compliance can
 * therefore look back about a month; unfinished tickets are only ever evicted by the LRU bound.
 */
export function pruneFinished(
  reg: Registry,
  now: number,
  retentionMs: number = DEFAULT_FINISHED_RETENTION_MS,
): Registry {
  const drop: string[] = [];
  for (const e of Object.values(reg.entries)) {
    const at = finishedAt(e);
    if (at !== null && now - at > retentionMs) drop.push(e.key);
  }
  return removeEntries(reg, drop);
}

/** Prune then bound (no bound unless given): what the background runs after every write batch. */
export function compactRegistry(
  reg: Registry,
  now: number,
  options: BoundOptions & { retentionMs?: number } = {},
): Registry {
  return evictLeastRecentlySeen(pruneFinished(reg, now, options.retentionMs), options.maxEntries);
}

/**
 * Re-evaluates every unfinished entry with the engine passed in (which binds each entry to its policy;
 * return null for "no policy assigned", which clears the summary). Finished entries keep their final
 * summary unless `includeFinished`.
 */
export function reevaluateAll(
  reg: Registry,
  evaluate: (entry: RegistryEntry) => Evaluation | null,
  now: number,
  options: { includeFinished?: boolean } = {},
): Registry {
  const entries: Record<string, RegistryEntry> = {};
  for (const [k, e] of Object.entries(reg.entries)) {
    if (!options.includeFinished && e.evaluation && isFinished(e)) {
      entries[k] = e;
      continue;
    }
    const ev = evaluate(e);
    entries[k] = ev
      ? { ...e, evaluation: summarizeEvaluation(ev), policyId: ev.policy, tier: ev.tier, lastRefresh: now }
      : { ...e, evaluation: null, policyId: null };
  }
  return { ...reg, entries };
}

/**
 * Entries of one helpdesk host that came from a queue listing, are not finished, and are missing from
 * a fresh complete listing: they were solved (or reassigned) since. The background should re-read them
 * once through the adapter to record how they finished, or drop them.
 */
export function vanishedFromQueue(
  reg: Registry,
  helpdesk: Helpdesk,
  host: string,
  listedTicketIds: Iterable<string | number>,
): string[] {
  const listed = new Set([...listedTicketIds].map((id) => registryKey(helpdesk, host, id)));
  const h = host.toLowerCase();
  return Object.values(reg.entries)
    .filter((e) => e.helpdesk === helpdesk && e.host === h && e.source === 'queue' && !listed.has(e.key))
    .filter((e) => !isFinished(e))
    .map((e) => e.key)
    .sort();
}
