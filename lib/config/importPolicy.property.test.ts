import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_CONFIG } from '../storage/schemas';
import { planImport, planImportJson } from './importPolicy';
import { parseJsonText } from '../sla/json-text';
import { planTeamConfigImport } from './teamConfig';
import { effectiveConfig } from './managed';
import { diffPolicy } from './diffPolicy';
import { DEFAULT_PREFERENCES } from '../storage/schemas';
import { stubMextra, stubValidate } from '../../tests/support/config';

const ctx = { config: EMPTY_CONFIG, builtins: { mextra: stubMextra() }, validate: stubValidate };

describe('the import pipeline never throws', () => {
  it('on arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = JSON.stringify(v) ?? 'null';
        const r = planImport(text, ctx);
        expect(typeof r.ok).toBe('boolean');
        expect(planImportJson(v, ctx).ok).toBeTypeOf('boolean');
        expect(diffPolicy(stubMextra(), v).count).toBeTypeOf('number');
      }),
      { numRuns: 300 },
    );
  });

  it('on arbitrary text, and agrees with JSON.parse about what is JSON', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'grapheme' }),
          fc.json().map((j) => j.slice(0, -1)),
        ),
        (t) => {
          const r = parseJsonText(t);
          let native = true;
          try {
            JSON.parse(t.charCodeAt(0) === 0xfeff ? t.slice(1) : t);
          } catch {
            native = false;
          }
          expect(r.ok).toBe(native);
          if (!r.ok) expect(r.error.line).toBeGreaterThanOrEqual(1);
          expect(planImport(t, ctx).ok).toBeTypeOf('boolean');
        },
      ),
      { numRuns: 500 },
    );
  });

  it('on arbitrary input of any type', () => {
    fc.assert(
      fc.property(fc.anything(), (v) => {
        expect(planImport(v, ctx).ok).toBe(false);
        expect(
          planTeamConfigImport(v, { ...ctx, preferences: DEFAULT_PREFERENCES, importedAt: 't' }).ok,
        ).toBe(false);
        expect(effectiveConfig(EMPTY_CONFIG, DEFAULT_PREFERENCES, v, ctx).config.version).toBe(2);
      }),
      { numRuns: 300 },
    );
  });

  it('on arbitrary managed values shaped like the real thing', () => {
    const managed = fc.record(
      {
        policies: fc.array(fc.oneof(fc.string(), fc.jsonValue(), fc.constant(JSON.stringify(stubMextra())))),
        assignments: fc.array(
          fc.oneof(
            fc.jsonValue(),
            fc.record({
              host: fc.domain(),
              helpdesk: fc.constantFrom('zendesk', 'topdesk', 'x'),
              policyId: fc.string(),
            }),
          ),
        ),
        preferences: fc.dictionary(
          fc.constantFrom('language', 'atRiskPercent', 'notifications', 'sidebarSide', 'x'),
          fc.jsonValue(),
        ),
        disabledBuiltins: fc.jsonValue(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(managed, (m) => {
        const e = effectiveConfig(EMPTY_CONFIG, DEFAULT_PREFERENCES, m, ctx);
        expect(Array.isArray(e.problems)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
