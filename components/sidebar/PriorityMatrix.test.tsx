import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Locale } from '../../lib/i18n/core.ts';
import { scenarios } from '../../tests/support/sidebar/scenarios.ts';
import type { SidebarReady } from '../../lib/messaging/sidebar.ts';
import { PriorityMatrix } from './PriorityMatrix.tsx';

afterEach(cleanup);

function show(model: SidebarReady, locale: Locale = 'en') {
  return render(
    <PriorityMatrix
      evaluation={model.evaluation}
      labels={model.labels}
      locale={locale}
      {...(model.matrix ? { matrix: model.matrix } : {})}
    />,
  );
}

describe('PriorityMatrix', () => {
  it('says beside the ticket priority when it came from the matrix', () => {
    show(scenarios.breached.model);
    const dd = screen.getByText('Ticket priority').nextElementSibling!;
    expect(dd.textContent).toMatch(/ \(from the matrix\)$/);
    cleanup();
    show(scenarios.breached.model, 'nl');
    expect(screen.getByText('(uit de matrix)')).toBeTruthy();
  });

  it('highlights the cell of the ticket’s impact × urgency', () => {
    const { container } = show(scenarios.breached.model);
    const cells = container.querySelectorAll('td[aria-current="true"]');
    expect(cells).toHaveLength(1);
    const cell = cells[0] as HTMLTableCellElement;
    expect(cell.textContent).toBe('▶ Critical (this ticket)');
    const row = cell.parentElement!;
    expect(row.querySelector('th')!.textContent).toBe('High (this ticket’s impact)'); // impact high
    const col = Array.from(row.children).indexOf(cell);
    expect(container.querySelectorAll('thead th')[col]!.textContent).toBe('High (this ticket’s urgency)');
    expect(cell.classList.contains('is-selected')).toBe(true);
    expect(screen.getByText('Impact × urgency → priority')).toBeTruthy();
  });

  it('says to a screen reader, not only with an underline, which row and column are the ticket’s', () => {
    const { container } = show(scenarios.breached.model, 'nl');
    const known = [...container.querySelectorAll('th.is-known')];
    expect(known).toHaveLength(2);
    // The underline alone is what the eye gets; the same words are in the header's text and title.
    for (const th of known) {
      const said = th.querySelector('.sr-only')?.textContent?.trim();
      expect(said).toMatch(/^\((impact|urgentie) van dit ticket\)$/);
      expect(th.getAttribute('title')).toBe(said);
    }
    expect(container.querySelectorAll('th:not(.is-known) .sr-only')).toHaveLength(0);
  });

  it('notes a workaround cap in the contract’s priority words', () => {
    show(scenarios.capped.model);
    expect(screen.getByText('Workaround: capped at Medium')).toBeTruthy();
    cleanup();
    show(scenarios.capped.model, 'nl');
    expect(screen.getByText('Workaround: begrensd op Middel')).toBeTruthy();
  });

  it('says when the ticket’s priority differs from the suggestion, and that the customer may override', () => {
    show(scenarios.met.model);
    expect(
      screen.getByText(
        'The ticket’s priority (P3 Medium impact) differs from the matrix suggestion (P2 High impact).',
      ),
    ).toBeTruthy();
    expect(screen.getByText('The contract lets the customer override the priority.')).toBeTruthy();
    expect(screen.getByText('P3 Medium impact')).toBeTruthy();
  });

  it('says which helpdesk field to fill when impact or urgency is missing', () => {
    const { container } = show(scenarios.missing.model);
    expect(screen.getByText('Fill in Urgentie (custom field) to get the matrix suggestion.')).toBeTruthy();
    expect(container.querySelector('td[aria-current]')).toBeNull();
    expect(container.querySelector('th.is-known')!.textContent).toBe('High impact (this ticket’s impact)');
  });

  it('shows only the ticket’s priority when the policy has no matrix', () => {
    const { container } = show(scenarios.running.model);
    expect(screen.getByText('High')).toBeTruthy();
    expect(container.querySelector('table')).toBeNull();
  });
});
