import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { withoutPreactInnerHtml } from '../../scripts/vite-no-inner-html';

const output = (target: string) => path.resolve(import.meta.dirname, `../../.output/${target}`);

function scripts(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.js'))
    .map((f) => path.join(dir, f));
}

describe('the shipped bundles (README, Security)', () => {
  it.each(['chrome-mv3', 'firefox-mv2'])('contain no innerHTML at all (%s)', (target) => {
    const files = scripts(output(target));
    expect(files.length).toBeGreaterThan(3);
    expect(
      files.filter((f) => readFileSync(f, 'utf8').includes('innerHTML')).map((f) => path.basename(f)),
    ).toEqual([]);
  });

  it.each(['chrome-mv3', 'firefox-mv2'])(
    'ship content scripts without zod, so none needs its jitless configuration (%s)',
    (target) => {
      const dir = path.join(output(target), 'content-scripts');
      const files = scripts(dir);
      expect(files.length).toBeGreaterThanOrEqual(2);
      expect(
        files.filter((f) => readFileSync(f, 'utf8').includes('_zod')).map((f) => path.basename(f)),
      ).toEqual([]);
    },
  );

  it('are built from a Preact whose only innerHTML branch the build step removes', () => {
    const preact = createRequire(import.meta.url).resolve('preact');
    const source = readFileSync(preact.replace(/\.js$/, '.mjs'), 'utf8');
    expect(source).toContain('innerHTML');
    expect(withoutPreactInnerHtml(source)).not.toContain('innerHTML');
  });
});
