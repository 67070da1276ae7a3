import { describe, expect, it, vi } from 'vitest';
import { getBuiltinPolicy } from '../../policies';
import { DEFAULT_PREFERENCES } from '../storage/schemas';
import { sidebarModel, type Normalizer, type SidebarDeps, type TicketRequest } from './ticket';

const mextra = getBuiltinPolicy('mextra')!;
const membro = getBuiltinPolicy('membro')!;

const request = (read: TicketRequest['read']): TicketRequest => ({
  helpdesk: 'zendesk',
  host: 'mextra.zendesk.com',
  url: 'https://mextra.zendesk.com/agent/tickets/1001',
  ticketId: '1001',
  pageNow: Date.parse('2026-02-09T10:00:00Z'),
  read,
});

const display = {
  helpdesk: 'zendesk' as const,
  ticketKey: '#1001',
  subject: 'Export fails',
  link: 'https://x',
};

const normalizeTo =
  (ticket: object): Normalizer =>
  () => ({ ok: true, ticketId: '1001', ticket: { createdAt: '2026-02-09T08:00:00Z', ...ticket }, display });

function deps(over: Partial<SidebarDeps> = {}): SidebarDeps {
  return {
    policyFor: () => ({ policy: mextra }),
    normalize: normalizeTo({ priority: 'urgent' }),
    preferences: DEFAULT_PREFERENCES,
    locale: 'en',
    ...over,
  };
}

describe('the sidebar model the background builds', () => {
  it('says no policy is assigned when the host has no assignment', async () => {
    const m = await sidebarModel(request({ kind: 'api', payload: {} }), deps({ policyFor: () => null }));
    expect(m).toMatchObject({
      status: 'problem',
      problem: { kind: 'no-policy', host: 'mextra.zendesk.com' },
    });
  });

  it('turns a 401 from the helpdesk API into "not signed in"', async () => {
    const m = await sidebarModel(
      request({ kind: 'error', error: { kind: 'unauthorized', status: 401, message: 'HTTP 401' } }),
      deps(),
    );
    expect(m).toMatchObject({ status: 'problem', problem: { kind: 'not-signed-in' } });
  });

  it('shows what the page showed when the API refused, as a partial read', async () => {
    const m = await sidebarModel(
      request({
        kind: 'dom',
        fields: { subject: 'Export <b>fails</b>', status: 'open' },
        apiError: { kind: 'forbidden', status: 403, message: 'HTTP 403' },
      }),
      deps(),
    );
    expect(m).toMatchObject({
      status: 'problem',
      problem: { kind: 'api-refused' },
      display: { subject: 'Export <b>fails</b>', status: 'open' },
    });
  });

  it('evaluates the mapped ticket with the engine at the page clock and remembers it', async () => {
    const remember = vi.fn(async () => undefined);
    const m = await sidebarModel(request({ kind: 'api', payload: {} }), deps({ remember }));
    expect(m.status).toBe('ready');
    if (m.status !== 'ready') return;
    // urgent: 6 business hours from Mon 09:00 (clock start) → 15:00 Amsterdam.
    expect(m.evaluation.metrics.resolution?.dueAt).toBe('2026-02-09T15:00:00+01:00');
    expect(m.labels.priorities.urgent).toEqual({ nl: 'Urgent', en: 'Urgent' });
    expect(remember).toHaveBeenCalledTimes(1);
  });

  it('draws the matrix of a policy that has one', async () => {
    const m = await sidebarModel(
      request({ kind: 'api', payload: {} }),
      deps({
        policyFor: () => ({ policy: membro }),
        normalize: normalizeTo({ impact: 'high', urgency: 'high' }),
      }),
    );
    expect(m.status === 'ready' && m.matrix?.cells.high?.high).toBe('critical');
  });

  it('reports a ticket value the policy does not know instead of guessing', async () => {
    const m = await sidebarModel(
      request({ kind: 'api', payload: {} }),
      deps({ normalize: normalizeTo({ priority: 'P9' }) }),
    );
    expect(m).toMatchObject({ status: 'problem', problem: { kind: 'unmapped' } });
  });
});
