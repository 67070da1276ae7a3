import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { OptionsApp } from '../OptionsApp';
import { testActions, testModel } from '../../../tests/support/options';
import { draftToMapping, toDraft } from './draft';

afterEach(cleanup);

describe('the outage fields of an assignment', () => {
  it('save a tag and a policy type as the outage selection, trimmed', () => {
    const actions = testActions();
    render(<OptionsApp model={testModel()} actions={actions} />);
    fireEvent.click(screen.getByRole('button', { name: 'Edit mapping: mextra.zendesk.com' }));
    const group = screen.getByRole('group', { name: 'Outage tickets (availability)' });
    fireEvent.input(within(group).getByLabelText('Tag'), { target: { value: ' platform_down ' } });
    fireEvent.change(within(group).getByLabelText('Policy type'), { target: { value: 'incident' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(actions.saveAssignment).toHaveBeenCalledWith(
      {
        host: 'mextra.zendesk.com',
        helpdesk: 'zendesk',
        policyId: 'mextra',
        mapping: { outage: { tag: 'platform_down', type: 'incident' } },
      },
      'mextra.zendesk.com',
    );
  });

  it('show the selection an assignment has, and keep it when other parts are edited', () => {
    const model = testModel();
    const actions = testActions();
    const first = model.assignments[0]!;
    model.assignments[0] = { ...first, mapping: { outage: { field: '360000042', value: 'platform' } } };
    render(<OptionsApp model={model} actions={actions} />);
    fireEvent.click(screen.getByRole('button', { name: `Edit mapping: ${first.host}` }));
    const group = screen.getByRole('group', { name: 'Outage tickets (availability)' });
    expect((within(group).getByLabelText('Field') as HTMLInputElement).value).toBe('360000042');
    expect((within(group).getByLabelText('Value of that field') as HTMLInputElement).value).toBe('platform');
    fireEvent.change(screen.getByLabelText('Tier comes from'), { target: { value: 'ticket-tag' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(actions.saveAssignment).toHaveBeenCalledWith(
      expect.objectContaining({
        mapping: {
          tier: { from: 'ticket-tag', prefix: 'tier_' },
          outage: { field: '360000042', value: 'platform' },
        },
      }),
      first.host,
    );
  });

  it('offer no tag for TOPdesk (no tags there), and speak Dutch', () => {
    render(<OptionsApp model={testModel({ language: 'nl' })} actions={testActions()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Toewijzing toevoegen' }));
    const group = screen.getByRole('group', { name: 'Storingstickets (beschikbaarheid)' });
    expect(within(group).getByLabelText('Tag')).toBeTruthy();
    fireEvent.change(document.getElementById('mapping-helpdesk')!, { target: { value: 'topdesk' } });
    const after = screen.getByRole('group', { name: 'Storingstickets (beschikbaarheid)' });
    expect(within(after).queryByLabelText('Tag')).toBeNull();
    expect(within(after).getByLabelText('Veld')).toBeTruthy();
  });

  it('drop a tag typed for Zendesk when the helpdesk is TOPdesk, and leave out an empty selection', () => {
    const d = toDraft(null, 'mextra');
    const outage = { tag: 'down', type: '', field: '', value: '' };
    expect(draftToMapping({ ...d, helpdesk: 'zendesk', outage })).toEqual({ outage: { tag: 'down' } });
    expect(draftToMapping({ ...d, helpdesk: 'topdesk', outage })).toEqual({});
    expect(draftToMapping(d)).toEqual({});
  });
});
