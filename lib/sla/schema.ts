/**
 * The policy format (zod), its cross-reference checks, and the NeutralTicket schema.
 *
 * `validatePolicy` and `validateTicket` never throw: they return `{ ok: true, … }` or a list of
 * issues, each with a JSON path (`targets.incident.premium.P9`, `tiers[0].calendar`) and a plain
 * message. `policies/policy.schema.json` is generated from `PolicySchema` (scripts/gen-schema.ts).
 */
// Named imports (not the `z` namespace): the namespace pulls every zod locale into the bundle.
import {
  array,
  boolean,
  discriminatedUnion,
  enum as zEnum,
  literal,
  number,
  record,
  strictObject,
  string,
  union,
} from 'zod';
import type { ZodArray, ZodError, ZodOptional, output } from 'zod';
import { localWall, parseClock } from './calendar.ts';
import { HOLIDAY_REGIONS, holidaySetId } from './holidays/index.ts';
import { isValidZone } from './zone.ts';
import { formatPath, parseJsonText, type JsonSyntaxError } from './json-text.ts';
import type { NeutralTicket } from './types.ts';

export const TICKET_STATUSES = ['open', 'pending', 'on-hold', 'solved', 'closed'] as const;
export const METRICS = ['response', 'resolution'] as const;
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
/** Units with an amount. `next-business-day` and `none` take no amount. */
export const AMOUNT_UNITS = [
  'business-minutes',
  'business-hours',
  'business-days',
  'calendar-minutes',
  'calendar-hours',
  'weeks',
  'months',
] as const;
export const UNITS = [...AMOUNT_UNITS, 'next-business-day', 'none'] as const;
export type Unit = (typeof UNITS)[number];

const Text = string().min(1);
export const LabelSchema = strictObject({ nl: Text, en: Text }).meta({
  description: 'Dutch and English label.',
});
const Id = string().regex(
  /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
  'ids are letters, digits, ".", "_" or "-", e.g. "P1", "U-1"',
);
const Source = string().min(1).meta({ description: 'Contract section this rule comes from.' });
const Window = string()
  .regex(/^\d\d:\d\d-\d\d:\d\d$/, 'a window is "HH:MM-HH:MM", e.g. "09:00-17:30"')
  .meta({ description: 'Opening window "HH:MM-HH:MM" (24:00 allowed as end).' });
const IsoDate = string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is "YYYY-MM-DD"');
const DateKey = string().regex(
  /^(\d{4}-)?\d{2}-\d{2}$/,
  'a date is "YYYY-MM-DD" (one date) or "MM-DD" (every year), e.g. "2026-12-28" or "12-24"',
);
const LocalDateTime = string()
  .regex(
    /^(\d{4}-)?\d{2}-\d{2}T\d{2}:\d{2}$/,
    'a local date-time is "YYYY-MM-DDTHH:MM" (one date) or "MM-DDTHH:MM" (every year), e.g. "2026-03-12T13:00"',
  )
  .meta({
    description:
      'Wall-clock time in the calendar\'s zone, no offset: "2026-03-12T13:00" or yearly "12-31T15:00".',
  });
const DayHours = union([literal('closed'), array(Window)]);
export const DateHoursSchema = union([
  DayHours,
  strictObject({
    hours: DayHours,
    label: LabelSchema.optional(),
    source: Source.optional(),
  }),
]).meta({
  description:
    'Hours of one date: windows (["09:00-15:00"]), "closed", or { hours, label, source } to name the reason.',
});
const HolidaySet = string()
  .min(1)
  .meta({ description: '"nl-public", or a region: "NL", "BE", "DE", "DE-BY", "BE-VLG"…' });
export const HolidayExceptSchema = union([
  Text,
  strictObject({
    holiday: Text,
    everyNthYear: number().int().min(2).optional().meta({
      description: 'Left out except in years divisible by this (5: a holiday in lustrum years only).',
    }),
  }),
]).meta({
  description:
    'A holiday left out: its English or Dutch name ("Liberation Day"), its rule date ("05-05", "easter 39") or one date ("2026-05-05").',
});
export const HolidayEntrySchema = union([
  HolidaySet,
  strictObject({ set: HolidaySet, except: array(HolidayExceptSchema).min(1) }),
]);

export const ClosingSchema = strictObject({
  from: LocalDateTime,
  to: LocalDateTime,
  label: LabelSchema.optional(),
  source: Source.optional(),
}).meta({ description: 'A part-day closing, e.g. a company meeting 13:00–15:00 on one date.' });

export const DurationSchema = strictObject({
  unit: zEnum(UNITS),
  amount: number().positive().optional(),
  words: Text.optional().meta({
    description: 'For unit "none": the contract\'s own words, e.g. "Best effort", "Redelijke inspanning".',
  }),
}).meta({
  description: 'A time limit: amount + unit, "next-business-day", or "none" with the contract words.',
});

export const GoalSchema = DurationSchema.extend({
  percent: number().gt(0).lt(100).meta({ description: 'Share of tickets the goal applies to, e.g. 90.' }),
});

export const TargetSchema = strictObject({
  due: DurationSchema.meta({ description: 'The hard (100%) target.' }),
  goal: GoalSchema.optional().meta({ description: 'Optional soft goal, e.g. 90% within 4 business hours.' }),
  source: Source.optional(),
  note: Text.optional().meta({ description: 'The reading of the contract where it is ambiguous.' }),
});

export const MetricTargetsSchema = strictObject({
  response: TargetSchema.optional(),
  resolution: TargetSchema.optional(),
});

export const CalendarSchema = strictObject({
  label: LabelSchema.optional(),
  hours: union([
    literal('24x7'),
    strictObject(
      Object.fromEntries(WEEKDAYS.map((d) => [d, array(Window).optional()])) as Record<
        (typeof WEEKDAYS)[number],
        ZodOptional<ZodArray<typeof Window>>
      >,
    ),
  ]),
  holidays: array(HolidayEntrySchema).optional().meta({
    description:
      'Holiday sets the calendar is closed on: "nl-public" (the NL days date-holidays marks public), or a region as date-holidays names it ("NL", "BE", "DE", "DE-BY"…), or { "set", "except" } to leave holidays out.',
  }),
  closedDates: array(IsoDate).optional(),
  dates: record(DateKey, DateHoursSchema).optional().meta({
    description:
      'Hours for single dates. "YYYY-MM-DD": that date has exactly these hours (also on a holiday or weekend). "MM-DD": every year, replacing the hours of a day that is open anyway.',
  }),
  closings: array(ClosingSchema).optional(),
  businessDayHours: number()
    .positive()
    .max(24)
    .optional()
    .meta({ description: 'Length of one business day; default: mean open length of the open weekdays.' }),
  source: Source.optional(),
});

const Named = { id: Id, label: LabelSchema, aliases: array(Text).optional(), source: Source.optional() };

export const PrioritySchema = strictObject({
  ...Named,
  compliance: strictObject({
    percent: number().gt(0).max(100),
    text: Text.optional(),
    source: Source.optional(),
  })
    .optional()
    .meta({ description: 'Share of tickets of this priority that must meet their targets, e.g. 99.' }),
});

export const MatrixSchema = strictObject({
  impact: array(strictObject(Named)).min(1),
  urgency: array(strictObject(Named)).min(1),
  cells: record(string(), record(string(), string())).meta({
    description: 'cells[impact][urgency] = priority id.',
  }),
  caps: array(
    strictObject({
      when: literal('workaround'),
      max: string(),
      source: Source.optional(),
    }),
  ).optional(),
  source: Source.optional(),
});

export const ExemptionSchema = strictObject({
  id: Id,
  event: literal('hotfix'),
  metrics: array(zEnum(METRICS)).min(1),
  priorities: array(string()).optional(),
  types: array(string()).optional(),
  tiers: array(string()).optional(),
  reason: LabelSchema,
  source: Source.optional(),
});

/**
 * What a service report counts beyond the deadlines (lib/report): credits the contract grants when
 * the goals are missed month after month, and obligations after certain tickets. Read only by the
 * report; the engine ignores it.
 */
export const CreditRuleSchema = strictObject({
  id: Id,
  /** The month in a row below goal from which the first credit applies (Mextra 6.2: 3). */
  afterMonths: number().int().positive().meta({
    description:
      'Consecutive months below goal (any compliance goal of the policy missed) at which the first credit applies.',
  }),
  percentPerMonth: number().positive().max(100).meta({
    description: 'Credit for that month and each further month in a row below goal, percent of the fee.',
  }),
  maxPercent: number().positive().max(100).meta({ description: 'The credit never exceeds this.' }),
  of: LabelSchema.optional().meta({ description: 'What the percentage is of, e.g. the monthly fee.' }),
  text: LabelSchema.optional().meta({ description: "The contract's words." }),
  source: Source.optional(),
});

export const ObligationSchema = strictObject({
  id: Id,
  /** After each finished ticket of these priorities (and types, when given). */
  after: literal('finished'),
  priorities: array(string()).min(1),
  types: array(string()).optional(),
  evidence: strictObject({ tag: string().min(1) }).meta({
    description:
      'The helpdesk tag (or mapped field value) that shows the obligation was fulfilled, e.g. "rca_delivered".',
  }),
  label: LabelSchema,
  source: Source.optional(),
});

/** A maintenance window that repeats: "20:00-04:00" on the given days (every day without `days`). */
export const RecurringWindowSchema = strictObject({
  days: array(zEnum(WEEKDAYS)).min(1).optional().meta({
    description: 'The days the window starts on; every day when left out.',
  }),
  window: string()
    .regex(/^\d\d:\d\d-\d\d:\d\d$/, 'a window is "HH:MM-HH:MM", e.g. "01:00-04:00" or "20:00-04:00"')
    .meta({
      description:
        'Wall-clock "HH:MM-HH:MM" in the policy\'s zone; an end at or before the start runs into the next day ("20:00-04:00"), "00:00-24:00" is the whole day.',
    }),
  label: LabelSchema.optional(),
  source: Source.optional(),
});

/** An announced maintenance window: local date-times in the policy's zone (Membro 2.4). */
export const AnnouncedWindowSchema = strictObject({
  from: LocalDateTime,
  to: LocalDateTime,
  label: LabelSchema.optional(),
  source: Source.optional(),
});

/**
 * Availability per calendar month (Membro 2.2): (TMM − TMD) / TMM, TMM the month's minutes times the
 * environments, TMD the minutes outage tickets were open, both without the maintenance windows.
 */
export const AvailabilitySchema = strictObject({
  targets: record(string(), number().gt(0).max(100)).meta({
    description:
      'Target percent per tier id ("*" for every tier not named), e.g. { "standard": 98, "premium": 99.5 }.',
  }),
  environments: number().int().min(1).max(1000).optional().meta({
    description:
      "Production environments the month's minutes are multiplied by (default 1); an outage counts for all of them.",
  }),
  maintenance: strictObject({
    recurring: array(RecurringWindowSchema).optional(),
    announced: array(AnnouncedWindowSchema).optional(),
    source: Source.optional(),
  })
    .optional()
    .meta({ description: 'Windows that count neither as minutes of the month nor as downtime.' }),
  text: LabelSchema.optional().meta({ description: "The contract's words." }),
  source: Source.optional(),
});

export const ReportSettingsSchema = strictObject({
  credits: array(CreditRuleSchema).optional(),
  obligations: array(ObligationSchema).optional(),
  availability: AvailabilitySchema.optional(),
}).meta({
  description: 'What the service report counts beyond the deadlines (credits, obligations, availability).',
});

export const EscalationSchema = strictObject({
  text: LabelSchema,
  contact: Text.optional(),
  priorities: array(string()).optional(),
  tiers: array(string()).optional(),
  source: Source.optional(),
});

export const PolicySchema = strictObject({
  $schema: string().optional(),
  id: string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a policy id is lower-case letters, digits and "-"'),
  name: Text,
  version: number().int().positive().optional(),
  contract: strictObject({
    title: Text,
    file: Text.optional(),
    version: Text.optional(),
    language: Text.optional(),
  }).optional(),
  timezone: Text.meta({ description: 'IANA zone of the calendars, e.g. "Europe/Amsterdam".' }),
  useTicketTimezone: boolean().optional().meta({
    description: "Take the zone from the ticket (the requester's zone); `timezone` is the fallback.",
  }),
  useTicketHolidays: boolean().optional().meta({
    description:
      'Take the holiday region from the ticket (`holidayRegion`, e.g. "BE", "DE-BY"): its public holidays replace the calendars\' sets, keeping their `except` lists. The calendars\' sets are the fallback.',
  }),
  calendars: record(Id, CalendarSchema),
  tiers: array(strictObject({ ...Named, calendar: string() })).min(1),
  defaultTier: string(),
  types: array(strictObject(Named)).min(1),
  defaultType: string(),
  priorities: array(PrioritySchema).min(1).meta({ description: 'Ordered from most to least urgent.' }),
  matrix: MatrixSchema.optional(),
  targets: record(string(), record(string(), record(string(), MetricTargetsSchema))).meta({
    description: 'targets[type][tier][priority].{response,resolution}; "*" matches any tier/priority.',
  }),
  pause: strictObject({
    statuses: array(zEnum(TICKET_STATUSES)),
    metrics: array(zEnum(METRICS)),
    source: Source.optional(),
  }).optional(),
  exemptions: array(ExemptionSchema).optional(),
  escalation: array(EscalationSchema).optional(),
  customerMayOverride: boolean().optional(),
  /** Readings of the contract, for admins: plain text, or { nl, en } to read in both languages. */
  notes: array(union([Text, LabelSchema])).optional(),
  report: ReportSettingsSchema.optional(),
}).meta({ title: 'SLA policy', description: 'A support contract as the SLA engine reads it.' });

export type Policy = output<typeof PolicySchema>;
export type CreditRule = output<typeof CreditRuleSchema>;
export type ObligationRule = output<typeof ObligationSchema>;
export type AvailabilityRule = output<typeof AvailabilitySchema>;
export type PolicyTarget = output<typeof TargetSchema>;
export type PolicyDuration = output<typeof DurationSchema>;
export type PolicyCalendar = output<typeof CalendarSchema>;
export type Label = output<typeof LabelSchema>;

export interface Issue {
  path: string;
  /** What is wrong and how to fix it, in English (the CLI's language). */
  message: string;
  /** The same in Dutch, for an admin whose Options page speaks Dutch. */
  nl?: string;
}

/** The words for a kind of id in both languages ("tier" / "niveau"). */
const WHAT = {
  tier: 'niveau',
  type: 'type',
  priority: 'prioriteit',
  calendar: 'kalender',
  impact: 'impact',
  urgency: 'urgentie',
  'impact level': 'impactniveau',
  'urgency level': 'urgentieniveau',
} as const;
type What = keyof typeof WHAT;

export type PolicyResult = { ok: true; policy: Policy } | { ok: false; issues: Issue[] };

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'object' ? 'an object' : typeof v;
}

const DESCRIBE_NL: Record<string, string> = {
  null: 'null',
  'a list': 'een lijst',
  'an object': 'een object',
  string: 'tekst',
  number: 'een getal',
  boolean: 'waar/onwaar',
  undefined: 'niets',
  bigint: 'een getal',
  symbol: 'een symbool',
  function: 'een functie',
};
const describeNl = (v: unknown) => DESCRIBE_NL[describe(v)] ?? describe(v);
/** zod's names of expected types, in Dutch. */
const EXPECTED_NL: Record<string, string> = {
  string: 'tekst',
  number: 'een getal',
  boolean: 'waar/onwaar (true/false)',
  object: 'een object',
  array: 'een lijst',
  record: 'een object',
  int: 'een geheel getal',
};
const expectedNl = (e: string) => EXPECTED_NL[e] ?? e;

/** Plain-language messages for zod issues, in English and Dutch. */
export function zodIssues(error: ZodError, input: unknown): Issue[] {
  const out: Issue[] = [];
  for (const iss of error.issues) {
    const path = [...iss.path];
    let message = iss.message;
    let nl = `ongeldige waarde (${iss.message})`;
    const at = valueAt(input, path);
    const shown = JSON.stringify(at);
    switch (iss.code) {
      case 'unrecognized_keys':
        for (const key of iss.keys)
          out.push({
            path: formatPath([...path, key]),
            message: `unknown field "${key}"`,
            nl: `onbekend veld "${key}"`,
          });
        continue;
      case 'invalid_type':
        if (at === undefined) {
          message = `missing (expected ${iss.expected})`;
          nl = `ontbreekt (verwacht: ${expectedNl(iss.expected)})`;
        } else {
          message = `expected ${iss.expected}, got ${describe(at)}`;
          nl = `verwacht: ${expectedNl(iss.expected)}, gevonden: ${describeNl(at)}`;
        }
        break;
      case 'invalid_value': {
        const allowed = iss.values.map((v) => JSON.stringify(v)).join(', ');
        message = `${shown} is not allowed (expected ${allowed})`;
        nl = `${shown} is niet toegestaan (verwacht: ${allowed})`;
        if (path[path.length - 1] === 'unit') {
          message = `unknown unit ${shown} (known: ${UNITS.join(', ')})`;
          nl = `onbekende eenheid ${shown} (bekend: ${UNITS.join(', ')})`;
        }
        break;
      }
      case 'invalid_union':
        message = `not a valid value (${describe(at)} ${shown?.slice(0, 40)})`;
        nl = `geen geldige waarde (${describeNl(at)} ${shown?.slice(0, 40)})`;
        if (path[path.length - 1] === 'hours' && path.length === 3) {
          message = 'hours must be "24x7" or an object of weekday windows, e.g. { "mon": ["09:00-17:00"] }';
          nl = 'hours is "24x7" of een object met vensters per weekdag, bijv. { "mon": ["09:00-17:00"] }';
        } else if (path[path.length - 2] === 'dates' || path[path.length - 1] === 'hours') {
          message =
            'the hours of a date are a list of windows (["09:00-15:00"]), "closed", or { "hours": …, "label": …, "source": … }';
          nl =
            'de uren van een datum zijn een lijst vensters (["09:00-15:00"]), "closed", of { "hours": …, "label": …, "source": … }';
        }
        break;
      case 'too_small':
        if (iss.origin === 'string') {
          message = 'must not be empty';
          nl = 'mag niet leeg zijn';
        } else if (iss.origin === 'number') {
          message = `must be ${iss.inclusive ? 'at least' : 'more than'} ${String(iss.minimum)}, got ${shown}`;
          nl = `moet ${iss.inclusive ? 'minstens' : 'meer dan'} ${String(iss.minimum)} zijn, gevonden: ${shown}`;
        } else if (iss.origin === 'array') {
          message = `needs at least ${String(iss.minimum)} item(s)`;
          nl = `heeft minstens ${String(iss.minimum)} element(en) nodig`;
        } else {
          message = `must be more than ${String(iss.minimum)}`;
          nl = `moet meer dan ${String(iss.minimum)} zijn`;
        }
        break;
      case 'too_big':
        if (iss.origin === 'string') {
          message = `must be at most ${String(iss.maximum)} characters`;
          nl = `mag hoogstens ${String(iss.maximum)} tekens lang zijn`;
        } else if (iss.origin === 'array') {
          message = `may have at most ${String(iss.maximum)} item(s)`;
          nl = `mag hoogstens ${String(iss.maximum)} element(en) hebben`;
        } else {
          message = `must be ${iss.inclusive ? 'at most' : 'less than'} ${String(iss.maximum)}, got ${shown}`;
          nl = `moet ${iss.inclusive ? 'hoogstens' : 'minder dan'} ${String(iss.maximum)} zijn, gevonden: ${shown}`;
        }
        break;
      default:
        break;
    }
    out.push({ path: formatPath(path), message, nl });
  }
  return out;
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let v: unknown = input;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

const list = (ids: string[]) => ids.join(', ');

/** Cross-reference checks on a structurally valid policy. */
export function checkPolicy(p: Policy): Issue[] {
  const issues: Issue[] = [];
  const add: Add = (path, message, nl) => issues.push({ path: formatPath(path), message, nl });

  if (!isValidZone(p.timezone))
    add(
      ['timezone'],
      `unknown time zone "${p.timezone}" (use an IANA name like Europe/Amsterdam)`,
      `onbekende tijdzone "${p.timezone}" (gebruik een IANA-naam zoals Europe/Amsterdam)`,
    );

  const dupes = (items: Array<{ id: string }>, where: string, what: What) => {
    const seen = new Set<string>();
    items.forEach((it, i) => {
      if (seen.has(it.id))
        add([where, i, 'id'], `duplicate ${what} "${it.id}"`, `${WHAT[what]} "${it.id}" komt twee keer voor`);
      seen.add(it.id);
    });
    return items.map((i) => i.id);
  };
  const tiers = dupes(p.tiers, 'tiers', 'tier');
  const types = dupes(p.types, 'types', 'type');
  const prios = dupes(p.priorities, 'priorities', 'priority');
  const calendars = Object.keys(p.calendars);

  const known = (ids: string[], value: string, path: PropertyKey[], what: What, wildcard = false) => {
    if (wildcard && value === '*') return;
    if (!ids.includes(value))
      add(
        path,
        `unknown ${what} "${value}" (known: ${list(ids)})`,
        `onbekende ${WHAT[what]} "${value}" (bekend: ${list(ids)})`,
      );
  };

  for (const [id, cal] of Object.entries(p.calendars)) {
    if (cal.hours !== '24x7') {
      let open = 0;
      for (const day of WEEKDAYS)
        open += checkWindows(cal.hours[day] ?? [], ['calendars', id, 'hours', day], add);
      if (!open)
        add(
          ['calendars', id, 'hours'],
          'the calendar is never open (give windows for at least one day, or "24x7")',
          'de kalender is nooit open (geef vensters voor minstens één dag, of "24x7")',
        );
    }
    (cal.holidays ?? []).forEach((h, i) => {
      const set = typeof h === 'string' ? h : h.set;
      if (holidaySetId(set) === null)
        add(
          ['calendars', id, 'holidays', i, ...(typeof h === 'string' ? [] : ['set'])],
          `unknown holiday set "${set}" (known: nl-public, ${HOLIDAY_REGIONS.join(', ')})`,
          `onbekende set feestdagen "${set}" (bekend: nl-public, ${HOLIDAY_REGIONS.join(', ')})`,
        );
    });
    (cal.closedDates ?? []).forEach((d, i) => {
      if (!isRealDate(d))
        add(
          ['calendars', id, 'closedDates', i],
          `"${d}" is not a real date`,
          `"${d}" is geen bestaande datum`,
        );
    });
    for (const [key, h] of Object.entries(cal.dates ?? {})) {
      const path = ['calendars', id, 'dates', key];
      if (!isRealDate(key.length === 5 ? `2024-${key}` : key))
        add(
          path,
          `"${key}" is not a real date (use "YYYY-MM-DD", or "MM-DD" for every year)`,
          `"${key}" is geen bestaande datum (gebruik "YYYY-MM-DD", of "MM-DD" voor elk jaar)`,
        );
      const hours = typeof h === 'object' && !Array.isArray(h) ? h.hours : h;
      if (hours !== 'closed')
        checkWindows(hours, typeof h === 'object' && !Array.isArray(h) ? [...path, 'hours'] : path, add);
    }
    (cal.closings ?? []).forEach((c, i) => {
      const path = ['calendars', id, 'closings', i];
      const year = (v: string) => (v.length === 11 ? 2024 : Number(v.slice(0, 4)));
      const from = localWall(c.from, year(c.from));
      const to = localWall(c.to, year(c.to));
      if (from === null)
        return add(
          [...path, 'from'],
          `"${c.from}" is not a real date and time`,
          `"${c.from}" is geen bestaande datum en tijd`,
        );
      if (to === null)
        return add(
          [...path, 'to'],
          `"${c.to}" is not a real date and time`,
          `"${c.to}" is geen bestaande datum en tijd`,
        );
      if (c.from.length !== c.to.length)
        return add(
          [...path, 'to'],
          `"from" and "to" must both be one date ("YYYY-MM-DDTHH:MM") or both yearly ("MM-DDTHH:MM")`,
          `"from" en "to" zijn allebei één datum ("YYYY-MM-DDTHH:MM") of allebei jaarlijks ("MM-DDTHH:MM")`,
        );
      if (to <= from)
        add(
          [...path, 'to'],
          `the closing ends ("${c.to}") before it starts ("${c.from}")`,
          `de sluiting eindigt ("${c.to}") voordat ze begint ("${c.from}")`,
        );
    });
  }

  p.tiers.forEach((t, i) => known(calendars, t.calendar, ['tiers', i, 'calendar'], 'calendar'));
  known(tiers, p.defaultTier, ['defaultTier'], 'tier');
  known(types, p.defaultType, ['defaultType'], 'type');

  if (p.matrix) {
    const m = p.matrix;
    const impacts = dupes(m.impact, 'matrix.impact', 'impact level');
    const urgencies = dupes(m.urgency, 'matrix.urgency', 'urgency level');
    for (const [imp, row] of Object.entries(m.cells)) {
      known(impacts, imp, ['matrix', 'cells', imp], 'impact');
      for (const [urg, prio] of Object.entries(row)) {
        known(urgencies, urg, ['matrix', 'cells', imp, urg], 'urgency');
        known(prios, prio, ['matrix', 'cells', imp, urg], 'priority');
      }
    }
    for (const imp of impacts)
      for (const urg of urgencies)
        if (m.cells[imp]?.[urg] === undefined)
          add(
            ['matrix', 'cells'],
            `no priority for impact "${imp}" × urgency "${urg}"`,
            `geen prioriteit voor impact "${imp}" × urgentie "${urg}"`,
          );
    (m.caps ?? []).forEach((c, i) => known(prios, c.max, ['matrix', 'caps', i, 'max'], 'priority'));
  }

  for (const [type, byTier] of Object.entries(p.targets)) {
    known(types, type, ['targets', type], 'type');
    for (const [tier, byPrio] of Object.entries(byTier)) {
      known(tiers, tier, ['targets', type, tier], 'tier', true);
      for (const [prio, metrics] of Object.entries(byPrio)) {
        known(prios, prio, ['targets', type, tier, prio], 'priority', true);
        for (const metric of METRICS) {
          const t = metrics[metric];
          if (!t) continue;
          checkDuration(t.due, ['targets', type, tier, prio, metric, 'due'], add);
          if (t.goal) {
            checkDuration(t.goal, ['targets', type, tier, prio, metric, 'goal'], add);
            if (t.goal.unit === 'none')
              add(
                ['targets', type, tier, prio, metric, 'goal', 'unit'],
                'a goal needs a time limit, not "none"',
                'een doel heeft een tijdslimiet nodig, niet "none"',
              );
            if (t.due.unit === 'none')
              add(
                ['targets', type, tier, prio, metric, 'goal'],
                'a goal without a due target is not supported',
                'een doel zonder termijn (due) wordt niet ondersteund',
              );
          }
        }
      }
    }
  }

  (p.exemptions ?? []).forEach((e, i) => {
    (e.priorities ?? []).forEach((x, j) => known(prios, x, ['exemptions', i, 'priorities', j], 'priority'));
    (e.types ?? []).forEach((x, j) => known(types, x, ['exemptions', i, 'types', j], 'type'));
    (e.tiers ?? []).forEach((x, j) => known(tiers, x, ['exemptions', i, 'tiers', j], 'tier'));
  });
  (p.escalation ?? []).forEach((e, i) => {
    (e.priorities ?? []).forEach((x, j) => known(prios, x, ['escalation', i, 'priorities', j], 'priority'));
    (e.tiers ?? []).forEach((x, j) => known(tiers, x, ['escalation', i, 'tiers', j], 'tier'));
  });
  if (p.report?.availability) checkAvailability(p.report.availability, tiers, add, known);
  return issues;
}

function checkAvailability(
  a: output<typeof AvailabilitySchema>,
  tiers: string[],
  add: Add,
  known: (ids: string[], value: string, path: PropertyKey[], what: What, wildcard?: boolean) => void,
) {
  const path = ['report', 'availability'];
  for (const tier of Object.keys(a.targets)) known(tiers, tier, [...path, 'targets', tier], 'tier', true);
  if (Object.keys(a.targets).length === 0)
    add(
      [...path, 'targets'],
      'give a target percent for at least one tier (or "*"), e.g. { "*": 99.5 }',
      'geef een doelpercentage voor minstens één niveau (of "*"), bijv. { "*": 99.5 }',
    );
  (a.maintenance?.recurring ?? []).forEach((w, i) => {
    const [from, to] = w.window.split('-').map(parseClock) as [number, number];
    if (Number.isNaN(from) || Number.isNaN(to) || from === 1440)
      add(
        [...path, 'maintenance', 'recurring', i, 'window'],
        `"${w.window}" is not a time window (HH:MM-HH:MM, 00:00–24:00)`,
        `"${w.window}" is geen tijdvenster (HH:MM-HH:MM, 00:00–24:00)`,
      );
  });
  (a.maintenance?.announced ?? []).forEach((w, i) => {
    const at = [...path, 'maintenance', 'announced', i];
    const wall = (v: string) => (v.length === 16 ? localWall(v, Number(v.slice(0, 4))) : null);
    const from = wall(w.from);
    const to = wall(w.to);
    if (from === null)
      return add(
        [...at, 'from'],
        `"${w.from}" is not a real date and time (use "YYYY-MM-DDTHH:MM")`,
        `"${w.from}" is geen bestaande datum en tijd (gebruik "YYYY-MM-DDTHH:MM")`,
      );
    if (to === null)
      return add(
        [...at, 'to'],
        `"${w.to}" is not a real date and time (use "YYYY-MM-DDTHH:MM")`,
        `"${w.to}" is geen bestaande datum en tijd (gebruik "YYYY-MM-DDTHH:MM")`,
      );
    if (to <= from)
      add(
        [...at, 'to'],
        `the window ends ("${w.to}") before it starts ("${w.from}")`,
        `het venster eindigt ("${w.to}") voordat het begint ("${w.from}")`,
      );
  });
}

function isRealDate(d: string): boolean {
  const t = Date.parse(`${d}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
}

/** Checks one day's windows (well-formed, start before end, no overlap); returns the open minutes. */
/** Reports an issue at a path, in English and Dutch. */
type Add = (path: PropertyKey[], message: string, nl: string) => void;

function checkWindows(windows: string[], path: PropertyKey[], add: Add): number {
  let open = 0;
  const parsed: Array<[number, number, number]> = [];
  windows.forEach((w, i) => {
    const [a, b] = w.split('-').map(parseClock) as [number, number];
    if (Number.isNaN(a) || Number.isNaN(b))
      return add(
        [...path, i],
        `"${w}" is not a time window (HH:MM-HH:MM, 00:00–24:00)`,
        `"${w}" is geen tijdvenster (HH:MM-HH:MM, 00:00–24:00)`,
      );
    if (b <= a)
      return add(
        [...path, i],
        `window "${w}" ends before it starts`,
        `venster "${w}" eindigt voordat het begint`,
      );
    for (const [pa, pb, pi] of parsed)
      if (a < pb && pa < b)
        add(
          [...path, i],
          `window "${w}" overlaps "${windows[pi]}"`,
          `venster "${w}" overlapt "${windows[pi]}"`,
        );
    parsed.push([a, b, i]);
    open += b - a;
  });
  return open;
}

function checkDuration(d: output<typeof DurationSchema>, path: PropertyKey[], add: Add) {
  const amountUnit = (AMOUNT_UNITS as readonly string[]).includes(d.unit);
  if (amountUnit && d.amount === undefined)
    add(
      [...path, 'amount'],
      `unit "${d.unit}" needs an amount`,
      `eenheid "${d.unit}" heeft een aantal nodig`,
    );
  if (!amountUnit && d.amount !== undefined)
    add([...path, 'amount'], `unit "${d.unit}" takes no amount`, `eenheid "${d.unit}" heeft geen aantal`);
  if (d.unit === 'none' && !d.words)
    add(
      [...path, 'words'],
      'unit "none" needs the contract\'s words, e.g. "Best effort"',
      'eenheid "none" heeft de woorden van het contract nodig, bijv. "Best effort"',
    );
  if (d.unit !== 'none' && d.words !== undefined)
    add([...path, 'words'], 'words are only for unit "none"', 'words hoort alleen bij eenheid "none"');
  if ((d.unit === 'weeks' || d.unit === 'months') && d.amount !== undefined && !Number.isInteger(d.amount))
    add([...path, 'amount'], `${d.unit} must be a whole number`, `${d.unit} moet een geheel getal zijn`);
}

/** Validates arbitrary input as a policy. Never throws. */
export function validatePolicy(json: unknown): PolicyResult {
  try {
    const r = PolicySchema.safeParse(json);
    if (!r.success) return { ok: false, issues: zodIssues(r.error, json) };
    const issues = checkPolicy(r.data);
    return issues.length ? { ok: false, issues } : { ok: true, policy: r.data };
  } catch (e) {
    return {
      ok: false,
      issues: [
        {
          path: '(root)',
          message: `could not read the policy: ${String(e)}`,
          nl: `het beleid kon niet worden gelezen: ${String(e)}`,
        },
      ],
    };
  }
}

/**
 * Parses JSON text (a byte-order mark is fine), reporting a syntax error with line and column as
 * Options does (`parseJsonText`). Never throws.
 */
export function parsePolicyText(text: string): PolicyResult {
  const r = parseJsonText(text);
  if (!r.ok) return { ok: false, issues: [syntaxIssue(r.error)] };
  return validatePolicy(r.value);
}

function syntaxIssue(e: JsonSyntaxError): Issue {
  return {
    path: '(json)',
    message: `invalid JSON at line ${e.line}, column ${e.column}: ${e.message}`,
    nl: `ongeldige JSON op regel ${e.line}, kolom ${e.column}: ${e.nl}`,
  };
}

/** Line and column (1-based) of the first JSON syntax error in `text`, as an issue. */
export function jsonSyntaxIssue(text: string): Issue {
  const r = parseJsonText(text);
  if (!r.ok) return syntaxIssue(r.error);
  return { path: '(json)', message: 'invalid JSON', nl: 'ongeldige JSON' };
}

// ---------------------------------------------------------------------------------------------
// NeutralTicket

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** True for an ISO 8601 date-time with offset or Z that names a real instant. */
export function isIsoInstant(s: string): boolean {
  const m = ISO_RE.exec(s);
  if (!m) return false;
  const [, y, mo, d, h, mi, se] = m;
  if (Number(h) > 23 || Number(mi) > 59 || Number(se ?? 0) > 59) return false;
  const day = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (day.getUTCMonth() !== Number(mo) - 1 || day.getUTCDate() !== Number(d)) return false;
  return !Number.isNaN(Date.parse(s));
}

const Instant = string({
  error: 'missing (expected an ISO date-time like 2026-02-04T17:30:00+01:00)',
}).refine(isIsoInstant, {
  error: (iss) =>
    `malformed date ${JSON.stringify(iss.input)} (expected ISO 8601 with offset, e.g. 2026-02-04T17:30:00+01:00)`,
});

export const TicketEventSchema = discriminatedUnion(
  'type',
  [
    strictObject({ at: Instant, type: literal('status'), status: zEnum(TICKET_STATUSES) }),
    strictObject({
      at: Instant,
      type: literal('reply'),
      public: boolean(),
      by: zEnum(['agent', 'requester']),
    }),
    strictObject({ at: Instant, type: literal('hotfix') }),
    strictObject({ at: Instant, type: literal('priority'), priority: Text }),
  ],
  { error: 'unknown event type (expected status, reply, hotfix or priority)' },
);

export const NeutralTicketSchema = strictObject({
  createdAt: Instant,
  type: Text.optional(),
  tier: Text.optional(),
  priority: Text.optional(),
  impact: Text.optional(),
  urgency: Text.optional(),
  workaround: boolean().optional(),
  timezone: string()
    .refine(isValidZone, {
      error: (iss) =>
        `unknown time zone ${JSON.stringify(iss.input)} (expected an IANA name like Europe/Amsterdam)`,
    })
    .optional(),
  holidayRegion: string()
    .refine((v) => holidaySetId(v) !== null, {
      error: (iss) =>
        `unknown holiday region ${JSON.stringify(iss.input)} (expected a country or state as date-holidays names it: ${HOLIDAY_REGIONS.slice(0, 6).join(', ')}…)`,
    })
    .optional(),
  events: array(TicketEventSchema).optional(),
});

export type TicketResult = { ok: true; ticket: NeutralTicket } | { ok: false; issues: Issue[] };

const TICKET_KEYS = new Set([
  'createdAt',
  'type',
  'tier',
  'priority',
  'impact',
  'urgency',
  'workaround',
  'timezone',
  'holidayRegion',
  'events',
]);
const TEXT_KEYS = ['type', 'tier', 'priority', 'impact', 'urgency'] as const;
const STATUS_SET: ReadonlySet<string> = new Set(TICKET_STATUSES);

const isText = (v: unknown) => typeof v === 'string' && v.length > 0;

function quickEvent(e: unknown): boolean {
  if (e === null || typeof e !== 'object' || Array.isArray(e)) return false;
  const o = e as Record<string, unknown>;
  if (typeof o.at !== 'string' || !isIsoInstant(o.at)) return false;
  let n = 2;
  switch (o.type) {
    case 'status':
      if (typeof o.status !== 'string' || !STATUS_SET.has(o.status)) return false;
      n = 3;
      break;
    case 'reply':
      if (typeof o.public !== 'boolean' || (o.by !== 'agent' && o.by !== 'requester')) return false;
      n = 4;
      break;
    case 'hotfix':
      break;
    case 'priority':
      if (!isText(o.priority)) return false;
      n = 3;
      break;
    default:
      return false;
  }
  let keys = 0;
  for (const _ in o) keys++;
  return keys === n;
}

/**
 * The input as a ticket when it certainly passes `NeutralTicketSchema`, else null (then zod decides
 * and words the problem). Bulk paths (NDJSON exports) validate about ten times faster this way;
 * schema.test.ts checks that it never accepts what the schema refuses.
 */
function quickTicket(json: unknown): NeutralTicket | null {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return null;
  const o = json as Record<string, unknown>;
  for (const k in o) if (!TICKET_KEYS.has(k) || o[k] === undefined) return null;
  if (typeof o.createdAt !== 'string' || !isIsoInstant(o.createdAt)) return null;
  for (const k of TEXT_KEYS) if (o[k] !== undefined && !isText(o[k])) return null;
  if (o.workaround !== undefined && typeof o.workaround !== 'boolean') return null;
  if (o.timezone !== undefined && (typeof o.timezone !== 'string' || !isValidZone(o.timezone))) return null;
  if (
    o.holidayRegion !== undefined &&
    (typeof o.holidayRegion !== 'string' || !holidaySetId(o.holidayRegion))
  )
    return null;
  if (o.events !== undefined) {
    if (!Array.isArray(o.events)) return null;
    for (const e of o.events) if (!quickEvent(e)) return null;
  }
  return o as unknown as NeutralTicket;
}

/** Validates arbitrary input as a NeutralTicket. Never throws. */
export function validateTicket(json: unknown): TicketResult {
  const quick = quickTicket(json);
  if (quick !== null) return { ok: true, ticket: quick };
  try {
    const r = NeutralTicketSchema.safeParse(json);
    if (r.success) return { ok: true, ticket: r.data as NeutralTicket };
    return { ok: false, issues: zodIssues(r.error, json) };
  } catch (e) {
    return { ok: false, issues: [{ path: '(root)', message: `could not read the ticket: ${String(e)}` }] };
  }
}
