/**
 * Writes policies/policy.schema.json from the zod PolicySchema (npm run schema).
 * `gen-schema.test.ts` fails when the committed file is stale.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { PolicySchema } from '../lib/sla/schema.ts';

export const SCHEMA_PATH = fileURLToPath(new URL('../policies/policy.schema.json', import.meta.url));

export function policyJsonSchema(): string {
  const schema = z.toJSONSchema(PolicySchema, { target: 'draft-2020-12', io: 'input' });
  return JSON.stringify({ ...schema, $id: 'policy.schema.json' }, null, 2) + '\n';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SCHEMA_PATH, policyJsonSchema());
  console.log(`wrote ${SCHEMA_PATH}`);
}
