/**
 * The worker's side of the Options page: the page's model, and the dispatch of every
 * `ui-bg:options-*` message to the module of its concern.
 */
import { uiLanguage } from './env';
import type { OptionsModel } from '../messaging/options';
import { MAX_POLICY_BYTES } from '../config/importPolicy';
import type { Request } from '../messaging/protocol';
import { storeInfo } from './registry-store';
import { load } from './options-load';
import { assignmentEntries, removeAssignment, saveAssignment, testTicket } from './assignments';
import {
  confirmImport,
  duplicatePolicy,
  localDate,
  policyEntries,
  previewImport,
  removePolicy,
  schemaUrl,
  setDisabled,
} from './policies';
import { deleteHistory, deleteQuarantined, quarantineModel, savePreferences } from './preferences';
import { addHost, clearCredentials, hostEntries, removeHost, saveCredentials } from './self-hosted';
import { confirmTeam, exportTeam, previewTeam } from './team';

export async function buildOptionsModel(now = Date.now()): Promise<OptionsModel> {
  const l = await load();
  const { preferences, locks } = l.eff;
  const today = localDate(now);
  return {
    language: uiLanguage(preferences),
    policies: policyEntries(l, today),
    assignments: assignmentEntries(l),
    hosts: await hostEntries(l),
    preferences,
    lockedPreferences: locks.preferences,
    lockedBuiltins: locks.builtins,
    managed: { active: l.eff.managed, problems: l.eff.problems },
    storageProblems: l.storageProblems,
    quarantine: quarantineModel(l),
    store: await storeInfo(),
    ...(l.readOnly ? { readOnly: l.readOnly } : {}),
    schemaUrl: schemaUrl(),
    maxPolicyBytes: MAX_POLICY_BYTES,
    today,
  };
}

// ---------------------------------------------------------------------------------------------
// Dispatch (called from handlers.ts for every `ui-bg:options-*` message, already validated)

export type OptionsRequest = Extract<Request, { type: `ui-bg:options-${string}` }>;

export function isOptionsRequest(message: Request): message is OptionsRequest {
  return message.type.startsWith('ui-bg:options-');
}

export function handleOptions(message: OptionsRequest): Promise<unknown> {
  switch (message.type) {
    case 'ui-bg:options-model':
      return buildOptionsModel();
    case 'ui-bg:options-preview-import':
      return previewImport(message.input);
    case 'ui-bg:options-confirm-import':
      return confirmImport(message.plan);
    case 'ui-bg:options-duplicate':
      return duplicatePolicy(message.id);
    case 'ui-bg:options-set-builtin-disabled':
      return setDisabled(message.id, message.disabled);
    case 'ui-bg:options-remove-policy':
      return removePolicy(message.id);
    case 'ui-bg:options-save-assignment':
      return saveAssignment(message.assignment, message.previousHost);
    case 'ui-bg:options-remove-assignment':
      return removeAssignment(message.host);
    case 'ui-bg:options-test-ticket':
      return testTicket(message.host, message.mapping, message.input);
    case 'ui-bg:options-add-host':
      return addHost(message.host, message.helpdesk);
    case 'ui-bg:options-remove-host':
      return removeHost(message.host);
    case 'ui-bg:options-save-credentials':
      return saveCredentials(message.host, message.username, message.password);
    case 'ui-bg:options-clear-credentials':
      return clearCredentials(message.host);
    case 'ui-bg:options-export-team':
      return exportTeam();
    case 'ui-bg:options-preview-team':
      return previewTeam(message.text, message.source);
    case 'ui-bg:options-confirm-team':
      return confirmTeam(message.text, message.source, message.token);
    case 'ui-bg:options-save-preferences':
      return savePreferences(message.patch);
    case 'ui-bg:options-delete-quarantined':
      return deleteQuarantined(message.id);
    case 'ui-bg:options-clear-history':
      return deleteHistory();
  }
}
