/**
 * The service report page shell. Reads ?policy=&month=YYYY-MM (or quarter=YYYY-Qn, or from=&to=)
 * &customer=&lang= from its address (lib/report/address.ts), asks the worker for the report
 * (ui-bg:report) and renders components/report; choices go back into the address, so a reload or a
 * shared link shows the same report. No zod here: messages are typed, the background validates them.
 */
import { render } from 'preact';
import type { ReportModel } from '../../messaging/report';
import { ReportView, type ReportRequest } from '../../../components/report/ReportView';
import { readReportAddress, reportAddress } from '../../report/address';
import { untilWorkerAnswers } from '../../background/env';
import { send } from '../../messaging/client';
import { offerDownload, UTF8_BOM } from '../../dom/download';

/** The request the address asks for, and what in it could not be read. */
function fromAddress() {
  const { problems, ...request } = readReportAddress(location.search);
  return { request, problems };
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
        loadingLocale={fromAddress().request.locale ?? untilWorkerAnswers()}
      />,
      root,
    );

  async function load(
    req: Partial<ReportRequest> & { policyId: string | null },
    problems: string[] = [],
  ): Promise<void> {
    performance.mark('report:asked');
    const reply = await send({ type: 'ui-bg:report', ...req });
    performance.mark('report:answered'); // the worker's read and computation, and the message
    if (reply.ok) {
      model = reply.data;
      // What the address asked for but could not be read is said, not silently replaced.
      if (problems.length && !model.error) model = { ...model, error: problems.join(' ') };
      document.documentElement.lang = model.locale;
      history.replaceState(null, '', reportAddress(model));
    } else {
      model = model
        ? { ...model, error: reply.error }
        : {
            policies: [],
            policyId: null,
            period: { kind: 'month', year: 1970, month: 1 },
            // No answer from the worker: its language decision without the preference.
            locale: fromAddress().request.locale ?? untilWorkerAnswers(),
            customer: null,
            uiLanguage: untilWorkerAnswers(),
            timeZone: 'UTC',
            report: null,
            error: reply.error,
            computeMs: 0,
          };
    }
    draw();
    performance.mark('report:drawn');
    root.dataset.ready = 'true';
  }

  draw();
  const { request, problems } = fromAddress();
  void load(request, problems);
}
