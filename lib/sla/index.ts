/** The SLA engine: one import for everything views, the background and the CLI need. */
export type * from './types.ts';
export { evaluate, SlaInputError, addCalendar, type EvaluateOptions } from './evaluate.ts';
export {
  PolicySchema,
  NeutralTicketSchema,
  TicketEventSchema,
  validatePolicy,
  validateTicket,
  parsePolicyText,
  jsonSyntaxIssue,
  checkPolicy,
  isIsoInstant,
  UNITS,
  AMOUNT_UNITS,
  METRICS,
  TICKET_STATUSES,
  WEEKDAYS,
  type Policy,
  type PolicyTarget,
  type PolicyDuration,
  type PolicyCalendar,
  type Label,
  type Issue,
  type PolicyResult,
  type TicketResult,
  type Unit,
} from './schema.ts';
export {
  compilePolicy,
  suggestPriority,
  capPriority,
  findTarget,
  listTargets,
  durationLabel,
  type MatrixSuggestion,
  type TargetRow,
  type TargetMatch,
} from './policy.ts';
export {
  CalendarTable,
  calendarTable,
  businessDayMs,
  type CalendarSpec,
  type CalendarChange,
} from './calendar.ts';
export { toCalendarSpec, holidayRules } from './policy.ts';
export {
  listPolicyHolidays,
  businessTimeBetween,
  addBusinessTime,
  clockStart,
  deadlineAfter,
  openAt,
  type DeadlineQuery,
  type OpenQuery,
  type Where,
  type PolicyHoliday,
} from './helpers.ts';
export {
  holidaysInYear,
  HOLIDAY_SETS,
  HOLIDAY_SET_LABELS,
  HOLIDAY_REGIONS,
  holidaySetId,
  holidaysOf,
  type Holiday,
  type HolidaySetId,
} from './holidays/index.ts';
export { isValidZone, zoneClock, ZoneClock } from './zone.ts';
export { formatPath, parseJsonText, type JsonSyntaxError, type JsonTextResult } from './json-text.ts';
export { formatInstant, formatDuration, type Locale } from './format.ts';
