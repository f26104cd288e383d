// @ts-check
import js from '@eslint/js';
import tanstackQuery from '@tanstack/eslint-plugin-query';
import importPlugin from 'eslint-plugin-import';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import playwright from 'eslint-plugin-playwright';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const features = [
  'overview',
  'configurations',
  'jobs',
  'activity',
  'restores',
  'restore-sessions',
  'session',
];

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-bench',
      'node_modules',
      'playwright-report',
      'test-results',
      '.data',
      'coverage',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['.ci/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.browser, ...globals.node },
    },
    plugins: { import: importPlugin },
    settings: {
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.json'] } },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // One zod: zod/mini, through src/api/contract/zod.ts, which sets its English messages (types
      // may come from 'zod/mini' itself).
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'zod', message: "Use zod/mini's `z` from src/api/contract/zod.ts." },
            { name: 'zod/mini', message: 'Import `z` from src/api/contract/zod.ts.', allowTypeImports: true },
          ],
          patterns: [
            { group: ['zod/*', '!zod/mini'], message: "Use zod/mini's `z` from src/api/contract/zod.ts." },
          ],
        },
      ],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      // Import cycles are found by tools/import-cycles.ts (run by `npm run lint`): `import/no-cycle`
      // took three quarters of the lint time and, following .ts files without a parser for them,
      // found none.
      'import/no-default-export': 'error',
      'import/no-restricted-paths': [
        'error',
        {
          zones: [
            // Imports flow one way: app → features → api | components | lib; api → lib.
            { target: './src/api', from: ['./src/app', './src/features', './src/components'] },
            // The contract (src/api/contract) is the one home of the facts both sides share: lib, the
            // server and e2e may all import it.
            {
              target: './src/lib',
              from: ['./src/app', './src/features', './src/components', './src/api'],
              except: ['./contract'],
            },
            {
              target: './src/api/contract',
              from: ['./src', './server', './e2e', './bench'],
              except: ['./api/contract'],
            },
            { target: './src/components', from: ['./src/app', './src/features'] },
            { target: './src/features', from: ['./src/app'] },
            // No feature imports another.
            ...features.map((f) => ({
              target: `./src/features/${f}`,
              from: './src/features',
              except: [`./${f}`],
            })),
            // The server never imports the UI; it may import the wire schemas of src/api/<dialect>/.
            {
              target: './server',
              from: ['./src/app', './src/features', './src/components', './src/lib', './src/main.tsx'],
            },
            { target: './src', from: ['./server', './e2e', './bench'] },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { '@tanstack/query': tanstackQuery },
    rules: { ...tanstackQuery.configs.recommended.rules },
  },
  {
    files: ['src/**/*.tsx'],
    ...jsxA11y.flatConfigs.recommended,
  },
  {
    files: ['e2e/**/*.ts'],
    ...playwright.configs['flat/recommended'],
  },
  {
    // The one module that imports zod/mini's values: it sets the messages before any schema parses.
    files: ['src/api/contract/zod.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
  },
  {
    // Config files that their tools load by default export.
    files: ['vite.config.ts', 'playwright.config.ts', 'eslint.config.js'],
    rules: { 'import/no-default-export': 'off' },
  },
  {
    files: ['eslint.config.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
