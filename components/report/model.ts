/** What the report page shows, as the background sends it (types only: no zod, no luxon here). */
import type { ServiceReport } from '../../lib/report/compute';
import type { ReportPeriod } from '../../lib/report/period';

export type ReportLang = 'nl' | 'en';

export interface ReportModel {
  /** The policies in effect, to choose from. */
  policies: Array<{ id: string; name: string }>;
  policyId: string | null;
  period: ReportPeriod;
  locale: ReportLang;
  /** The UI language (the report's default language). */
  uiLanguage: ReportLang;
  timeZone: string;
  report: ServiceReport | null;
  error: string | null;
  /** Milliseconds the worker took to compute the report. */
  computeMs: number;
}
