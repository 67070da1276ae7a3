import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withoutZodEval } from './zod-no-eval';

const zodCore = path.join(
  path.dirname(createRequire(import.meta.url).resolve('zod/package.json')),
  'v4/core',
);
const source = (file: string) => readFileSync(path.join(zodCore, file), 'utf8');

describe('the zod-no-eval build step', () => {
  it.each(['util.js', 'doc.js'])("leaves no Function constructor in the installed zod's %s", (file) => {
    const code = (s: string) => s.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    const out = code(withoutZodEval(source(file), path.join(zodCore, file))!);
    expect(code(source(file))).toMatch(/=\s*Function\b/);
    expect(out).not.toMatch(/=\s*Function\b/);
    expect(out).not.toMatch(/new Function\b/);
  });

  it('fails the build, naming the file, when a zod version moves the code it replaces', () => {
    expect(() => withoutZodEval('export const x = 1;', '/n/zod/v4/core/util.js')).toThrow(
      /util\.js.*ZOD_EVAL_SITES/s,
    );
  });

  it('passes every other module through untouched', () => {
    expect(withoutZodEval('const F = Function;', '/src/lib/thing.ts')).toBeNull();
  });
});
