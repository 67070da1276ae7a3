/**
 * Options messages (options page → background): requests (zod, validated by the background before
 * any handler runs) and their response types. The page imports only the types.
 *
 * What the page sends is never trusted as already checked: a confirmed import carries the policy
 * JSON the admin previewed, and the background validates it again before the one storage write.
 */
import { z } from 'zod';
import { AssignmentSchema, HelpdeskKind, HostName, PreferencesSchema } from '../storage/schemas';
import type { ActionResult, OptionsModel, TicketTestResult } from '../../components/options/model';
import type { ImportResult } from '../config/importPolicy';
import type { TeamConfigResult } from '../config/teamConfig';

/** Upper bounds on what the page may send (the pipeline reports the friendly size errors itself). */
const MAX_TEXT = 6 * 1024 * 1024;
const PolicyId = z.string().min(1).max(64);
const Text = z.string().max(MAX_TEXT);

export const ImportSourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('text'), text: Text, source: z.string().max(300) }),
  z.strictObject({ kind: z.literal('url'), url: z.string().max(4096) }),
]);

/** The parts of a previewed ImportPlan the background needs again (the rest is recomputed). */
export const ImportPlanRefSchema = z.object({
  ok: z.literal(true),
  id: PolicyId,
  json: z.unknown(),
  base: z.string().max(200).nullable(),
  source: z.string().max(4096).optional(),
});

export const PreferencesPatchSchema = z
  .strictObject({
    language: PreferencesSchema.shape.language.unwrap(),
    atRiskPercent: PreferencesSchema.shape.atRiskPercent.unwrap(),
    notifications: PreferencesSchema.shape.notifications.unwrap(),
    sidebarSide: PreferencesSchema.shape.sidebarSide.unwrap(),
    finishedRetentionDays: PreferencesSchema.shape.finishedRetentionDays.unwrap(),
    watchMinutes: PreferencesSchema.shape.watchMinutes.unwrap(),
  })
  .partial();

export const OptionsRequests = [
  z.strictObject({ type: z.literal('ui-bg:options-model') }),
  z.strictObject({ type: z.literal('ui-bg:options-preview-import'), input: ImportSourceSchema }),
  z.strictObject({ type: z.literal('ui-bg:options-confirm-import'), plan: ImportPlanRefSchema }),
  z.strictObject({ type: z.literal('ui-bg:options-duplicate'), id: PolicyId }),
  z.strictObject({
    type: z.literal('ui-bg:options-set-builtin-disabled'),
    id: PolicyId,
    disabled: z.boolean(),
  }),
  z.strictObject({ type: z.literal('ui-bg:options-remove-policy'), id: PolicyId }),
  z.strictObject({
    type: z.literal('ui-bg:options-save-assignment'),
    assignment: AssignmentSchema,
    previousHost: HostName.optional(),
  }),
  z.strictObject({ type: z.literal('ui-bg:options-remove-assignment'), host: HostName }),
  z.strictObject({
    type: z.literal('ui-bg:options-test-ticket'),
    host: HostName,
    mapping: z.record(z.string(), z.unknown()),
    input: z.string().max(2 * 1024 * 1024),
  }),
  z.strictObject({ type: z.literal('ui-bg:options-add-host'), host: HostName, helpdesk: HelpdeskKind }),
  z.strictObject({ type: z.literal('ui-bg:options-remove-host'), host: HostName }),
  z.strictObject({
    type: z.literal('ui-bg:options-save-credentials'),
    host: HostName,
    username: z.string().trim().min(1).max(200),
    password: z.string().min(1).max(1000),
  }),
  z.strictObject({ type: z.literal('ui-bg:options-clear-credentials'), host: HostName }),
  z.strictObject({ type: z.literal('ui-bg:options-export-team') }),
  z.strictObject({
    type: z.literal('ui-bg:options-preview-team'),
    text: Text,
    source: z.string().max(300),
  }),
  z.strictObject({
    type: z.literal('ui-bg:options-confirm-team'),
    text: Text,
    source: z.string().max(300),
    /** The `token` the preview answered: the state the summary was made against. */
    token: z.string().max(200),
  }),
  z.strictObject({ type: z.literal('ui-bg:options-save-preferences'), patch: PreferencesPatchSchema }),
  z.strictObject({ type: z.literal('ui-bg:options-delete-quarantined'), id: z.string().min(1).max(2000) }),
  z.strictObject({ type: z.literal('ui-bg:options-clear-history') }),
] as const;

export interface OptionsResponses {
  'ui-bg:options-model': OptionsModel;
  'ui-bg:options-preview-import': ImportResult;
  'ui-bg:options-confirm-import': ActionResult;
  'ui-bg:options-duplicate': ImportResult;
  'ui-bg:options-set-builtin-disabled': ActionResult;
  'ui-bg:options-remove-policy': ActionResult;
  'ui-bg:options-save-assignment': ActionResult;
  'ui-bg:options-remove-assignment': ActionResult;
  'ui-bg:options-test-ticket': TicketTestResult;
  'ui-bg:options-add-host': ActionResult;
  'ui-bg:options-remove-host': ActionResult;
  'ui-bg:options-save-credentials': ActionResult;
  'ui-bg:options-clear-credentials': ActionResult;
  'ui-bg:options-export-team': { fileName: string; text: string };
  /** `token` identifies the stored state the plan was made against; confirm sends it back. */
  'ui-bg:options-preview-team': { result: TeamConfigResult; token: string };
  'ui-bg:options-confirm-team': ActionResult;
  'ui-bg:options-save-preferences': ActionResult;
  'ui-bg:options-delete-quarantined': ActionResult;
  'ui-bg:options-clear-history': ActionResult;
}
