/**
 * The service report page shell. Reads ?policy=&month=YYYY-MM&lang= from its address, asks the
 * worker for the report (ui-bg:report) and renders components/report; choices go back into the address.
 * No zod here: messages are typed, the background validates them.
 */
import { render } from 'preact';
import type { ReportModel } from '../../messaging/report';
import { ReportView, type ReportRequest } from '../../../components/report/ReportView';
import type { ReportPeriod } from '../../report/period';
import { untilWorkerAnswers } from '../../background/env';
import { send } from '../../messaging/client';
import { offerDownload, UTF8_BOM } from '../../dom/download';

function fromAddress(): { policyId: string | null; period?: ReportPeriod; locale?: 'nl' | 'en' } {
  const q = new URLSearchParams(location.search);
  const m = /^(\d{4})-(\d{2})$/.exec(q.get('month') ?? '');
  const lang = q.get('lang');
  return {
    policyId: q.get('policy') || null,
    ...(m ? { period: { kind: 'month' as const, year: Number(m[1]), month: Number(m[2]) } } : {}),
    ...(lang === 'nl' || lang === 'en' ? { locale: lang } : {}),
  };
}

function download(file: { filename: string; mime: string; text: string }): void {
  offerDownload(file.filename, [UTF8_BOM, file.text], `${file.mime};charset=utf-8`);
}

export function startReportPage(root: HTMLElement): void {
  let model: ReportModel | null = null;
  const draw = () =>
    render(
      <ReportView
        model={model}
        onRequest={load}
        onExport={download}
        onPrint={() => window.print()}
        loadingLocale={fromAddress().locale ?? untilWorkerAnswers()}
      />,
      root,
    );

  async function load(req: Partial<ReportRequest> & { policyId: string | null }): Promise<void> {
    const reply = await send({ type: 'ui-bg:report', ...req });
    if (reply.ok) {
      model = reply.data;
      document.documentElement.lang = model.locale;
      const p = model.period;
      const q = new URLSearchParams();
      if (model.policyId) q.set('policy', model.policyId);
      if (p.kind === 'month') q.set('month', `${p.year}-${String(p.month).padStart(2, '0')}`);
      q.set('lang', model.locale);
      history.replaceState(null, '', `?${q.toString()}`);
    } else {
      model = model
        ? { ...model, error: reply.error }
        : {
            policies: [],
            policyId: null,
            period: { kind: 'month', year: 1970, month: 1 },
            // No answer from the worker: its language decision without the preference.
            locale: fromAddress().locale ?? untilWorkerAnswers(),
            uiLanguage: untilWorkerAnswers(),
            timeZone: 'UTC',
            report: null,
            error: reply.error,
            computeMs: 0,
          };
    }
    draw();
    root.dataset.ready = 'true';
  }

  draw();
  void load(fromAddress());
}
