/**
 * The report page's contract (report page → background): the request for the service report of a
 * policy and a period (zod, validated by the background), and the model it answers with (types only:
 * the page imports no zod or luxon from here).
 */
import { z } from 'zod';
import type { ServiceReport } from '../report/compute';
import type { ReportPeriod } from '../report/period';

const Year = z.number().int().min(2000).max(2100);
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const ReportPeriodSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('month'), year: Year, month: z.number().int().min(1).max(12) }),
  z.strictObject({ kind: z.literal('quarter'), year: Year, quarter: z.number().int().min(1).max(4) }),
  z.strictObject({ kind: z.literal('range'), from: IsoDate, to: IsoDate }),
]);

export const ReportRequests = [
  /**
   * The service report. `policyId` null: the first policy in effect; `period` absent: last month;
   * `locale` absent: the UI language; `customer` null or absent: all customers.
   */
  z.strictObject({
    type: z.literal('ui-bg:report'),
    policyId: z.string().min(1).max(64).nullable(),
    period: ReportPeriodSchema.optional(),
    locale: z.enum(['nl', 'en']).optional(),
    customer: z.string().min(1).max(200).nullable().optional(),
  }),
] as const;

export interface ReportResponses {
  'ui-bg:report': ReportModel;
}

export type ReportLang = 'nl' | 'en';

export interface ReportModel {
  /** The policies in effect, to choose from. */
  policies: Array<{ id: string; name: string }>;
  policyId: string | null;
  period: ReportPeriod;
  locale: ReportLang;
  /** The customer the report is narrowed to; null: all customers. */
  customer: string | null;
  /** The UI language (the report's default language). */
  uiLanguage: ReportLang;
  timeZone: string;
  report: ServiceReport | null;
  error: string | null;
  /** Milliseconds the worker took to compute the report. */
  computeMs: number;
}
