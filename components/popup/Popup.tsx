/**
 * The team-lead popup: tabs Queue / Compliance. A view only — props in, callbacks out, no browser APIs
 * and no clocks: the page ticks `now` and talks to the background.
 */
import type { ReadonlySignal } from '@preact/signals';
import { useRef, useState } from 'preact/hooks';
import { ComplianceView } from './ComplianceView';
import type { ComplianceModel, CompliancePeriod, PopupModel } from '../../lib/messaging/popup';
import type { Summary } from '../../lib/queue/rows';
import { QueueList } from './QueueList';
import { RefreshBar } from './RefreshBar';
import { WatchLine } from './WatchLine';
import { strings } from './strings';
import { SummaryCounts } from './SummaryCounts';

export type PopupTab = 'queue' | 'compliance';

export interface PopupProps {
  model: PopupModel;
  /**
   * Set while `model.rows` is only the top of the queue (the worker's snapshot): the whole queue's
   * size and counts. Filters and export wait for the full model.
   */
  partial?: { total: number; summary: Summary } | null;
  /** Compliance for the chosen period; null until the background has computed it. */
  compliance: ComplianceModel | null;
  /** Epoch ms, ticked by the page (e.g. every second); countdowns follow it. */
  now: ReadonlySignal<number>;
  /** Focus the ticket's tab or open it (queue rows and compliance breaches). */
  onOpen: (target: { key: string; link: string }) => void;
  /** Why the last ticket could not be opened; shown as an alert. */
  openError?: string | null;
  onRefresh: () => void;
  /** Read the chosen compliance period's finished tickets from the helpdesks. */
  onLoadHistory: () => void;
  onPeriodChange: (period: CompliancePeriod) => void;
  /** Save a CSV (the page turns it into a download). */
  onExport: (file: { filename: string; csv: string }) => void;
  onOpenOptions: () => void;
  initialTab?: PopupTab;
  onTabChange?: (tab: PopupTab) => void;
  /** Whether the queue's per-policy breakdown starts unfolded (default: folded), and its fold changes. */
  breakdownOpen?: boolean;
  onBreakdownToggle?: (open: boolean) => void;
  /** After each queue render: rows in the DOM out of the rows shown (they are rendered in chunks). */
  onRowsRendered?: (count: number, total: number) => void;
}

const TABS: PopupTab[] = ['queue', 'compliance'];

export function Popup(props: PopupProps) {
  const { model, now } = props;
  const lang = model.language;
  const t = strings[lang];
  const [tab, setTab] = useState<PopupTab>(props.initialTab ?? 'queue');
  const tabRefs = useRef<Record<PopupTab, HTMLButtonElement | null>>({ queue: null, compliance: null });
  const select = (next: PopupTab, focus = false) => {
    setTab(next);
    props.onTabChange?.(next);
    if (focus) tabRefs.current[next]?.focus();
  };
  const onTabKey = (e: KeyboardEvent) => {
    const i = TABS.indexOf(tab);
    const next =
      e.key === 'ArrowRight'
        ? TABS[(i + 1) % TABS.length]
        : e.key === 'ArrowLeft'
          ? TABS[(i + TABS.length - 1) % TABS.length]
          : e.key === 'Home'
            ? TABS[0]
            : e.key === 'End'
              ? TABS[TABS.length - 1]
              : undefined;
    if (next) {
      e.preventDefault();
      select(next, true);
    }
  };

  return (
    <main class="sla-popup" lang={lang}>
      <header>
        <h1>{t.title}</h1>
        <div role="tablist" aria-label={t.title} onKeyDown={onTabKey}>
          {TABS.map((id) => (
            <button
              key={id}
              ref={(el) => {
                tabRefs.current[id] = el;
              }}
              type="button"
              role="tab"
              id={`tab-${id}`}
              aria-selected={tab === id}
              aria-controls={`panel-${id}`}
              tabIndex={tab === id ? 0 : -1}
              onClick={() => select(id)}
            >
              {t.tabs[id]}
            </button>
          ))}
        </div>
      </header>
      {props.openError && (
        <p class="open-error" role="alert">
          {t.queue.openFailed(props.openError)}
        </p>
      )}
      {!model.hasAssignments && model.configUnreadable ? (
        <section class="empty-state" role="alert">
          <h2>{t.configUnreadable.title}</h2>
          <p>{t.configUnreadable.body}</p>
          <button type="button" onClick={props.onOpenOptions}>
            {t.noPolicy.button}
          </button>
        </section>
      ) : !model.hasAssignments ? (
        <section class="empty-state" role="note">
          <h2>{t.noPolicy.title}</h2>
          <p>{t.noPolicy.body}</p>
          <button type="button" onClick={props.onOpenOptions}>
            {t.noPolicy.button}
          </button>
        </section>
      ) : tab === 'queue' ? (
        <div role="tabpanel" id="panel-queue" aria-labelledby="tab-queue">
          <SummaryCounts
            rows={model.rows}
            summary={props.partial?.summary}
            now={now}
            t={t}
            breakdownOpen={props.breakdownOpen}
            onBreakdownToggle={props.onBreakdownToggle}
          />
          <RefreshBar
            refresh={model.refresh}
            onRefresh={props.onRefresh}
            lang={lang}
            timeZone={model.timeZone}
            t={t}
          />
          {model.watch && <WatchLine watch={model.watch} lang={lang} timeZone={model.timeZone} t={t} />}
          <QueueList
            rows={model.rows}
            total={props.partial?.total}
            now={now}
            lang={lang}
            timeZone={model.timeZone}
            t={t}
            onOpen={props.onOpen}
            onExport={props.onExport}
            onRowsRendered={props.onRowsRendered}
          />
        </div>
      ) : (
        <div role="tabpanel" id="panel-compliance" aria-labelledby="tab-compliance">
          {props.compliance ? (
            <ComplianceView
              compliance={props.compliance}
              now={now.peek()}
              lang={lang}
              timeZone={model.timeZone}
              t={t}
              onPeriodChange={props.onPeriodChange}
              onOpenLink={props.onOpen}
              onExport={props.onExport}
              refresh={model.refresh}
              onLoadHistory={props.onLoadHistory}
            />
          ) : (
            <p class="loading" role="status">
              {t.compliance.loading}
            </p>
          )}
        </div>
      )}
    </main>
  );
}
