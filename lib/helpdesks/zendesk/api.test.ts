import { describe, expect, it } from 'vitest';
import { getBuiltinPolicy } from '../../../policies';
import ticket1001 from '../../../tests/fixtures/zendesk/ticket-1001.json';
import audits1 from '../../../tests/fixtures/zendesk/audits-1001-page1.json';
import audits2 from '../../../tests/fixtures/zendesk/audits-1001-page2.json';
import { normalizeWith } from '..';
import { compactAuditsPage, fetchZendeskTicket } from './api';

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers });

describe('reading a Zendesk ticket and its audits', () => {
  it('follows every audits page on the same origin only', async () => {
    const urls: string[] = [];
    const fetch = async (url: string) => {
      urls.push(url);
      if (url.includes('/audits.json') && !url.includes('page=2'))
        return json({
          audits: [],
          users: [],
          next_page: 'https://m.zendesk.com/api/v2/tickets/7/audits.json?page=2',
        });
      if (url.includes('page=2'))
        return json({ audits: [], users: [], next_page: 'https://evil.example/steal' });
      return json({ ticket: { id: 7 } });
    };
    const r = await fetchZendeskTicket('https://m.zendesk.com', '7', { fetch, sleep: async () => undefined });
    expect(r.ok && r.payload.audits).toHaveLength(2);
    expect(urls.some((u) => u.includes('evil'))).toBe(false);
  });

  it('caches compact audits pages: comment bodies and metadata are dropped, what the normaliser reads is kept', () => {
    const page = {
      audits: [
        {
          id: 1,
          created_at: '2026-02-09T10:00:00Z',
          author_id: 5,
          metadata: { system: { ip_address: '10.0.0.1' } },
          via: { channel: 'web' },
          events: [
            {
              id: 9,
              type: 'Comment',
              public: true,
              body: 'x'.repeat(10_000),
              html_body: '<p>x</p>',
              author_id: 5,
            },
            { id: 10, type: 'Change', field_name: 'status', value: 'open', previous_value: 'new' },
          ],
        },
      ],
      users: [{ id: 5, name: 'Ann', role: 'agent', iana_time_zone: 'Europe/Amsterdam', photo: { url: 'u' } }],
      next_page: null,
      count: 1,
    };
    expect(compactAuditsPage(page)).toEqual({
      audits: [
        {
          created_at: '2026-02-09T10:00:00Z',
          author_id: 5,
          events: [
            { type: 'Comment', public: true, author_id: 5 },
            { type: 'Change', field_name: 'status', value: 'open', previous_value: 'new' },
          ],
        },
      ],
      users: [{ id: 5, name: 'Ann', role: 'agent', iana_time_zone: 'Europe/Amsterdam' }],
      next_page: null,
    });
    expect(compactAuditsPage('<html>')).toBe('<html>');
  });

  it('normalises a compact Zendesk read exactly like the full one', () => {
    const policy = getBuiltinPolicy('mextra')!;
    const full = normalizeWith(
      'zendesk',
      { ticket: ticket1001, audits: [audits1, audits2] },
      undefined,
      policy,
      'm.zendesk.com',
    );
    const compact = normalizeWith(
      'zendesk',
      { ticket: ticket1001, audits: [audits1, audits2].map(compactAuditsPage) },
      undefined,
      policy,
      'm.zendesk.com',
    );
    expect(full.ok).toBe(true);
    expect(compact).toEqual(full);
  });
});
