import { describe, expect, it } from 'vitest';
import { getBuiltinPolicy } from '../../policies/index.ts';
import { liveMetric } from '../../lib/live/countdown.ts';
import { evaluate } from '../../lib/sla/evaluate.ts';
import type { NeutralTicket } from '../../lib/sla/types.ts';
import { countdownLine } from './Countdown.tsx';

const zone = 'Europe/Amsterdam';

/** The response line for a Workspace 365 P3 ticket answered at `replyAt`, seen at `now`. */
function responseLine(createdAt: string, replyAt: string, now: string, locale: 'en' | 'nl' = 'en') {
  const ticket: NeutralTicket = {
    createdAt,
    impact: 'department',
    urgency: 'normal',
    events: [{ at: replyAt, type: 'reply', public: true, by: 'agent' }],
  };
  const metric = evaluate(getBuiltinPolicy('workspace365')!, ticket, now).metrics.response!;
  const nowMs = Date.parse(now);
  return countdownLine({ metric, live: liveMetric(metric, nowMs, nowMs), locale, zone, nowMs });
}

describe('the countdown line of a met clock', () => {
  it('says how early a reply came within business hours', () => {
    expect(
      responseLine('2026-02-09T09:00:00+01:00', '2026-02-09T10:00:00+01:00', '2026-02-09T11:00:00+01:00'),
    ).toMatch(/^Met 10:00, \d+ h( \d+ min)? early$/);
  });

  it('says a reply sent before the clock started met it before the clock started, not "n h early"', () => {
    // Saturday: the clock would start on Monday morning; the agent answered at once.
    expect(
      responseLine('2026-02-07T10:00:00+01:00', '2026-02-07T10:05:00+01:00', '2026-02-07T11:00:00+01:00'),
    ).toBe('Met 10:05, before the clock started');
    expect(
      responseLine(
        '2026-02-07T10:00:00+01:00',
        '2026-02-07T10:05:00+01:00',
        '2026-02-07T11:00:00+01:00',
        'nl',
      ),
    ).toBe('Gehaald 10:05, voordat de klok begon te lopen');
  });
});
