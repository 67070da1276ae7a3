/* eslint-disable @typescript-eslint/no-explicit-any -- these tests mutate seed policy JSON freely */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import mextra from '../../policies/mextra.json' with { type: 'json' };
import membro from '../../policies/membro.json' with { type: 'json' };
import { BUILTIN_POLICIES } from '../../policies/index.ts';
import {
  NeutralTicketSchema,
  parsePolicyText,
  validatePolicy,
  validateTicket,
  type Issue,
} from './schema.ts';

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** Validates `seed` with one value anywhere in it replaced by an arbitrary one, `runs` times. */
function onRandomMutations(seed: unknown, runs: number, check: (issues: Issue[]) => void): void {
  const paths: Array<Array<string | number>> = [];
  const walk = (v: unknown, at: Array<string | number>) => {
    paths.push(at);
    if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) walk(x, [...at, Array.isArray(v) ? Number(k) : k]);
  };
  walk(seed, []);
  fc.assert(
    fc.property(fc.nat(paths.length - 1), fc.anything(), (i, value) => {
      const p = clone(seed) as any;
      const path = paths[i]!;
      if (!path.length) return;
      let o = p;
      for (const k of path.slice(0, -1)) o = o[k];
      o[path[path.length - 1]!] = value;
      const r = validatePolicy(p);
      if (!r.ok) check(r.issues);
    }),
    { numRuns: runs },
  );
}
const issuesOf = (json: unknown) => {
  const r = validatePolicy(json);
  return r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message}`);
};

describe('the seed policies', () => {
  it('all validate, with ids workspace365, mextra, scope4mation, membro and zmanda', () => {
    expect(BUILTIN_POLICIES.map((p) => p.id)).toEqual([
      'workspace365',
      'mextra',
      'scope4mation',
      'membro',
      'zmanda',
    ]);
  });

  it('cite a contract section for every target', () => {
    for (const p of BUILTIN_POLICIES)
      for (const byTier of Object.values(p.targets))
        for (const byPrio of Object.values(byTier))
          for (const metrics of Object.values(byPrio))
            for (const t of Object.values(metrics)) expect(t?.source, p.id).toBeTruthy();
  });
});

describe('policy validation', () => {
  it('names an unknown priority in targets by its JSON path and lists the known ones', () => {
    const p = clone(membro) as Record<string, any>;
    p.priorities = ['P1', 'P2', 'P3', 'P4'].map((id) => ({ id, label: { nl: id, en: id } }));
    p.matrix = undefined;
    p.targets = {
      incident: { premium: { P9: { response: { due: { amount: 1, unit: 'business-hours' } } } } },
    };
    expect(issuesOf(p)).toContain(
      'targets.incident.premium.P9: unknown priority "P9" (known: P1, P2, P3, P4)',
    );
  });

  it('rejects unknown fields (strict objects)', () => {
    const p = clone(mextra) as Record<string, any>;
    p.calendars['service-window-1'].colour = 'red';
    expect(issuesOf(p)).toEqual(['calendars.service-window-1.colour: unknown field "colour"']);
  });

  it('reports overlapping windows', () => {
    const p = clone(mextra) as Record<string, any>;
    p.calendars['service-window-1'].hours.mon = ['09:00-12:00', '11:00-13:00'];
    expect(issuesOf(p)).toEqual([
      'calendars.service-window-1.hours.mon[1]: window "11:00-13:00" overlaps "09:00-12:00"',
    ]);
  });

  it('reports windows that end before they start or are not times', () => {
    const p = clone(mextra) as Record<string, any>;
    p.calendars['service-window-1'].hours.tue = ['17:00-09:00', '25:00-26:00'];
    expect(issuesOf(p)).toEqual([
      'calendars.service-window-1.hours.tue[0]: window "17:00-09:00" ends before it starts',
      'calendars.service-window-1.hours.tue[1]: "25:00-26:00" is not a time window (HH:MM-HH:MM, 00:00–24:00)',
    ]);
  });

  it('reports an invalid IANA zone', () => {
    const p = clone(mextra) as Record<string, any>;
    p.timezone = 'Europe/Amsterdamm';
    expect(issuesOf(p)).toEqual([
      'timezone: unknown time zone "Europe/Amsterdamm" (use an IANA name like Europe/Amsterdam)',
    ]);
  });

  it('reports a bad unit and lists the known units', () => {
    const p = clone(mextra) as Record<string, any>;
    p.targets.incident.standard.urgent.resolution.due.unit = 'hours';
    const issues = issuesOf(p);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(
      /^targets\.incident\.standard\.urgent\.resolution\.due\.unit: unknown unit "hours" \(known: business-minutes, business-hours/,
    );
  });

  it('reports a missing amount, an amount on next-business-day and "none" without words', () => {
    const p = clone(mextra) as Record<string, any>;
    p.targets.incident.standard.urgent.resolution.due = { unit: 'business-hours' };
    p.targets.incident.standard.high.resolution.due = { unit: 'next-business-day', amount: 1 };
    p.targets.incident.standard.normal.resolution.due = { unit: 'none' };
    p.targets.incident.standard.normal.resolution.goal = undefined;
    expect(issuesOf(p)).toEqual([
      'targets.incident.standard.urgent.resolution.due.amount: unit "business-hours" needs an amount',
      'targets.incident.standard.high.resolution.due.amount: unit "next-business-day" takes no amount',
      'targets.incident.standard.normal.resolution.due.words: unit "none" needs the contract\'s words, e.g. "Best effort"',
    ]);
  });

  it('reports matrix cells that point at unknown priorities or miss a combination', () => {
    const p = clone(membro) as Record<string, any>;
    p.matrix.cells.high.high = 'urgent';
    delete p.matrix.cells.low.low;
    expect(issuesOf(p)).toEqual([
      'matrix.cells.high.high: unknown priority "urgent" (known: critical, high, medium, low)',
      'matrix.cells: no priority for impact "low" × urgency "low"',
    ]);
  });

  it('reports a tier that points at an unknown calendar and an unknown default type', () => {
    const p = clone(membro) as Record<string, any>;
    p.tiers[1].calendar = 'weekend';
    p.defaultType = 'bug';
    expect(issuesOf(p)).toEqual([
      'tiers[1].calendar: unknown calendar "weekend" (known: standard-hours, premium-hours)',
      'defaultType: unknown type "bug" (known: incident, change)',
    ]);
  });

  it('reports wrong types and missing fields in plain words', () => {
    expect(issuesOf({ ...clone(mextra), name: 3 })).toEqual(['name: expected string, got number']);
    const { timezone: _t, ...noZone } = clone(mextra);
    expect(issuesOf(noZone)).toEqual(['timezone: missing (expected string)']);
  });

  it('says every problem in Dutch too, in the words of the English one', () => {
    const p = clone(mextra) as any;
    p.timezone = 'Europe/Amsterdm';
    p.name = 3;
    const r = validatePolicy(p);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => `${i.path}: ${i.nl}`)).toEqual(['name: verwacht: tekst, gevonden: een getal']);
    delete p.name;
    p.name = 'Mextra';
    p.targets.incident.standard.P9 = p.targets.incident.standard.urgent;
    p.calendars['service-window-1'].hours.mon = ['09:00-17:00', '16:00-18:00'];
    const nl = validatePolicy(p);
    if (nl.ok) throw new Error('expected issues');
    const said = nl.issues.map((i) => i.nl ?? `(no Dutch) ${i.message}`);
    expect(said).toContain(
      'onbekende tijdzone "Europe/Amsterdm" (gebruik een IANA-naam zoals Europe/Amsterdam)',
    );
    expect(said.some((m) => /^onbekende prioriteit "P9" \(bekend: /.test(m))).toBe(true);
    expect(said).toContain('venster "16:00-18:00" overlapt "09:00-17:00"');
  });

  it('has Dutch for every problem, also when a seed policy is mutated at random', () => {
    onRandomMutations(mextra, 500, (issues) => {
      for (const iss of issues) expect(iss.nl, `${iss.path}: ${iss.message}`).toBeTruthy();
    });
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.anything(), (x) => {
        const r = validatePolicy(x);
        expect(r.ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws when a seed policy is mutated at random', () => {
    onRandomMutations(membro, 1000, (issues) => {
      for (const iss of issues) expect(typeof iss.message).toBe('string');
    });
  });
});

describe('policy text', () => {
  it('reports a JSON syntax error with its line and column', () => {
    const r = parsePolicyText('{\n  "id": "x",\n  "name": oops\n}');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]!.message).toMatch(/^invalid JSON at line 3, column 11/);
  });

  it('reports a truncated file at its end', () => {
    const r = parsePolicyText('{\n  "id": "x",');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]!.message).toMatch(/line 2, column 13/);
  });
});

describe('ticket validation', () => {
  it('accepts a full ticket', () => {
    expect(
      validateTicket({
        createdAt: '2026-02-04T17:30:00+01:00',
        type: 'incident',
        timezone: 'Europe/Amsterdam',
        events: [
          { at: '2026-02-04T18:00:00Z', type: 'status', status: 'pending' },
          { at: '2026-02-04T18:00:00Z', type: 'reply', public: true, by: 'agent' },
          { at: '2026-02-04T18:00:00Z', type: 'hotfix' },
        ],
      }).ok,
    ).toBe(true);
  });

  it.each([
    [{ createdAt: '2026-02-30T10:00:00Z' }, 'createdAt: malformed date "2026-02-30T10:00:00Z"'],
    [{ createdAt: '2026-02-04 10:00' }, 'createdAt: malformed date "2026-02-04 10:00"'],
    [{ createdAt: '2026-02-04T10:00:00' }, 'createdAt: malformed date "2026-02-04T10:00:00"'],
    [{ createdAt: '2026-02-04T10:00:00Z', timezone: 'Mars/Base' }, 'timezone: unknown time zone "Mars/Base"'],
    [{}, 'createdAt: missing'],
    [
      { createdAt: '2026-02-04T10:00:00Z', events: [{ at: 'x', type: 'status', status: 'open' }] },
      'events[0].at: malformed date "x"',
    ],
    [
      {
        createdAt: '2026-02-04T10:00:00Z',
        events: [{ at: '2026-02-04T10:00:00Z', type: 'status', status: 'waiting' }],
      },
      'events[0].status: "waiting" is not allowed',
    ],
    [{ createdAt: '2026-02-04T10:00:00Z', colour: 'red' }, 'colour: unknown field "colour"'],
  ])('reports %j with the field named', (ticket, message) => {
    const r = validateTicket(ticket);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(`${r.issues[0]!.path}: ${r.issues[0]!.message}`).toContain(message);
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.anything(), (x) => void validateTicket(x)),
      { numRuns: 500 },
    );
  });
});

describe('validateTicket on the bulk path', () => {
  const instant = fc.oneof(
    fc.constant('2026-02-04T17:30:00+01:00'),
    fc.constant('2026-02-30T17:30:00+01:00'),
    fc.constant('2026-02-04 17:30'),
    fc.constant(''),
  );
  const event = fc.oneof(
    fc.record({
      at: instant,
      type: fc.constant('status'),
      status: fc.constantFrom('open', 'pending', 'gone'),
    }),
    fc.record({
      at: instant,
      type: fc.constant('reply'),
      public: fc.oneof(fc.boolean(), fc.constant('yes')),
      by: fc.constantFrom('agent', 'requester', 'bot'),
    }),
    fc.record({ at: instant, type: fc.constantFrom('hotfix', 'merge') }),
    fc.record({ at: instant, type: fc.constant('priority'), priority: fc.constantFrom('P1', '') }),
    fc.record({ at: instant, type: fc.constant('hotfix'), extra: fc.constant(1) }),
  );
  const ticket = fc.record(
    {
      createdAt: instant,
      priority: fc.constantFrom('high', '', 3),
      tier: fc.constantFrom('premium', null),
      workaround: fc.constantFrom(true, 'no'),
      timezone: fc.constantFrom('Europe/Brussels', 'Mars/Base', '+01:00'),
      holidayRegion: fc.constantFrom('BE', 'de-by', 'XX'),
      events: fc.oneof(fc.array(event, { maxLength: 3 }), fc.constant('none')),
      color: fc.constant('red'),
    },
    { requiredKeys: [] },
  );

  it('accepts exactly what the zod schema accepts, and gives zod’s messages for the rest', () => {
    fc.assert(
      fc.property(ticket, (t) => {
        const r = validateTicket(t);
        expect(r.ok).toBe(NeutralTicketSchema.safeParse(t).success);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('report.availability', () => {
  it('the seeds with availability declare a target for every tier and cite their section', () => {
    const seeds = BUILTIN_POLICIES.filter((p) => p.report?.availability);
    expect(seeds.map((p) => p.id)).toEqual(['workspace365', 'mextra', 'scope4mation', 'membro']);
    for (const p of seeds) {
      const a = p.report!.availability!;
      expect(a.source).toBeTruthy();
      expect(a.text?.nl && a.text.en).toBeTruthy();
      for (const t of p.tiers) expect(a.targets[t.id] ?? a.targets['*']).toBeGreaterThan(90);
    }
    expect(BUILTIN_POLICIES.find((p) => p.id === 'membro')!.report!.availability!.targets).toEqual({
      standard: 98,
      premium: 99.5,
    });
  });

  it('reports an unknown tier, a bad window, an announced window that ends before it starts, and no target', () => {
    const p = clone(membro) as any;
    p.report = {
      availability: {
        targets: { gold: 99.9 },
        maintenance: {
          recurring: [{ window: '25:00-04:00' }, { days: ['sat'], window: '20:00-04:00' }],
          announced: [
            { from: '2026-06-10T22:00', to: '2026-06-10T21:00' },
            { from: '2026-02-30T22:00', to: '2026-03-01T01:00' },
            { from: '06-10T22:00', to: '06-10T23:00' },
          ],
        },
      },
    };
    expect(issuesOf(p)).toEqual([
      'report.availability.targets.gold: unknown tier "gold" (known: standard, premium)',
      'report.availability.maintenance.recurring[0].window: "25:00-04:00" is not a time window (HH:MM-HH:MM, 00:00–24:00)',
      'report.availability.maintenance.announced[0].to: the window ends ("2026-06-10T21:00") before it starts ("2026-06-10T22:00")',
      'report.availability.maintenance.announced[1].from: "2026-02-30T22:00" is not a real date and time (use "YYYY-MM-DDTHH:MM")',
      'report.availability.maintenance.announced[2].from: "06-10T22:00" is not a real date and time (use "YYYY-MM-DDTHH:MM")',
    ]);
    p.report.availability = { targets: {} };
    expect(issuesOf(p)).toEqual([
      'report.availability.targets: give a target percent for at least one tier (or "*"), e.g. { "*": 99.5 }',
    ]);
    p.report.availability = { targets: { '*': 101 }, environments: 0 };
    expect(issuesOf(p).map((i) => i.split(':')[0])).toEqual([
      'report.availability.targets.*',
      'report.availability.environments',
    ]);
  });
});
