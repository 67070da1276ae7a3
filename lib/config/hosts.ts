/**
 * Self-hosted helpdesk hosts: what an admin types (a URL or a host name) → a normalised host, the
 * optional host permission to request for it, and the content-script match patterns to register.
 * Pure: the entrypoint calls `browser.permissions.request` / `scripting.registerContentScripts` with
 * what these functions return.
 */

import { HELPDESKS, HELPDESK_IDS, type HelpdeskId } from '../helpdesks/catalog';

export type HelpdeskKind = HelpdeskId;

export interface HostEntry {
  host: string;
  helpdesk: HelpdeskKind;
}

export type HostProblemCode =
  'empty' | 'not-https' | 'has-path' | 'has-credentials' | 'has-port' | 'invalid' | 'ip-address' | 'builtin';

export type HostResult =
  { ok: true; entry: HostEntry } | { ok: false; code: HostProblemCode; message: string };

/** Hosts the manifest already covers: these need no optional permission and no registration. */
export const BUILTIN_HOST_SUFFIXES = Object.fromEntries(
  HELPDESK_IDS.map((id) => [id, HELPDESKS[id].hostSuffix]),
) as Record<HelpdeskKind, string>;

const HOST_RE =
  /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;
const IPV4_RE = /^\d{1,3}(\.\d{1,3}){3}$/;

/**
 * Normalises `https://helpdesk.example.nl/tas/secure/login`, `helpdesk.example.nl` or
 * `HelpDesk.Example.NL.` to `helpdesk.example.nl`. Only https origins on the default port are
 * accepted: the permission pattern and the match patterns are per host, and credentials are only
 * ever sent over TLS.
 */
export function normaliseHost(input: string, helpdesk: HelpdeskKind): HostResult {
  const text = input.trim();
  if (!text)
    return {
      ok: false,
      code: 'empty',
      message: 'enter the helpdesk address, e.g. https://helpdesk.example.nl',
    };
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, code: 'invalid', message: `"${text}" is not a web address` };
  }
  if (url.protocol !== 'https:') {
    return {
      ok: false,
      code: 'not-https',
      message: `only https addresses are supported (got ${url.protocol.replace(':', '')})`,
    };
  }
  if (url.username || url.password) {
    return {
      ok: false,
      code: 'has-credentials',
      message: 'leave the user name and password out of the address',
    };
  }
  if (url.port) {
    return {
      ok: false,
      code: 'has-port',
      message: `a port (${url.port}) is not supported: use the standard https port`,
    };
  }
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  if (IPV4_RE.test(host) || host.startsWith('[')) {
    return { ok: false, code: 'ip-address', message: 'use the helpdesk’s host name, not an IP address' };
  }
  if (!HOST_RE.test(host)) {
    return {
      ok: false,
      code: 'invalid',
      message: `"${host}" is not a host name (example: helpdesk.example.nl)`,
    };
  }
  if (isBuiltinHost(host)) {
    return {
      ok: false,
      code: 'builtin',
      message: `${host} is already supported (every *${suffixOf(host)} host is); assign a policy to it under Assignments`,
    };
  }
  return { ok: true, entry: { host, helpdesk } };
}

function suffixOf(host: string): string {
  return Object.values(BUILTIN_HOST_SUFFIXES).find((s) => host.endsWith(s)) ?? '';
}

/**
 * A host for an assignment: any valid host name, built-in (`mextra.zendesk.com`) or self-hosted.
 * Accepts a pasted URL (`https://mextra.zendesk.com/agent/tickets/1`). Null when it is not a host.
 */
export function assignmentHost(input: string): string | null {
  const r = normaliseHost(input, HELPDESK_IDS[0]); // any helpdesk: only the host is kept
  if (r.ok) return r.entry.host;
  if (r.code !== 'builtin') return null;
  const text = input.trim();
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`).hostname
      .toLowerCase()
      .replace(/\.$/, '');
  } catch {
    return null;
  }
}

/** True for `*.zendesk.com` and `*.topdesk.net`, which the manifest's host permissions cover. */
export function isBuiltinHost(host: string): boolean {
  return Object.values(BUILTIN_HOST_SUFFIXES).some((s) => host.endsWith(s));
}

/** The helpdesk a built-in host belongs to, or null for any other host. */
export function builtinHelpdeskOf(host: string): HelpdeskKind | null {
  return HELPDESK_IDS.find((id) => host.endsWith(BUILTIN_HOST_SUFFIXES[id])) ?? null;
}

/** The helpdesk of a host: built in by its SaaS suffix, or one of the configuration's self-hosted hosts. */
export function helpdeskOfHost(
  host: string,
  selfHosted: ReadonlyArray<{ host: string; helpdesk: HelpdeskKind }>,
): HelpdeskKind | null {
  return builtinHelpdeskOf(host) ?? selfHosted.find((h) => h.host === host)?.helpdesk ?? null;
}

/** The optional host permission to request (and revoke) for a self-hosted host. */
export function originPattern(host: string): string {
  return `https://${host}/*`;
}

/** Content-script match patterns for a self-hosted host: the helpdesk's agent pages (Zendesk `/agent/`, TOPdesk `/tas/`). */
export function contentScriptMatches(entry: HostEntry): string[] {
  return [`https://${entry.host}${HELPDESKS[entry.helpdesk].pagePath}`];
}

/**
 * A stable id for the dynamically registered content script of a host, so adding is idempotent and
 * removing unregisters exactly that script.
 */
export function contentScriptId(entry: HostEntry): string {
  return `selfhosted-${entry.helpdesk}-${entry.host}`;
}

/** Everything the entrypoint needs to register a host's content script (`scripting.registerContentScripts`). */
export function contentScriptRegistration(entry: HostEntry): {
  id: string;
  matches: string[];
  allFrames: boolean;
  helpdesk: HelpdeskKind;
} {
  return {
    id: contentScriptId(entry),
    matches: contentScriptMatches(entry),
    // TOPdesk's operator app loads incident cards in frames; Zendesk's workspace is one top document.
    allFrames: HELPDESKS[entry.helpdesk].allFrames,
    helpdesk: entry.helpdesk,
  };
}

/** Adds (or re-kinds) a host in a list, keeping it sorted and free of duplicates. */
export function upsertHost(list: readonly HostEntry[], entry: HostEntry): HostEntry[] {
  return [...list.filter((e) => e.host !== entry.host), entry].sort((a, b) => a.host.localeCompare(b.host));
}

export function removeHost(list: readonly HostEntry[], host: string): HostEntry[] {
  return list.filter((e) => e.host !== host);
}
