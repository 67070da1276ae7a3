import { describe, expect, it, vi } from 'vitest';
import { readWithApplicationPassword, refusedByTopdesk } from './app-password';

const deps = (status = 200, body: unknown = { id: 'x', number: 'I 1' }) => {
  const fetch = vi.fn(
    async (_url: string, _init?: RequestInit) => new Response(JSON.stringify(body), { status }),
  );
  return { fetch, sleep: async () => undefined };
};

describe('reading TOPdesk with an application password', () => {
  it('asks only when TOPdesk refused the browser session', () => {
    expect(
      refusedByTopdesk({ kind: 'error', error: { kind: 'unauthorized', status: 401, message: '' } }),
    ).toBe(true);
    expect(refusedByTopdesk({ kind: 'dom', fields: {}, apiError: { kind: 'forbidden', message: '' } })).toBe(
      true,
    );
    expect(refusedByTopdesk({ kind: 'error', error: { kind: 'server', status: 500, message: '' } })).toBe(
      false,
    );
  });

  it('sends HTTP Basic with the stored password to that host only, without cookies', async () => {
    const d = deps();
    const read = await readWithApplicationPassword(
      'scope4mation.topdesk.net',
      'id:a0000001-5c4e-4b3a-9d2f-0123456789ab',
      { 'scope4mation.topdesk.net': { username: 'sla', password: 'pä55' } },
      d,
    );
    expect(read).toEqual({ kind: 'api', payload: { incident: { id: 'x', number: 'I 1' } } });
    const [url, init] = d.fetch.mock.calls[0]!;
    expect(url).toBe(
      'https://scope4mation.topdesk.net/tas/api/incidents/id/a0000001-5c4e-4b3a-9d2f-0123456789ab',
    );
    expect(init?.credentials).toBe('omit');
    expect((init?.headers as Record<string, string>).Authorization).toBe(
      `Basic ${Buffer.from('sla:pä55', 'utf8').toString('base64')}`,
    );
  });

  it('does nothing when no password is stored for that host', async () => {
    const d = deps();
    const read = await readWithApplicationPassword(
      'other.topdesk.net',
      'id:x',
      { 'scope4mation.topdesk.net': { username: 'a', password: 'b' } },
      d,
    );
    expect(read).toBeNull();
    expect(d.fetch).not.toHaveBeenCalled();
  });

  it('says the application password was refused too', async () => {
    const read = await readWithApplicationPassword(
      'a.topdesk.net',
      'number:I 2611 001',
      { 'a.topdesk.net': { username: 'a', password: 'b' } },
      deps(401),
    );
    expect(read).toMatchObject({
      kind: 'error',
      error: { kind: 'unauthorized', message: expect.stringMatching(/application password/) },
    });
  });
});
