import { describe, expect, it } from 'vitest';
import { EMPTY_CONFIG, type Config } from '../storage/schemas';
import {
  MAX_POLICY_BYTES,
  applyImport,
  checkPolicyUrl,
  duplicateBuiltin,
  exportPolicy,
  freeCopyId,
  planImport,
  removeImported,
  setBuiltinDisabled,
  type ImportContext,
  type ImportPlan,
} from './importPolicy';
import { stubMextra, stubValidate } from '../../tests/support/config';

const builtins = { mextra: stubMextra() };
const ctx = (config: Config = EMPTY_CONFIG, extra: Partial<ImportContext> = {}): ImportContext => ({
  config,
  builtins,
  validate: stubValidate,
  ...extra,
});
const text = (v: unknown) => JSON.stringify(v, null, 2);
const withAssignment: Config = {
  ...EMPTY_CONFIG,
  assignments: [{ host: 'mextra.zendesk.com', helpdesk: 'zendesk', policyId: 'mextra' }],
};

function plan(input: unknown, c = ctx()): ImportPlan {
  const r = planImport(input, c);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r;
}

describe('planImport', () => {
  it('refuses a file over the size limit and says how large it is', () => {
    const r = planImport(`{"id":"x","pad":"${'é'.repeat(300 * 1024)}"}`, ctx());
    expect(r).toMatchObject({
      ok: false,
      errors: [{ code: 'too-large', limit: MAX_POLICY_BYTES, bytes: 600 * 1024 + 19 }],
    });
    if (!r.ok) expect(r.errors[0]?.message).toMatch(/^the file is 600 KB; policies may be at most 512 KB/);
    const justOver = planImport(`"${'a'.repeat(MAX_POLICY_BYTES - 1)}"`, ctx());
    if (!justOver.ok)
      expect(justOver.errors[0]?.message).toMatch(
        /^the file is 524289 bytes; policies may be at most 524288 bytes/,
      );
  });

  it('reports a syntax error with line and column and nothing else', () => {
    const r = planImport('{\n  "id": "mextra",\n}', ctx());
    expect(r).toMatchObject({ ok: false, errors: [{ code: 'syntax', line: 3, column: 1 }] });
  });

  it('lists every schema problem with its JSON path', () => {
    const bad = stubMextra();
    (bad.targets as Record<string, Record<string, Record<string, unknown>>>).incident!.standard!.P9 = {
      resolution: { due: { amount: 1, unit: 'business-hours' } },
    };
    bad.extra = true;
    const r = planImport(text(bad), ctx());
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const byPath = Object.fromEntries(r.errors.map((e) => [e.path, e.message]));
      expect(byPath['targets.incident.standard.P9']).toBe(
        'unknown priority "P9" (known: urgent, high, normal, low)',
      );
      expect(Object.keys(byPath)).toContain('(root)');
    }
  });

  it('plans a new policy as new, with no diff', () => {
    const p = plan(
      text({ ...stubMextra(), id: 'acme', name: 'Acme' }),
      ctx(EMPTY_CONFIG, { source: 'acme.json' }),
    );
    expect(p).toMatchObject({
      id: 'acme',
      name: 'Acme',
      isNew: true,
      replacesBuiltin: false,
      base: null,
      source: 'acme.json',
    });
    expect(p.diff.count).toBe(0);
  });

  it('plans an edited built-in as replacing it, with the hosts that use it and the changed target', () => {
    const edited = stubMextra();
    (
      edited.targets as { incident: { standard: { urgent: { resolution: { due: { amount: number } } } } } }
    ).incident.standard.urgent.resolution.due.amount = 5;
    const p = plan(text(edited), ctx(withAssignment));
    expect(p).toMatchObject({
      id: 'mextra',
      isNew: false,
      replacesBuiltin: true,
      replacesImported: false,
      assignedHosts: ['mextra.zendesk.com'],
    });
    expect(p.diff.groups[0]?.changes[0]).toMatchObject({
      before: expect.stringContaining('due 6 business hours'),
      after: expect.stringContaining('due 5 business hours'),
    });
  });

  it('refuses to replace a policy managed by the organisation', () => {
    const r = planImport(text(stubMextra()), ctx(EMPTY_CONFIG, { managedIds: ['mextra'] }));
    expect(r).toMatchObject({ ok: false, errors: [{ code: 'managed', path: 'id' }] });
  });

  it('refuses ids that cannot be used as storage keys', () => {
    const r = planImport(text({ ...stubMextra(), id: 'Mextra Policy!' }), ctx());
    expect(r).toMatchObject({ ok: false, errors: [{ code: 'bad-id' }] });
  });

  it('keeps going when the validator itself throws', () => {
    const r = planImport(
      '{}',
      ctx(EMPTY_CONFIG, {
        validate: () => {
          throw new Error('boom');
        },
      }),
    );
    expect(r).toMatchObject({ ok: false, errors: [{ code: 'validator-crashed' }] });
  });

  it('warns about a key given twice', () => {
    const t = text(stubMextra()).replace('"name": "Mextra"', '"name": "Old", "name": "Mextra"');
    expect(plan(t).warnings).toMatchObject([{ code: 'duplicate-key', path: '(root)', line: 3 }]);
  });
});

describe('applyImport (the one write the background makes)', () => {
  it('stores the plan and leaves the input configuration untouched', () => {
    const before = structuredClone(withAssignment);
    const frozen = JSON.stringify(withAssignment);
    const p = plan(text({ ...stubMextra(), id: 'acme' }), ctx(withAssignment));
    const r = applyImport(withAssignment, p, builtins, '2026-02-01T10:00:00Z');
    expect(r.ok && r.config.policies.acme).toEqual({ json: p.json, importedAt: '2026-02-01T10:00:00Z' });
    expect(JSON.stringify(withAssignment)).toBe(frozen);
    expect(withAssignment).toEqual(before);
  });

  it('a failed or cancelled import produces no new configuration: storage stays byte-identical', () => {
    const stored = JSON.stringify(withAssignment);
    const failed = planImport('{"id": ', ctx(withAssignment));
    expect(failed.ok).toBe(false);
    // A cancelled plan is simply never applied; the only writer is applyImport.
    plan(text(stubMextra()), ctx(withAssignment));
    expect(JSON.stringify(withAssignment)).toBe(stored);
  });

  it('refuses a plan whose preview is stale because the policy changed meanwhile', () => {
    const p = plan(text({ ...stubMextra(), name: 'Mine' }));
    const other = applyImport(EMPTY_CONFIG, plan(text({ ...stubMextra(), name: 'Theirs' })), builtins, 't1');
    expect(other.ok).toBe(true);
    if (other.ok)
      expect(applyImport(other.config, p, builtins, 't2')).toMatchObject({ ok: false, code: 'stale' });
  });

  it('re-enables a disabled built-in when a policy with its id is imported', () => {
    const disabled = setBuiltinDisabled(EMPTY_CONFIG, 'mextra', true);
    const r = applyImport(disabled, plan(text(stubMextra()), ctx(disabled)), builtins, 't');
    expect(r.ok && r.config.disabledBuiltins).toEqual([]);
  });
});

describe('config transforms', () => {
  it('removing an imported override brings back the built-in and keeps assignments', () => {
    const r = applyImport(withAssignment, plan(text(stubMextra()), ctx(withAssignment)), builtins, 't');
    if (!r.ok) throw new Error('apply failed');
    const removed = removeImported(r.config, 'mextra');
    expect(removed.policies).toEqual({});
    expect(removed.assignments).toEqual(withAssignment.assignments);
    expect(removeImported(removed, 'mextra')).toBe(removed);
  });

  it('disables and re-enables a built-in', () => {
    const off = setBuiltinDisabled(EMPTY_CONFIG, 'membro', true);
    expect(off.disabledBuiltins).toEqual(['membro']);
    expect(
      setBuiltinDisabled(setBuiltinDisabled(off, 'membro', true), 'membro', false).disabledBuiltins,
    ).toEqual([]);
  });

  it('duplicates a built-in under a free id with its name marked as a copy', () => {
    const id = freeCopyId('mextra', ['mextra', 'mextra-copy']);
    expect(id).toBe('mextra-copy-2');
    const copy = duplicateBuiltin(stubMextra(), id) as Record<string, unknown>;
    expect(copy).toMatchObject({ id: 'mextra-copy-2', name: 'Mextra (copy)' });
    expect(duplicateBuiltin({ id: 'x', name: { en: 'X', nl: 'X' } }, 'y')).toEqual({
      id: 'y',
      name: { en: 'X (copy)', nl: 'X (kopie)' },
    });
    expect(plan(text(copy)).isNew).toBe(true);
  });

  it('exports a policy as pretty JSON named after its id', () => {
    expect(exportPolicy('mextra', { id: 'mextra' })).toEqual({
      fileName: 'mextra.sla-policy.json',
      text: '{\n  "id": "mextra"\n}\n',
      mimeType: 'application/json',
    });
  });
});

describe('checkPolicyUrl', () => {
  it('accepts https and gives the origin to request', () => {
    expect(checkPolicyUrl(' https://vendor.example.com:8443/sla/mextra.json#top ')).toEqual({
      ok: true,
      url: 'https://vendor.example.com:8443/sla/mextra.json',
      originPattern: 'https://vendor.example.com/*',
    });
  });
  it('refuses http, credentials and non-URLs', () => {
    expect(checkPolicyUrl('http://vendor.example.com/p.json').ok).toBe(false);
    expect(checkPolicyUrl('https://a:b@vendor.example.com/p.json').ok).toBe(false);
    expect(checkPolicyUrl('mextra.json').ok).toBe(false);
  });
});
