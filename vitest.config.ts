import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// `npm test` runs this suite twice: TZ=Europe/Amsterdam and TZ=America/New_York (see scripts/test.mjs).
// Results must not depend on the machine's zone: the engine always takes its zone explicitly.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    // Some suites spawn the CLI or check years of holidays: generous on a loaded CI machine. (No test
    // asserts a duration; speed targets live in `npm run bench`.)
    testTimeout: 20_000,
    // Vitest's default for a run is one worker fewer than the CPUs: a single worker on the 2-core CI
    // machine. The suites are independent files, so use every core.
    maxWorkers: Math.max(2, availableParallelism()),
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          setupFiles: ['tests/unit/setup-store.ts'],
          include: ['lib/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/unit/**/*.test.ts'],
          exclude: ['lib/**/*.dom.test.ts', 'lib/pages/sidebar/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'happy-dom',
          include: [
            'components/**/*.test.tsx',
            'entrypoints/**/*.test.ts',
            'lib/**/*.dom.test.ts',
            'lib/pages/sidebar/**/*.test.ts',
          ],
        },
      },
    ],
  },
});
