import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getBuiltinPolicy } from '../../../policies';
import { formatFullMoment } from '../../../lib/i18n/format';
import { evaluate } from '../../../lib/sla';
import { strings } from '../strings';
import { TicketTest } from './TicketTest';

afterEach(cleanup);

const mextra = getBuiltinPolicy('mextra')!;
const ticket = { createdAt: '2026-02-09T09:00:00+01:00', type: 'incident', priority: 'urgent' } as const;
const NOW = Date.parse('2026-02-09T10:00:00+01:00');

function run(lang: 'en' | 'nl', answer: Awaited<ReturnType<Parameters<typeof TicketTest>[0]['onTest']>>) {
  const onTest = vi.fn(() => Promise.resolve(answer));
  render(<TicketTest host="mextra.zendesk.com" mapping={{}} t={strings[lang]} onTest={onTest} />);
  fireEvent.input(screen.getByRole('textbox'), { target: { value: '{"ticket": {}}' } });
  fireEvent.click(screen.getByRole('button'));
  return onTest;
}

describe('the ticket test panel', () => {
  it('shows the priority, each target with its due time in the policy’s zone, and the explanation', async () => {
    const evaluation = evaluate(mextra, ticket, NOW, { locale: 'nl' });
    run('nl', { ok: true, ticket, evaluation, notes: ['gelezen als neutraal ticket'] });
    const resolution = evaluation.metrics.resolution!;
    const due = formatFullMoment(Date.parse(resolution.dueAt!), 'nl', evaluation.timezone);
    expect(
      await screen.findByText(`Oplossing: ${resolution.targetLabel} — Loopt, uiterlijk ${due}`, {
        exact: false,
      }),
    ).toBeTruthy();
    const summary = [...document.querySelectorAll('.ticket-test-summary div')].map((d) => d.textContent);
    expect(summary).toContain('Prioriteiturgent');
    expect(summary).toContain(`Beleid${evaluation.policyName}`);
    expect(screen.getByText('gelezen als neutraal ticket')).toBeTruthy();
    expect(document.querySelector('.explanation')?.textContent).toBe(evaluation.explanation);
  });

  it('ties a refusal to the input, in the words the worker sent', async () => {
    run('en', { ok: false, message: 'the extension has no access to mextra.zendesk.com' });
    await screen.findByText('the extension has no access to mextra.zendesk.com');
    expect(screen.getByRole('textbox').getAttribute('aria-invalid')).toBe('true');
  });
});
