/** Options → team rollout: one file with policies, assignments, hosts and preferences, out and in. */
import type { ActionResult } from '../messaging/options';
import { fingerprint } from '../config/importPolicy';
import { exportTeamConfig, planTeamConfigImport, type TeamConfigResult } from '../config/teamConfig';
import { configItem, preferencesItem } from '../storage/items';
import { BUILTIN_JSON, validatorForImport } from './state';
import { syncHostScripts } from './content-scripts';
import { load, commit, exclusive, ok, fail, notifyHelpdeskTabs, type Loaded } from './options-load';

export async function exportTeam(now = Date.now()): Promise<{ fileName: string; text: string }> {
  const l = await load();
  const f = exportTeamConfig(l.local, l.localPreferences, new Date(now).toISOString(), l.eff.locks);
  return { fileName: f.fileName, text: f.text };
}

/** The stored state a team plan is made against; confirm refuses when it changed since the preview. */
function teamToken(l: Loaded): string {
  return fingerprint({ config: l.local, preferences: l.localPreferences, locks: l.eff.locks });
}

function planTeam(l: Loaded, text: string, source: string, importedAt: string): TeamConfigResult {
  return planTeamConfigImport(text, {
    config: l.local,
    preferences: l.localPreferences,
    builtins: BUILTIN_JSON,
    validate: validatorForImport,
    locks: l.eff.locks,
    importedAt,
    source,
  });
}

export async function previewTeam(
  text: string,
  source: string,
): Promise<{ result: TeamConfigResult; token: string }> {
  const l = await load();
  return { result: planTeam(l, text, source, new Date().toISOString()), token: teamToken(l) };
}

export function confirmTeam(text: string, source: string, token: string): Promise<ActionResult> {
  return exclusive(async () => {
    const l = await load();
    if (teamToken(l) !== token)
      return fail(
        'the configuration changed after the preview was made; check the file again to see the current summary',
      );
    // Planned again from the file itself: nothing the page sends is stored unchecked.
    const plan = planTeam(l, text, source, new Date().toISOString());
    if (!plan.ok) return fail('the file is not valid; nothing was imported', plan.errors);
    await commit(l, [
      { item: configItem, value: plan.config },
      { item: preferencesItem, value: plan.preferences },
    ]);
    await syncHostScripts();
    void notifyHelpdeskTabs();
    return ok();
  });
}
