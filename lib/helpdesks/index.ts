/**
 * The helpdesks the extension knows, mapping side (background and CLI; uses zod). The page side of
 * each lives in `<name>/page.ts` and is imported by that helpdesk's content script only.
 * Adding a helpdesk: see README.md in this folder.
 */
import type { Policy } from '../sla';
import { vocabularyOf, type PolicyVocabulary } from './mapping';
import { HostMappingSchema, type HostMapping } from './mapping-schema';
import { normalizeTopdesk } from './topdesk/normalize';
import type { HelpdeskName, HelpdeskNormalizer, NormalizeResult } from './types';
import { normalizeZendesk } from './zendesk/normalize';

export const NORMALIZERS: Record<HelpdeskName, HelpdeskNormalizer> = {
  zendesk: normalizeZendesk,
  topdesk: normalizeTopdesk,
};

export { HostMappingSchema, vocabularyOf, type HostMapping, type HelpdeskName, type PolicyVocabulary };

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
  return NORMALIZERS[helpdesk](payload, m?.data, vocabularyOf(policy), host);
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
  const host = input.host ?? (input.from === 'zendesk' ? 'example.zendesk.com' : 'example.topdesk.net');
  const payload =
    input.from === 'zendesk'
      ? { ticket: input.ticket, audits: input.audits ?? [] }
      : { incident: input.ticket };
  return normalizeWith(input.from, payload, input.mapping, input.policy, host);
}
