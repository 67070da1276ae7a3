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
);
