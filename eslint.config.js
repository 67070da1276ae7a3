import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nounsanitized from 'eslint-plugin-no-unsanitized';

const htmlSinks = [
  {
    property: 'innerHTML',
    message: 'Never write HTML: render page or policy data as text (textContent / JSX).',
  },
  { property: 'outerHTML', message: 'Never write HTML: render page or policy data as text.' },
  { property: 'insertAdjacentHTML', message: 'Never write HTML: build nodes instead.' },
];

/**
 * Import zones (in the manner of darkreader's `import/no-restricted-paths`; eslint-plugin-import is not
 * installed, so `no-restricted-imports` patterns per files-glob). Patterns are regexes over the import
 * string as written (relative, `@/` or `~/`). Proved by tests/unit/import-zones.test.ts.
 *
 * Flat config gives a file the last block's options for a rule, so zones that can overlap use two rule
 * names: `no-restricted-imports` for the layer zones (lib ↛ components, lib/sla ↛ the rest) and
 * `@typescript-eslint/no-restricted-imports` for the zod zone (it lets type-only imports through: types
 * are erased, only runtime imports put zod in a bundle).
 */
const VIEWS = {
  regex: '(^|/)components/',
  message: 'lib/ may not import views (components/): only the page shells in lib/pages/ render them.',
};
const TEST_SUPPORT = {
  regex: '(^|/)tests/',
  message: 'Shipped code may not import test support (tests/support, tests/fixtures): only tests do.',
};
const OUTSIDE_SLA = {
  regex: '^(\\.\\./|[@~]/)',
  message: 'lib/sla is pure and self-contained: import nothing outside lib/sla (npm packages only).',
};
const OUTSIDE_SLA_FROM_SUBFOLDER = {
  regex: '^(\\.\\./\\.\\./|[@~]/)',
  message: OUTSIDE_SLA.message,
};
const NO_ZOD = {
  message:
    'No zod in content-script code or the helpdesk catalog (content-script budget 35 KB): import types only, the background validates.',
  allowTypeImports: true,
};
const ZOD_MODULES = [
  { ...NO_ZOD, regex: '^zod(/|$)' },
  // Modules that build zod schemas at load: a runtime import from them ships zod too.
  {
    ...NO_ZOD,
    regex:
      '(^|/)(storage/schemas|messaging/(protocol|router|sidebar|popup|options|report)|sla/schema|helpdesks/mapping-schema)(\\.ts)?$',
  },
];

export default tseslint.config(
  {
    ignores: [
      '.output/**',
      '.wxt/**',
      'node_modules/**',
      'demo-output/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  nounsanitized.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      'no-restricted-properties': ['error', ...htmlSinks.map((s) => ({ object: undefined, ...s }))],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'No raw HTML in views.' },
        {
          selector: "CallExpression[callee.property.name='write'][callee.object.name='document']",
          message: 'No document.write.',
        },
        { selector: "NewExpression[callee.name='Function']", message: 'No eval-like code.' },
      ],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    files: ['lib/sla/**/*.ts'],
    ignores: ['lib/sla/**/*.test.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'browser', message: 'lib/sla is pure: no browser APIs.' },
        { name: 'chrome', message: 'lib/sla is pure.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'lib/sla is pure: take `now` as a parameter.' },
        { object: 'DateTime', property: 'now', message: 'lib/sla is pure: take `now` as a parameter.' },
        { object: 'DateTime', property: 'local', message: 'lib/sla is pure: pass the zone explicitly.' },
      ],
    },
  },
  {
    files: ['components/**/*.tsx', 'components/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'browser', message: 'Components are views: props in, no browser.* calls.' },
        { name: 'chrome', message: 'Components are views.' },
      ],
    },
  },
  {
    files: ['lib/**/*.{ts,tsx}'],
    ignores: ['lib/pages/**', '**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [VIEWS, TEST_SUPPORT] }] },
  },
  {
    files: ['lib/pages/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [TEST_SUPPORT] }] },
  },
  {
    files: ['lib/sla/*.ts'],
    ignores: ['lib/sla/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [OUTSIDE_SLA] }] },
  },
  {
    files: ['lib/sla/*/**/*.ts'],
    ignores: ['lib/sla/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [OUTSIDE_SLA_FROM_SUBFOLDER] }] },
  },
  {
    files: [
      'lib/helpdesks/catalog.ts',
      'lib/helpdesks/*/page.ts',
      'lib/pages/sidebar/**/*.{ts,tsx}',
      'entrypoints/*.content/**/*.{ts,tsx}',
    ],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: ZOD_MODULES }] },
  },
);
