import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OptionsApp } from '../OptionsApp';
import { testActions, testModel } from '../../../tests/support/options';

afterEach(cleanup);

describe('the customer field of an assignment (the service report’s customer)', () => {
  it('saves a Zendesk custom field as where the customer comes from', () => {
    const actions = testActions();
    render(<OptionsApp model={testModel()} actions={actions} />);
    fireEvent.click(screen.getByRole('button', { name: 'Edit mapping: mextra.zendesk.com' }));
    const group = screen.getByRole('group', { name: 'Customer' });
    fireEvent.change(within(group).getByLabelText('Customer: Tier comes from'), {
      target: { value: 'custom-field' },
    });
    fireEvent.input(within(group).getByLabelText('Customer: custom field'), {
      target: { value: '360000009' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(actions.saveAssignment).toHaveBeenCalledWith(
      expect.objectContaining({ mapping: { customerField: { from: 'custom-field', id: '360000009' } } }),
      'mextra.zendesk.com',
    );
  });

  it('shows the stored one, and "not used" takes it away (the helpdesk’s own customer again), in Dutch too', () => {
    const model = testModel({ language: 'nl' });
    const actions = testActions();
    const first = model.assignments[0]!;
    model.assignments[0] = { ...first, mapping: { customerField: { from: 'tag', prefix: 'klant_' } } };
    render(<OptionsApp model={model} actions={actions} />);
    fireEvent.click(screen.getByRole('button', { name: `Koppeling bewerken: ${first.host}` }));
    const group = screen.getByRole('group', { name: 'Klant' });
    expect((within(group).getByLabelText('Klant: tagvoorvoegsel') as HTMLInputElement).value).toBe('klant_');
    expect(screen.getByText(/waar het servicerapport de klant vandaan haalt/)).toBeTruthy();
    fireEvent.change(within(group).getByRole('combobox'), { target: { value: 'none' } });
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    const saved = vi.mocked(actions.saveAssignment).mock.calls[0]![0];
    expect(saved.mapping).toBeUndefined(); // nothing mapped is left: the helpdesk's own customer
  });
});
