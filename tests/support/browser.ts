/**
 * Finds a Chromium and launches it with the built extension loaded (persistent context: the only way
 * Chromium loads unpacked extensions). Shared by `npm start` and the e2e suite.
 */
import { chromium, type BrowserContext, type Worker } from '@playwright/test';
import { existsSync } from 'node:fs';
import path from 'node:path';

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
  viewport?: { width: number; height: number } | null;
}

export async function launchWithExtension(options: LaunchOptions): Promise<{
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
}> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(NO_BROWSER_HINT);
  const dir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(path.join(dir, 'manifest.json')))
    throw new Error(`No built extension in ${dir}: run \`npm run build\` first.`);
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
      `--lang=${options.locale ?? 'en-GB'}`,
    ],
  });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(serviceWorker.url()).host;
  return { context, extensionId, serviceWorker };
}
