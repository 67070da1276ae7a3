/**
 * The popup's contract (popup ↔ background): the requests (zod, validated by the background), their
 * responses, and the models the background sends: `PopupModel` (the queue, refresh state, watch),
 * `ComplianceModel` and the `QueueSnapshot` it keeps in `storage.session` for the popup's first paint.
 * Plain JSON, types only for the popup (no zod reaches its bundle from here). The rows and their pure
 * logic (sort, summary) are the queue model in lib/queue/rows.ts.
 */
import { z } from 'zod';
import { CompliancePeriodSchema } from '../storage/schemas';
import type { ComplianceReport } from '../compliance/compute';
import type { CompliancePeriod } from '../compliance/period';
import type { Helpdesk } from '../registry/types';
import type { PolicyVocabulary, QueueRow, Summary } from '../queue/rows';

export type { CompliancePeriod, ComplianceReport };

export const PopupRequests = [
  /** The queue: open tickets as rows (only what the view shows and counts down), refresh state. */
  z.strictObject({ type: z.literal('ui-bg:popup-model') }),
  /** Compliance for the chosen period (asked for when its tab is shown). */
  z.strictObject({ type: z.literal('ui-bg:popup-compliance') }),
  /** Start a queue refresh from the helpdesk APIs (answers at once; progress shows in the model). */
  z.strictObject({ type: z.literal('ui-bg:popup-refresh') }),
  /**
   * Read the tickets finished in the chosen compliance period from the helpdesk APIs into the
   * compliance archive (answers at once; progress shows in the model, like a queue refresh).
   */
  z.strictObject({ type: z.literal('ui-bg:popup-load-history') }),
  /** Choose the compliance period (stored); answers with compliance for it. */
  z.strictObject({ type: z.literal('ui-bg:popup-period'), period: CompliancePeriodSchema }),
  /** Focus the ticket's tab or open it. Only registry tickets: the link is the one stored for `key`. */
  z.strictObject({ type: z.literal('ui-bg:popup-open'), key: z.string().min(1).max(600) }),
] as const;

export interface PopupResponses {
  'ui-bg:popup-model': PopupModel;
  'ui-bg:popup-refresh': { started: boolean };
  'ui-bg:popup-load-history': { started: boolean };
  'ui-bg:popup-compliance': ComplianceModel;
  'ui-bg:popup-period': ComplianceModel;
  'ui-bg:popup-open': { opened: 'focused' | 'created' };
}

export interface RefreshError {
  helpdesk: Helpdesk;
  host: string;
  message: string;
}

export interface RefreshModel {
  /** What the last (or running) refresh reads: the open queue, or a compliance period's finished tickets. */
  kind: 'queue' | 'history';
  running: boolean;
  /** While running: tickets read so far, and the total when the helpdesk announced one. */
  progress: { done: number; total: number | null; waitingMs?: number } | null;
  /** Epoch ms of the last completed refresh, null before the first. */
  lastRefreshAt: number | null;
  errors: RefreshError[];
}

/** Compliance for a period: the report, or why it could not be computed (never neither). */
export type ComplianceModel = {
  period: CompliancePeriod;
  /** Priority and tier labels per policy, in the popup's language. */
  vocabulary: Record<string, PolicyVocabulary>;
  /** When this period's finished tickets were last read from the helpdesks; null: never. */
  historyLoadedAt: number | null;
} & ({ report: ComplianceReport; error: null } | { report: null; error: string });

/** The queue watch (lib/background/watch.ts): its interval, last poll, and each watched host. */
export interface WatchModel {
  /** Poll interval in minutes; 0 = off. */
  minutes: number;
  /** Epoch ms the last poll finished; null before the first. */
  lastPollAt: number | null;
  hosts: Array<{
    host: string;
    helpdesk: Helpdesk;
    /** null: not polled yet. */
    status: 'ok' | 'auth' | 'no-credentials' | 'rate-limited' | 'failing' | 'error' | null;
    lastSuccessAt: number | null;
    /** What went wrong (or was held back), to show; null when nothing. */
    message: string | null;
  }>;
}

export interface PopupModel {
  language: 'en' | 'nl';
  /** IANA zone for the times shown (the agent's zone). */
  timeZone: string;
  /** False until Options assigns a policy to at least one helpdesk host. */
  hasAssignments: boolean;
  /** Part of the stored configuration could not be read (kept aside): say so, never "no policy yet". */
  configUnreadable?: boolean;
  rows: QueueRow[];
  refresh: RefreshModel;
  /** Absent from models built before the queue watch existed (the popup then shows no watch line). */
  watch?: WatchModel;
}

/**
 * What the popup paints first, before the full model arrives: the top of the queue and the counts as
 * the worker computed them at its last wake-up (it wakes at every at-risk/breach transition, so they
 * hold until `validUntil`). The worker keeps it in `storage.session`, where the popup reads it without
 * waiting for the worker to start or answer.
 */
export interface QueueSnapshot {
  version: 2;
  /** Epoch ms it was built. */
  builtAt: number;
  /** Epoch ms of the next moment a count can change (a deadline or at-risk instant); null: none. */
  validUntil: number | null;
  language: 'en' | 'nl';
  timeZone: string;
  hasAssignments: boolean;
  configUnreadable?: boolean;
  /** Open tickets in all. */
  total: number;
  summary: Summary;
  /** The first open tickets by time to breach. */
  rows: QueueRow[];
  lastRefreshAt: number | null;
}
