/** Options → hosts: helpdesks on the organisation's own domain, their permission, content script and credentials. */
import { HELPDESKS, HELPDESK_IDS, helpdeskLabel, type HelpdeskId } from '../helpdesks/catalog';
import type { ActionResult, HostEntryModel } from '../messaging/options';
import { helpdeskOfHost, isBuiltinHost, normaliseHost, originPattern, upsertHost } from '../config/hosts';
import { configItem } from '../storage/items';
import { deleteCredential, putCredential } from '../storage/secrets';
import { hostPermissionGranted, registerHostScript, unregisterHostScript } from './content-scripts';
import {
  commit,
  exclusive,
  fail,
  load,
  LOCKED,
  notifyHelpdeskTabs,
  ok,
  refuseReadOnly,
  writeConfig,
} from './options-load';
import type { Loaded } from './options-load';

export function addHost(host: string, helpdesk: HelpdeskId): Promise<ActionResult> {
  return exclusive(async () => {
    const n = normaliseHost(host, helpdesk);
    if (!n.ok) return fail(n.message);
    const entry = n.entry;
    const l = await load();
    if (l.eff.locks.selfHosted[entry.host]) return fail(`${entry.host} is ${LOCKED}`);
    if (!(await hostPermissionGranted(entry.host)))
      return fail(`permission for ${entry.host} was not granted; nothing was added`);
    try {
      await registerHostScript(entry);
    } catch (e) {
      return fail(e instanceof Error ? e.message : String(e));
    }
    try {
      await writeConfig(l, { ...l.local, selfHosted: upsertHost(l.local.selfHosted, entry) });
    } catch (e) {
      await unregisterHostScript(entry.host);
      throw e;
    }
    return ok();
  });
}

export function removeHost(host: string): Promise<ActionResult> {
  return exclusive(async () => {
    const l = await load();
    if (l.eff.locks.selfHosted[host]) return fail(`${host} is ${LOCKED}`);
    if (isBuiltinHost(host)) return fail(`${host} is always supported and cannot be removed`);
    // The host first, then its password (another store): a worker stopped in between leaves an
    // unused password for a host that is gone, never a host whose password vanished.
    await commit(l, [
      {
        item: configItem,
        value: { ...l.local, selfHosted: l.local.selfHosted.filter((h) => h.host !== host) },
      },
    ]);
    if (l.credentials[host]) await deleteCredential(host);
    await unregisterHostScript(host);
    try {
      await browser.permissions.remove({ origins: [originPattern(host)] });
    } catch {
      /* not granted (any more) */
    }
    void notifyHelpdeskTabs();
    return ok();
  });
}

export function saveCredentials(host: string, username: string, password: string): Promise<ActionResult> {
  return exclusive(async () => {
    const l = await load();
    const helpdesk = helpdeskOfHost(host, l.eff.config.selfHosted);
    if (!helpdesk || HELPDESKS[helpdesk].auth !== 'session-or-app-password') {
      const takers = HELPDESK_IDS.filter((id) => HELPDESKS[id].auth === 'session-or-app-password');
      return fail(
        `${host} is not a ${takers.map(helpdeskLabel).join(' or ')} host of this configuration: application passwords are kept only for those`,
      );
    }
    refuseReadOnly(l);
    await putCredential(host, { username, password });
    return ok();
  });
}

export function clearCredentials(host: string): Promise<ActionResult> {
  return exclusive(async () => {
    const l = await load();
    if (!l.credentials[host]) return ok();
    refuseReadOnly(l);
    await deleteCredential(host);
    return ok();
  });
}

/** The self-hosted helpdesks with their permission and whether a password is stored (never the password). */
export function hostEntries(l: Loaded): Promise<HostEntryModel[]> {
  const { config, locks } = l.eff;
  return Promise.all(
    config.selfHosted.map(async (h): Promise<HostEntryModel> => {
      const cred = l.credentials[h.host];
      return {
        host: h.host,
        helpdesk: h.helpdesk,
        granted: await hostPermissionGranted(h.host),
        // The password itself never leaves the background.
        hasPassword: Boolean(cred),
        ...(cred ? { username: cred.username } : {}),
        ...(locks.selfHosted[h.host] ? { locked: 'managed' as const } : {}),
      };
    }),
  );
}
