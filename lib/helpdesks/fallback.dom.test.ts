import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createZendeskReader } from './zendesk/page';
import { createTopdeskReader } from './topdesk/page';

const fixture = (name: string) =>
  new DOMParser().parseFromString(
    readFileSync(path.resolve(import.meta.dirname, '../../tests/fixtures', name), 'utf8'),
    'text/html',
  );
const answer =
  (status: number, body: unknown = {}) =>
  async () =>
    new Response(JSON.stringify(body), { status });
const sleep = async () => undefined;

describe('when the helpdesk API refuses, the page is read instead and marked partial', () => {
  it('reads subject, status, priority and requester from Agent Workspace on a 403', async () => {
    const doc = fixture('zendesk/agent-workspace-ticket.html');
    const read = createZendeskReader({
      fetch: answer(403),
      sleep,
      origin: 'https://m.zendesk.com',
      doc: () => doc,
    });
    expect(await read('1001')).toEqual({
      kind: 'dom',
      fields: {
        ticketKey: '#1001',
        subject: 'Export fails <img src=x onerror=alert(1)>',
        status: 'open',
        priority: 'urgent',
        requester: 'Sanne de Vries',
      },
      apiError: { kind: 'forbidden', status: 403, message: 'HTTP 403 from /api/v2/tickets/1001.json' },
    });
  });

  it('reads the TOPdesk incident card when the session is not signed in', async () => {
    const doc = fixture('topdesk/incident-card.html');
    const read = createTopdeskReader({
      fetch: answer(401),
      sleep,
      origin: 'https://s.topdesk.net',
      doc: () => doc,
    });
    const r = await read('id:a0000002-5c4e-4b3a-9d2f-0123456789ab');
    expect(r).toMatchObject({
      kind: 'dom',
      fields: {
        subject: 'Label printer drukt verschoven af',
        number: 'I 2602 002',
        ticketKey: 'I 2602 002',
        priority: 'Normaal',
      },
      apiError: { kind: 'unauthorized' },
    });
  });

  it('says a ticket deleted while open is deleted, not that the page is unreadable', async () => {
    let status = 200;
    const fetch = async (url: string) =>
      status === 200
        ? new Response(
            JSON.stringify(
              url.includes('audits') ? { audits: [], users: [], next_page: null } : { ticket: { id: 1 } },
            ),
          )
        : new Response('{}', { status });
    const read = createZendeskReader({ fetch, sleep, origin: 'https://m.zendesk.com', doc: () => document });
    expect((await read('1')).kind).toBe('api');
    status = 404;
    expect(await read('1', true)).toMatchObject({ kind: 'error', error: { kind: 'deleted', status: 404 } });
  });

  it('does not fall back to the page on a server error: it says the helpdesk failed', async () => {
    const read = createZendeskReader({
      fetch: answer(500),
      sleep,
      origin: 'https://m.zendesk.com',
      doc: () => document,
    });
    expect(await read('1')).toMatchObject({ kind: 'error', error: { kind: 'server', status: 500 } });
  });
});
