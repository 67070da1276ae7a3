/**
 * The catalogue of broken policies (tests/fixtures/policies-broken/): each file has one kind of
 * defect, and the import pipeline with the engine's real validator must name it by JSON path.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validatePolicy } from '../sla/schema';
import { EMPTY_CONFIG } from '../storage/schemas';
import { planImport } from './importPolicy';

const dir = path.join(import.meta.dirname, '../../tests/fixtures/policies-broken');
const expected = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Record<
  string,
  Array<{ path: string; message: string }>
>;
const files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'expected.json');
const ctx = { config: EMPTY_CONFIG, builtins: {}, validate: validatePolicy };

describe('the broken-policy catalogue', () => {
  it('has an expectation for every fixture', () => {
    expect(files.map((f) => f.replace(/\.json$/, '')).sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))('%s is refused with each problem at its JSON path', (name, errs) => {
    const r = planImport(readFileSync(path.join(dir, `${name}.json`), 'utf8'), ctx);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    for (const e of errs) {
      expect(r.errors, `${name}: ${JSON.stringify(r.errors)}`).toContainEqual(
        expect.objectContaining({
          code: 'schema',
          path: e.path,
          message: expect.stringContaining(e.message),
        }),
      );
    }
  });

  it('reports a JSON syntax error with line and column, not a path', () => {
    const r = planImport(readFileSync(path.join(dir, 'syntax-double-comma.json.txt'), 'utf8'), ctx);
    expect(r).toMatchObject({ ok: false, errors: [{ code: 'syntax', line: 4, column: 20 }] });
  });

  it('accepts every seed policy unchanged', () => {
    for (const id of ['workspace365', 'mextra', 'scope4mation', 'membro', 'zmanda']) {
      const text = readFileSync(path.join(import.meta.dirname, `../../policies/${id}.json`), 'utf8');
      expect(planImport(text, ctx)).toMatchObject({ ok: true, id, isNew: true });
    }
  });
});
