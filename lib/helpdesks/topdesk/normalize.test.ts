import { describe, expect, it } from 'vitest';
import { getBuiltinPolicy } from '../../../policies';
import incident from '../../../tests/fixtures/topdesk/incident-on-hold.json';
import { normalizeWith } from '..';
import { topdeskIso } from './normalize';

const scope = getBuiltinPolicy('scope4mation')!;
const mapping = {
  tier: { from: 'field', field: 'optionalFields1.text1' },
  values: { impact: { 'I-2 Normaal': 'I-2' }, urgency: { 'U-2 Normaal': 'U-2' } },
};

describe('a TOPdesk incident', () => {
  const r = normalizeWith('topdesk', { incident }, mapping, scope, 'scope4mation.topdesk.net');
  if (!r.ok) throw new Error(r.problem.message);

  it('reads +0000 offsets as ISO instants', () => {
    expect(topdeskIso('2021-02-11T06:32:36.303+0000')).toBe('2021-02-11T06:32:36.303+00:00');
    expect(r.ticket.createdAt).toBe('2026-02-09T08:15:00.000+00:00');
  });

  it('turns responded, on hold and completed into the engine events', () => {
    expect(r.ticket.events).toEqual([
      { at: '2026-02-09T09:05:36.303+00:00', type: 'reply', public: true, by: 'agent' },
      { at: '2026-02-09T13:00:00.000+00:00', type: 'status', status: 'on-hold' },
    ]);
  });

  it('maps its priority by label and its impact and urgency through the host value map', () => {
    expect(r.ticket).toMatchObject({ priority: '2', impact: 'I-2', urgency: 'U-2', tier: 'extended' });
  });

  it('links to the classic card by unid and shows the incident number', () => {
    expect(r.display).toMatchObject({
      ticketKey: 'I 2602 002',
      link: 'https://scope4mation.topdesk.net/tas/secure/incident?unid=a00000025c4e4b3a9d2f0123456789ab',
      status: 'Wachten op klant',
    });
  });

  it('reports an impact TOPdesk names differently when no map is given', () => {
    const bare = normalizeWith(
      'topdesk',
      { incident },
      { tier: mapping.tier },
      scope,
      'scope4mation.topdesk.net',
    );
    expect(bare).toMatchObject({
      ok: false,
      problem: { kind: 'unmapped', unmapped: { field: 'impact', value: 'I-2 Normaal' } },
    });
  });

  it.each(['__proto__', 'constructor', 'hasOwnProperty'])(
    'reads a call type "%s" as an unmapped type, not as a key of Object.prototype',
    (callType) => {
      const odd = { ...incident, callType: { id: 'x', name: callType } };
      const r = normalizeWith(
        'topdesk',
        { incident: odd },
        { ...mapping, types: { Storing: 'incident' } },
        scope,
        'scope4mation.topdesk.net',
      );
      expect(r.ok).toBe(true);
    },
  );

  it("reads the caller's branch as the customer and category, subcategory and call type as tags", () => {
    expect(r.facts).toEqual({ customer: 'Verpakkingen Tiel', tags: ['Hardware', 'Printers', 'Storing'] });
  });
});

describe('TOPdesk ticket facts', () => {
  it('take the customer from the mapped field when the mapping names one', () => {
    const r = normalizeWith(
      'topdesk',
      { incident },
      { ...mapping, customerField: { from: 'field', field: 'optionalFields1.text1' } },
      scope,
      'scope4mation.topdesk.net',
    );
    expect(r.ok && r.facts).toEqual({ customer: 'extended', tags: ['Hardware', 'Printers', 'Storing'] });
  });

  it('leave the customer out when the incident has no branch, and the tags empty without categories', () => {
    const { callerBranch: _b, category: _c, subcategory: _s, callType: _t, ...bare } = incident;
    const r = normalizeWith('topdesk', { incident: bare }, mapping, scope, 'scope4mation.topdesk.net');
    expect(r.ok && r.facts).toEqual({ tags: [] });
  });
});
