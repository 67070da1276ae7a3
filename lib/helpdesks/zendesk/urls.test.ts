import { describe, expect, it } from 'vitest';
import { zendeskTicketId } from './urls';

describe('which ticket a Zendesk URL shows', () => {
  it.each([
    ['https://mextra.zendesk.com/agent/tickets/1001', '1001'],
    ['https://mextra.zendesk.com/agent/tickets/1001/events', '1001'],
    ['https://mextra.zendesk.com/agent/dashboard', null],
    ['https://mextra.zendesk.com/agent/filters/360001', null],
    ['https://mextra.zendesk.com/agent/tickets/new/1', null],
    ['not a url', null],
  ])('Zendesk %s → %s', (url, id) => expect(zendeskTicketId(url)).toBe(id));
});
