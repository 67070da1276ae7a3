import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { getBuiltinPolicy } from '../../policies';
import { durationText, sourcePlace } from './format';
import { PolicyView } from './PolicyView';
import { strings } from './strings';

afterEach(cleanup);

describe('where a contract source is cited', () => {
  const ws = getBuiltinPolicy('workspace365')!;
  it('reads in the policy’s words, not as a JSON path', () => {
    expect(sourcePlace(ws, ['targets', 'incident', '*', 'P1', 'response'], 'en', strings.en)).toBe(
      'Targets: Support ticket · any tier · Priority 1 · Response',
    );
    expect(sourcePlace(ws, ['targets', 'incident', '*', 'P1', 'response'], 'nl', strings.nl)).toBe(
      'Normen: Ondersteuningsticket · elk niveau · Prioriteit 1 · Reactie',
    );
  });

  it('keeps parts it does not know as written', () => {
    expect(sourcePlace(ws, ['somethingNew', 'x'], 'en', strings.en)).toBe('somethingNew / x');
  });
});

describe('the policy document', () => {
  it('reads the contract’s notes in the page’s language', () => {
    const membro = getBuiltinPolicy('membro')!;
    render(<PolicyView policy={membro} holidays={[]} lang="nl" t={strings.nl} />);
    expect(screen.getByText(/^"Volgende werkdag" verloopt bij sluitingstijd/)).toBeTruthy();
    cleanup();
    render(<PolicyView policy={membro} holidays={[]} lang="en" t={strings.en} />);
    expect(screen.getByText(/^"Volgende werkdag" is due at the closing time/)).toBeTruthy();
  });
});

describe('compliance goals in the policy document', () => {
  it('say "more than" for the contract\'s "> 99%" and do not repeat the figure', () => {
    const ws = getBuiltinPolicy('workspace365')!;
    const { container } = render(<PolicyView policy={ws} holidays={[]} lang="en" t={strings.en} />);
    const rows = [...container.querySelectorAll('li')].filter((li) =>
      /of tickets within/.test(li.textContent!),
    );
    expect(rows.map((li) => li.textContent)).toEqual([
      'Priority 1 (P1): more than 99% of tickets within their targets',
      'Priority 2 (P2): more than 90% of tickets within their targets',
    ]);
    cleanup();
    render(<PolicyView policy={ws} holidays={[]} lang="nl" t={strings.nl} />);
    expect(screen.getByText('Prioriteit 1 (P1): meer dan 99% van de tickets binnen de norm')).toBeTruthy();
  });

  it("keep the contract's words when they say more than the figure, in the contract's language", () => {
    const ws = getBuiltinPolicy('workspace365')!;
    const worded = {
      ...ws,
      priorities: ws.priorities.map((p, i) =>
        i === 0 ? { ...p, compliance: { percent: 95, text: 'minimaal 95% per kwartaal' } } : p,
      ),
    };
    const { container } = render(<PolicyView policy={worded} holidays={[]} lang="en" t={strings.en} />);
    const quote = [...container.querySelectorAll('li span[lang]')].find(
      (s) => s.textContent === 'minimaal 95% per kwartaal',
    );
    expect(quote?.getAttribute('lang')).toBe('nl');
    expect(quote?.parentElement?.textContent).toBe(
      'Priority 1 (P1): at least 95% of tickets within their targets — minimaal 95% per kwartaal',
    );
  });
});

describe('durations in the policy document', () => {
  const mextra = getBuiltinPolicy('mextra')!;
  it('use the engine’s words in both languages (one table: "kantooruren", as the sidebar says)', () => {
    const d = { amount: 8, unit: 'business-hours' } as const;
    expect(durationText(d, strings.nl)).toBe('8 kantooruren');
    expect(durationText(d, strings.en)).toBe('8 business hours');
    expect(durationText({ amount: 1, unit: 'business-days' }, strings.nl)).toBe('1 werkdag');
    expect(durationText({ unit: 'next-business-day' }, strings.nl)).toBe('volgende werkdag');
  });

  it('tags the contract’s own citations with the contract’s language on an English page', () => {
    const { container } = render(<PolicyView policy={mextra} holidays={[]} lang="en" t={strings.en} />);
    const cited = [...container.querySelectorAll('.sources li span[lang]')];
    expect(cited.length).toBeGreaterThan(0);
    expect(cited.every((s) => s.getAttribute('lang') === 'nl')).toBe(true);
  });
});
