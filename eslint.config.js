import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

// Pure layers run unchanged in the browser, Node tests and the CLI: no svelte, DOM-only or duckdb here.
const pureLayerRestrictions = {
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        { group: ['svelte', 'svelte/*', '*.svelte'], message: 'pure layers must not import Svelte' },
        { group: ['@duckdb/*'], message: 'only src/engine/ touches DuckDB' },
        {
          group: ['**/engine/*', '**/client/*', '**/ui/*'],
          message: 'pure layers do not depend on engine, client or ui',
        },
      ],
    },
  ],
};

export default ts.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'bench-results/', 'public/sample/', 'bench-data/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        extraFileExtensions: ['.svelte'],
        parser: ts.parser,
        svelteConfig,
      },
    },
  },
  {
    files: [
      'src/sql/**/*.ts',
      'src/ingest/**/*.ts',
      'src/analyses/**/*.ts',
      'src/config/**/*.ts',
      'src/charts/**/*.ts',
    ],
    ignores: ['**/*.test.ts'],
    rules: pureLayerRestrictions,
  },
  {
    files: ['src/ui/**/*.svelte', 'src/ui/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@duckdb/*'], message: 'UI never touches DuckDB: use the engine client' }] },
      ],
    },
  },
  {
    // Sections on analysis modules (issue 11) ask app.runner for typed results; the comparison
    // dataset's load/clean flow still drives the engine itself.
    files: ['src/ui/lifecycle/**/*.svelte', 'src/ui/lifecycle/**/*.ts'],
    ignores: ['src/ui/lifecycle/comparison-dataset.svelte.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@duckdb/*'], message: 'UI never touches DuckDB: use the engine client' },
            {
              regex: '(^|/)(build-[^/]*-sql\\.ts|sql/|engine/|ui/behaviour/)|^\\.\\./behaviour/',
              message:
                'a module section runs its module parts through app.runner (src/analyses/<id>/module.ts)',
            },
          ],
        },
      ],
    },
  },
);
