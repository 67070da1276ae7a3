import { describe, expect, it } from 'vitest';
import { getBuiltinPolicy } from '../../policies/index.ts';
import { evaluate, SlaInputError } from './evaluate.ts';
import { deadlineAfter, listPolicyHolidays, openAt } from './helpers.ts';
import { validatePolicy, validateTicket, type Policy } from './schema.ts';

const membro = getBuiltinPolicy('membro')!;
/** The Membro seed reads its 1.7 rule literally: the customer's own local holidays. */
const local: Policy = membro;
/** Membro as if it named only Dutch holidays, whatever the ticket says. */
const dutchOnly: Policy = { ...membro, useTicketHolidays: false };
const NOW = '2026-01-01T00:00:00Z';
const due = (p: Policy, createdAt: string, holidayRegion?: string) =>
  evaluate(p, { createdAt, priority: 'high', ...(holidayRegion ? { holidayRegion } : {}) }, NOW).metrics
    .response!.dueAt;

describe('holidays from the ticket (Membro 1.7, local holidays of the customer)', () => {
  it('skips Belgian National Holiday (21 July) for a Belgian ticket but not for a Dutch one', () => {
    // 8 business hours from Mon 20 July 16:00, 09:00–17:00
    expect(due(local, '2026-07-20T16:00:00+02:00', 'NL')).toBe('2026-07-21T16:00:00+02:00');
    expect(due(local, '2026-07-20T16:00:00+02:00', 'BE')).toBe('2026-07-22T16:00:00+02:00');
  });

  it('skips Corpus Christi (4 June 2026) for a Bavarian ticket', () => {
    expect(due(local, '2026-06-03T16:00:00+02:00', 'DE-BY')).toBe('2026-06-05T16:00:00+02:00');
    expect(due(local, '2026-06-03T16:00:00+02:00')).toBe('2026-06-04T16:00:00+02:00');
  });

  it('counts King’s Day (27 April 2026) as a working day for a Belgian or German ticket', () => {
    expect(due(local, '2026-04-24T16:00:00+02:00')).toBe('2026-04-28T16:00:00+02:00');
    expect(due(local, '2026-04-24T16:00:00+02:00', 'be')).toBe('2026-04-27T16:00:00+02:00');
    expect(due(local, '2026-04-24T16:00:00+02:00', 'DE')).toBe('2026-04-27T16:00:00+02:00');
  });

  it('ignores the ticket’s region when the policy does not ask for it', () => {
    expect(due(dutchOnly, '2026-07-20T16:00:00+02:00', 'BE')).toBe('2026-07-21T16:00:00+02:00');
  });

  it('names the region in the explanation and the evaluation', () => {
    const e = evaluate(
      local,
      { createdAt: '2026-07-20T16:00:00+02:00', priority: 'high', holidayRegion: 'BE' },
      NOW,
    );
    expect(e.holidayRegion).toBe('BE');
    expect(e.explanation).toContain("Holidays of BE (the ticket's region).");
  });

  it('refuses an unknown region with the field name, in evaluate and in validateTicket', () => {
    expect(() => due(local, '2026-07-20T16:00:00+02:00', 'XX')).toThrow(SlaInputError);
    expect(() => due(local, '2026-07-20T16:00:00+02:00', 'XX')).toThrow(
      /^holidayRegion: unknown holiday region "XX"/,
    );
    const r = validateTicket({ createdAt: '2026-07-20T16:00:00+02:00', holidayRegion: 'Mars' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ path: 'holidayRegion' });
  });
});

describe('the Membro seed (1.7: "exclusief lokale feestdagen" of the customer’s area)', () => {
  const respond = (createdAt: string, holidayRegion?: string, tier = 'standard') =>
    evaluate(membro, { createdAt, tier, priority: 'high', ...(holidayRegion ? { holidayRegion } : {}) }, NOW)
      .metrics.response!.dueAt;

  it('asks for the ticket’s holidays and explains why in both languages', () => {
    expect(membro.useTicketHolidays).toBe(true);
    const note = membro.notes!.find((n) => typeof n !== 'string' && n.en.includes('1.7'));
    expect(note).toMatchObject({
      en: expect.stringContaining("the public holidays of the customer's region"),
      nl: expect.stringContaining('de officiële feestdagen van de regio van de klant'),
    });
  });

  it('skips holidays a Belgian and a German customer have and the Netherlands has not', () => {
    // Belgian National Holiday, Tue 21 July 2026: 8 business hours from Mon 16:00
    expect(respond('2026-07-20T16:00:00+02:00')).toBe('2026-07-21T16:00:00+02:00');
    expect(respond('2026-07-20T16:00:00+02:00', 'BE')).toBe('2026-07-22T16:00:00+02:00');
    // Corpus Christi, Thu 4 June 2026: a holiday in Bavaria, not in the Netherlands
    expect(respond('2026-06-03T16:00:00+02:00', 'DE-BY')).toBe('2026-06-05T16:00:00+02:00');
    expect(respond('2026-06-03T16:00:00+02:00')).toBe('2026-06-04T16:00:00+02:00');
    // every German state: Labour Day, Fri 1 May 2026 (not a Dutch public holiday)
    expect(respond('2026-04-30T16:00:00+02:00', 'DE')).toBe('2026-05-04T16:00:00+02:00');
    expect(respond('2026-04-30T16:00:00+02:00')).toBe('2026-05-01T16:00:00+02:00');
  });

  it('works the Dutch holidays a Belgian or German customer does not have (King’s Day), on both tiers', () => {
    // Fri 24 April 16:00 + 8 business hours; Mon 27 April is King's Day
    expect(respond('2026-04-24T16:00:00+02:00')).toBe('2026-04-28T16:00:00+02:00');
    expect(respond('2026-04-24T16:00:00+02:00', 'BE')).toBe('2026-04-27T16:00:00+02:00');
    expect(respond('2026-04-24T16:00:00+02:00', 'DE-BY')).toBe('2026-04-27T16:00:00+02:00');
    // Premium (07:00–21:00 every day, 2 business hours for high): King's Day closed for NL only
    expect(respond('2026-04-27T10:00:00+02:00', undefined, 'premium')).toBe('2026-04-28T09:00:00+02:00');
    expect(respond('2026-04-27T10:00:00+02:00', 'BE', 'premium')).toBe('2026-04-27T12:00:00+02:00');
  });
});

/** A Dutch contract: closed from 15:00 on 24 and 31 December, a bridge day, a meeting, no Ascension. */
function contract(): Policy {
  const p = structuredClone(getBuiltinPolicy('mextra')!) as Policy;
  const cal = p.calendars['service-window-1']!;
  cal.holidays = [{ set: 'nl-public', except: ['Ascension Day'] }];
  cal.dates = {
    '12-24': { hours: ['09:00-15:00'], label: { nl: 'Kerstavond', en: 'Christmas Eve' }, source: '8.4' },
    '12-31': { hours: ['09:00-15:00'], source: '8.4' },
    '2026-05-15': 'closed',
  };
  cal.closings = [{ from: '2026-03-12T13:00', to: '2026-03-12T15:00', source: 'announcement' }];
  const r = validatePolicy(p);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.policy;
}

describe('a policy with per-date hours, closings and a holiday left out', () => {
  const p = contract();

  it('explains the 15:00 closing on 24 December that moved a deadline, with its contract section', () => {
    const e = evaluate(p, { createdAt: '2026-12-23T12:00:00+01:00', priority: 'urgent' }, NOW);
    // 6 business hours: Wed 12:00–17:30 (5.5 h), then 0.5 h on Thu 24 Dec
    expect(e.metrics.resolution!.dueAt).toBe('2026-12-24T09:30:00+01:00');
    // from Thu 24 Dec 10:00: 5 h until the 15:00 closing, Christmas, weekend, 1 h on Mon 28 Dec
    const e2 = evaluate(p, { createdAt: '2026-12-24T10:00:00+01:00', priority: 'urgent' }, NOW);
    expect(e2.metrics.resolution!.dueAt).toBe('2026-12-28T10:00:00+01:00');
    expect(e2.explanation).toContain(
      '2026-12-24: open only 09:00-15:00 (Christmas Eve; contract section 8.4).',
    );
    const nl = evaluate(p, { createdAt: '2026-12-24T10:00:00+01:00', priority: 'urgent' }, NOW, {
      locale: 'nl',
    });
    expect(nl.explanation).toContain('2026-12-24: alleen open 09:00-15:00 (Kerstavond; contractsectie 8.4).');
  });

  it('works on Ascension Day when the policy leaves it out of nl-public', () => {
    expect(openAt(p, undefined, Date.parse('2026-05-14T10:00:00+02:00')).open).toBe(true);
    expect(openAt(getBuiltinPolicy('mextra')!, undefined, Date.parse('2026-05-14T10:00:00+02:00')).open).toBe(
      false,
    );
    expect(listPolicyHolidays(p, '2026-05-01', '2026-05-31').map((h) => h.date)).toEqual([
      '2026-05-24',
      '2026-05-25',
    ]);
  });

  it('answers the CLI questions on the same tables: 8 business hours after Friday 16:00', () => {
    const q = deadlineAfter(p, undefined, Date.parse('2026-03-13T16:00:00+01:00'), {
      unit: 'business-hours',
      amount: 8,
    })!;
    // Fri 16:00–17:30 (1.5 h), Mon 09:00 + 6.5 h
    expect(new Date(q.due).toISOString()).toBe('2026-03-16T14:30:00.000Z');
    const closed = openAt(p, undefined, Date.parse('2026-03-12T14:00:00+01:00'));
    expect(closed).toMatchObject({ open: false, opensAt: Date.parse('2026-03-12T15:00:00+01:00') });
  });

  it('refuses a bad date key, a bad window, a closing that ends first, and an unknown set, by path', () => {
    const bad = structuredClone(p) as Policy & { calendars: Record<string, Record<string, unknown>> };
    const cal = bad.calendars['service-window-1']!;
    cal.dates = { '02-30': 'closed', '2026-12-24': ['15:00-09:00'] };
    cal.closings = [{ from: '2026-03-12T15:00', to: '2026-03-12T13:00' }];
    cal.holidays = ['FR'];
    const r = validatePolicy(bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      expect.stringMatching(
        /^calendars\.service-window-1\.holidays\[0\]: unknown holiday set "FR" \(known: nl-public, NL, /,
      ),
      'calendars.service-window-1.dates.02-30: "02-30" is not a real date (use "YYYY-MM-DD", or "MM-DD" for every year)',
      'calendars.service-window-1.dates.2026-12-24[0]: window "15:00-09:00" ends before it starts',
      'calendars.service-window-1.closings[0].to: the closing ends ("2026-03-12T13:00") before it starts ("2026-03-12T15:00")',
    ]);
  });
});
