import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES, EMPTY_CONFIG, type Config } from '../storage/schemas';
import { emptyLocks } from './managed';
import {
  TEAM_CONFIG_FORMAT,
  exportTeamConfig,
  planTeamConfigImport,
  type TeamImportContext,
} from './teamConfig';
import { stubMextra, stubValidate } from '../../tests/support/config';

const builtins = { mextra: stubMextra() };
const acme = { ...stubMextra(), id: 'acme', name: 'Acme' };
const source: Config = {
  ...EMPTY_CONFIG,
  policies: { acme: { json: acme, importedAt: '2026-01-01T00:00:00Z' } },
  disabledBuiltins: ['membro'],
  assignments: [
    {
      host: 'acme.zendesk.com',
      helpdesk: 'zendesk',
      policyId: 'acme',
      mapping: { tier: { from: 'fixed', tier: 'standard' } },
    },
  ],
  selfHosted: [{ host: 'td.acme.nl', helpdesk: 'topdesk' }],
};
const ctx = (extra: Partial<TeamImportContext> = {}): TeamImportContext => ({
  config: EMPTY_CONFIG,
  preferences: DEFAULT_PREFERENCES,
  builtins: { ...builtins, membro: { id: 'membro' } },
  validate: stubValidate,
  importedAt: '2026-02-02T00:00:00Z',
  ...extra,
});

describe('team configuration', () => {
  it('exports policies, assignments, hosts and preferences with a format marker — and no credentials', () => {
    const { fileName, text, value } = exportTeamConfig(
      source,
      { ...DEFAULT_PREFERENCES, language: 'nl' },
      '2026-02-01T09:00:00Z',
    );
    expect(fileName).toBe('sla-overlay-config-2026-02-01.json');
    expect(value).toMatchObject({
      format: TEAM_CONFIG_FORMAT,
      version: 1,
      policies: { acme },
      preferences: { language: 'nl' },
    });
    expect(text).not.toMatch(/password|username|credentials/);
  });

  it('round-trips: importing an export on an empty installation gives the same configuration', () => {
    const { text } = exportTeamConfig(source, DEFAULT_PREFERENCES, '2026-02-01T09:00:00Z');
    const plan = planTeamConfigImport(text, ctx());
    expect(plan.ok).toBe(true);
    if (plan.ok) {
      expect(plan.config).toEqual({
        ...source,
        policies: { acme: { json: acme, importedAt: '2026-02-02T00:00:00Z' } },
      });
      expect(plan.summary).toMatchObject({
        policiesAdded: ['acme'],
        assignments: ['acme.zendesk.com'],
        newSelfHosted: source.selfHosted,
      });
      expect(plan.permissionOrigins).toEqual(['https://td.acme.nl/*']);
    }
  });

  it('returns every error by path and no plan when anything is wrong', () => {
    const file = {
      format: TEAM_CONFIG_FORMAT,
      version: 1,
      policies: {
        acme: { ...acme, targets: { incident: { standard: { P9: {} } } } },
        other: { ...acme, id: 'acme' },
      },
      assignments: [{ host: 'x.zendesk.com', helpdesk: 'zendesk', policyId: 'ghost' }],
      disabledBuiltins: ['nope'],
    };
    const r = planTeamConfigImport(JSON.stringify(file), ctx());
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.map((e) => e.path)).toEqual([
        'policies.acme.targets.incident.standard.P9',
        'policies.other.id',
        'disabledBuiltins[0]',
        'assignments[0].policyId',
      ]);
    }
  });

  it('recognises a file that is not a configuration, a newer version and broken JSON', () => {
    expect(planTeamConfigImport(JSON.stringify(acme), ctx())).toMatchObject({
      ok: false,
      errors: expect.arrayContaining([
        {
          path: 'format',
          message: expect.stringMatching(/not a configuration file/),
          nl: expect.stringMatching(/^geen configuratiebestand van deze extensie/),
        },
      ]),
    });
    expect(
      planTeamConfigImport(JSON.stringify({ format: TEAM_CONFIG_FORMAT, version: 2 }), ctx()),
    ).toMatchObject({ ok: false, errors: [{ path: 'version' }] });
    expect(planTeamConfigImport('{"format": ', ctx())).toMatchObject({
      ok: false,
      errors: [{ path: '(root)', line: 1, column: 12 }],
    });
  });

  it('leaves managed items as the organisation set them and lists what it skipped', () => {
    const locks = emptyLocks();
    locks.policies.acme = 'managed';
    locks.preferences.language = 'managed';
    const { text } = exportTeamConfig(source, { ...DEFAULT_PREFERENCES, language: 'nl' }, 't');
    const managedAcme = { json: { ...acme, name: 'IT' }, importedAt: 'managed' };
    const r = planTeamConfigImport(
      text,
      ctx({ locks, config: { ...EMPTY_CONFIG, policies: { acme: managedAcme } } }),
    );
    expect(r.ok && r.summary.skippedManaged).toEqual(['policy acme', 'preference language']);
    expect(r.ok && r.config.policies.acme).toEqual(managedAcme);
    expect(r.ok && r.preferences.language).toBe('auto');
  });

  it('keeps local assignments for hosts the file does not name', () => {
    const local: Config = {
      ...EMPTY_CONFIG,
      assignments: [{ host: 'mine.zendesk.com', helpdesk: 'zendesk', policyId: 'mextra' }],
    };
    const { text } = exportTeamConfig(source, DEFAULT_PREFERENCES, 't');
    const r = planTeamConfigImport(text, ctx({ config: local }));
    expect(r.ok && r.config.assignments.map((a) => a.host)).toEqual(['mine.zendesk.com', 'acme.zendesk.com']);
  });
});
