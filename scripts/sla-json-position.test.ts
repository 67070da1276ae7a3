/**
 * The CLI (`npm run sla -- check`) and Options (the policy import) read JSON through one locator
 * (lib/sla/json-text.ts): for the same broken file they point at the same line and column.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planImport } from '../lib/config/importPolicy';
import { validatePolicy } from '../lib/sla/schema';
import { EMPTY_CONFIG } from '../lib/storage/schemas';
import { runCli } from './sla.ts';

const dir = path.join(import.meta.dirname, '../tests/fixtures/policies-broken');
const fixtures = readdirSync(dir)
  .filter((f) => f !== 'expected.json')
  .map((f) => [f, readFileSync(path.join(dir, f), 'utf8')] as const);

/** Line and column the CLI's `check` reports, or null when it reports no JSON syntax error. */
function cliPosition(text: string): [number, number] | null {
  const r = runCli(['check', 'policy.json'], { read: () => text, now: () => 0 });
  const m = /^policy\.json: invalid JSON at line (\d+), column (\d+): /m.exec(r.stdout);
  return m ? [Number(m[1]), Number(m[2])] : null;
}

/** Line and column Options' import reports, or null when it reports no JSON syntax error. */
function optionsPosition(text: string): [number, number] | null {
  const r = planImport(text, { config: EMPTY_CONFIG, builtins: {}, validate: validatePolicy });
  const e = r.ok ? undefined : r.errors.find((x) => x.code === 'syntax');
  return e && e.line !== undefined && e.column !== undefined ? [e.line, e.column] : null;
}

/** Ways to break a file that hand edits produce. */
const variants = (text: string): Record<string, string> => {
  const lines = text.split('\n');
  return {
    'as it is': text,
    'saved with a byte-order mark': `\uFEFF${text}`,
    'cut off halfway': text.slice(0, Math.floor(text.length / 2)),
    'with a trailing comma at the end': text.replace(/\s*\}\s*$/, ',\n}\n'),
    'with a key in single quotes on line 3': [...lines.slice(0, 2), "  'x': 1,", ...lines.slice(2)].join(
      '\n',
    ),
    'with a comment on line 2': [lines[0], '  // note', ...lines.slice(1)].join('\n'),
    'with a missing comma on line 3': lines.map((l, i) => (i === 2 ? l.replace(/,\s*$/, '') : l)).join('\n'),
  };
};

describe('the CLI and Options locate a broken policy file the same way', () => {
  it('points at line 4, column 20 of the double-comma fixture in both', () => {
    const text = readFileSync(path.join(dir, 'syntax-double-comma.json.txt'), 'utf8');
    expect(cliPosition(text)).toEqual([4, 20]);
    expect(optionsPosition(text)).toEqual([4, 20]);
  });

  describe.each(fixtures)('%s', (_name, text) => {
    it.each(Object.entries(variants(text)))('%s', (_how, broken) => {
      expect(cliPosition(broken)).toEqual(optionsPosition(broken));
    });
  });

  it('sees a syntax error in every variant but the file as it is and with a byte-order mark', () => {
    for (const [name, text] of fixtures) {
      for (const [how, broken] of Object.entries(variants(text))) {
        const expectError =
          name.endsWith('.txt') || !['as it is', 'saved with a byte-order mark'].includes(how);
        expect(optionsPosition(broken) !== null, `${name} ${how}`).toBe(expectError);
      }
    }
  });
});
