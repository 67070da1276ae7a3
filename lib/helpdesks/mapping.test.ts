import { describe, expect, it } from 'vitest';
import { getBuiltinPolicy } from '../../policies';
import { atPath, fold, matchLevel, ownValue, vocabularyOf } from './mapping';

const scope = vocabularyOf(getBuiltinPolicy('scope4mation')!);
const mextra = vocabularyOf(getBuiltinPolicy('mextra')!);
const membro = vocabularyOf(getBuiltinPolicy('membro')!);

describe('mapping helpdesk values onto a policy', () => {
  it('maps TOPdesk priority "Normaal" to scope4mation 2 by its Dutch label', () => {
    expect(matchLevel(scope, 'priority', 'Normaal', undefined, 'TOPdesk')).toEqual({ ok: true, id: '2' });
  });

  it('maps Zendesk priority urgent to mextra urgent by its id', () => {
    expect(matchLevel(mextra, 'priority', 'urgent', undefined, 'Zendesk')).toEqual({
      ok: true,
      id: 'urgent',
    });
  });

  it('ignores case, accents and surrounding spaces', () => {
    expect(fold('  HÓóg ')).toBe('hoog');
    expect(matchLevel(membro, 'urgency', '  MÍDDEL ', undefined, 'Zendesk')).toMatchObject({ ok: true });
  });

  it('lets an explicit map win over the labels', () => {
    expect(matchLevel(scope, 'priority', 'Normaal', { normaal: '1' }, 'TOPdesk')).toEqual({
      ok: true,
      id: '1',
    });
  });

  it('reports an unmapped value by name instead of guessing', () => {
    const r = matchLevel(mextra, 'priority', 'Spoed', undefined, 'TOPdesk');
    expect(r).toEqual({
      ok: false,
      problem: {
        field: 'priority',
        value: 'Spoed',
        message:
          "TOPdesk priority 'Spoed' is not mapped to a mextra priority (known: urgent, high, normal, low) — map it in Options",
      },
    });
  });

  it('reports an explicit map that points at a level the policy does not have', () => {
    const r = matchLevel(mextra, 'priority', 'Spoed', { Spoed: 'P0' }, 'TOPdesk');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problem.message).toMatch(/mapped to 'P0', which is not a mextra priority/);
  });
});

describe('own-key lookups', () => {
  it('never returns an Object.prototype member for a key from outside', () => {
    expect(ownValue({ a: 1 }, 'a')).toBe(1);
    for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty'])
      expect(ownValue({ a: 1 } as Record<string, number>, key)).toBeUndefined();
    expect(ownValue(undefined, 'a')).toBeUndefined();
  });
  it('follows a dotted field path through own keys only', () => {
    expect(atPath({ sla: { name: 'Gold' } }, 'sla.name')).toBe('Gold');
    expect(atPath({ sla: {} }, 'sla.constructor')).toBeUndefined();
    expect(atPath({}, '__proto__')).toBeUndefined();
  });
});
