import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { E2E_OPEN_SHADOW_ROOT } from '../../lib/pages/sidebar/isolation';

// The permission surface is a product decision: adding a permission, host or content-script match
// must be a deliberate change of tests/unit/manifest.snapshot.json (run `npx vitest -u` after review).
function surface(target: string) {
  const file = path.resolve(import.meta.dirname, `../../.output/${target}/manifest.json`);
  const m = JSON.parse(readFileSync(file, 'utf8'));
  return {
    manifest_version: m.manifest_version,
    permissions: m.permissions ?? [],
    host_permissions: m.host_permissions ?? [],
    optional_permissions: m.optional_permissions ?? [],
    optional_host_permissions: m.optional_host_permissions ?? [],
    content_scripts: (m.content_scripts ?? []).map((c: { matches: string[]; all_frames?: boolean }) => ({
      matches: c.matches,
      all_frames: Boolean(c.all_frames),
    })),
    content_security_policy: m.content_security_policy ?? null,
    web_accessible_resources: m.web_accessible_resources ?? [],
    externally_connectable: m.externally_connectable ?? null,
  };
}

describe('the built manifest', () => {
  it('asks for exactly the permissions and hosts recorded in the snapshot (Chrome MV3)', async () => {
    await expect(JSON.stringify(surface('chrome-mv3'), null, 2) + '\n').toMatchFileSnapshot(
      './manifest.chrome.snapshot.json',
    );
  });
  it('asks for exactly the permissions and hosts recorded in the snapshot (Firefox)', async () => {
    await expect(JSON.stringify(surface('firefox-mv2'), null, 2) + '\n').toMatchFileSnapshot(
      './manifest.firefox.snapshot.json',
    );
  });
  it.each(['chrome-mv3', 'firefox-mv2'])(
    'names only https origins in host permissions and content-script matches (%s)',
    (target) => {
      const m = surface(target);
      const patterns = [
        ...m.host_permissions,
        ...m.optional_host_permissions,
        ...m.optional_permissions.filter((p: string) => p.includes('://')),
        ...m.content_scripts.flatMap((c: { matches: string[] }) => c.matches),
      ];
      expect(patterns.length).toBeGreaterThan(0);
      expect(patterns.filter((p: string) => !p.startsWith('https://'))).toEqual([]);
    },
  );
  it.each(['chrome-mv3', 'firefox-mv2'])(
    'does not carry the test flag that keeps the sidebar’s shadow root open (%s)',
    (target) => {
      const file = path.resolve(import.meta.dirname, `../../.output/${target}/manifest.json`);
      expect(Object.keys(JSON.parse(readFileSync(file, 'utf8')))).not.toContain(E2E_OPEN_SHADOW_ROOT);
    },
  );
});
