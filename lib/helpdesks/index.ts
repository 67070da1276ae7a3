/**
 * The helpdesks the extension knows, mapping side (background and CLI; uses zod): normalising with a
 * stored mapping, and saved payloads → the neutral ticket. Each helpdesk's worker is `WORKERS[id]`
 * (workers.ts); its page side lives in `<name>/page.ts`, imported by its content script only.
 * Adding a helpdesk: see README.md in this folder.
 */
import type { Policy } from '../sla';
import { exampleHost } from './catalog';
import { vocabularyOf, type PolicyVocabulary } from './mapping';
import { HostMappingSchema, type HostMapping } from './mapping-schema';
import type { HelpdeskName, NormalizeResult } from './types';
import { WORKERS } from './workers';

export {
  HostMappingSchema,
  vocabularyOf,
  WORKERS,
  type HostMapping,
  type HelpdeskName,
  type PolicyVocabulary,
};

/** Normalize with a stored (unvalidated) mapping: a broken mapping is a problem, not a crash. */
export function normalizeWith(
  helpdesk: HelpdeskName,
  payload: unknown,
  mapping: unknown,
  policy: Policy,
  host: string,
): NormalizeResult {
  const m = mapping === undefined ? undefined : HostMappingSchema.safeParse(mapping);
  if (m && !m.success) {
    const i = m.error.issues[0];
    return {
      ok: false,
      problem: {
        kind: 'error',
        message: `the field mapping for ${host} is invalid at mapping.${i?.path.join('.') ?? ''}: ${i?.message ?? ''} — fix it in Options`,
      },
    };
  }
  return WORKERS[helpdesk].normalize(payload, m?.data, vocabularyOf(policy), host);
}

/** For the CLI and the Options "test with a ticket" box: saved API bodies → the neutral ticket. */
export function neutralFromPayloads(input: {
  from: HelpdeskName;
  ticket: unknown;
  audits?: unknown[];
  mapping?: unknown;
  policy: Policy;
  host?: string;
}): NormalizeResult {
  const host = input.host ?? exampleHost(input.from);
  const payload = WORKERS[input.from].payloadFromFiles({
    ticket: input.ticket,
    ...(input.audits ? { audits: input.audits } : {}),
  });
  return normalizeWith(input.from, payload, input.mapping, input.policy, host);
}
