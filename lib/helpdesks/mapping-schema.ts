/**
 * The per-host mapping of helpdesk fields and values onto a policy (stored as `Assignment.mapping`,
 * edited in Options, applied by the adapters' normalizers). Checked by path when saved.
 */
import { z } from 'zod';

/**
 * The per-host mapping (also the type the Options form edits), checked by path on save.
 */
const Name = z.string().min(1).max(200);
const FieldSourceSchema = z.discriminatedUnion('from', [
  z.strictObject({ from: z.literal('custom-field'), id: Name }),
  z.strictObject({ from: z.literal('tag'), prefix: Name }),
  z.strictObject({ from: z.literal('field'), field: Name }),
]);
/**
 * Which tickets of this host are outages for the service report's availability (lib/report/availability):
 * every given criterion must hold — a tag (Zendesk), the policy type, or a field with a value.
 */
export const OutageSelectionSchema = z
  .strictObject({
    tag: Name.optional(),
    type: Name.optional(),
    field: Name.optional(),
    value: Name.optional(),
  })
  .superRefine((o, ctx) => {
    if (!o.tag && !o.type && !o.field)
      ctx.addIssue({
        code: 'custom',
        message: 'Give a tag, a type or a field that marks an outage ticket (or leave outage out)',
      });
    if (o.value !== undefined && !o.field)
      ctx.addIssue({
        code: 'custom',
        path: ['field'],
        message: 'A value needs the field it is the value of',
      });
  });

export const HostMappingSchema = z.strictObject({
  tier: z
    .discriminatedUnion('from', [
      z.strictObject({ from: z.literal('fixed'), tier: Name }),
      z.strictObject({ from: z.literal('org-tag'), prefix: Name }),
      z.strictObject({ from: z.literal('ticket-tag'), prefix: Name }),
      z.strictObject({ from: z.literal('custom-field'), id: Name }),
      z.strictObject({ from: z.literal('field'), field: Name }),
    ])
    .optional(),
  fields: z
    .strictObject({
      impact: FieldSourceSchema.optional(),
      urgency: FieldSourceSchema.optional(),
      workaround: FieldSourceSchema.optional(),
    })
    .optional(),
  /**
   * Where the customer comes from instead of the helpdesk's own (Zendesk organisation, TOPdesk caller
   * branch): a Zendesk custom field id or tag prefix, a TOPdesk field path.
   */
  customerField: FieldSourceSchema.optional(),
  types: z.record(Name, Name).optional(),
  statuses: z.record(Name, z.enum(['open', 'pending', 'on-hold', 'solved', 'closed'])).optional(),
  values: z
    .strictObject({
      priority: z.record(Name, Name).optional(),
      impact: z.record(Name, Name).optional(),
      urgency: z.record(Name, Name).optional(),
      tier: z.record(Name, Name).optional(),
    })
    .optional(),
  /** Zendesk tag that marks a hotfix (Workspace 365 exemption). Default `hotfix`. */
  hotfixTag: Name.optional(),
  /** Outage tickets, for the report's availability (Membro 2.2: "platform unavailable"). */
  outage: OutageSelectionSchema.optional(),
  /** Queue refresh: a Zendesk view id whose tickets make up the queue (default: unsolved search). */
  queue: z
    .strictObject({
      viewId: z
        .string()
        .regex(
          /^\d{1,20}$/,
          'A Zendesk view id is a number, like the 360001234567 in /agent/filters/360001234567',
        )
        .optional(),
    })
    .optional(),
});

export type HostMapping = z.infer<typeof HostMappingSchema>;
