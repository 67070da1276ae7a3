import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { policyJsonSchema, SCHEMA_PATH } from './gen-schema.ts';

describe('policies/policy.schema.json', () => {
  it('is up to date with the zod PolicySchema (run npm run schema)', () => {
    expect(readFileSync(SCHEMA_PATH, 'utf8')).toBe(policyJsonSchema());
  });

  it('forbids unknown fields at the top level and in targets', () => {
    const s = JSON.parse(policyJsonSchema());
    expect(s.additionalProperties).toBe(false);
    expect(JSON.stringify(s)).toContain('"business-hours"');
  });
});
