import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES, EMPTY_CONFIG, type Config } from '../storage/schemas';
import { effectiveConfig, managedPolicyIds } from './managed';
import { stubMextra, stubValidate } from '../../tests/support/config';

const ctx = { validate: stubValidate, builtins: { mextra: stubMextra(), membro: { id: 'membro' } } };
const local: Config = {
  ...EMPTY_CONFIG,
  policies: { acme: { json: { ...stubMextra(), id: 'acme', name: 'Acme (local)' }, importedAt: 't' } },
  assignments: [
    { host: 'mextra.zendesk.com', helpdesk: 'zendesk', policyId: 'mextra' },
    { host: 'acme.zendesk.com', helpdesk: 'zendesk', policyId: 'acme' },
  ],
};
const localPrefs = { ...DEFAULT_PREFERENCES, language: 'nl' as const, atRiskPercent: 30 };

describe('effectiveConfig (managed over local)', () => {
  it('is the local configuration, unlocked, when nothing is managed', () => {
    const e = effectiveConfig(local, localPrefs, undefined, ctx);
    expect(e).toMatchObject({ config: local, preferences: localPrefs, problems: [], managed: false });
    expect(managedPolicyIds(e.locks)).toEqual([]);
  });

  it('lets a managed policy (as JSON text, as Chrome delivers it) win over the local one with the same id, locked', () => {
    const managedAcme = { ...stubMextra(), id: 'acme', name: 'Acme (IT)' };
    const e = effectiveConfig(local, localPrefs, { policies: [JSON.stringify(managedAcme)] }, ctx);
    expect(e.config.policies.acme).toEqual({ json: managedAcme, importedAt: 'managed', source: 'managed' });
    expect(e.locks.policies).toEqual({ acme: 'managed' });
    expect(e.managed).toBe(true);
  });

  it('accepts policy objects too (Firefox policies.json)', () => {
    const e = effectiveConfig(local, localPrefs, { policies: [{ ...stubMextra(), id: 'acme2' }] }, ctx);
    expect(Object.keys(e.locks.policies)).toEqual(['acme2']);
  });

  it('replaces the local assignment of a host with the managed one and locks only that host', () => {
    const mapping = { tier: { from: 'ticket-tag', prefix: 'tier_' } };
    const e = effectiveConfig(
      local,
      localPrefs,
      {
        assignments: [
          {
            host: 'MEXTRA.zendesk.com',
            helpdesk: 'zendesk',
            policyId: 'membro',
            mapping: JSON.stringify(mapping),
          },
        ],
      },
      ctx,
    );
    expect(e.config.assignments).toEqual([
      { host: 'acme.zendesk.com', helpdesk: 'zendesk', policyId: 'acme' },
      { host: 'mextra.zendesk.com', helpdesk: 'zendesk', policyId: 'membro', mapping },
    ]);
    expect(e.locks.assignments).toEqual({ 'mextra.zendesk.com': 'managed' });
  });

  it('overrides preferences field by field and keeps the local value of a bad field', () => {
    const e = effectiveConfig(
      local,
      localPrefs,
      { preferences: { atRiskPercent: 10, language: 'fr', colour: 'red' } },
      ctx,
    );
    expect(e.preferences).toEqual({ ...localPrefs, atRiskPercent: 10 });
    expect(e.locks.preferences).toEqual({ atRiskPercent: 'managed' });
    expect(e.problems.map((p) => p.path)).toEqual(['preferences.language', 'preferences.colour']);
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'reports a managed preference named like an Object.prototype member ("%s") as unknown instead of throwing',
    (key) => {
      // Firefox reads policies.json without a schema, so such a key can reach effectiveConfig.
      const prefs = JSON.parse(`{"${key}": 1, "atRiskPercent": 10}`) as Record<string, unknown>;
      const e = effectiveConfig(local, localPrefs, { preferences: prefs }, ctx);
      expect(e.preferences).toEqual({ ...localPrefs, atRiskPercent: 10 });
      expect(e.problems).toEqual([
        { path: `preferences.${key}`, message: `unknown preference "${key}"; ignored` },
      ]);
    },
  );

  it('takes a managed policy whose id is an Object.prototype name once, not as "given twice"', () => {
    const e = effectiveConfig(
      local,
      localPrefs,
      { policies: [{ ...stubMextra(), id: 'constructor', name: 'Constructor' }] },
      ctx,
    );
    expect(e.problems).toEqual([]);
    expect(e.locks.policies).toEqual({ constructor: 'managed' });
  });

  it('reports bad managed items by path, skips them and still applies the good ones', () => {
    const e = effectiveConfig(
      local,
      localPrefs,
      {
        policies: ['{"id": ', { id: 'broken' }, { ...stubMextra(), id: 'good' }],
        assignments: [
          { host: 'not a host', helpdesk: 'zendesk', policyId: 'mextra' },
          { host: 'x.zendesk.com', helpdesk: 'zendesk', policyId: 'nope' },
          { host: 'good.zendesk.com', helpdesk: 'zendesk', policyId: 'good' },
        ],
        disabledBuiltins: ['membro', 'unknown'],
        selfHosted: [
          { host: 'td.example.nl', helpdesk: 'topdesk' },
          { host: 'td.example.nl', helpdesk: 'jira' },
        ],
        nonsense: 1,
      },
      ctx,
    );
    const paths = e.problems.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'nonsense',
        'policies[0]',
        'policies[1].name',
        'assignments[0].host',
        'assignments[1].policyId',
        'disabledBuiltins[1]',
        'selfHosted[1].helpdesk',
      ]),
    );
    expect(Object.keys(e.locks.policies)).toEqual(['good']);
    expect(e.config.assignments.map((a) => a.host)).toContain('good.zendesk.com');
    expect(e.config.disabledBuiltins).toEqual(['membro']);
    expect(e.locks.builtins).toEqual({ mextra: 'managed', membro: 'managed' });
    expect(e.config.selfHosted).toEqual([{ host: 'td.example.nl', helpdesk: 'topdesk' }]);
  });

  it('ignores a managed value that is not an object, and says so', () => {
    const e = effectiveConfig(local, localPrefs, 'oops', ctx);
    expect(e.config).toEqual(local);
    expect(e.problems).toEqual([{ path: '(root)', message: expect.stringMatching(/must hold an object/) }]);
  });

  it('never changes the local value it was given', () => {
    const before = JSON.stringify(local);
    effectiveConfig(
      local,
      localPrefs,
      {
        policies: [{ ...stubMextra(), id: 'acme' }],
        assignments: [{ host: 'acme.zendesk.com', helpdesk: 'zendesk', policyId: 'mextra' }],
      },
      ctx,
    );
    expect(JSON.stringify(local)).toBe(before);
  });
});
