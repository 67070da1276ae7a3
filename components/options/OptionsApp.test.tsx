import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import mextraSeed from '../../policies/mextra.json' with { type: 'json' };
import { validatePolicy } from '../../lib/sla/schema';
import { EMPTY_CONFIG } from '../../lib/storage/schemas';
import { planImport } from '../../lib/config/importPolicy';
import { OptionsApp } from './OptionsApp';
import { testActions, testModel } from '../../tests/support/options';

afterEach(cleanup);

const builtins = { mextra: mextraSeed };
const realPreview = (text: string) =>
  Promise.resolve(planImport(text, { config: EMPTY_CONFIG, builtins, validate: validatePolicy }));

describe('OptionsApp', () => {
  it('shows the six sections in English and in Dutch', () => {
    const { unmount } = render(<OptionsApp model={testModel()} actions={testActions()} />);
    for (const name of [
      'Policies',
      'Import a policy',
      'Assignments & mapping',
      'Self-hosted helpdesks',
      'Team rollout',
      'Preferences',
    ])
      expect(screen.getByRole('heading', { level: 2, name })).toBeTruthy();
    unmount();
    render(<OptionsApp model={testModel({ language: 'nl' })} actions={testActions()} />);
    expect(screen.getByRole('heading', { level: 2, name: 'Toewijzingen & koppeling' })).toBeTruthy();
  });

  it('documents a policy: opening hours, holidays, targets in the contract’s words', () => {
    render(<OptionsApp model={testModel()} actions={testActions()} />);
    const item = screen.getByRole('listitem', { name: /Mextra/ });
    fireEvent.click(within(item).getByRole('button', { name: 'Show details' }));
    expect(within(item).getByText(/Europe\/Amsterdam/)).toBeTruthy();
    expect(within(item).getByRole('row', { name: /Monday 09:00–17:30/ })).toBeTruthy();
    expect(within(item).getByRole('row', { name: /Saturday closed/ })).toBeTruthy();
    expect(within(item).getByText(/King's Day/)).toBeTruthy();
    expect(within(item).getByText('90% goal: 4 business hours; due: 6 business hours')).toBeTruthy();
  });

  it('draws the matrix as a grid and shows best effort in the contract’s words', () => {
    render(<OptionsApp model={testModel()} actions={testActions()} />);
    const item = screen.getByRole('listitem', { name: /Scope4mation/ });
    fireEvent.click(within(item).getByRole('button', { name: 'Show details' }));
    const matrix = within(item).getByRole('columnheader', { name: /U-1/ }).closest('table') as HTMLElement;
    expect(
      within(matrix).getByRole('row', { name: /^I-2 \(select few\) .*\(1\) .*\(2\) .*\(3\)$/ }),
    ).toBeTruthy();
    expect(within(item).getAllByText('Best Effort').length).toBe(6);
  });

  it('shows a stored policy that no longer validates with its problems', () => {
    render(<OptionsApp model={testModel()} actions={testActions()} />);
    const item = screen.getByRole('listitem', { name: /Acme/ });
    expect(within(item).getByText('timezone')).toBeTruthy();
    expect(within(item).queryByRole('button', { name: 'Disable' })).toBeNull();
  });

  it('disables a built-in and removes an imported policy after asking', async () => {
    const actions = testActions();
    const confirm = vi.fn(() => true);
    render(<OptionsApp model={testModel()} actions={actions} confirm={confirm} />);
    fireEvent.click(
      within(screen.getByRole('listitem', { name: /Mextra/ })).getByRole('button', { name: 'Disable' }),
    );
    expect(actions.setBuiltinDisabled).toHaveBeenCalledWith('mextra', true);
    fireEvent.click(
      within(screen.getByRole('listitem', { name: /Acme/ })).getByRole('button', { name: 'Remove' }),
    );
    expect(confirm).toHaveBeenCalledWith('Remove Acme?');
    expect(actions.removePolicy).toHaveBeenCalledWith('acme');
  });

  it('shows managed items locked with their source, and managed problems', () => {
    const model = testModel({
      managed: { active: true, problems: [{ path: 'policies[0]', message: 'not valid' }] },
      lockedPreferences: { language: 'managed' },
      assignments: [
        { host: 'mextra.zendesk.com', helpdesk: 'zendesk', policyId: 'mextra', locked: 'managed' },
      ],
    });
    render(<OptionsApp model={model} actions={testActions()} />);
    expect(screen.getByText(/managed by your organisation/)).toBeTruthy();
    expect(screen.getByText('policies[0]')).toBeTruthy();
    expect((screen.getByLabelText(/^Language/) as HTMLSelectElement).disabled).toBe(true);
    expect(screen.getAllByText(/set by your organisation/).length).toBeGreaterThanOrEqual(2);
    expect(screen.queryByRole('button', { name: 'Edit mapping: mextra.zendesk.com' })).toBeNull();
  });

  it('duplicating a built-in shows the copy as an import preview', async () => {
    const copy = { ...mextraSeed, id: 'mextra-copy', name: 'Mextra (copy)' };
    const actions = testActions({ duplicatePolicy: vi.fn(() => realPreview(JSON.stringify(copy))) });
    render(<OptionsApp model={testModel()} actions={actions} />);
    fireEvent.click(
      within(screen.getByRole('listitem', { name: /Mextra/ })).getByRole('button', {
        name: 'Duplicate as a starting point',
      }),
    );
    expect(await screen.findByText(/Preview: Mextra \(copy\)/)).toBeTruthy();
    expect(screen.getByText('New policy.')).toBeTruthy();
  });
});
