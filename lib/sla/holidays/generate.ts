/**
 * Regenerates `nl.json`, `be.json` and `de.json` from the installed `date-holidays` package:
 *   npx tsx lib/sla/holidays/generate.ts
 * `holidays.test.ts` fails when the committed file differs from what this writes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { extractCountry, type UpstreamHolidayData } from './extract.ts';

const require = createRequire(import.meta.url);
/** Path of the upstream data file (the package's `exports` hide it from `require.resolve`). */
function upstreamDataPath(): string {
  return path.join(path.dirname(require.resolve('date-holidays/package.json')), 'data', 'holidays.json');
}

const upstream = JSON.parse(readFileSync(upstreamDataPath(), 'utf8')) as UpstreamHolidayData;
for (const country of ['NL', 'BE', 'DE']) {
  const out = new URL(`./${country.toLowerCase()}.json`, import.meta.url);
  writeFileSync(out, JSON.stringify(extractCountry(upstream, country), null, 2) + '\n');
  console.log(`wrote ${out.pathname}`);
}
