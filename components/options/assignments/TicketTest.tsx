/** "Test with a ticket": a ticket URL or saved API response, mapped and evaluated by the worker. */
import { useState } from 'preact/hooks';
import type { HostMapping, TicketTestResult } from '../../../lib/messaging/options';
import type { Strings } from '../strings';
import { formatFullMoment, zoneName } from '../../../lib/i18n/format';
import { Field, Status } from '../ui';

export function TicketTest({
  host,
  mapping,
  t,
  onTest,
}: {
  host: string;
  mapping: HostMapping;
  t: Strings;
  onTest(host: string, mapping: HostMapping, input: string): Promise<TicketTestResult>;
}) {
  const [input, setInput] = useState('');
  const [result, setResult] = useState<TicketTestResult | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <fieldset class="ticket-test">
      <legend>{t.assign.test}</legend>
      <Field
        id="ticket-test-input"
        label={t.assign.testInput}
        help={t.assign.testHelp}
        error={result && !result.ok ? result.message : null}
      >
        {(a) => (
          <textarea
            {...a}
            rows={4}
            spellcheck={false}
            value={input}
            onInput={(e) => setInput(e.currentTarget.value)}
          />
        )}
      </Field>
      <button
        type="button"
        disabled={busy || !input.trim()}
        onClick={() => {
          setBusy(true);
          onTest(host, mapping, input)
            .then(setResult, (e: unknown) => setResult({ ok: false, message: String(e) }))
            .finally(() => setBusy(false));
        }}
      >
        {t.assign.testRun}
      </button>
      <Status text={busy ? t.working : null} />
      {result?.ok ? (
        <div class="ticket-test-result" aria-live="polite">
          <h3>{t.assign.neutral}</h3>
          <dl>
            {Object.entries(result.ticket)
              .filter(([k]) => k !== 'events')
              .map(([k, v]) => (
                <div key={k}>
                  <dt>{k}</dt>
                  <dd>{String(v)}</dd>
                </div>
              ))}
            {result.ticket.events?.length ? (
              <div>
                <dt>events</dt>
                <dd>
                  <ul>
                    {result.ticket.events.map((ev, i) => (
                      <li key={i}>
                        {ev.at} {ev.type}
                        {ev.type === 'status'
                          ? ` ${ev.status}`
                          : ev.type === 'reply'
                            ? ` ${ev.by}${ev.public ? '' : ' (private)'}`
                            : ev.type === 'priority'
                              ? ` ${ev.priority}`
                              : ''}
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
            ) : null}
          </dl>
          {result.notes?.length ? (
            <ul class="notes">
              {result.notes.map((n, i) => (
                <li key={i}>{n}</li>
              ))}
            </ul>
          ) : null}
          {result.evaluation ? (
            <>
              <h3>{t.assign.deadlines}</h3>
              <dl class="ticket-test-summary">
                {(
                  [
                    [t.assign.policy, result.evaluation.policyName],
                    [t.assign.valueKinds.tier, result.evaluation.tier],
                    [t.assign.testType, result.evaluation.type],
                    [t.assign.valueKinds.priority, result.evaluation.priority ?? '—'],
                    [t.doc.zone, zoneName(result.evaluation.timezone)],
                  ] as const
                ).map(([k, v]) => (
                  <div key={k}>
                    <dt>{k}</dt>
                    <dd>{v}</dd>
                  </div>
                ))}
              </dl>
              <ul class="ticket-test-metrics">
                {(['response', 'resolution'] as const).map((m) => {
                  const r = result.evaluation?.metrics[m];
                  if (!r) return null;
                  const zone = result.evaluation?.timezone ?? 'UTC';
                  const at = (iso: string) => formatFullMoment(Date.parse(iso), t.lang, zone);
                  return (
                    <li key={m}>
                      {t.doc[m]}: {r.targetLabel} — {t.assign.testStates[r.state]}
                      {r.dueAt ? `, ${t.doc.due} ${at(r.dueAt)}` : ''}
                      {r.goalAt ? `; ${t.doc.goal(r.goalPercent ?? 0)} ${at(r.goalAt)}` : ''}
                    </li>
                  );
                })}
              </ul>
              <pre class="explanation">{result.evaluation.explanation}</pre>
            </>
          ) : null}
        </div>
      ) : null}
    </fieldset>
  );
}
