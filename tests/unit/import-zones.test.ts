/**
 * The import zones in eslint.config.js fire: each case lints one import as if it stood in a file at
 * the given path, with the project's real config, and expects the zone's rule to report it or to stay
 * quiet. (No file is written: ESLint lints the text under that name.)
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });
const ZONE_RULES = new Set(['no-restricted-imports', '@typescript-eslint/no-restricted-imports']);

async function zoneErrors(filePath: string, importLine: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${importLine}\nexport const used = x;\n`, { filePath });
  return result!.messages.filter((m) => ZONE_RULES.has(m.ruleId ?? '')).map((m) => m.message);
}

/** [file, import]: lint the import as if it stood in that file. */
type Probe = [string, string];

/** Each probe is refused with the zone's message. */
async function refused(message: string, probes: Probe[]): Promise<void> {
  for (const [filePath, line] of probes)
    expect(await zoneErrors(filePath, line), `${filePath}: ${line}`).toEqual([
      expect.stringContaining(message),
    ]);
}

/** No zone reports any of the probes. */
async function allowed(probes: Probe[]): Promise<void> {
  for (const [filePath, line] of probes)
    expect(await zoneErrors(filePath, line), `${filePath}: ${line}`).toEqual([]);
}

describe('import zones', () => {
  it('refuses a view import in lib/ outside the page shells, which render the views', async () => {
    await refused('lib/ may not import views', [
      ['lib/background/probe.ts', "import { x } from '../../components/popup/Popup';"],
      ['lib/queue/probe.ts', "import { x } from '@/components/sidebar/style';"],
    ]);
    await allowed([['lib/pages/popup/probe.ts', "import { x } from '../../../components/popup/Popup';"]]);
  });

  it('keeps test support out of shipped code, and lets tests use it', async () => {
    await refused('may not import test support', [
      ['lib/background/probe.ts', "import { x } from '../../tests/support/popup';"],
      ['lib/pages/popup/probe.ts', "import { x } from '../../../tests/support/popup';"],
      ['components/popup/probe.tsx', "import { x } from '../../tests/support/popup';"],
      ['entrypoints/popup/probe.ts', "import { x } from '../../tests/fixtures/zendesk/t.json';"],
    ]);
    await allowed([
      ['components/popup/probe.test.tsx', "import { x } from '../../tests/support/popup';"],
      ['lib/background/probe.test.ts', "import { x } from '../../tests/support/background';"],
    ]);
  });

  it('keeps lib/sla to itself: nothing from the rest of the project, npm packages allowed', async () => {
    await refused('lib/sla is pure', [
      ['lib/sla/probe.ts', "import { x } from '../storage/schemas';"],
      ['lib/sla/holidays/probe.ts', "import { x } from '../../registry/live';"],
      ['lib/sla/probe.ts', "import { x } from '@/lib/config/hosts';"],
    ]);
    await allowed([
      ['lib/sla/probe.ts', "import { x } from './types';"],
      ['lib/sla/holidays/probe.ts', "import { x } from '../types';"],
      ['lib/sla/probe.ts', "import { x } from 'luxon';"],
    ]);
  });

  it('keeps zod out of content-script code and the helpdesk catalog, types excepted', async () => {
    const noZod = 'No zod in content-script code';
    await refused(noZod, [
      ['lib/helpdesks/catalog.ts', "import { x } from 'zod';"],
      ['lib/helpdesks/zendesk/page.ts', "import { x } from 'zod';"],
      ['lib/pages/sidebar/probe.tsx', "import { x } from 'zod';"],
      ['entrypoints/zendesk.content/probe.ts', "import { x } from 'zod';"],
    ]);
    // A runtime import from a module that builds schemas ships zod as well; its types do not.
    await refused(noZod, [
      ['lib/helpdesks/topdesk/page.ts', "import { x } from '../../storage/schemas';"],
      ['lib/pages/sidebar/probe.ts', "import { x } from '../../messaging/sidebar';"],
    ]);
    await allowed([
      ['lib/pages/sidebar/probe.ts', "import type { x } from '../../messaging/sidebar';"],
      ['lib/pages/sidebar/probe.ts', "import { x } from '../../messaging/client';"],
      // The worker validates with zod.
      ['lib/background/probe.ts', "import { x } from 'zod';"],
    ]);
  });
});
