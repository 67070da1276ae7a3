import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  NEXT_ALARM,
  SAFETY_ALARM,
  badgeTitle,
  entryKeyOfNotification,
  onNotificationClicked,
  wake,
  wakeAfterPoll,
} from './wake';
import { HOST, seedConfig, seedRegistry, storedRegistry, ticketEntry } from '../../tests/support/background';

const H = 3600_000;
// Monday 2 March 2026, 09:00 in Amsterdam (inside Mextra's business hours).
const T0 = Date.parse('2026-03-02T08:00:00Z');
const iso = (t: number) => new Date(t).toISOString();
afterEach(() => vi.restoreAllMocks());
const at = (t: number) => () => t;

function spyNotifications() {
  return vi.spyOn(fakeBrowser.notifications, 'create');
}

describe('the worker wake-up with a fake clock', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await seedConfig();
    await seedRegistry([ticketEntry(1001, { createdAt: iso(T0), priority: 'high', type: 'incident' })]);
  });

  it('evaluates the registry, sets the alarm at the next transition plus a safety alarm, and leaves the badge empty', async () => {
    const r = await wake('test', at(T0 + 60_000));
    const ev = (await storedRegistry()).entries[`zendesk:${HOST}:1001`]!.evaluation!;
    expect(ev.policy).toBe('mextra');
    const next = r.plan.nextAlarmAt!;
    expect(next).toBeGreaterThan(T0);
    const alarms = await fakeBrowser.alarms.getAll();
    expect(alarms.find((a) => a.name === NEXT_ALARM)?.scheduledTime).toBe(next);
    expect(alarms.find((a) => a.name === SAFETY_ALARM)?.periodInMinutes).toBeGreaterThan(0);
    // the next alarm is one of the ticket's own thresholds
    const instants = Object.values(ev.metrics).flatMap((m) => [m.atRiskAt, m.goalAt, m.dueAt]);
    expect(instants.map((s) => (s ? Date.parse(s) : null))).toContain(next);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('coalesces a burst of wake-ups: ten asked for at once run once, and one asked for while it runs runs once more (issue 19 #5)', async () => {
    const badge = vi.spyOn(fakeBrowser.action, 'setBadgeText');
    const burst = Array.from({ length: 10 }, () => wake('ticket-opened', at(T0 + 60_000)));
    await Promise.all(burst);
    expect(badge).toHaveBeenCalledTimes(1);
    badge.mockClear();
    const first = wake('a', at(T0 + 60_000));
    await Promise.resolve(); // it has started
    await new Promise((r) => setTimeout(r, 0));
    const again = Array.from({ length: 5 }, () => wake('b', at(T0 + 60_000)));
    await Promise.all([first, ...again]);
    expect(badge).toHaveBeenCalledTimes(2);
  });

  it('gives one notification, not zero or two, when deadlines passed while the worker slept', async () => {
    const create = spyNotifications();
    await wake('start', at(T0 + 60_000));
    expect(create).not.toHaveBeenCalled();
    // asleep for three days: the at-risk instant, the goal and the deadline all passed
    const late = T0 + 72 * H;
    await wake('alarm', at(late));
    expect(create).toHaveBeenCalledTimes(1);
    const [id, options] = create.mock.calls[0]! as unknown as [string, { title: string; iconUrl: string }];
    expect(id).toMatch(/^zendesk:mextra\.zendesk\.com:1001:(response|resolution):breach$/);
    expect(options.title).toMatch(/^SLA breached: #1001/);
    expect(options.iconUrl).toMatch(/\/icon\/128\.png$/);
    // woken again (safety alarm), and after a restart: markers come back from storage
    await wake('alarm', at(late + 60_000));
    await wake('start', at(late + 5 * 60_000));
    expect(create).toHaveBeenCalledTimes(1);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    const markers = (await fakeBrowser.storage.local.get('alertMarkers')).alertMarkers as object;
    expect(Object.keys(markers)).toContain(id);
  });

  it('notifies once when two wake-ups race (an alarm and a worker start at the same instant)', async () => {
    const create = spyNotifications();
    await wake('start', at(T0 + 60_000));
    await Promise.all([wake('alarm', at(T0 + 72 * H)), wake('start', at(T0 + 72 * H))]);
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('follows the alarms through goal, at-risk and deadline, warning once at each', async () => {
    const create = spyNotifications();
    const first = await wake('start', at(T0 + 60_000));
    let next = first.plan.nextAlarmAt;
    const fired: string[] = [];
    for (let i = 0; i < 10 && next !== null; i++) {
      const r = await wake('alarm', at(next));
      fired.push(...r.plan.notify.map((n) => n.id));
      next = r.plan.nextAlarmAt;
    }
    expect(create.mock.calls.map((c) => c[0])).toEqual(fired);
    // Mextra "high": resolution with a 90% goal before the deadline; the goal comes first
    expect(fired.map((id) => id.split(':').slice(-2).join(':'))).toEqual([
      'resolution:goal',
      'resolution:at-risk',
      'resolution:breach',
    ]);
    expect(await fakeBrowser.alarms.get(NEXT_ALARM)).toBeUndefined();
  });

  it('shows nothing with notifications off but still marks, badges and schedules', async () => {
    await seedConfig(undefined, { notifications: false });
    const create = spyNotifications();
    await wake('start', at(T0 + 72 * H));
    expect(create).not.toHaveBeenCalled();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    await seedConfig();
    await wake('start', at(T0 + 73 * H));
    expect(create).not.toHaveBeenCalled(); // no backlog released
  });

  it('clears the evaluation of tickets whose host has no policy any more', async () => {
    await seedConfig([]);
    await wake('start', at(T0 + H));
    expect((await storedRegistry()).entries[`zendesk:${HOST}:1001`]!.evaluation).toBeNull();
    expect(await fakeBrowser.alarms.get(NEXT_ALARM)).toBeUndefined();
  });
});

describe('the re-evaluating wake-up writes only the tickets whose summary changed (issue 13)', () => {
  it('writes none a minute later, and only the ticket that turned at risk when one did', async () => {
    fakeBrowser.reset();
    const { deleteStore, openStore } = await import('../storage/db');
    const { forgetStoreState } = await import('./registry-store');
    await deleteStore();
    forgetStoreState();
    await seedConfig();
    // 40 tickets; #3000 is urgent (resolution at risk at 13:30 Amsterdam), the others are not near a threshold.
    const urgent = ticketEntry(3000, { createdAt: iso(T0), priority: 'urgent', type: 'incident' });
    const calm = Array.from({ length: 39 }, (_, i) =>
      ticketEntry(3001 + i, {
        createdAt: iso(T0 + i * 60_000),
        priority: i % 2 ? 'normal' : 'high',
        type: 'incident',
      }),
    );
    await seedRegistry([urgent, ...calm]);
    const riskAt = Date.parse('2026-03-02T12:30:00Z');
    await wake('start', at(riskAt - 3 * 60_000)); // every ticket gets its first evaluation
    const proto = Object.getPrototypeOf(
      (await openStore()).transaction('tickets', 'readwrite').objectStore('tickets'),
    );
    const put = vi.spyOn(proto, 'put');
    const ticketPuts = () => put.mock.contexts.filter((c) => (c as IDBObjectStore).name === 'tickets').length;
    await wake('alarm', at(riskAt - 2 * 60_000));
    expect(ticketPuts()).toBe(0);
    await wake('alarm', at(riskAt + 60_000));
    expect(ticketPuts()).toBe(1);
    const written = put.mock.calls.filter(
      (_, i) => (put.mock.contexts[i] as IDBObjectStore).name === 'tickets',
    );
    expect(written.map((c) => (c[0] as { key: string }).key)).toEqual([urgent.key]);
    const stored = (await storedRegistry()).entries[urgent.key]!.evaluation!.metrics.resolution!;
    expect(stored.atRisk).toBe(true);
  });
});

describe('clicking a notification', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await seedConfig();
    await seedRegistry([ticketEntry(1001, { createdAt: iso(T0), priority: 'high', type: 'incident' })]);
  });

  it('finds the registry key inside the notification id', () => {
    expect(entryKeyOfNotification(`zendesk:${HOST}:1001:resolution:breach`)).toBe(`zendesk:${HOST}:1001`);
    expect(entryKeyOfNotification('sla-summary:1')).toBeNull();
  });

  it("opens the ticket's page when no tab shows it, and focuses the tab when one does", async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await onNotificationClicked(`zendesk:${HOST}:1001:resolution:breach`);
    expect(create).toHaveBeenCalledWith({ url: `https://${HOST}/agent/tickets/1001` });
    const update = vi.spyOn(fakeBrowser.tabs, 'update');
    await onNotificationClicked(`zendesk:${HOST}:1001:response:at-risk`);
    expect(create).toHaveBeenCalledTimes(1);
    expect(update).toHaveBeenCalledWith(expect.any(Number), { active: true });
  });

  it('opens the popup page for a summary notification', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await onNotificationClicked('sla-summary:123');
    expect(create.mock.calls[0]?.[0]).toMatchObject({ url: expect.stringMatching(/popup\.html$/) });
  });
});

describe('the wake-up after a poll (issue 12: proportional to the changes)', () => {
  const tickets = () =>
    [0, 1, 3, 6, 20, 45].map((h, i) =>
      ticketEntry(2001 + i, {
        createdAt: iso(T0 - h * H),
        priority: i % 2 ? 'urgent' : 'high',
        type: 'incident',
      }),
    );

  /** Seeds, wakes fully at T0 + 1 min, then runs `second` at `t`; what the browser then shows. */
  async function run(second: (t: number) => Promise<unknown>, t: number) {
    fakeBrowser.reset();
    const { deleteStore } = await import('../storage/db');
    const { forgetStoreState } = await import('./registry-store');
    await deleteStore();
    forgetStoreState();
    await seedConfig();
    await seedRegistry(tickets());
    const create = spyNotifications();
    await wake('start', at(T0 + 60_000));
    create.mockClear();
    await second(t);
    const shown = create.mock.calls.map((c) => String(c[0])).sort();
    create.mockRestore();
    return {
      shown,
      badge: await fakeBrowser.action.getBadgeText({}),
      next: (await fakeBrowser.alarms.get(NEXT_ALARM))?.scheduledTime ?? null,
      markers: Object.keys(
        ((await fakeBrowser.storage.local.get('alertMarkers')).alertMarkers as object) ?? {},
      ).sort(),
    };
  }

  it('shows, marks, counts and schedules what a full re-evaluation would, reading only the index', async () => {
    let shown = 0;
    for (const t of [T0 + 2 * H, T0 + 5 * H, T0 + 26 * H, T0 + 80 * H]) {
      const full = await run((now) => wake('alarm', at(now)), t);
      const partial = await run((now) => wakeAfterPoll([], at(now)), t);
      const { markers: fullMarkers, ...fullShown } = full;
      const { markers: partialMarkers, ...partialShown } = partial;
      expect(partialShown).toEqual(fullShown);
      // Every marker the full plan keeps; the partial one may keep an at-risk marker that a
      // re-evaluation drops once the clock is breached (it can only hold back a repeat).
      expect(partialMarkers).toEqual(expect.arrayContaining(fullMarkers));
      shown += full.shown.length;
    }
    expect(shown).toBeGreaterThan(1); // thresholds did pass in between
  });

  it('notifies once: a second wake-up after the next poll shows nothing again', async () => {
    const first = await run((now) => wakeAfterPoll([], at(now)), T0 + 26 * H);
    expect(first.shown.length).toBeGreaterThan(0);
    const create = spyNotifications();
    await wakeAfterPoll([], at(T0 + 26 * H + 2 * 60_000));
    await wake('alarm', at(T0 + 26 * H + 3 * 60_000));
    expect(create).not.toHaveBeenCalled();
  });

  it('says in the UI language why the badge asks to sign in', () => {
    expect(badgeTitle(['mextra.zendesk.com'], 'nl')).toBe(
      'Meld je opnieuw aan om mextra.zendesk.com te blijven volgen',
    );
    expect(badgeTitle(['a.zendesk.com', 'b.topdesk.net'], 'en')).toBe(
      'Sign in again to keep watching a.zendesk.com, b.topdesk.net',
    );
    expect(badgeTitle([], 'nl')).toBe('');
  });
});
