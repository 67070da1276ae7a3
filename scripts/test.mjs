#!/usr/bin/env node
/**
 * `npm test`: every check the project has, in order, with one summary at the end.
 *   typecheck → lint → build (Chrome + Firefox) → vitest in Europe/Amsterdam → vitest in America/New_York
 *   → web-ext lint (Firefox build) → bundle budgets → Playwright e2e in real Chromium → the Firefox
 *   smoke suite in real Firefox ESR (tests/firefox, over WebDriver BiDi).
 * Each vitest/Playwright test counts as one; each other check counts as one. The last line is
 * `N passed, N failed` (CI reads it). Exit code 1 when anything failed.
 *
 * Flags: --quick skips both e2e suites (for fast local loops; CI never passes it).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { checkBudgets } from './budgets.mjs';

const quick = process.argv.includes('--quick');
const results = [];
let passed = 0;
let failed = 0;

function run(name, cmd, args, env = {}) {
  const start = Date.now();
  console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = r.status === 0;
  results.push({ name, ok, seconds: (Date.now() - start) / 1000 });
  return ok;
}

function check(name, cmd, args, env) {
  const ok = run(name, cmd, args, env);
  if (ok) passed++;
  else failed++;
  return ok;
}

function countVitest(file) {
  if (!existsSync(file)) return { passed: 0, failed: 1 };
  const j = JSON.parse(readFileSync(file, 'utf8'));
  return {
    passed: j.numPassedTests ?? 0,
    failed:
      (j.numFailedTests ?? 0) + (j.numTotalTestSuites && j.success === false && !j.numFailedTests ? 1 : 0),
  };
}

function vitest(zone) {
  const out = `test-results/vitest-${zone.replace('/', '-')}.json`;
  rmSync(out, { force: true });
  const ok = run(
    `vitest (TZ=${zone})`,
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`],
    { TZ: zone },
  );
  const c = countVitest(out);
  passed += c.passed;
  failed += c.failed + (ok || c.failed ? 0 : 1);
}

/**
 * Checks that only read the tree, run side by side (each mostly waits on its own files); each one's
 * output is printed whole when it ends, so nothing interleaves.
 */
async function checkTogether(checks) {
  await Promise.all(
    checks.map(
      ([name, cmd, args]) =>
        new Promise((resolve) => {
          const start = Date.now();
          const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
          let out = '';
          child.stdout.on('data', (b) => (out += b));
          child.stderr.on('data', (b) => (out += b));
          child.on('close', (code) => {
            console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}\n${out.trimEnd()}`);
            const ok = code === 0;
            results.push({ name, ok, seconds: (Date.now() - start) / 1000 });
            if (ok) passed++;
            else failed++;
            resolve();
          });
        }),
    ),
  );
}

mkdirSync('test-results', { recursive: true });
await checkTogether([
  ['typecheck', 'npx', ['tsc', '--noEmit']],
  ['lint', 'npx', ['eslint', '.', '--max-warnings=0']],
  ['format', 'npx', ['prettier', '--check', '.']],
]);
const built =
  check('build chrome-mv3', 'npx', ['wxt', 'build']) &
  check('build firefox-mv2', 'npx', ['wxt', 'build', '-b', 'firefox']);
vitest('Europe/Amsterdam');
vitest('America/New_York');
check('web-ext lint (Firefox build)', 'npx', [
  'web-ext',
  'lint',
  '--source-dir',
  '.output/firefox-mv2',
  '--self-hosted',
  '--output',
  'text',
]);

console.log('\n▶ bundle budgets (gzipped)');
if (built) {
  const budget = checkBudgets('.output/chrome-mv3');
  for (const row of budget.rows)
    console.log(
      `  ${row.ok ? '✓' : '✗'} ${row.name.padEnd(22)} ${row.kb.toFixed(1).padStart(6)} KB / ${row.limitKb} KB  ${row.note ?? ''}`,
    );
  budget.rows.forEach((r) => (r.ok ? passed++ : failed++));
} else {
  failed++;
}

/** A Playwright suite whose JSON report (`json`) is counted test by test. */
function playwright(name, args, json, env = {}) {
  rmSync(json, { force: true });
  const ok = run(name, 'npx', ['playwright', 'test', ...args], { CI: '1', ...env });
  if (existsSync(json)) {
    const s = JSON.parse(readFileSync(json, 'utf8')).stats ?? {};
    passed += s.expected ?? 0;
    failed += (s.unexpected ?? 0) + (s.flaky ?? 0);
    if (!ok && !(s.unexpected > 0)) failed++;
  } else failed++;
}

if (!quick) {
  playwright('e2e (Playwright, real Chromium)', [], 'test-results/e2e.json');
  // Firefox ESR over WebDriver BiDi; Node 20 has WebSocket only behind a flag.
  const websocket =
    typeof WebSocket === 'undefined'
      ? { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-websocket`.trim() }
      : {};
  playwright(
    'e2e smoke (real Firefox ESR)',
    ['-c', 'playwright.firefox.config.ts'],
    'test-results/e2e-firefox.json',
    websocket,
  );
}

console.log('\nSummary');
for (const r of results) console.log(`  ${r.ok ? '✓' : '✗'} ${r.name} (${r.seconds.toFixed(1)} s)`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
