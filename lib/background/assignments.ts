/**
 * Options → assignments: which policy applies on which host with which field mapping, and "Test with
 * a ticket", which maps a ticket (pasted or read by its URL) with an unsaved mapping and evaluates it
 * as the sidebar would.
 */
import { neutralFromPayloads, normalizeWith } from '../helpdesks';
import { helpdeskLabel, type HelpdeskId } from '../helpdesks/catalog';
import { HostMappingSchema } from '../helpdesks/mapping-schema';
import { topdeskIncidentRef } from '../helpdesks/topdesk/urls';
import type { NormalizeResult } from '../helpdesks/types';
import { zendeskTicketId } from '../helpdesks/zendesk/urls';
import { WORKERS } from '../helpdesks/workers';
import { uiLanguage } from './env';
import { z } from 'zod';
import type { ActionResult, AssignmentEntry, HostMapping, TicketTestResult } from '../messaging/options';
import { effectivePolicyJson } from '../config/importPolicy';
import { builtinHelpdeskOf, helpdeskOfHost } from '../config/hosts';
import { evaluate, validatePolicy, validateTicket, type Policy } from '../sla';
import type { NeutralTicket } from '../sla/types';
import type { Assignment } from '../storage/schemas';
import { BUILTIN_JSON } from './state';
import type { Detail } from '../helpdesks/types';
import { hostPermissionGranted } from './content-scripts';
import { TEST, type Said } from './ticket-test-words';
import { load, exclusive, ok, fail, LOCKED, writeConfig, type Loaded } from './options-load';

function zodIssues(error: z.ZodError, prefix: string): Array<{ path: string; message: string }> {
  return error.issues.map((i) => ({
    path: [prefix, ...i.path.map(String)].filter(Boolean).join('.'),
    message: i.message,
  }));
}

export function saveAssignment(assignment: Assignment, previousHost?: string): Promise<ActionResult> {
  return exclusive(async () => {
    const l = await load();
    const { locks, config } = l.eff;
    if (locks.assignments[assignment.host] || (previousHost && locks.assignments[previousHost]))
      return fail(
        `the assignment of ${locks.assignments[assignment.host] ? assignment.host : previousHost} is ${LOCKED}`,
      );
    const known =
      Object.prototype.hasOwnProperty.call(config.policies, assignment.policyId) ||
      Object.prototype.hasOwnProperty.call(BUILTIN_JSON, assignment.policyId);
    if (!known)
      return fail(`unknown policy "${assignment.policyId}"`, [
        { path: 'policyId', message: 'unknown policy' },
      ]);
    if (config.disabledBuiltins.includes(assignment.policyId) && !config.policies[assignment.policyId])
      return fail(`the built-in policy "${assignment.policyId}" is disabled; enable it first`);
    const builtinKind = builtinHelpdeskOf(assignment.host);
    if (builtinKind && builtinKind !== assignment.helpdesk)
      return fail(`${assignment.host} is a ${helpdeskLabel(builtinKind)} host`, [
        { path: 'helpdesk', message: `expected ${builtinKind}` },
      ]);
    const selfHosted = config.selfHosted.find((h) => h.host === assignment.host);
    if (selfHosted && selfHosted.helpdesk !== assignment.helpdesk)
      return fail(`${assignment.host} was added under Hosts as ${helpdeskLabel(selfHosted.helpdesk)}`, [
        { path: 'helpdesk', message: `expected ${selfHosted.helpdesk}` },
      ]);
    let mapping: Assignment['mapping'];
    if (assignment.mapping && Object.keys(assignment.mapping).length) {
      const parsed = HostMappingSchema.safeParse(assignment.mapping);
      if (!parsed.success)
        return fail('the mapping has problems; nothing was saved', zodIssues(parsed.error, 'mapping'));
      mapping = parsed.data as Record<string, unknown>;
    }
    const next: Assignment = {
      host: assignment.host,
      helpdesk: assignment.helpdesk,
      policyId: assignment.policyId,
      ...(mapping ? { mapping } : {}),
    };
    const assignments = l.local.assignments.filter((a) => a.host !== next.host && a.host !== previousHost);
    await writeConfig(l, {
      ...l.local,
      assignments: [...assignments, next].sort((a, b) => a.host.localeCompare(b.host)),
    });
    return ok();
  });
}

export function removeAssignment(host: string): Promise<ActionResult> {
  return exclusive(async () => {
    const l = await load();
    if (l.eff.locks.assignments[host]) return fail(`the assignment of ${host} is ${LOCKED}`);
    if (!l.local.assignments.some((a) => a.host === host)) return fail(`${host} has no assignment`);
    await writeConfig(l, { ...l.local, assignments: l.local.assignments.filter((a) => a.host !== host) });
    return ok();
  });
}

/** What the ticket test reads from outside: the network and the host permissions (stubbed in tests). */
export interface TicketTestDeps {
  fetch: (url: string, init?: RequestInit) => Promise<Response>;
  sleep: (ms: number) => Promise<void>;
  granted: (host: string) => Promise<boolean>;
  now: () => number;
}

const TICKET_TEST_DEPS: TicketTestDeps = {
  fetch: (url, init) => fetch(url, init),
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  granted: hostPermissionGranted,
  now: () => Date.now(),
};

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

type Pasted = { ok: true; ticket: unknown; audits?: unknown[] } | { ok: false; said: Said } | null;

/**
 * What the ticket test needs to know per helpdesk: a ticket's address (its reference for
 * `readDetail`, and an example for messages), a pasted API response as `neutralFromPayloads` takes
 * it (null: not this helpdesk's), and who is refused when the API says 401/403.
 */
const TICKET_TEST: Record<
  HelpdeskId,
  {
    ref(url: string): string | null;
    example: string;
    pasted(json: Record<string, unknown>): Pasted;
    refused: 'session' | 'app-password';
  }
> = {
  zendesk: {
    ref: zendeskTicketId,
    example: 'https://{host}/agent/tickets/1001',
    // The ticket body (`/api/v2/tickets/{id}.json`) alone or as `{ticket, audits}` (audit pages, or
    // one page's `audits` list).
    pasted(json) {
      if (!('ticket' in json)) return 'audits' in json ? { ok: false, said: TEST.auditsOnly } : null;
      if (!isObject(json.ticket)) return null;
      const full = isObject(json.ticket.ticket);
      const raw = full ? json.audits : undefined;
      const pages = Array.isArray(raw) ? raw : isObject(raw) ? [raw] : [];
      const audits = pages.length && isObject(pages[0]) && 'events' in pages[0] ? [{ audits: pages }] : pages;
      return { ok: true, ticket: full ? json.ticket : json, audits };
    },
    refused: 'session',
  },
  topdesk: {
    // readDetail reads an incident by its id; the card's address carries it as `unid`.
    ref: (url) => topdeskIncidentRef(url)?.match(/^id:(.+)$/)?.[1] ?? null,
    example: 'https://{host}/tas/secure/incident?unid=…',
    // An incident (`/tas/api/incidents/id/{id}`) alone or as `{incident}`.
    pasted: (json) =>
      'incident' in json
        ? { ok: true, ticket: json.incident }
        : 'callDate' in json || 'number' in json
          ? { ok: true, ticket: json }
          : null,
    refused: 'app-password',
  },
};

/**
 * "Test with a ticket": maps a ticket with the host's (unsaved) mapping through the helpdesk's
 * adapter and evaluates it with the assigned policy, as the sidebar would. The input is a ticket URL
 * (read through the helpdesk's API with the browser session or the stored application password, as
 * the queue refresh reads it), a saved API response, or a neutral ticket (the engine's format).
 */
export async function testTicket(
  host: string,
  mapping: unknown,
  input: string,
  deps: TicketTestDeps = TICKET_TEST_DEPS,
): Promise<TicketTestResult> {
  const l = await load();
  const lang = uiLanguage(l.eff.preferences);
  const no = (said: Said): TicketTestResult => ({ ok: false, message: said[lang] });
  const assignment = l.eff.config.assignments.find((a) => a.host === host);
  if (!assignment) return no(TEST.saveFirst(host));
  const m = HostMappingSchema.safeParse(mapping);
  if (!m.success) {
    const first = zodIssues(m.error, 'mapping')[0];
    return no(TEST.mapping(`${first?.path}: ${first?.message}`));
  }
  const policyJson = effectivePolicyJson(l.eff.config, BUILTIN_JSON, assignment.policyId);
  const p = validatePolicy(policyJson);
  if (
    !p.ok ||
    (l.eff.config.disabledBuiltins.includes(assignment.policyId) &&
      !l.eff.config.policies[assignment.policyId])
  )
    return no(TEST.notInEffect(assignment.policyId, host));
  const policy = p.policy;
  const { helpdesk } = assignment;
  const label = helpdeskLabel(helpdesk);
  const text = input.trim();
  if (!text) return no(TEST.empty);

  let normalized: NormalizeResult;
  let notes: string[];
  if (/^https?:\/\//i.test(text)) {
    const read = await readTicketUrl(text, assignment, l, deps);
    if (!read.ok) return no(read.said);
    normalized = normalizeWith(helpdesk, read.payload, m.data, policy, host);
    notes = normalized.ok ? [TEST.readFrom(normalized.display.ticketKey, host)[lang]] : [];
  } else {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      return no(TEST.notJson(e instanceof Error ? e.message : String(e)));
    }
    const neutral = validateTicket(json);
    if (neutral.ok) return evaluated(policy, neutral.ticket, undefined, [TEST.neutral[lang]], l, deps);
    const pasted = isObject(json) ? TICKET_TEST[helpdesk].pasted(json) : null;
    if (pasted && !pasted.ok) return no(pasted.said);
    if (!pasted) {
      const first = neutral.issues[0];
      return no(TEST.notTicket(label, first ? `${String(first.path)}: ${first.message}` : 'invalid'));
    }
    normalized = neutralFromPayloads({
      from: helpdesk,
      ticket: pasted.ticket,
      ...(pasted.audits ? { audits: pasted.audits } : {}),
      mapping: m.data,
      policy,
      host,
    });
    notes = normalized.ok ? [TEST.mapped(label, normalized.display.ticketKey)[lang]] : [];
    if (pasted.audits && !pasted.audits.length) notes.push(TEST.noAudits[lang]);
  }
  if (!normalized.ok) return no(TEST.unreadable(label, normalized.problem.message));
  return evaluated(policy, normalized.ticket, normalized.origin, notes, l, deps);
}

function evaluated(
  policy: Policy,
  ticket: NeutralTicket,
  origin: Extract<NormalizeResult, { ok: true }>['origin'],
  notes: string[],
  l: Loaded,
  deps: TicketTestDeps,
): TicketTestResult {
  const lang = uiLanguage(l.eff.preferences);
  try {
    const evaluation = evaluate(policy, ticket, deps.now(), {
      locale: lang,
      atRiskRemainingShare: l.eff.preferences.atRiskPercent / 100,
      ...(origin ? { origin } : {}),
    });
    return { ok: true, ticket, evaluation, notes };
  } catch (e) {
    return {
      ok: true,
      ticket,
      evaluation: null,
      notes: [...notes, TEST.noDeadlines(e instanceof Error ? e.message : String(e))[lang]],
    };
  }
}

/**
 * Reads the ticket a URL shows through the helpdesk's API, as the queue refresh does
 * (helpdesk-read.ts `readDetail`): the browser session, and for TOPdesk the stored application
 * password. Each way it can fail is said with what to do about it.
 */
async function readTicketUrl(
  text: string,
  assignment: Assignment,
  l: Loaded,
  deps: TicketTestDeps,
): Promise<{ ok: true; payload: unknown } | { ok: false; said: Said }> {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, said: TEST.badUrl(text) };
  }
  const urlHost = url.hostname.toLowerCase();
  const kind = helpdeskOfHost(urlHost, l.eff.config.selfHosted);
  if (!kind) return { ok: false, said: TEST.unknownHost(urlHost) };
  const { host, helpdesk } = assignment;
  if (urlHost !== host || kind !== helpdesk) return { ok: false, said: TEST.otherHost(urlHost, host) };
  const label = helpdeskLabel(helpdesk);
  const shape = TICKET_TEST[helpdesk];
  const id = shape.ref(url.href);
  if (!id) return { ok: false, said: TEST.notATicketUrl(label, shape.example.replace('{host}', host)) };
  if (!(await deps.granted(host))) return { ok: false, said: TEST.notGranted(host) };
  // The status of the last answer tells a refusal from a missing ticket or a network failure.
  let status = 0;
  const http = {
    fetch: async (u: string, init?: RequestInit) => {
      const res = await deps.fetch(u, init);
      status = res.status;
      return res;
    },
    sleep: deps.sleep,
  };
  let detail: Detail;
  try {
    detail = await WORKERS[helpdesk].readDetail(host, id, l.credentials[host] ?? null, http);
  } catch (e) {
    detail = { ok: false, notFound: false, message: e instanceof Error ? e.message : String(e) };
  }
  if (detail.ok) return { ok: true, payload: detail.payload };
  const why = detail.message;
  if (detail.notFound) return { ok: false, said: TEST.notFound(id, host, why) };
  if (status === 401 || status === 403) {
    if (shape.refused === 'app-password') {
      const cred = l.credentials[host];
      return {
        ok: false,
        said: cred ? TEST.badCredentials(host, cred.username, why) : TEST.noCredentials(host, why),
      };
    }
    return { ok: false, said: TEST.signIn(label, host, why) };
  }
  return { ok: false, said: TEST.readFailed(host, why) };
}

/** The assignments in effect, managed ones marked locked. */
export function assignmentEntries(l: Loaded): AssignmentEntry[] {
  const { config, locks } = l.eff;
  return config.assignments.map((a) => ({
    host: a.host,
    helpdesk: a.helpdesk,
    policyId: a.policyId,
    ...(a.mapping ? { mapping: a.mapping as HostMapping } : {}),
    ...(locks.assignments[a.host] ? { locked: 'managed' as const } : {}),
  }));
}
