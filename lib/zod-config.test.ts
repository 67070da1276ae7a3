import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
/**
 * Every bundle that builds zod schemas, by its entry file. The content scripts and the report page
 * build none (eslint.config.js import zones; tests/unit/bundle.test.ts checks the built scripts).
 */
const ENTRIES = [
  'entrypoints/background/index.ts',
  'entrypoints/popup/main.tsx',
  'entrypoints/options/main.tsx',
];

describe("zod's jitless configuration", () => {
  it('builds and parses the message protocol without ever calling the Function constructor', async () => {
    const probe = vi.spyOn(globalThis, 'Function');
    await import('./zod-config');
    const { RequestSchema } = await import('./messaging/protocol');
    const { ConfigSchemaV2 } = await import('./storage/schemas');
    RequestSchema.safeParse({ type: 'ui-bg:popup-state' });
    ConfigSchemaV2.safeParse({ version: 2 });
    expect(probe).not.toHaveBeenCalled();
    probe.mockRestore();
  });

  it.each(ENTRIES)('is the first module %s imports, before any schema is built', (entry) => {
    const imports = [
      ...readFileSync(path.join(ROOT, entry), 'utf8').matchAll(/^import\s[^;]*?['"]([^'"]+)['"]/gm),
    ]
      .map((m) => m[1]!)
      .filter((spec) => !spec.endsWith('.css'));
    expect(imports[0]).toBe('@/lib/zod-config');
  });
});
