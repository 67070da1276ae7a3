import { describe, expect, it } from 'vitest';
import { diffPolicy, formatValue } from './diffPolicy';
import { stubMextra } from '../../tests/support/config';

type Stub = ReturnType<typeof stubMextra> & {
  targets: {
    incident: { standard: Record<string, { resolution: { due: { amount: number; unit: string } } }> };
  };
  calendars: { sw1: { zone: string; windows: Record<string, string[][]>; holidays: string[] } };
  priorities: Array<{ id: string }>;
  compliance: Record<string, number>;
};
const mextra = () => stubMextra() as Stub;

describe('diffPolicy', () => {
  it('finds nothing when the same policy is imported again', () => {
    expect(diffPolicy(stubMextra(), stubMextra())).toEqual({ identical: true, groups: [], count: 0 });
  });

  it('shows an edited Mextra urgent resolution (due 6 h → 5 h) as one changed target', () => {
    const edited = mextra();
    edited.targets.incident.standard.urgent!.resolution.due.amount = 5;
    const d = diffPolicy(stubMextra(), edited);
    expect(d.count).toBe(1);
    expect(d.groups).toEqual([
      {
        section: 'targets',
        changes: [
          {
            kind: 'changed',
            path: 'targets.incident.standard.urgent.resolution',
            label: 'incident / standard / urgent / resolution',
            before: 'due 6 business hours; goal 4 business hours (90%)',
            after: 'due 5 business hours; goal 4 business hours (90%)',
            // For a Dutch Options page: the path's words and the values in the sidebar's Dutch.
            nl: {
              label: 'incident / standard / urgent / oplossing',
              before: 'uiterlijk 6 kantooruren; doel 4 kantooruren (90%)',
              after: 'uiterlijk 5 kantooruren; doel 4 kantooruren (90%)',
            },
          },
        ],
      },
    ]);
  });

  it('reports added and removed targets', () => {
    const edited = mextra();
    delete edited.targets.incident.standard.high;
    edited.targets.incident.standard.normal = { resolution: { due: { amount: 3, unit: 'business-days' } } };
    const changes = diffPolicy(stubMextra(), edited).groups[0]?.changes;
    expect(changes?.map((c) => [c.kind, c.label, c.before ?? null, c.after ?? null])).toEqual([
      [
        'removed',
        'incident / standard / high / resolution',
        'due 2 business days; goal 1 business day (90%)',
        null,
      ],
      ['added', 'incident / standard / normal / resolution', null, 'due 3 business days'],
    ]);
  });

  it('groups calendar changes per weekday, zone and holidays', () => {
    const edited = mextra();
    edited.calendars.sw1.windows.mon = [
      ['09:00', '12:00'],
      ['13:00', '17:30'],
    ];
    edited.calendars.sw1.windows.sat = [['10:00', '14:00']];
    edited.calendars.sw1.zone = 'Europe/Brussels';
    edited.calendars.sw1.holidays = ['nl-public', '2026-12-24'];
    const d = diffPolicy(stubMextra(), edited);
    expect(d.groups.map((g) => g.section)).toEqual(['calendars']);
    expect(
      d.groups[0]?.changes.map((c) => `${c.kind} ${c.label}: ${c.before ?? ''} → ${c.after ?? ''}`),
    ).toEqual([
      'changed sw1 / zone: Europe/Amsterdam → Europe/Brussels',
      'changed sw1 / windows / mon: 09:00–17:30 → 09:00–12:00, 13:00–17:30',
      'added sw1 / windows / sat:  → 10:00–14:00',
      'changed sw1 / holidays: nl-public → nl-public, 2026-12-24',
    ]);
  });

  it('matches priorities by id, so a reorder is one change and a new level is one addition', () => {
    const edited = mextra();
    edited.priorities = [
      { id: 'high' },
      { id: 'urgent' },
      { id: 'normal' },
      { id: 'low' },
      { id: 'planned' },
    ];
    const g = diffPolicy(stubMextra(), edited).groups.find((x) => x.section === 'priorities');
    expect(g?.changes.map((c) => [c.kind, c.label])).toEqual([
      ['added', 'planned'],
      ['changed', 'order'],
    ]);
    expect(g?.changes[1]?.after).toBe('high, urgent, normal, low, planned');
  });

  it('puts compliance goals, matrix cells and other fields in their own groups', () => {
    const before = { ...stubMextra(), matrix: { cells: { high: { high: 'P1' } } } };
    const after = {
      ...mextra(),
      compliance: { urgent: 95 },
      matrix: { cells: { high: { high: 'P2' } } },
      name: 'Mextra 2026',
    };
    const d = diffPolicy(before, after);
    expect(
      d.groups.map((g) => [g.section, g.changes.map((c) => `${c.label}: ${c.before} → ${c.after}`)]),
    ).toEqual([
      ['matrix', ['cells / high / high: P1 → P2']],
      ['compliance', ['urgent: 90 → 95']],
      ['other', ['name: Mextra → Mextra 2026']],
    ]);
  });

  it('compares against nothing as all additions and survives non-objects', () => {
    expect(diffPolicy(null, { id: 'x' }).groups).toEqual([
      {
        section: 'other',
        changes: [{ kind: 'added', path: 'id', label: 'id', after: 'x', nl: { label: 'id', after: 'x' } }],
      },
    ]);
    expect(diffPolicy({ a: 1 }, 'text').count).toBe(1);
  });
});

describe('formatValue', () => {
  it('writes best effort in the contract’s own words', () => {
    expect(formatValue({ unit: 'none', text: 'Redelijke inspanning' })).toBe('Redelijke inspanning');
    expect(formatValue({ from: '09:00', to: '17:30' })).toBe('09:00–17:30');
    expect(formatValue([])).toBe('(none)');
  });
});

describe('diffPolicy on the real Mextra seed', () => {
  it('previews an edited urgent resolution (due 6 h → 5 h) as the one changed target', async () => {
    const { default: seed } = await import('../../policies/mextra.json', { with: { type: 'json' } });
    const edited = structuredClone(seed) as typeof seed;
    edited.targets.incident.standard.urgent.resolution.due.amount = 5;
    const d = diffPolicy(seed, edited);
    expect(d.count).toBe(1);
    expect(d.groups[0]).toMatchObject({
      section: 'targets',
      changes: [
        {
          kind: 'changed',
          label: 'incident / standard / urgent / resolution',
          before: 'goal 4 business hours (90%); due 6 business hours',
          after: 'goal 4 business hours (90%); due 5 business hours',
        },
      ],
    });
  });
});
