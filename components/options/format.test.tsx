import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { getBuiltinPolicy } from '../../policies';
import { sourcePlace } from './format';
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
