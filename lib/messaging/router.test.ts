import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { classifySender, createRouter, type Reply } from './router';

const policy = { extensionId: 'ext', extensionOrigin: 'chrome-extension://ext/' };

describe('classifySender', () => {
  it('accepts a content script in an https tab', () => {
    const sender = { id: 'ext', url: 'https://acme.zendesk.com/agent/tickets/1', tab: { id: 3 } };
    expect(classifySender(sender as never, policy)).toBe('content-script');
  });
  it('refuses a content script in a plain-http tab', () => {
    const sender = { id: 'ext', url: 'http://acme.zendesk.com/agent/tickets/1', tab: { id: 3 } };
    expect(classifySender(sender as never, policy)).toBeNull();
  });
  it('accepts the extension’s own pages and refuses another extension', () => {
    expect(classifySender({ id: 'ext', url: 'chrome-extension://ext/popup.html' } as never, policy)).toBe(
      'extension-page',
    );
    expect(
      classifySender({ id: 'other', url: 'chrome-extension://ext/popup.html' } as never, policy),
    ).toBeNull();
  });
});

describe('the router', () => {
  const schema = z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('cs-bg:x'), n: z.number() }),
  ]);
  const route = (raw: unknown, sender: object) =>
    new Promise<Reply<unknown>>((resolve) => {
      createRouter(
        schema,
        () => true,
        async (m) => m.n * 2,
        policy,
      )(raw, sender as never, resolve);
    });
  const cs = { id: 'ext', url: 'https://acme.zendesk.com/agent/tickets/1', tab: { id: 3 } };

  it('answers a valid message from an allowed sender', async () => {
    expect(await route({ type: 'cs-bg:x', n: 2 }, cs)).toEqual({ ok: true, data: 4 });
  });
  it('refuses a message that fails the schema with the path of the problem', async () => {
    expect(await route({ type: 'cs-bg:x', n: 'two' }, cs)).toEqual({
      ok: false,
      error: expect.stringMatching(/^invalid message: n: /),
    });
  });
  it('refuses a plain-http content script before reading its message', async () => {
    expect(
      await route({ type: 'cs-bg:x', n: 2 }, { ...cs, url: 'http://acme.zendesk.com/agent/tickets/1' }),
    ).toEqual({ ok: false, error: 'sender not allowed' });
  });
});
