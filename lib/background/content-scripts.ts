/**
 * Content scripts for self-hosted helpdesks (Options → Hosts), registered at run time for hosts whose
 * optional permission is granted:
 * - Chrome MV3: `scripting.registerContentScripts` (the optional `scripting` permission is requested
 *   together with the host in the Add click). Chrome keeps registrations across restarts; we still
 *   reconcile them with the configuration on every start.
 * - Firefox MV2: `contentScripts.register`, whose registrations die with the background page, so
 *   every start registers them again.
 *
 * The scripts are the same bundles the manifest injects on *.zendesk.com / *.topdesk.net.
 */
import type { ContentScripts } from 'webextension-polyfill';
import { contentScriptFile, HELPDESK_IDS, type HelpdeskId } from '../helpdesks/catalog';
import { contentScriptId, contentScriptRegistration, originPattern, type HostEntry } from '../config/hosts';
import { readEffective } from './state';

/** The built content script of each helpdesk (entrypoints/<id>.content/). */
export const CONTENT_SCRIPT_FILES = Object.fromEntries(
  HELPDESK_IDS.map((id) => [id, contentScriptFile(id)]),
) as Record<HelpdeskId, string>;

/** Every id this module registers starts with this (see `contentScriptId`). */
const ID_PREFIX = 'selfhosted-';

interface ScriptingLike {
  registerContentScripts(scripts: unknown[]): Promise<void>;
  unregisterContentScripts(filter?: { ids?: string[] }): Promise<void>;
  getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<Array<{ id: string }>>;
}

/** Firefox registrations by host: a handle is the only way to unregister one. */
const firefoxHandles = new Map<string, ContentScripts.RegisteredContentScript>();

function scriptingApi(): ScriptingLike | null {
  const s = (browser as unknown as { scripting?: Partial<ScriptingLike> }).scripting;
  return s && typeof s.registerContentScripts === 'function' ? (s as ScriptingLike) : null;
}

function contentScriptsApi(): ContentScripts.Static | null {
  const c = (browser as unknown as { contentScripts?: ContentScripts.Static }).contentScripts;
  return c && typeof c.register === 'function' ? c : null;
}

export async function hostPermissionGranted(host: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [originPattern(host)] });
  } catch {
    return false;
  }
}

/** Registers (or re-registers) the helpdesk's content script for one host. Throws when impossible. */
export async function registerHostScript(entry: HostEntry): Promise<void> {
  const reg = contentScriptRegistration(entry);
  const file = CONTENT_SCRIPT_FILES[entry.helpdesk];
  const scripting = scriptingApi();
  if (!import.meta.env.FIREFOX && scripting) {
    const existing = await scripting.getRegisteredContentScripts({ ids: [reg.id] });
    if (existing.length) await scripting.unregisterContentScripts({ ids: [reg.id] });
    await scripting.registerContentScripts([
      {
        id: reg.id,
        matches: reg.matches,
        allFrames: reg.allFrames,
        js: [file],
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
    return;
  }
  const cs = contentScriptsApi();
  if (cs) {
    await unregisterHostScript(entry.host);
    const handle = await cs.register({
      matches: reg.matches,
      allFrames: reg.allFrames,
      js: [{ file }],
      runAt: 'document_idle',
    });
    firefoxHandles.set(entry.host, handle);
    return;
  }
  throw new Error(
    'content scripts cannot be registered: the "scripting" permission was not granted (add the host again and allow it)',
  );
}

/** Unregisters a host's content script, whatever helpdesk it was registered for. Never throws. */
export async function unregisterHostScript(host: string): Promise<void> {
  const handle = firefoxHandles.get(host);
  if (handle) {
    firefoxHandles.delete(host);
    try {
      await handle.unregister();
    } catch {
      /* already gone with its page */
    }
  }
  const scripting = scriptingApi();
  if (!import.meta.env.FIREFOX && scripting) {
    const ids = HELPDESK_IDS.map((helpdesk) => contentScriptId({ host, helpdesk }));
    try {
      const existing = await scripting.getRegisteredContentScripts({ ids });
      if (existing.length) await scripting.unregisterContentScripts({ ids: existing.map((s) => s.id) });
    } catch {
      /* nothing registered */
    }
  }
}

/** The self-hosted hosts in effect (local + managed). */
async function selfHostedInEffect(): Promise<HostEntry[]> {
  return (await readEffective()).eff.config.selfHosted;
}

export interface SyncReport {
  registered: string[];
  unregistered: string[];
  /** Hosts in the configuration whose permission is not (or no longer) granted. */
  withoutPermission: string[];
  errors: string[];
}

/**
 * Makes the registered content scripts match the configuration: every configured host with its
 * permission granted has its script (for its helpdesk); everything else we registered is removed.
 */
export async function syncHostScripts(): Promise<SyncReport> {
  const report: SyncReport = { registered: [], unregistered: [], withoutPermission: [], errors: [] };
  let hosts: HostEntry[];
  try {
    hosts = await selfHostedInEffect();
  } catch (e) {
    report.errors.push(String(e));
    return report;
  }
  const wanted = new Map<string, HostEntry>();
  for (const h of hosts) {
    if (await hostPermissionGranted(h.host)) wanted.set(contentScriptId(h), h);
    else report.withoutPermission.push(h.host);
  }
  // Remove what is registered but no longer wanted (Chrome keeps registrations across restarts).
  const scripting = import.meta.env.FIREFOX ? null : scriptingApi();
  let present: string[] = [];
  if (scripting) {
    try {
      present = (await scripting.getRegisteredContentScripts())
        .map((s) => s.id)
        .filter((id) => id.startsWith(ID_PREFIX));
    } catch (e) {
      report.errors.push(String(e));
    }
    const stale = present.filter((id) => !wanted.has(id));
    if (stale.length) {
      try {
        await scripting.unregisterContentScripts({ ids: stale });
        report.unregistered.push(...stale);
      } catch (e) {
        report.errors.push(String(e));
      }
    }
  }
  for (const [host, handle] of [...firefoxHandles]) {
    if (![...wanted.values()].some((h) => h.host === host)) {
      firefoxHandles.delete(host);
      await handle.unregister().catch(() => undefined);
      report.unregistered.push(host);
    }
  }
  for (const [id, entry] of wanted) {
    if (present.includes(id)) continue;
    try {
      await registerHostScript(entry);
      report.registered.push(id);
    } catch (e) {
      report.errors.push(`${entry.host}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return report;
}

let syncing: Promise<unknown> = Promise.resolve();
/** Runs syncs one after another (events may arrive together). */
function queueSync(): Promise<SyncReport> {
  const next = syncing.then(syncHostScripts, syncHostScripts);
  syncing = next.catch(() => undefined);
  return next;
}

/**
 * Called once from the background entrypoint, synchronously at start: reconciles the registrations
 * now, and again when permissions change (granted/revoked in the browser's own UI) or when managed
 * storage (the organisation's settings) changes.
 */
export function startHostScripts(): void {
  void queueSync();
  browser.permissions?.onAdded?.addListener(() => void queueSync());
  browser.permissions?.onRemoved?.addListener(() => void queueSync());
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') void queueSync();
  });
}
