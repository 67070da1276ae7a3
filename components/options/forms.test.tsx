import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OptionsApp } from './OptionsApp';
import { testActions, testModel } from '../../tests/support/options';

afterEach(cleanup);

describe('AssignmentsEditor', () => {
  it('"Edit mapping" moves focus into the form it opens, and Cancel brings it back to the button', () => {
    render(<OptionsApp model={testModel()} actions={testActions()} />);
    const edit = screen.getByRole('button', { name: 'Edit mapping: mextra.zendesk.com' });
    fireEvent.click(edit);
    expect(edit.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement?.id).toBe('mapping-host');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: 'Edit mapping: mextra.zendesk.com' }),
    );
  });

  it('saves a host → policy assignment with a tier tag prefix and a status map', async () => {
    const actions = testActions();
    render(<OptionsApp model={testModel()} actions={actions} />);
    fireEvent.click(screen.getByRole('button', { name: 'Edit mapping: mextra.zendesk.com' }));
    fireEvent.change(screen.getByLabelText('Tier comes from'), { target: { value: 'ticket-tag' } });
    const status = screen.getByRole('group', { name: 'Custom statuses' });
    fireEvent.click(within(status).getByRole('button', { name: 'Add row' }));
    fireEvent.input(within(status).getByLabelText('Custom statuses 1: Helpdesk value'), {
      target: { value: 'Waiting for vendor' },
    });
    fireEvent.change(within(status).getByLabelText('Custom statuses 1: Policy value'), {
      target: { value: 'on-hold' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(actions.saveAssignment).toHaveBeenCalledWith(
      {
        host: 'mextra.zendesk.com',
        helpdesk: 'zendesk',
        policyId: 'mextra',
        mapping: {
          tier: { from: 'ticket-tag', prefix: 'tier_' },
          statuses: { 'Waiting for vendor': 'on-hold' },
        },
      },
      'mextra.zendesk.com',
    );
  });

  it('saves the Zendesk hotfix tag and queue view id, taking the id from a pasted view URL', () => {
    const actions = testActions();
    render(<OptionsApp model={testModel()} actions={actions} />);
    fireEvent.click(screen.getByRole('button', { name: 'Edit mapping: mextra.zendesk.com' }));
    fireEvent.input(screen.getByLabelText('Hotfix tag'), { target: { value: ' needs_hotfix ' } });
    fireEvent.input(screen.getByLabelText('Queue view id'), {
      target: { value: 'https://mextra.zendesk.com/agent/filters/360001234567' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(actions.saveAssignment).toHaveBeenCalledWith(
      {
        host: 'mextra.zendesk.com',
        helpdesk: 'zendesk',
        policyId: 'mextra',
        mapping: { hotfixTag: 'needs_hotfix', queue: { viewId: '360001234567' } },
      },
      'mextra.zendesk.com',
    );
  });

  it('keeps the hotfix tag and view id an assignment already has when other parts are edited', () => {
    const model = testModel();
    const actions = testActions();
    const first = model.assignments[0]!;
    model.assignments[0] = { ...first, mapping: { hotfixTag: 'hf', queue: { viewId: '42' } } };
    render(<OptionsApp model={model} actions={actions} />);
    fireEvent.click(screen.getByRole('button', { name: `Edit mapping: ${first.host}` }));
    expect((screen.getByLabelText('Queue view id') as HTMLInputElement).value).toBe('42');
    fireEvent.change(screen.getByLabelText('Tier comes from'), { target: { value: 'ticket-tag' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(actions.saveAssignment).toHaveBeenCalledWith(
      expect.objectContaining({
        mapping: {
          tier: { from: 'ticket-tag', prefix: 'tier_' },
          hotfixTag: 'hf',
          queue: { viewId: '42' },
        },
      }),
      first.host,
    );
  });

  it('shows no Zendesk-only fields for a TOPdesk host', () => {
    render(<OptionsApp model={testModel()} actions={testActions()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add assignment' }));
    expect(screen.getByLabelText('Queue view id')).toBeTruthy();
    fireEvent.change(document.getElementById('mapping-helpdesk')!, { target: { value: 'topdesk' } });
    expect(screen.queryByLabelText('Queue view id')).toBeNull();
    expect(screen.queryByLabelText('Hotfix tag')).toBeNull();
  });

  it('refuses a host that is not a host name, with the error tied to the field', () => {
    const actions = testActions();
    render(<OptionsApp model={testModel()} actions={actions} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add assignment' }));
    fireEvent.input(screen.getByLabelText('Helpdesk host'), { target: { value: 'not a host' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const input = screen.getByLabelText('Helpdesk host');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('mapping-host-error')?.textContent).toMatch(/host name/);
    expect(input.getAttribute('aria-describedby')).toContain('mapping-host-error');
    expect(actions.saveAssignment).not.toHaveBeenCalled();
  });

  it('tests a pasted ticket and shows the neutral ticket and deadlines passed back', async () => {
    const actions = testActions({
      testTicket: vi.fn(() =>
        Promise.resolve({
          ok: true as const,
          ticket: { createdAt: '2026-02-09T09:00:00+01:00', priority: 'urgent', type: 'incident' },
          evaluation: null,
        }),
      ),
    });
    render(<OptionsApp model={testModel()} actions={actions} />);
    fireEvent.click(screen.getByRole('button', { name: 'Edit mapping: mextra.zendesk.com' }));
    fireEvent.input(screen.getByLabelText('Ticket to test'), {
      target: { value: 'https://mextra.zendesk.com/agent/tickets/1' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Test' }));
    expect(await screen.findByText('urgent')).toBeTruthy();
    expect(actions.testTicket).toHaveBeenCalledWith(
      'mextra.zendesk.com',
      {},
      'https://mextra.zendesk.com/agent/tickets/1',
    );
  });
});

describe('HostsPanel', () => {
  it('adds a self-hosted host synchronously in the submit, normalised', () => {
    const actions = testActions();
    render(<OptionsApp model={testModel()} actions={actions} />);
    fireEvent.input(screen.getByLabelText('Address'), {
      target: { value: 'https://Helpdesk.Example.nl/tas/' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add host' }));
    expect(actions.addHost).toHaveBeenCalledWith({ host: 'helpdesk.example.nl', helpdesk: 'topdesk' });
  });

  it('explains a refused address in the page language', () => {
    const actions = testActions();
    render(<OptionsApp model={testModel({ language: 'nl' })} actions={actions} />);
    fireEvent.input(screen.getByLabelText('Adres'), { target: { value: 'http://helpdesk.example.nl' } });
    fireEvent.click(screen.getByRole('button', { name: 'Host toevoegen' }));
    expect(screen.getByText('Alleen https-adressen worden ondersteund.')).toBeTruthy();
    expect(actions.addHost).not.toHaveBeenCalled();
  });

  it('stores a TOPdesk application password from a masked field', () => {
    const actions = testActions();
    render(<OptionsApp model={testModel()} actions={actions} />);
    const pw = screen.getByLabelText('Application password');
    expect(pw.getAttribute('type')).toBe('password');
    fireEvent.input(screen.getByLabelText('User name'), { target: { value: 'api' } });
    fireEvent.input(pw, { target: { value: 's3cret' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save password' }));
    expect(actions.saveCredentials).toHaveBeenCalledWith('td.example.nl', 'api', 's3cret');
  });
});

describe('PreferencesForm', () => {
  it('saves each preference and rejects an out-of-range threshold', () => {
    const actions = testActions();
    render(<OptionsApp model={testModel()} actions={actions} />);
    fireEvent.change(screen.getByLabelText(/^Language/), { target: { value: 'nl' } });
    expect(actions.savePreferences).toHaveBeenCalledWith({ language: 'nl' });
    const atRisk = screen.getByLabelText(/At risk/);
    fireEvent.change(atRisk, { target: { value: '95' } });
    expect(screen.getByText('Enter a whole number from 1 to 90.')).toBeTruthy();
    fireEvent.change(atRisk, { target: { value: '20' } });
    expect(actions.savePreferences).toHaveBeenCalledWith({ atRiskPercent: 20 });
    fireEvent.click(screen.getByLabelText(/Desktop notifications/));
    expect(actions.savePreferences).toHaveBeenCalledWith({ notifications: false });
    fireEvent.click(screen.getByLabelText('Left'));
    expect(actions.savePreferences).toHaveBeenCalledWith({ sidebarSide: 'left' });
  });
});

describe('PreferencesForm: quick changes in a row', () => {
  it('keeps a change the user made while an earlier save was still answering', async () => {
    const answers: Array<() => void> = [];
    const actions = testActions({
      savePreferences: vi.fn(
        () => new Promise<{ ok: true }>((resolve) => answers.push(() => resolve({ ok: true }))),
      ),
    });
    render(<OptionsApp model={testModel()} actions={actions} />);
    const notifications = screen.getByLabelText<HTMLInputElement>(/Desktop notifications/);
    expect(notifications.checked).toBe(true);
    fireEvent.click(screen.getByLabelText('Left'));
    fireEvent.click(notifications);
    expect(notifications.checked).toBe(false);
    // The first save answers (its status re-renders the form) before the model has reloaded.
    answers[0]?.();
    await screen.findByText('Saved.', { exact: false });
    expect(notifications.checked).toBe(false);
    expect(screen.getByLabelText<HTMLInputElement>('Left').checked).toBe(true);
  });

  it('puts a control back when its save fails, and says why', async () => {
    const actions = testActions({
      savePreferences: vi.fn(() => Promise.resolve({ ok: false as const, message: 'Storage is full.' })),
    });
    render(<OptionsApp model={testModel()} actions={actions} />);
    const notifications = screen.getByLabelText<HTMLInputElement>(/Desktop notifications/);
    fireEvent.click(notifications);
    await screen.findByText('Storage is full.');
    expect(notifications.checked).toBe(true);
  });
});

describe('TeamRollout', () => {
  it('shows a configuration file’s errors by path and offers no confirm', async () => {
    const actions = testActions({
      previewTeamImport: vi.fn(() =>
        Promise.resolve({
          ok: false as const,
          errors: [{ path: 'assignments[0].policyId', message: 'unknown policy "ghost"' }],
        }),
      ),
    });
    render(<OptionsApp model={testModel()} actions={actions} />);
    const file = new File(['{}'], 'team.json');
    fireEvent.change(screen.getByLabelText('Import configuration'), { target: { files: [file] } });
    expect(await screen.findByText('assignments[0].policyId')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Confirm import' })).toBeNull();
  });
});

describe('PreferencesForm: the sidebar shortcut', () => {
  it('shows the keyboard shortcut the browser has for the sidebar, or says none is set', () => {
    render(<OptionsApp model={testModel()} actions={testActions()} sidebarShortcut="Alt+Shift+S" />);
    expect(
      screen.getByText('Keyboard shortcut to show and focus the sidebar: Alt+Shift+S.', { exact: false }),
    ).toBeTruthy();
    cleanup();
    render(<OptionsApp model={testModel()} actions={testActions()} sidebarShortcut="" />);
    expect(screen.getByText(/No keyboard shortcut is set/)).toBeTruthy();
  });
});
