import { defineConfig } from '@playwright/test';

// The Firefox smoke suite: the built MV2 add-on (.output/firefox-mv2) in Debian's Firefox ESR over
// WebDriver BiDi; see tests/firefox/. Build first (`npm run build:firefox`; `npm test` does).
// Node 20 needs NODE_OPTIONS=--experimental-websocket (the npm script and scripts/test.mjs set it).
export default defineConfig({
  testDir: 'tests/firefox',
  timeout: 90_000,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [['list'], ['json', { outputFile: 'test-results/e2e-firefox.json' }]] : 'list',
});
