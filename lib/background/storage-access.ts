/**
 * Content scripts may use `storage.local` by default, so code in a helpdesk page's content-script
 * world (a compromised renderer) could read the stored application passwords and write forged
 * configuration or tickets (security review #2). This extension's content scripts never touch
 * storage — everything goes through the worker's validated messages — so the worker closes
 * `storage.local` to them at every start: Chromium supports `setAccessLevel` on `local` (checked in
 * Chromium 156, tests/e2e/isolation.spec.ts). Firefox supports it only on `session`, so there
 * content scripts can still read `storage.local` (the README says so) — which is why the passwords
 * are not in it but in the extension origin's IndexedDB, in both browsers (lib/storage/secrets.ts).
 */
export interface AccessLevelArea {
  setAccessLevel?: (options: { accessLevel: 'TRUSTED_CONTEXTS' }) => Promise<void>;
}

export type AccessResult = 'closed' | 'unsupported' | { failed: string };

export async function closeToContentScripts(area: AccessLevelArea | undefined): Promise<AccessResult> {
  if (typeof area?.setAccessLevel !== 'function') return 'unsupported';
  try {
    await area.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
    return 'closed';
  } catch (e) {
    return { failed: e instanceof Error ? e.message : String(e) };
  }
}

/** The browser's own `storage.local` (not the polyfill's wrapper, which may not pass the call on). */
export function nativeLocalArea(): AccessLevelArea | undefined {
  return (globalThis as { chrome?: { storage?: { local?: AccessLevelArea } } }).chrome?.storage?.local;
}

export async function closeLocalStorageToContentScripts(): Promise<AccessResult> {
  const result = await closeToContentScripts(nativeLocalArea());
  if (typeof result === 'object')
    console.warn(`storage.local could not be closed to content scripts: ${result.failed}`);
  return result;
}
