import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { TicketLink } from './TicketLink';

afterEach(cleanup);

describe('TicketLink', () => {
  it('links https tickets in a new tab, and gives any other scheme no address at all', () => {
    render(
      <>
        <TicketLink link="https://membro.zendesk.com/agent/tickets/1">#1</TicketLink>
        <TicketLink link="javascript:alert(1)">#2</TicketLink>
      </>,
    );
    const ok = screen.getByText('#1');
    expect([ok.getAttribute('href'), ok.getAttribute('target'), ok.getAttribute('rel')]).toEqual([
      'https://membro.zendesk.com/agent/tickets/1',
      '_blank',
      'noopener noreferrer',
    ]);
    expect(screen.getByText('#2').hasAttribute('href')).toBe(false);
  });
});
