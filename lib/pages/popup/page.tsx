/**
 * The popup page shell: asks the background for the queue model, renders `Popup`, ticks `now` every
 * second, asks again every 500 ms while a queue refresh runs and whenever storage changes, asks for
 * compliance while its tab is shown, and turns exports into downloads. No zod here (popup budget):
 * messages are typed, the background validates them.
 *
 * Performance marks (read by the e2e suite): `popup-model-received`, `popup-first-render` (the first
 * render with tickets: counts and the top of the queue) and `popup-all-rows` (every row rendered).
 */
import { signal } from '@preact/signals';
import { render } from 'preact';
import { offerDownload, UTF8_BOM } from '../../dom/download';
import type { ComplianceModel, PopupModel } from '../../messaging/popup';
import type { Summary } from '../../queue/rows';
import { Popup, type PopupTab } from '../../../components/popup/Popup';
import { strings, type Lang } from '../../../components/popup/strings';
import { untilWorkerAnswers } from '../../background/env';
import { send } from '../../messaging/client';
import { SNAPSHOT_KEY, usableSnapshot } from './snapshot';

const TAB_KEY = 'sla-popup-tab';
const BREAKDOWN_KEY = 'sla-popup-breakdown';
export const FIRST_RENDER_MARK = 'popup-first-render';
export const ALL_ROWS_MARK = 'popup-all-rows';

/** A CSV string as a file download (UTF-8 with a byte order mark, so spreadsheets read accents). */
export function download(file: { filename: string; csv: string }): void {
  offerDownload(file.filename, [UTF8_BOM, file.csv], 'text/csv;charset=utf-8');
}

export function startPopupPage(root: HTMLElement): void {
  performance.mark('popup-start');
  const now = signal(Date.now());
  let model: PopupModel | null = null;
  /** While only the snapshot is shown: the whole queue's size and counts. */
  let partial: { total: number; summary: Summary } | null = null;
  let compliance: ComplianceModel | null = null;
  let error: string | null = null;
  /** Why the last "open this ticket" failed (shown until the next open). */
  let openError: string | null = null;
  // Until the worker says which language the agent chose: the browser's UI language, as the worker
  // decides without a preference (only "Loading…" needs it).
  const pageLang: Lang = untilWorkerAnswers();
  let marked = false;
  let markedAll = false;
  let loading: Promise<void> | null = null;
  let poll: ReturnType<typeof setTimeout> | undefined;
  const savedTab = localStorage.getItem(TAB_KEY);
  let tab: PopupTab = savedTab === 'compliance' ? 'compliance' : 'queue';
  const initialTab = tab;
  // Folded unless the lead unfolded it: unfolded, it pushed the first ticket to the bottom of the popup.
  let breakdownOpen = localStorage.getItem(BREAKDOWN_KEY) === 'open';

  const draw = () => {
    root.dataset.state = model ? (partial ? 'partial' : 'ready') : error ? 'error' : 'loading';
    if (!model) {
      const t = strings[pageLang];
      render(
        <main class="sla-popup" lang={pageLang}>
          <p role={error ? 'alert' : 'status'}>{error ? t.noAnswer(error) : t.loading}</p>
        </main>,
        root,
      );
      return;
    }
    document.documentElement.lang = model.language;
    document.title = strings[model.language].title;
    render(
      <Popup
        model={model}
        partial={partial}
        compliance={compliance}
        now={now}
        initialTab={initialTab}
        onTabChange={(next) => {
          tab = next;
          localStorage.setItem(TAB_KEY, next);
          if (next === 'compliance') void reloadCompliance();
        }}
        openError={openError}
        onOpen={({ key }) => {
          openError = null;
          void send({ type: 'ui-bg:popup-open', key }).then((r) => {
            openError = r.ok ? null : r.error;
            draw();
          });
        }}
        onRefresh={() => void send({ type: 'ui-bg:popup-refresh' }).then(() => reload())}
        onLoadHistory={() => void send({ type: 'ui-bg:popup-load-history' }).then(() => reload())}
        onPeriodChange={(period) =>
          void send({ type: 'ui-bg:popup-period', period }).then((r) =>
            r.ok ? showCompliance(r.data) : failCompliance(r.error),
          )
        }
        breakdownOpen={breakdownOpen}
        onBreakdownToggle={(open) => {
          breakdownOpen = open;
          localStorage.setItem(BREAKDOWN_KEY, open ? 'open' : 'closed');
        }}
        onRowsRendered={(count, total) => {
          if (!markedAll && total > 0 && count === total) {
            markedAll = true;
            performance.mark(ALL_ROWS_MARK);
          }
        }}
        onExport={download}
        onOpenOptions={() => void browser.runtime.openOptionsPage()}
      />,
      root,
    );
    root.dataset.rows = String(partial ? partial.total : model.rows.length);
    root.dataset.refreshing = String(model.refresh.running);
    // Preact renders synchronously: the rows are in the DOM now.
    if (!marked && model.rows.length > 0) {
      marked = true;
      performance.mark(FIRST_RENDER_MARK);
    }
  };

  const show = (next: PopupModel) => {
    if (!model || partial) performance.mark('popup-model-received');
    // A refresh just ended (a history read changes compliance and when it was read).
    const ended = !!model && model.refresh.running && !next.refresh.running;
    model = next;
    partial = null;
    now.value = Date.now();
    draw();
    clearTimeout(poll);
    if (next.refresh.running) poll = setTimeout(() => void reload(), 500);
    if (ended && tab === 'compliance') void reloadCompliance();
  };

  const showCompliance = (next: ComplianceModel) => {
    compliance = next;
    if (model) draw();
  };

  const failCompliance = (why: string) =>
    showCompliance({
      period: compliance?.period ?? { kind: 'this-month' },
      report: null,
      error: why,
      vocabulary: compliance?.vocabulary ?? {},
      historyLoadedAt: compliance?.historyLoadedAt ?? null,
    });

  let loadingCompliance: Promise<void> | null = null;
  const reloadCompliance = (): Promise<void> => {
    loadingCompliance ??= send({ type: 'ui-bg:popup-compliance' })
      .then((reply) => {
        if (reply.ok) showCompliance(reply.data);
        else failCompliance(reply.error);
      })
      .finally(() => {
        loadingCompliance = null;
      });
    return loadingCompliance;
  };

  const reload = (): Promise<void> => {
    loading ??= send({ type: 'ui-bg:popup-model' })
      .then((reply) => {
        if (reply.ok) show(reply.data);
        else if (!model) {
          error = reply.error;
          draw();
        }
      })
      .finally(() => {
        loading = null;
      });
    return loading;
  };

  /**
   * The worker's snapshot paints the top of the queue first. True when it did: the full model is then
   * asked for after that paint, so building it does not compete with the first paint for the CPU.
   */
  const showSnapshot = async (): Promise<boolean> => {
    // Usually already on its way: public/popup-early.js started the read while the page loaded.
    const early = (globalThis as { __slaPopupSnapshot?: Promise<Record<string, unknown>> })
      .__slaPopupSnapshot;
    const stored = await (early ?? browser.storage.session?.get(SNAPSHOT_KEY));
    const snap = usableSnapshot(stored?.[SNAPSHOT_KEY], Date.now());
    if (!snap || model) return false;
    performance.mark('popup-snapshot-received');
    model = {
      language: snap.language,
      timeZone: snap.timeZone,
      hasAssignments: snap.hasAssignments,
      ...(snap.configUnreadable === true ? { configUnreadable: true } : {}),
      rows: snap.rows,
      refresh: {
        kind: 'queue',
        running: false,
        progress: null,
        lastRefreshAt: snap.lastRefreshAt,
        errors: [],
      },
    };
    partial = { total: snap.total, summary: snap.summary };
    now.value = Date.now();
    draw();
    return true;
  };

  draw();
  void showSnapshot()
    .catch(() => false)
    .then((shown) => (shown ? setTimeout(() => void reload(), 0) : void reload()));
  if (tab === 'compliance') void reloadCompliance();
  setInterval(() => {
    now.value = Date.now();
  }, 1000);
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Compliance is recomputed when what it counts changes, not on every refresh progress beat.
  let complianceStale = false;
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' && area !== 'managed') return;
    if (area === 'managed' || Object.keys(changes).some((k) => !k.startsWith('queueState')))
      complianceStale = true;
    clearTimeout(timer);
    timer = setTimeout(() => {
      void reload();
      if (tab === 'compliance' && complianceStale) void reloadCompliance();
      complianceStale = false;
    }, 150);
  });
}
