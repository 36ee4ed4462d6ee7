import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const noClock = [
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: 'Pure code takes `now` as a parameter (STYLE.md).',
  },
  {
    selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
    message: 'Pure code takes `now` as a parameter (STYLE.md).',
  },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '.output/',
      '.wxt/',
      'test-results/',
      'playwright-report/',
      'tests/fixtures/',
      'bench/*.json',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['**/*.tsx', 'lib/ui/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // No import cycles in lib/: each module can be read (and loaded) after the ones it imports.
    files: ['lib/**/*.ts', 'lib/**/*.tsx'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver()],
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    // The pure core: no browser, database or UI, no clock (STYLE.md).
    files: [
      'lib/core/**/*.ts',
      'lib/sites/**/*.ts',
      'lib/io/**/*.ts',
      'lib/model/**/*.ts',
      'lib/i18n/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'dexie',
                'dexie-*',
                'wxt',
                'wxt/*',
                'webextension-polyfill',
                'react',
                'react-*',
                '@/lib/db*',
                '**/db',
                '**/db/*',
              ],
              message: 'Pure modules import no browser, database or UI code.',
            },
          ],
        },
      ],
      'no-restricted-syntax': ['error', ...noClock],
      'no-restricted-globals': ['error', 'chrome', 'browser', 'indexedDB', 'localStorage'],
    },
  },
  {
    files: ['tests/**/*.ts', 'scripts/**/*.mjs', '*.config.*'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
