/**
 * The options page's callbacks: each view action becomes one message to the background (which
 * validates it and does the work), and a successful change reloads the model. No zod and no engine
 * here (options bundle budget): only types cross from the background.
 *
 * Permissions: the views call `addHost`, `previewImport` (URL) and `confirmTeamImport` synchronously
 * inside the click/submit, and each of them calls `permissions.request` FIRST, before any await, so
 * the browser still sees the user gesture.
 */
import type {
  ActionResult,
  HelpdeskKind,
  ImportResult,
  OptionsCallbacks,
  TeamConfigPlan,
  TeamConfigResult,
  TicketTestResult,
} from '../../messaging/options';
import type { Request, ResponseOf } from '../../messaging/protocol';
import type { Reply } from '../../messaging/router';
import { checkPolicyUrl } from '../../config/importPolicy';
import { originPattern } from '../../config/hosts';

export interface PageDeps {
  send<M extends Request>(message: M): Promise<Reply<ResponseOf<M['type']>>>;
  /** `browser.permissions.request`; must be called synchronously within the gesture. */
  requestPermissions(request: { origins?: string[]; permissions?: string[] }): Promise<boolean>;
  /** Chrome registers self-hosted content scripts with the optional `scripting` permission; Firefox needs none. */
  needsScripting: boolean;
  /** Loads the model again and re-renders (after a successful change). */
  reload(): Promise<void>;
}

const failed = (message: string): ActionResult => ({ ok: false, message });
const importFailed = (message: string): ImportResult => ({
  ok: false,
  warnings: [],
  errors: [{ code: 'fetch', path: '(root)', message }],
});

export function createCallbacks(deps: PageDeps): OptionsCallbacks {
  /** A change: the background's ActionResult, then the model again when it worked. */
  const change = async <M extends Request>(message: M): Promise<ActionResult> => {
    const reply = await deps.send(message);
    if (!reply.ok) return failed(reply.error);
    const result = reply.data as ActionResult;
    if (result.ok) await deps.reload();
    return result;
  };
  const ask = async <M extends Request, F>(
    message: M,
    onError: (e: string) => F,
  ): Promise<ResponseOf<M['type']> | F> => {
    const reply = await deps.send(message);
    return reply.ok ? reply.data : onError(reply.error);
  };
  /** What a team preview was made from; confirm sends the file again, never the plan. */
  const teamPreviews = new WeakMap<TeamConfigPlan, { text: string; source: string; token: string }>();
  const safely = <T>(request: () => Promise<boolean>): Promise<boolean | T> => request().catch(() => false);

  return {
    previewImport(input) {
      if (input.kind === 'url') {
        const checked = checkPolicyUrl(input.url);
        if (!checked.ok) return Promise.resolve(importFailed(checked.message));
        // First thing in the submit: the optional host permission for this one origin.
        const granted = safely(() => deps.requestPermissions({ origins: [checked.originPattern] }));
        return granted.then((g) =>
          g
            ? ask(
                { type: 'ui-bg:options-preview-import', input: { kind: 'url', url: checked.url } },
                importFailed,
              )
            : importFailed(`permission to read ${new URL(checked.url).host} was not granted`),
        );
      }
      return ask({ type: 'ui-bg:options-preview-import', input }, importFailed);
    },
    confirmImport: (plan) =>
      change({
        type: 'ui-bg:options-confirm-import',
        plan: {
          ok: true,
          id: plan.id,
          json: plan.json,
          base: plan.base,
          ...(plan.source !== undefined ? { source: plan.source } : {}),
        },
      }),
    duplicatePolicy: (id) => ask({ type: 'ui-bg:options-duplicate', id }, importFailed),
    setBuiltinDisabled: (id, disabled) =>
      change({ type: 'ui-bg:options-set-builtin-disabled', id, disabled }),
    removePolicy: (id) => change({ type: 'ui-bg:options-remove-policy', id }),
    saveAssignment: (assignment, previousHost) =>
      change({
        type: 'ui-bg:options-save-assignment',
        assignment,
        ...(previousHost !== undefined ? { previousHost } : {}),
      }),
    removeAssignment: (host) => change({ type: 'ui-bg:options-remove-assignment', host }),
    testTicket: (host, mapping, input) =>
      ask(
        { type: 'ui-bg:options-test-ticket', host, mapping: mapping as Record<string, unknown>, input },
        (message): TicketTestResult => ({ ok: false, message }),
      ),
    addHost(entry: { host: string; helpdesk: HelpdeskKind }) {
      // First thing in the submit (user gesture): the host, plus `scripting` on Chrome.
      const granted = safely(() =>
        deps.requestPermissions({
          origins: [originPattern(entry.host)],
          ...(deps.needsScripting ? { permissions: ['scripting'] } : {}),
        }),
      );
      return granted.then((g) =>
        g
          ? change({ type: 'ui-bg:options-add-host', host: entry.host, helpdesk: entry.helpdesk })
          : failed(`permission for ${entry.host} was not granted; nothing was added`),
      );
    },
    removeHost: (host) => change({ type: 'ui-bg:options-remove-host', host }),
    saveCredentials: (host, username, password) =>
      change({ type: 'ui-bg:options-save-credentials', host, username, password }),
    clearCredentials: (host) => change({ type: 'ui-bg:options-clear-credentials', host }),
    deleteQuarantined: (id) => change({ type: 'ui-bg:options-delete-quarantined', id }),
    clearHistory: () => change({ type: 'ui-bg:options-clear-history' }),
    exportTeamConfig: async () => {
      const reply = await deps.send({ type: 'ui-bg:options-export-team' });
      if (!reply.ok) throw new Error(reply.error);
      return reply.data;
    },
    async previewTeamImport(text, source) {
      const reply = await deps.send({ type: 'ui-bg:options-preview-team', text, source });
      if (!reply.ok)
        return { ok: false, errors: [{ path: '(root)', message: reply.error }] } as TeamConfigResult;
      const { result, token } = reply.data;
      if (result.ok) teamPreviews.set(result, { text, source, token });
      return result;
    },
    confirmTeamImport(plan) {
      const origins = plan.permissionOrigins;
      // First thing in the click: permissions for the new self-hosted hosts the file brings.
      const granted = origins.length
        ? safely(() =>
            deps.requestPermissions({
              origins,
              ...(deps.needsScripting ? { permissions: ['scripting'] } : {}),
            }),
          )
        : Promise.resolve(true);
      const from = teamPreviews.get(plan);
      return granted.then((g) => {
        if (!g)
          return failed('the browser permissions for the new hosts were not granted; nothing was imported');
        if (!from) return failed('check the file again before importing it');
        return change({ type: 'ui-bg:options-confirm-team', ...from });
      });
    },
    savePreferences: (patch) => change({ type: 'ui-bg:options-save-preferences', patch }),
  };
}
