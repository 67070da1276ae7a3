/**
 * The options page shell: loads the model from the background, renders OptionsApp, and renders
 * again whenever the model changes (after an action, or when storage changes in another tab or
 * through managed storage).
 */
import { render } from 'preact';
import { OptionsApp } from '../../../components/options/OptionsApp';
import type { OptionsModel } from '../../messaging/options';
import { send } from '../../messaging/client';
import { strings } from '../../../components/options/strings';
import { SIDEBAR_COMMAND } from '../../background/commands';
import { untilWorkerAnswers } from '../../background/env';
import { createCallbacks } from './callbacks';

export function startOptionsPage(root: HTMLElement): void {
  let model: OptionsModel | null = null;
  let loading: Promise<void> | null = null;
  /** The sidebar command's shortcut (manifest `commands`), as the agent may have rebound it. */
  let sidebarShortcut: string | null = null;

  // Until the worker says which language the admin chose: the browser's UI language, as the worker
  // decides without a preference.
  const pageLang = untilWorkerAnswers();
  const draw = (error?: string) => {
    if (model) {
      document.documentElement.lang = model.language;
      document.title = strings[model.language].title;
      render(<OptionsApp model={model} actions={actions} sidebarShortcut={sidebarShortcut} />, root);
    } else {
      const t = strings[pageLang];
      document.documentElement.lang = pageLang;
      document.title = t.title;
      render(
        <main class="options">
          <h1>{t.title}</h1>
          {error ? (
            <p role="alert" class="error">
              {t.noAnswer(error)}
            </p>
          ) : (
            <p role="status">{t.loading}</p>
          )}
        </main>,
        root,
      );
    }
    root.dataset.state = model ? 'ready' : error ? 'error' : 'loading';
  };

  const reload = (): Promise<void> => {
    loading ??= send({ type: 'ui-bg:options-model' })
      .then((reply) => {
        if (reply.ok) {
          model = reply.data;
          draw();
        } else if (!model) draw(reply.error);
      })
      .finally(() => {
        loading = null;
      });
    return loading;
  };

  const actions = createCallbacks({
    send,
    requestPermissions: (request) => browser.permissions.request(request as never),
    needsScripting: !import.meta.env.FIREFOX,
    reload,
  });

  draw();
  void reload();
  void browser.commands
    ?.getAll()
    .then((all) => {
      sidebarShortcut = all.find((c) => c.name === SIDEBAR_COMMAND)?.shortcut ?? '';
      if (model) draw();
    })
    .catch(() => undefined);
  let timer: ReturnType<typeof setTimeout> | undefined;
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area !== 'local' && area !== 'managed') return;
    clearTimeout(timer);
    timer = setTimeout(() => void reload(), 100);
  });
}
