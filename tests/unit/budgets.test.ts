import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HELPDESK_IDS } from '../../lib/helpdesks/catalog';
// @ts-expect-error — a plain .mjs script without type declarations
import { checkBudgets, contentScripts } from '../../scripts/budgets.mjs';

const output = path.resolve(import.meta.dirname, '../../.output/chrome-mv3');

describe('the bundle budgets', () => {
  it('measure one content script per helpdesk in the catalog, found in the build output', () => {
    expect(contentScripts(output)).toEqual([...HELPDESK_IDS].sort());
    const rows = (checkBudgets(output) as { rows: Array<{ name: string }> }).rows;
    for (const id of HELPDESK_IDS) expect(rows.map((r) => r.name)).toContain(`content: ${id}`);
  });
});
