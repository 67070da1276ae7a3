/**
 * Finds a Chromium and launches it with the built extension loaded (persistent context: the only way
 * Chromium loads unpacked extensions). Shared by `npm start` and the e2e suite.
 */
import { chromium, type BrowserContext, type Worker } from '@playwright/test';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { E2E_OPEN_SHADOW_ROOT } from '../../lib/pages/sidebar/isolation';

export const EXTENSION_DIR = path.resolve(import.meta.dirname, '../../.output/chrome-mv3');

const SYSTEM_CHROMIUMS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/snap/bin/chromium',
];

export const NO_BROWSER_HINT =
  'No Chromium found: install one (Debian/Ubuntu: `sudo apt-get install chromium`) or set CHROMIUM_PATH=/path/to/chromium.';

/** CHROMIUM_PATH, then the system Chromium, then Playwright's own download if present. */
export function findChromium(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  const system = SYSTEM_CHROMIUMS.find((p) => existsSync(p));
  if (system) return system;
  try {
    const bundled = chromium.executablePath();
    return existsSync(bundled) ? bundled : null;
  } catch {
    return null;
  }
}

export interface LaunchOptions {
  headless: boolean;
  extensionDir?: string;
  locale?: string;
  /** The browser's UI language (`--lang`; default: `locale`). */
  uiLanguage?: string;
  viewport?: { width: number; height: number } | null;
  /**
   * Load a test copy of the build whose manifest keeps the sidebar's shadow root open, so that
   * Playwright locators reach it (lib/pages/sidebar/isolation.ts). The shipped build's root is closed.
   */
  openShadowRoot?: boolean;
}

const openCopies = new Map<string, string>();

/** A temporary copy of a built extension with `E2E_OPEN_SHADOW_ROOT` set in its manifest (made once per run). */
export function openShadowRootCopy(dir: string = EXTENSION_DIR): string {
  const made = openCopies.get(dir);
  if (made) return made;
  const copy = path.join(mkdtempSync(path.join(tmpdir(), 'sla-ext-open-')), path.basename(dir));
  cpSync(dir, copy, { recursive: true });
  const file = path.join(copy, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  writeFileSync(file, JSON.stringify({ ...manifest, [E2E_OPEN_SHADOW_ROOT]: true }, null, 2));
  openCopies.set(dir, copy);
  return copy;
}

export async function launchWithExtension(options: LaunchOptions): Promise<{
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
}> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(NO_BROWSER_HINT);
  const built = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(path.join(built, 'manifest.json')))
    throw new Error(`No built extension in ${built}: run \`npm run build\` first.`);
  const dir = options.openShadowRoot ? openShadowRootCopy(built) : built;
  const context = await chromium.launchPersistentContext('', {
    executablePath,
    headless: options.headless,
    locale: options.locale ?? 'en-GB',
    timezoneId: 'Europe/Amsterdam',
    viewport: options.viewport === undefined ? { width: 1360, height: 860 } : options.viewport,
    args: [
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      `--lang=${options.uiLanguage ?? options.locale ?? 'en-GB'}`,
    ],
  });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(serviceWorker.url()).host;
  return { context, extensionId, serviceWorker };
}
