import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OptionsApp } from './OptionsApp';
import { testActions, testModel } from '../../tests/support/options';

afterEach(cleanup);

const kept = {
  id: 'config:assignments.2:abc',
  key: 'config',
  path: 'assignments.2',
  message: 'assignments.2.helpdesk: Invalid option: expected one of "zendesk"|"topdesk"',
  raw: '{"host":"fresh.example.com","helpdesk":"freshdesk"}',
};

describe('stored data in Options', () => {
  it('lists what could not be read, with its path and text, and deletes it on request', () => {
    const actions = testActions();
    render(<OptionsApp model={testModel({ quarantine: [kept] })} actions={actions} />);
    expect(screen.getByRole('heading', { name: 'Stored data that could not be read' })).toBeTruthy();
    expect(screen.getByText('config.assignments.2')).toBeTruthy();
    expect(screen.getByText(kept.raw)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Delete: config.assignments.2' }));
    expect(actions.deleteQuarantined).toHaveBeenCalledWith(kept.id);
  });

  it('shows the store size and clears history only after the admin confirms', () => {
    const actions = testActions();
    const confirm = vi.fn(() => false);
    const store = { tickets: 1200, archived: 15000, bytes: 12 * 1024 * 1024, damaged: 0 };
    render(<OptionsApp model={testModel({ store })} actions={actions} confirm={confirm} />);
    expect(screen.getByText(/1200 tickets in the queue store, 15000 finished tickets/)).toBeTruthy();
    expect(screen.getByText(/Storage used: 12\.0 MB/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear history' }));
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(actions.clearHistory).not.toHaveBeenCalled();
    confirm.mockReturnValue(true);
    fireEvent.click(screen.getByRole('button', { name: 'Clear history' }));
    expect(actions.clearHistory).toHaveBeenCalledTimes(1);
  });

  it('speaks Dutch', () => {
    render(
      <OptionsApp
        model={testModel({ language: 'nl', quarantine: [kept], readOnly: 'x' })}
        actions={testActions()}
      />,
    );
    expect(screen.getByRole('heading', { name: 'Opgeslagen gegevens die niet te lezen zijn' })).toBeTruthy();
    expect(screen.getByText('De configuratie kon niet worden gelezen — er is niets gewijzigd.')).toBeTruthy();
  });
});
