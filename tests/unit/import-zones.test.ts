/**
 * The import zones in eslint.config.js fire: each case lints one line of code as if it were a file at
 * `filePath`, with the project's real config, and expects the zone's rule to report it or to stay quiet.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function zoneErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const used = x;\n`, { filePath });
  return result!.messages
    .filter(
      (m) => m.ruleId === 'no-restricted-imports' || m.ruleId === '@typescript-eslint/no-restricted-imports',
    )
    .map((m) => m.message);
}

describe('import zones', () => {
  it('refuses a view import in lib/ outside the page shells', async () => {
    const errors = await zoneErrors(
      'lib/background/zone-probe.ts',
      "import { x } from '../../components/popup/Popup';",
    );
    expect(errors).toEqual([expect.stringContaining('lib/ may not import views')]);
    expect(
      await zoneErrors('lib/queue/zone-probe.ts', "import { x } from '@/components/sidebar/style';"),
    ).toHaveLength(1);
  });

  it('lets the page shells in lib/pages/ render views', async () => {
    expect(
      await zoneErrors(
        'lib/pages/popup/zone-probe.ts',
        "import { x } from '../../../components/popup/Popup';",
      ),
    ).toEqual([]);
  });

  it('keeps test support out of shipped code, and lets tests use it', async () => {
    for (const filePath of [
      'lib/background/zone-probe.ts',
      'lib/pages/popup/zone-probe.ts',
      'components/popup/zone-probe.tsx',
      'entrypoints/popup/zone-probe.ts',
    ])
      expect(
        await zoneErrors(filePath, "import { x } from '../../tests/support/popup/rows';"),
        filePath,
      ).toEqual([expect.stringContaining('may not import test support')]);
    expect(
      await zoneErrors(
        'components/popup/zone-probe.test.tsx',
        "import { x } from '../../tests/support/popup/rows';",
      ),
    ).toEqual([]);
    expect(
      await zoneErrors(
        'lib/background/zone-probe.test.ts',
        "import { x } from '../../tests/support/background/storage';",
      ),
    ).toEqual([]);
  });

  it('keeps lib/sla to itself: nothing from the rest of lib, npm packages allowed', async () => {
    expect(await zoneErrors('lib/sla/zone-probe.ts', "import { x } from '../storage/schemas';")).toEqual([
      expect.stringContaining('lib/sla is pure'),
    ]);
    expect(
      await zoneErrors('lib/sla/holidays/zone-probe.ts', "import { x } from '../../registry/live';"),
    ).toHaveLength(1);
    expect(await zoneErrors('lib/sla/zone-probe.ts', "import { x } from '@/lib/config/hosts';")).toHaveLength(
      1,
    );
    expect(await zoneErrors('lib/sla/zone-probe.ts', "import { x } from './types';")).toEqual([]);
    expect(await zoneErrors('lib/sla/holidays/zone-probe.ts', "import { x } from '../types';")).toEqual([]);
    expect(await zoneErrors('lib/sla/zone-probe.ts', "import { x } from 'luxon';")).toEqual([]);
  });

  it('keeps zod out of content-script code and the helpdesk catalog, types excepted', async () => {
    for (const filePath of [
      'lib/helpdesks/catalog.ts',
      'lib/helpdesks/zendesk/page.ts',
      'lib/pages/sidebar/zone-probe.tsx',
      'entrypoints/zendesk.content/zone-probe.ts',
    ]) {
      expect(await zoneErrors(filePath, "import { x } from 'zod';"), filePath).toEqual([
        expect.stringContaining('No zod in content-script code'),
      ]);
    }
    // A runtime import from a module that builds schemas ships zod as well.
    expect(
      await zoneErrors('lib/helpdesks/topdesk/page.ts', "import { x } from '../../storage/schemas';"),
    ).toHaveLength(1);
    expect(
      await zoneErrors('lib/pages/sidebar/zone-probe.ts', "import { x } from '../../messaging/sidebar';"),
    ).toHaveLength(1);
    expect(
      await zoneErrors(
        'lib/pages/sidebar/zone-probe.ts',
        "import type { x } from '../../messaging/sidebar';",
      ),
    ).toEqual([]);
    expect(
      await zoneErrors('lib/pages/sidebar/zone-probe.ts', "import { x } from '../../messaging/client';"),
    ).toEqual([]);
    // The worker may use zod.
    expect(await zoneErrors('lib/background/zone-probe.ts', "import { x } from 'zod';")).toEqual([]);
  });
});
