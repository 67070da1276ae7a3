import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinMatches, HELPDESK_IDS, HELPDESKS, HOST_PERMISSIONS } from './catalog';
import { WORKERS } from './workers';

const root = path.resolve(__dirname, '../..');

describe('the helpdesk catalog and its workers', () => {
  it('has a worker with every capability for each helpdesk in the catalog, and no other', () => {
    expect(Object.keys(WORKERS).sort()).toEqual([...HELPDESK_IDS].sort());
    for (const id of HELPDESK_IDS) {
      const w = WORKERS[id];
      for (const fn of ['normalize', 'list', 'changeStamp', 'readListed', 'readDetail', 'payloadFromFiles'])
        expect(typeof (w as unknown as Record<string, unknown>)[fn], `${id}.${fn}`).toBe('function');
      expect(typeof w.listingIsComplete, `${id}.listingIsComplete`).toBe('boolean');
      // Only a helpdesk with an application password retries refused reads with it.
      expect(w.retryRefusedRead !== undefined, `${id}.retryRefusedRead`).toBe(
        HELPDESKS[id].auth === 'session-or-app-password',
      );
    }
  });

  it('pins the managed-storage schema helpdesk lists to the catalog', () => {
    const schema = JSON.parse(readFileSync(path.join(root, 'public/managed_schema.json'), 'utf8'));
    const enums: unknown[] = [];
    const walk = (v: unknown): void => {
      if (!v || typeof v !== 'object') return;
      const o = v as Record<string, unknown>;
      const helpdesk = (o.properties as Record<string, { enum?: unknown }> | undefined)?.helpdesk;
      if (helpdesk) enums.push(helpdesk.enum);
      Object.values(o).forEach(walk);
    };
    walk(schema);
    expect(enums).toHaveLength(2); // assignments and self-hosted hosts
    for (const e of enums) expect(e).toEqual(HELPDESK_IDS);
  });

  it('has a content-script entrypoint per helpdesk, built under its id', () => {
    for (const id of HELPDESK_IDS) {
      const entry = path.join(root, `entrypoints/${id}.content/index.ts`);
      expect(existsSync(entry), entry).toBe(true);
      expect(readFileSync(entry, 'utf8')).toContain(`${id}Page`);
    }
  });

  it('derives the manifest host permissions and content-script matches from the host suffixes', () => {
    expect(HOST_PERMISSIONS).toEqual(['https://*.zendesk.com/*', 'https://*.topdesk.net/*']);
    expect(builtinMatches('zendesk')).toEqual(['https://*.zendesk.com/agent/*']);
    expect(builtinMatches('topdesk')).toEqual(['https://*.topdesk.net/tas/*']);
  });

  it('reads the ticket a page URL shows through the catalog', () => {
    expect(HELPDESKS.zendesk.ticketRef('https://m.zendesk.com/agent/tickets/1001/events')).toBe('1001');
    expect(
      HELPDESKS.topdesk.ticketRef(
        'https://t.topdesk.net/tas/secure/incident?unid=a00000015c4e4b3a9d2f0123456789ab',
      ),
    ).toBe('id:a0000001-5c4e-4b3a-9d2f-0123456789ab');
    expect(HELPDESKS.zendesk.ticketRef('https://m.zendesk.com/agent/dashboard')).toBeNull();
  });
});
