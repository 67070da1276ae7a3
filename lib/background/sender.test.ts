import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Request } from '../messaging/protocol';
import type { RouteContext } from '../messaging/router';
import { handle } from './handlers';
import { bindToSender, senderPage, SenderRefused, TabRateLimit } from './sender';
import { openOptionsOnce, resetOptionsTab } from './ticket';
import { seedConfig } from '../../tests/support/background';
import { DEFAULT_PREFERENCES } from '../storage/schemas';

const selfHosted = [{ host: 'helpdesk.example.nl', helpdesk: 'topdesk' as const }];

describe('which helpdesk page a content script runs on', () => {
  it.each([
    ['https://acme.zendesk.com/agent/tickets/12', { helpdesk: 'zendesk', host: 'acme.zendesk.com' }],
    [
      'https://acme.topdesk.net/tas/secure/incident?unid=1',
      { helpdesk: 'topdesk', host: 'acme.topdesk.net' },
    ],
    ['https://helpdesk.example.nl/tas/secure/incident', { helpdesk: 'topdesk', host: 'helpdesk.example.nl' }],
  ])('takes %s from the sender URL', (url, page) => {
    expect(senderPage(url, selfHosted)).toMatchObject(page);
  });

  it.each([
    ['http://acme.zendesk.com/agent/tickets/12', /not an https helpdesk page/],
    ['https://acme.zendesk.com:8443/agent/tickets/12', /not an https helpdesk page/],
    ['https://evil.example/agent/tickets/12', /not a helpdesk host configured/],
    ['https://zendesk.com.evil.example/agent/tickets/12', /not a helpdesk host configured/],
    [undefined, /no page address/],
  ])('refuses %s', (url, message) => {
    expect(() => senderPage(url, selfHosted)).toThrow(message);
  });
});

describe('binding a message to its sender', () => {
  const page = senderPage('https://evil.zendesk.com/agent/tickets/1', []);
  const ticket = {
    helpdesk: 'zendesk' as const,
    host: 'evil.zendesk.com',
    url: 'https://evil.zendesk.com/agent/tickets/1',
    ticketId: '1',
  };

  it('keeps a message that names the sender’s own host and ticket, with the sender’s URL', () => {
    expect(bindToSender({ ...ticket, url: 'https://elsewhere/' }, page)).toEqual(ticket);
  });
  it('refuses another host named in the message', () => {
    expect(() => bindToSender({ ...ticket, host: 'acme.zendesk.com' }, page)).toThrow(
      'the message names acme.zendesk.com, but it was sent from evil.zendesk.com',
    );
  });
  it('refuses another helpdesk named in the message', () => {
    expect(() => bindToSender({ ...ticket, helpdesk: 'topdesk', host: 'acme.topdesk.net' }, page)).toThrow(
      SenderRefused,
    );
  });
  it('accepts the ticket the tab shows after a single-page-app navigation (the frame URL stays at the first address)', () => {
    const spa = senderPage(
      'https://evil.zendesk.com/agent/tickets/1',
      [],
      'https://evil.zendesk.com/agent/tickets/2',
    );
    expect(bindToSender({ ...ticket, ticketId: '2' }, spa)).toEqual({
      ...ticket,
      ticketId: '2',
      url: 'https://evil.zendesk.com/agent/tickets/2',
    });
  });
  it('never takes a tab URL on another origin as the page', () => {
    const other = senderPage(
      'https://evil.zendesk.com/agent/tickets/1',
      [],
      'https://acme.zendesk.com/agent/tickets/2',
    );
    expect(() => bindToSender({ ...ticket, ticketId: '2' }, other)).toThrow(/does not show ticket 2/);
  });
  it('refuses a ticket the sender’s URL does not show', () => {
    expect(() => bindToSender({ ...ticket, ticketId: '4242' }, page)).toThrow(/does not show ticket 4242/);
  });
});

describe('the worker and a content script that lies (review #2)', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    resetOptionsTab();
    await seedConfig([
      { host: 'acme.topdesk.net', helpdesk: 'topdesk', policyId: 'scope4mation' },
      { host: 'acme.zendesk.com', helpdesk: 'zendesk', policyId: 'mextra' },
    ]);
    await fakeBrowser.storage.local.set({
      credentials: { 'acme.topdesk.net': { username: 'api', password: 'S3cret!' } },
    });
  });
  const evil = { id: 'ext', url: 'https://evil.zendesk.com/agent/tickets/1', tab: { id: 7 } };
  const ctx = { sender: evil, kind: 'content-script' } as unknown as RouteContext;

  it('does not read another host’s incident with its application password for a content script elsewhere', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const message = {
      type: 'cs-bg:ticket',
      helpdesk: 'topdesk',
      host: 'acme.topdesk.net',
      url: 'https://acme.topdesk.net/tas/secure/incident?action=show&num=I%202611%20001',
      ticketId: 'number:I 2611 001',
      pageNow: Date.now(),
      read: { kind: 'error', error: { kind: 'unauthorized', message: 'HTTP 401' } },
    } satisfies Request;
    await expect(handle(message, ctx)).rejects.toThrow(/names topdesk, but evil.zendesk.com is zendesk/);
    expect(fetchSpy).not.toHaveBeenCalled();
    fetchSpy.mockRestore();
  });

  it('does not put a forged ticket into another host’s registry', async () => {
    const message = {
      type: 'cs-bg:ticket',
      helpdesk: 'zendesk',
      host: 'acme.zendesk.com',
      url: 'https://acme.zendesk.com/agent/tickets/4242',
      ticketId: '4242',
      pageNow: Date.now(),
      read: { kind: 'api', payload: { ticket: { ticket: { id: 4242, subject: 'Forged' } }, audits: [] } },
    } satisfies Request;
    await expect(handle(message, ctx)).rejects.toThrow(/sent from evil.zendesk.com/);
    expect((await fakeBrowser.storage.local.get('registry')).registry).toBeUndefined();
  });

  it('does not store UI state for a helpdesk the sender is not on', async () => {
    await expect(
      handle({ type: 'cs-bg:ui-state', helpdesk: 'topdesk', collapsed: true }, ctx),
    ).rejects.toThrow(SenderRefused);
  });
});

describe('the view a content script asks for before it reads its ticket', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await seedConfig([{ host: 'acme.zendesk.com', helpdesk: 'zendesk', policyId: 'mextra' }]);
    await fakeBrowser.storage.local.set({
      preferences: { ...DEFAULT_PREFERENCES, language: 'nl' },
      uiState: { collapsed: { zendesk: true }, side: { zendesk: 'left' }, compact: {} },
    });
  });
  const page = { id: 'ext', url: 'https://acme.zendesk.com/agent/tickets/1', tab: { id: 7 } };
  const ctx = { sender: page, kind: 'content-script' } as unknown as RouteContext;

  it('is the preferred language and the helpdesk’s remembered side and fold', async () => {
    await expect(handle({ type: 'cs-bg:view', helpdesk: 'zendesk' }, ctx)).resolves.toEqual({
      language: 'nl',
      locale: 'nl',
      side: 'left',
      collapsed: true,
      compact: false,
      atRiskPercent: DEFAULT_PREFERENCES.atRiskPercent,
    });
  });

  it('is refused for a helpdesk the sender is not on', async () => {
    await expect(handle({ type: 'cs-bg:view', helpdesk: 'topdesk' }, ctx)).rejects.toThrow(SenderRefused);
  });
});

describe('opening Options from the sidebar', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    resetOptionsTab();
  });

  it('opens one tab for a burst of clicks, and focuses that tab on a later click', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await Promise.all(Array.from({ length: 10 }, () => openOptionsOnce('hosts', 1000)));
    expect(create).toHaveBeenCalledTimes(1);
    const update = vi.spyOn(fakeBrowser.tabs, 'update');
    await openOptionsOnce('assignments', 10_000);
    expect(create).toHaveBeenCalledTimes(1);
    expect(update).toHaveBeenCalledWith(expect.any(Number), {
      active: true,
      url: expect.stringMatching(/options\.html#assignments$/),
    });
  });

  it('opens a new tab when the agent closed the one it opened', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await openOptionsOnce(undefined, 1000);
    const [tab] = await fakeBrowser.tabs.query({});
    await fakeBrowser.tabs.remove(tab!.id!);
    await openOptionsOnce(undefined, 10_000);
    expect(create).toHaveBeenCalledTimes(2);
  });
});

describe('the per-tab message budget of content scripts', () => {
  it('lets a burst through, refuses a tab over budget, refills with time, and keeps tabs apart', () => {
    const limit = new TabRateLimit(5, 2);
    const t0 = 1_000_000;
    expect(Array.from({ length: 5 }, () => limit.take(7, t0))).toEqual([true, true, true, true, true]);
    expect(limit.take(7, t0)).toBe(false);
    expect(limit.take(7, t0 + 100)).toBe(false); // 0.2 token: still over
    expect(limit.take(8, t0)).toBe(true); // another tab has its own budget
    expect(limit.take(7, t0 + 500)).toBe(true); // 1 token back after half a second at 2/s
    expect(limit.take(7, t0 + 500)).toBe(false);
    expect(limit.take(7, t0 + 60_000)).toBe(true); // refilled, but never above the burst
    expect(Array.from({ length: 5 }, () => limit.take(7, t0 + 60_000)).filter(Boolean)).toHaveLength(4);
  });

  it('forgets the least recently used tab beyond its size', () => {
    const limit = new TabRateLimit(1, 0, 2);
    expect(limit.take(1, 0)).toBe(true);
    expect(limit.take(2, 0)).toBe(true);
    expect(limit.take(3, 0)).toBe(true); // tab 1 forgotten
    expect(limit.take(2, 0)).toBe(false);
    expect(limit.take(1, 0)).toBe(true);
  });

  it('refuses a page that makes its content script report in a loop, and no other tab', async () => {
    const tab = (id: number) =>
      ({
        sender: { id: 'ext', url: 'https://acme.zendesk.com/agent/tickets/1', tab: { id } },
        kind: 'content-script',
      }) as unknown as RouteContext;
    const ping = { type: 'cs-bg:ui-state', helpdesk: 'zendesk', collapsed: true } satisfies Request;
    const answers: string[] = [];
    for (let i = 0; i < 40; i++)
      answers.push(
        await handle(ping, tab(4242)).then(
          () => 'ok',
          (e: Error) => e.message,
        ),
      );
    const refused = answers.filter((a) => /too many messages/.test(a));
    expect(refused.length).toBeGreaterThanOrEqual(40 - 31);
    expect(answers.slice(0, 30).some((a) => /too many messages/.test(a))).toBe(false);
    expect(answers[0]).toBe('ok');
    expect(
      await handle(ping, tab(4243)).then(
        () => 'ok',
        (e: Error) => e.message,
      ),
    ).toBe('ok');
  });
});
