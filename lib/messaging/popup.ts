/** Popup messages (popup → background): requests (zod, validated by the background) and their response types. */
import { z } from 'zod';
import { CompliancePeriodSchema } from '../storage/schemas';
import type { ComplianceModel, PopupModel } from '../../components/popup/model';

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
