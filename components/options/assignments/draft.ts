/**
 * The mapping form's draft and its conversion to and from the stored mapping, and what each helpdesk
 * offers in the form (a `Record<HelpdeskId, …>`, so a new helpdesk fails to typecheck until it has
 * its entry).
 */
import type { HelpdeskId } from '../../../lib/helpdesks/catalog';
import { HELPDESKS, HELPDESK_IDS } from '../../../lib/helpdesks/catalog';
import type { TicketStatus } from '../../../lib/sla/types';
import type {
  AssignmentEntry,
  FieldSource,
  HelpdeskKind,
  HostMapping,
  MappedField,
  TierSource,
  ValueKind,
} from '../../../lib/messaging/options';

/** What the mapping form offers per helpdesk: where a tier and a field can come from, and the extras. */
export const HELPDESK_MAPPING: Record<
  HelpdeskId,
  {
    tierSources: ReadonlyArray<TierSource['from']>;
    fieldSources: ReadonlyArray<FieldSource['from']>;
    /** The hotfix tag and the queue's view (Zendesk tags and views). */
    tagsAndViews: boolean;
  }
> = {
  zendesk: {
    tierSources: ['fixed', 'org-tag', 'ticket-tag', 'custom-field'],
    fieldSources: HELPDESKS.zendesk.fieldSources,
    tagsAndViews: true,
  },
  topdesk: {
    tierSources: ['fixed', 'field'],
    fieldSources: HELPDESKS.topdesk.fieldSources,
    tagsAndViews: false,
  },
};

export const STATUSES: TicketStatus[] = ['open', 'pending', 'on-hold', 'solved', 'closed'];
export const FIELDS: MappedField[] = ['impact', 'urgency', 'workaround', 'holidayRegion'];
export const VALUE_KINDS: ValueKind[] = ['priority', 'impact', 'urgency', 'tier'];
export type Rows = Array<[string, string]>;

export interface Draft {
  host: string;
  helpdesk: HelpdeskKind;
  policyId: string;
  tier: TierSource | null;
  fields: Partial<Record<MappedField, FieldSource>>;
  types: Rows;
  statuses: Rows;
  values: Record<ValueKind, Rows>;
  /** Zendesk only: the tag that marks a hotfix, and the view whose tickets make up the popup's queue. */
  hotfixTag: string;
  queueViewId: string;
  /** Where the customer comes from (the service report's filter); absent: the helpdesk's own. */
  customerField?: HostMapping['customerField'];
  /** Outage tickets (the report's availability): tag (helpdesks with tags), policy type, field = value. */
  outage: { tag: string; type: string; field: string; value: string };
}

export const rows = (r: Record<string, string> | undefined): Rows => Object.entries(r ?? {});
export const record = (r: Rows) =>
  Object.fromEntries(r.filter(([k, v]) => k.trim() && v.trim()).map(([k, v]) => [k.trim(), v.trim()]));

export function toDraft(a: AssignmentEntry | null, defaultPolicy: string): Draft {
  const m = a?.mapping ?? {};
  return {
    host: a?.host ?? '',
    helpdesk: a?.helpdesk ?? HELPDESK_IDS[0],
    policyId: a?.policyId ?? defaultPolicy,
    tier: m.tier ?? null,
    fields: { ...(m.fields ?? {}) },
    types: rows(m.types),
    statuses: rows(m.statuses),
    values: Object.fromEntries(VALUE_KINDS.map((k) => [k, rows(m.values?.[k])])) as Record<ValueKind, Rows>,
    hotfixTag: m.hotfixTag ?? '',
    queueViewId: m.queue?.viewId ?? '',
    ...(m.customerField ? { customerField: m.customerField } : {}),
    outage: {
      tag: m.outage?.tag ?? '',
      type: m.outage?.type ?? '',
      field: m.outage?.field ?? '',
      value: m.outage?.value ?? '',
    },
  };
}

/** The form's draft as the stored mapping; empty parts left out. */
export function draftToMapping(d: Draft): HostMapping {
  const m: HostMapping = {};
  if (d.tier) m.tier = d.tier;
  const fields = Object.fromEntries(Object.entries(d.fields).filter(([, v]) => v)) as HostMapping['fields'];
  if (fields && Object.keys(fields).length) m.fields = fields;
  const types = record(d.types);
  if (Object.keys(types).length) m.types = types;
  const statuses = record(d.statuses) as Record<string, TicketStatus>;
  if (Object.keys(statuses).length) m.statuses = statuses;
  const values: HostMapping['values'] = {};
  for (const k of VALUE_KINDS) {
    const r = record(d.values[k]);
    if (Object.keys(r).length) values[k] = r;
  }
  if (Object.keys(values).length) m.values = values;
  if (d.customerField) m.customerField = d.customerField;
  if (HELPDESK_MAPPING[d.helpdesk].tagsAndViews) {
    if (d.hotfixTag.trim()) m.hotfixTag = d.hotfixTag.trim();
    // A pasted view URL (…/agent/filters/360001234567) is taken for its id.
    const view = d.queueViewId.trim();
    if (view) m.queue = { viewId: /\/filters\/(\d+)/.exec(view)?.[1] ?? view };
  }
  const o = d.outage;
  const outage: NonNullable<HostMapping['outage']> = {};
  if (o.tag.trim() && HELPDESK_MAPPING[d.helpdesk].tagsAndViews) outage.tag = o.tag.trim();
  if (o.type.trim()) outage.type = o.type.trim();
  if (o.field.trim()) outage.field = o.field.trim();
  if (o.value.trim()) outage.value = o.value.trim();
  if (Object.keys(outage).length) m.outage = outage;
  return m;
}
