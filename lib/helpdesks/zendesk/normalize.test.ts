import { describe, expect, it } from 'vitest';
import { getBuiltinPolicy } from '../../../policies';
import { evaluate } from '../../sla';
import ticket from '../../../tests/fixtures/zendesk/ticket-1001.json';
import page1 from '../../../tests/fixtures/zendesk/audits-1001-page1.json';
import page2 from '../../../tests/fixtures/zendesk/audits-1001-page2.json';
import { normalizeWith } from '..';

const mextra = getBuiltinPolicy('mextra')!;
const w365 = getBuiltinPolicy('workspace365')!;
const host = 'mextra.zendesk.com';
const payload = { ticket, audits: [page1, page2] };

function ok(r: ReturnType<typeof normalizeWith>) {
  if (!r.ok) throw new Error(r.problem.message);
  return r;
}

describe('a Zendesk ticket with its audits', () => {
  const r = ok(normalizeWith('zendesk', payload, undefined, mextra, host));

  it('starts the clocks at created_at and keeps the ticket priority', () => {
    expect(r.ticket.createdAt).toBe('2026-02-09T08:00:00Z');
    expect(r.ticket.priority).toBe('urgent');
    expect(r.ticket.type).toBe('incident');
  });

  it('derives events from every audits page, oldest first', () => {
    expect(r.ticket.events).toEqual([
      { at: '2026-02-09T08:20:00Z', type: 'reply', public: false, by: 'agent' },
      { at: '2026-02-09T08:30:00Z', type: 'reply', public: true, by: 'agent' },
      { at: '2026-02-09T08:30:00Z', type: 'status', status: 'open' },
      { at: '2026-02-09T08:30:00Z', type: 'priority', priority: 'urgent' },
      { at: '2026-02-09T10:00:00Z', type: 'status', status: 'on-hold' },
      { at: '2026-02-09T10:00:00Z', type: 'hotfix' },
      { at: '2026-02-09T12:00:00Z', type: 'reply', public: true, by: 'requester' },
      { at: '2026-02-09T12:00:00Z', type: 'status', status: 'pending' },
    ]);
  });

  it('maps a public comment by an admin to an agent reply and an internal note to a non-public one', () => {
    const replies = r.ticket.events!.filter((e) => e.type === 'reply');
    expect(replies.map((e) => e.type === 'reply' && [e.public, e.by])).toEqual([
      [false, 'agent'],
      [true, 'agent'],
      [true, 'requester'],
    ]);
  });

  it('keeps a subject carrying HTML verbatim, as text for the view', () => {
    expect(r.display.subject).toBe('Export fails <img src=x onerror=alert(1)>');
    expect(r.display).toMatchObject({
      ticketKey: '#1001',
      requester: 'Sanne de Vries',
      organization: 'Bakkerij De Vries',
    });
  });

  it("takes the requester's zone from the sideloaded users", () => {
    expect(r.ticket.timezone).toBe('Europe/Amsterdam');
  });

  it("exposes Zendesk's own SLA metrics beside ours", () => {
    expect(r.helpdeskSla?.targets).toEqual([
      { metric: 'first reply time', dueAt: '2026-02-09T09:00:00Z', state: 'achieved' },
      { metric: 'requester wait time', dueAt: '2026-02-10T08:00:00Z', state: 'paused' },
    ]);
  });

  it('evaluates through the engine: the first public agent reply stops the response clock', () => {
    const ev = evaluate(
      w365,
      ok(normalizeWith('zendesk', payload, { values: { priority: { urgent: 'P1' } } }, w365, host)).ticket,
      '2026-02-09T13:00:00Z',
    );
    expect(ev.metrics.response?.stoppedAt).toBe('2026-02-09T09:30:00+01:00');
  });
});

describe('Zendesk mapping rules', () => {
  it('reads impact, urgency and tier from custom fields and tags as the host mapping says', () => {
    const r = ok(
      normalizeWith(
        'zendesk',
        payload,
        {
          tier: { from: 'ticket-tag', prefix: 'tier_' },
          fields: {
            impact: { from: 'custom-field', id: '360000001' },
            urgency: { from: 'custom-field', id: '360000002' },
          },
          values: { tier: { standard: 'basic' }, priority: { urgent: 'P1' } },
        },
        w365,
        'workspace365.zendesk.com',
      ),
    );
    expect(r.ticket).toMatchObject({
      impact: 'department',
      urgency: 'normal',
      tier: 'basic',
      priority: 'P1',
    });
    expect(r.origin).toMatchObject({ tier: 'tag', priority: 'ticket' });
  });

  it('reports a tier tag the policy does not know', () => {
    const r = normalizeWith(
      'zendesk',
      payload,
      { tier: { from: 'ticket-tag', prefix: 'tier_' } },
      w365,
      host,
    );
    expect(r).toMatchObject({
      ok: false,
      problem: { kind: 'unmapped', unmapped: { field: 'tier', value: 'standard' } },
    });
  });

  it('leaves the priority to the matrix when the ticket has none', () => {
    const none = { ...payload, ticket: { ...ticket, ticket: { ...ticket.ticket, priority: null } } };
    expect(ok(normalizeWith('zendesk', none, undefined, mextra, host)).ticket.priority).toBeUndefined();
  });

  it('reports an unknown custom status by name, and maps it when the host says how', () => {
    const custom = structuredClone(payload);
    custom.audits[1]!.audits[2]!.events[1]!.value = 'Wacht op leverancier';
    const r = normalizeWith('zendesk', custom, undefined, mextra, host);
    expect(r).toMatchObject({ ok: false, problem: { kind: 'unmapped' } });
    expect(!r.ok && r.problem.message).toMatch(/Zendesk status 'Wacht op leverancier'/);
    const mapped = ok(
      normalizeWith('zendesk', custom, { statuses: { 'Wacht op leverancier': 'on-hold' } }, mextra, host),
    );
    expect(mapped.ticket.events!.at(-1)).toEqual({
      at: '2026-02-09T12:00:00Z',
      type: 'status',
      status: 'on-hold',
    });
  });

  it('maps a question to the question type and everything else to incident', () => {
    const q = { ...payload, ticket: { ...ticket, ticket: { ...ticket.ticket, type: 'question' } } };
    expect(ok(normalizeWith('zendesk', q, undefined, mextra, host)).ticket.type).toBe('question');
    const task = { ...payload, ticket: { ...ticket, ticket: { ...ticket.ticket, type: 'task' } } };
    expect(ok(normalizeWith('zendesk', task, undefined, mextra, host)).ticket.type).toBe('incident');
  });

  it.each(['__proto__', 'constructor', 'toString'])(
    'treats a ticket type "%s" as an unmapped value, not as a key of Object.prototype, when the host maps types',
    (type) => {
      const odd = { ...payload, ticket: { ...ticket, ticket: { ...ticket.ticket, type } } };
      const r = ok(normalizeWith('zendesk', odd, { types: { task: 'incident' } }, mextra, host));
      expect(r.ticket.type).toBe('incident');
    },
  );

  it.each(['__proto__', 'constructor'])(
    'reports a status "%s" as an unmapped status, with its message',
    (status) => {
      const odd = structuredClone(payload);
      odd.audits[1]!.audits[2]!.events[1]!.value = status;
      const r = normalizeWith('zendesk', odd, undefined, mextra, host);
      expect(r).toMatchObject({ ok: false, problem: { kind: 'unmapped' } });
      expect(!r.ok && r.problem.message).toMatch(new RegExp(`Zendesk status '${status}' is not mapped`));
    },
  );

  it('says a malformed payload is not a Zendesk API response instead of throwing', () => {
    const r = normalizeWith(
      'zendesk',
      { ticket: { ticket: { id: 1 } }, audits: [] },
      undefined,
      mextra,
      host,
    );
    expect(r).toMatchObject({ ok: false, problem: { kind: 'not-readable' } });
    expect(!r.ok && r.problem.message).toMatch(/created_at/);
  });

  it('refuses a stored mapping that is not a mapping, naming the path', () => {
    const r = normalizeWith('zendesk', payload, { tier: { from: 'astrology' } }, mextra, host);
    expect(r).toMatchObject({ ok: false, problem: { kind: 'error' } });
    expect(!r.ok && r.problem.message).toMatch(/mapping\.tier/);
  });
});

describe('Zendesk ticket facts', () => {
  it("read the sideloaded organisation's name as the customer and keep the ticket's tags", () => {
    const r = ok(normalizeWith('zendesk', payload, undefined, mextra, host));
    expect(r.facts).toEqual({ customer: 'Bakkerij De Vries', tags: ['tier_standard', 'hotfix'] });
  });

  it('take the customer from a mapped custom field (customerField) over the organisation', () => {
    const mapping = { customerField: { from: 'custom-field', id: '360000001' } };
    const r = ok(normalizeWith('zendesk', payload, mapping, mextra, host));
    expect(r.facts?.customer).toBe('department');
  });

  it('have no customer when the organisation is not sideloaded (a listing without it)', () => {
    const { organizations: _o, ...bare } = ticket;
    const r = ok(normalizeWith('zendesk', { ticket: bare, audits: [page1, page2] }, undefined, mextra, host));
    expect(r.facts).toEqual({ tags: ['tier_standard', 'hotfix'] });
  });
});
