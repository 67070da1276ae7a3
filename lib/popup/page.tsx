/**
 * The popup page shell: asks the background for the model, renders `Popup`, ticks `now` every second,
 * asks again every 500 ms while a queue refresh runs and whenever storage changes, and turns exports
 * into downloads. No zod here (popup budget): messages are typed, the background validates them.
 */
import { signal } from '@preact/signals';
import { render } from 'preact';
import type { PopupModel } from '../../components/popup/model';
import { Popup, type PopupTab } from '../../components/popup/Popup';
import { send } from '../messaging/client';

const TAB_KEY = 'sla-popup-tab';
export const FIRST_RENDER_MARK = 'popup-first-render';

/** A CSV string as a file download (UTF-8 with a byte order mark, so spreadsheets read accents). */
export function download(file: { filename: string; csv: string }): void {
  const url = URL.createObjectURL(new Blob(['\ufeff', file.csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

export function startPopupPage(root: HTMLElement): void {
  const now = signal(Date.now());
  let model: PopupModel | null = null;
  let error: string | null = null;
  let marked = false;
  let loading: Promise<void> | null = null;
  let poll: ReturnType<typeof setTimeout> | undefined;
  const savedTab = localStorage.getItem(TAB_KEY);
  const initialTab: PopupTab = savedTab === 'compliance' ? 'compliance' : 'queue';

  const draw = () => {
    root.dataset.state = model ? 'ready' : error ? 'error' : 'loading';
    if (!model) {
      render(
        <main class="sla-popup">
          <p role={error ? 'alert' : 'status'}>{error ?? 'Loading…'}</p>
        </main>,
        root,
      );
      return;
    }
    document.documentElement.lang = model.language;
    render(
      <Popup
        model={model}
        now={now}
        initialTab={initialTab}
        onTabChange={(tab) => localStorage.setItem(TAB_KEY, tab)}
        onOpen={({ key }) => void send({ type: 'ui-bg:popup-open', key })}
        onRefresh={() => void send({ type: 'ui-bg:popup-refresh' }).then(() => reload())}
        onPeriodChange={(period) =>
          void send({ type: 'ui-bg:popup-period', period }).then((r) => r.ok && show(r.data))
        }
        onExport={download}
        onOpenOptions={() => void browser.runtime.openOptionsPage()}
      />,
      root,
    );
    root.dataset.rows = String(model.rows.length);
    root.dataset.refreshing = String(model.refresh.running);
    // Preact renders synchronously: the rows are in the DOM now.
    if (!marked && model.rows.length > 0) {
      marked = true;
      performance.mark(FIRST_RENDER_MARK);
    }
  };

  const show = (next: PopupModel) => {
    if (!model) performance.mark('popup-model-received');
    model = next;
    now.value = Date.now();
    draw();
    clearTimeout(poll);
    if (next.refresh.running) poll = setTimeout(() => void reload(), 500);
  };

  const reload = (): Promise<void> => {
    loading ??= send({ type: 'ui-bg:popup-model' })
      .then((reply) => {
        if (reply.ok) show(reply.data);
        else if (!model) {
          error = `The extension did not answer: ${reply.error}`;
          draw();
        }
      })
      .finally(() => {
        loading = null;
      });
    return loading;
  };

  draw();
  void reload();
  setInterval(() => {
    now.value = Date.now();
  }, 1000);
  let timer: ReturnType<typeof setTimeout> | undefined;
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area !== 'local' && area !== 'managed') return;
    clearTimeout(timer);
    timer = setTimeout(() => void reload(), 150);
  });
}
