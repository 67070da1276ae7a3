import { defineConfig } from '@playwright/test';

// The e2e suite loads the built extension (.output/chrome-mv3) into a real Chromium; see
// tests/e2e/fixtures.ts. Build first (`npm test` does).
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // Every test launches its own browser with its own profile and routed demo hosts, so two run side
  // by side (most of a test is waiting on the browser). Tests tagged @timed print performance figures:
  // they run after the others, one at a time, so no other browser shares the CPU while they measure.
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  reporter: process.env.CI ? [['list'], ['json', { outputFile: 'test-results/e2e.json' }]] : 'list',
  use: { trace: 'retain-on-failure' },
  projects: [
    { name: 'e2e', grepInvert: /@timed/ },
    { name: 'timed', grep: /@timed/, workers: 1, dependencies: ['e2e'] },
  ],
});
