/** Options → preferences and storage: the preferences patch, the quarantine of unreadable values, the history. */
import { z } from 'zod';
import type { ActionResult, QuarantineEntry } from '../messaging/options';
import type { PreferencesPatchSchema } from '../messaging/options';
import { configItem, preferencesItem } from '../storage/items';
import type { QuarantinedElement } from '../storage/validated';
import { deleteCredential } from '../storage/secrets';
import type { Preferences } from '../storage/schemas';
import { clearHistory } from './registry-store';
import { commit, exclusive, fail, load, LOCKED, ok, refuseReadOnly, writePreferences } from './options-load';
import type { Loaded, LocalWrite } from './options-load';

export function savePreferences(patch: z.infer<typeof PreferencesPatchSchema>): Promise<ActionResult> {
  return exclusive(async () => {
    const l = await load();
    const locked = (Object.keys(patch) as Array<keyof Preferences>).filter(
      (k) => patch[k] !== undefined && l.eff.locks.preferences[k],
    );
    if (locked.length) return fail(`${locked.join(', ')} ${locked.length > 1 ? 'are' : 'is'} ${LOCKED}`);
    const next: Preferences = { ...l.localPreferences };
    for (const [k, v] of Object.entries(patch)) if (v !== undefined) (next as Record<string, unknown>)[k] = v;
    await writePreferences(l, next);
    return ok();
  });
}

/** Every quarantined element, stored or found now, for the Options page. */
export function quarantineModel(l: Loaded): QuarantineEntry[] {
  const all = new Map<string, QuarantinedElement & { at?: number }>();
  for (const q of Object.values(l.quarantine)) all.set(q.id, q);
  for (const q of [...l.quarantined, ...l.credentialsQuarantined]) if (!all.has(q.id)) all.set(q.id, q);
  return [...all.values()].map((q) => ({
    id: q.id,
    key: q.key,
    path: q.path,
    message: q.message,
    raw: preview(q.raw),
    ...(q.at !== undefined ? { at: q.at } : {}),
  }));
}

function preview(raw: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(raw) ?? String(raw);
  } catch {
    text = String(raw);
  }
  return text.length > 300 ? `${text.slice(0, 299)}…` : text;
}

/** Deletes a quarantined element for good (and takes it out of its stored value, if still there). */
export function deleteQuarantined(id: string): Promise<ActionResult> {
  return exclusive(async () => {
    const l = await load();
    const credential = l.credentialsQuarantined.find((q) => q.id === id);
    if (credential) {
      // It is its own record in the credential store: deleting it touches nothing else.
      refuseReadOnly(l);
      await deleteCredential(credential.path);
      return ok();
    }
    const known = Object.hasOwn(l.quarantine, id) || l.quarantined.some((q) => q.id === id);
    if (!known) return fail(`nothing kept aside under ${id}`);
    const fromValue = l.quarantined.find((q) => q.id === id)?.key;
    // Writing the readable part of the value takes the element out of it; the rest is kept aside.
    const writes: LocalWrite[] =
      fromValue === 'config'
        ? [{ item: configItem, value: l.local }]
        : fromValue === 'preferences'
          ? [{ item: preferencesItem, value: l.localPreferences }]
          : [];
    await commit(l, writes, [id]);
    return ok();
  });
}

/** Deletes the compliance history and finished tickets. */
export function deleteHistory(): Promise<ActionResult> {
  return exclusive(async () => {
    await clearHistory();
    return ok();
  });
}
