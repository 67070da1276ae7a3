import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_JSON, validatorForImport } from '../../lib/background/state';
import { effectiveConfig } from '../../lib/config/managed';
import { DEFAULT_PREFERENCES, EMPTY_CONFIG } from '../../lib/storage/schemas';

const example = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../docs/firefox/policies.json'), 'utf8'),
) as { policies: { '3rdparty': { Extensions: Record<string, unknown> } } };
describe('the example Firefox policies.json for team rollout (docs/firefox/policies.json)', () => {
  it('applies whole, without a problem, as the managed storage Firefox hands the add-on', () => {
    const managed = Object.values(example.policies['3rdparty'].Extensions)[0];
    const e = effectiveConfig(EMPTY_CONFIG, DEFAULT_PREFERENCES, managed, {
      validate: validatorForImport,
      builtins: BUILTIN_JSON,
    });
    expect(e.problems).toEqual([]);
    expect(e.config.assignments.map((a) => a.host)).toEqual([
      'mextra.zendesk.com',
      'scope4mation.topdesk.net',
    ]);
    expect(e.config.disabledBuiltins).toEqual(['zmanda']);
    expect(e.preferences).toMatchObject({ language: 'nl', atRiskPercent: 20 });
  });
});
