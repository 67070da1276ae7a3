import { signal } from '@preact/signals';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Locale } from '../../lib/i18n/core.ts';
import { AGENT_ZONE, scenarios, type ScenarioId } from '../../tests/support/sidebar/scenarios.ts';
import { Sidebar } from './Sidebar.tsx';

afterEach(cleanup);

function show(id: ScenarioId, locale: Locale = 'en') {
  const onOpenOptions = vi.fn();
  const onRetry = vi.fn();
  render(
    <Sidebar
      model={scenarios[id].model}
      now={signal(scenarios[id].nowMs)}
      locale={locale}
      agentZone={AGENT_ZONE}
      side="right"
      collapsed={false}
      onCollapsedChange={vi.fn()}
      onOpenOptions={onOpenOptions}
      onRetry={onRetry}
    />,
  );
  return { onOpenOptions, onRetry };
}

describe('ProblemState', () => {
  it('explains that the agent is not signed in and offers to try again', () => {
    const { onRetry } = show('notSignedIn');
    expect(screen.getByRole('heading', { name: 'Not signed in' })).toBeTruthy();
    expect(screen.getByText('Sign in to the helpdesk in this browser, then reload the ticket.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalled();
    expect(screen.getByRole('status').textContent).toBe('Not signed in');
  });

  it('shows a refused API with the partial badge and what could be read', () => {
    show('apiRefused');
    expect(screen.getByRole('heading', { name: /The helpdesk refused/ })).toBeTruthy();
    expect(screen.getByText('Partial')).toBeTruthy();
    expect(screen.getByText('Printer on the 3rd floor prints blank pages')).toBeTruthy();
    expect(screen.getByText('Details')).toBeTruthy();
    // The helpdesk's technical words are in the Details disclosure, not in the agent's text.
    expect(screen.getByText('HTTP 403 from /api/v2/tickets/1001.json').closest('details')).toBeTruthy();
  });

  it('keeps the English technical message out of a Dutch screen’s text, under Details and tagged English', () => {
    show('apiRefused', 'nl');
    const message = screen.getByText('HTTP 403 from /api/v2/tickets/1001.json');
    expect(message.getAttribute('lang')).toBe('en');
    const details = message.closest('details')!;
    expect(details.open).toBe(false);
    expect(details.querySelector('summary')!.textContent).toBe('Details');
  });

  it('names the unmapped value and opens Options at the assignments', () => {
    const { onOpenOptions } = show('unmapped');
    expect(
      screen.getByText('The priority value “p5” has no mapping to the policy. Map it in Options.'),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Open Options' }));
    expect(onOpenOptions).toHaveBeenCalledWith('assignments');
  });

  it('says no policy is assigned to this host and opens Options', () => {
    const { onOpenOptions } = show('noPolicy');
    expect(screen.getByRole('heading', { name: 'No policy for this helpdesk' })).toBeTruthy();
    expect(
      screen.getByText('Assign a contract policy to acme.zendesk.com in Options to see deadlines.'),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Open Options' }));
    expect(onOpenOptions).toHaveBeenCalledWith('assignments');
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });

  it('explains an unreadable page, a deleted ticket and an unexpected error', () => {
    show('notReadable');
    expect(screen.getByRole('heading', { name: 'Ticket could not be read' })).toBeTruthy();
    cleanup();
    show('deleted');
    expect(screen.getByRole('heading', { name: 'Ticket not found' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    cleanup();
    show('error');
    expect(screen.getByRole('heading', { name: 'Something went wrong' })).toBeTruthy();
    expect(screen.getByText('Error: Could not establish connection.')).toBeTruthy();
  });

  it('explains problems in Dutch', () => {
    show('noPolicy', 'nl');
    expect(screen.getByRole('heading', { name: 'Geen beleid voor deze helpdesk' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Opties openen' })).toBeTruthy();
    cleanup();
    show('unmapped', 'nl');
    expect(
      screen.getByText(
        'De waarde “p5” voor prioriteit is niet aan het beleid gekoppeld. Koppel die in Opties.',
      ),
    ).toBeTruthy();
  });

  it('says it is reading the ticket while loading', () => {
    show('loading');
    expect(screen.getByText('Reading the ticket…')).toBeTruthy();
  });
});
