import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';
import svelteConfig from './svelte.config.js';

// Pure folders run unchanged in the browser, Node tests and the CLI.
const PURE_FILES = [
  'src/sql/**/*.ts',
  'src/ingest/**/*.ts',
  'src/analyses/**/*.ts',
  'src/config/**/*.ts',
  'src/charts/**/*.ts',
  'src/i18n/**/*.ts',
];

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

// Globals pure code may use: the language's own plus the few every target (browser, worker, Node) has.
const universalGlobals = {
  ...globals.es2024,
  console: 'readonly',
  TextEncoder: 'readonly',
  TextDecoder: 'readonly',
  structuredClone: 'readonly',
  URL: 'readonly',
  URLSearchParams: 'readonly',
  atob: 'readonly',
  btoa: 'readonly',
  queueMicrotask: 'readonly',
  setTimeout: 'readonly',
  clearTimeout: 'readonly',
};

// typescript-eslint turns no-undef off for .ts files, so the globals above alone catch nothing there:
// these DOM- or Node-only names are reported by name as well.
const domOrNodeOnlyGlobals = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'sessionStorage',
  'location',
  'history',
  'indexedDB',
  'self',
  'fetch',
  'Blob',
  'File',
  'FileReader',
  'Worker',
  'requestAnimationFrame',
  'getComputedStyle',
  'process',
  'Buffer',
  'require',
  '__dirname',
  '__filename',
].map((name) => ({
  name,
  message: 'pure folders run in the browser, a worker, Node tests and the CLI: no DOM- or Node-only globals',
}));

export default ts.config(
  {
    ignores: [
      'dist/',
      'dist-cli/',
      'node_modules/',
      'test-results/',
      'bench-results/',
      'public/sample/',
      'bench-data/',
    ],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Everything but the pure folders' non-test files (tests and test support run in Node).
    ignores: PURE_FILES,
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: PURE_FILES.map((f) => f.replace(/\.ts$/, '.test.ts')),
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
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
    // Import cycles anywhere in src/ (.ts modules; .svelte components are leaves of the graph: no .ts
    // module imports one except main.ts). Our imports spell the extension ('./x.ts', './x.svelte.ts'), so
    // import-x's built-in node resolver is enough. no-cycle always skips type-only imports (`import type`,
    // no option to include them): they are erased at build time and cannot cause an initialisation-order
    // bug, so only runtime cycles are reported.
    files: ['src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.svelte.ts', '.js', '.svelte'] })],
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
    },
    rules: { 'import-x/no-cycle': 'error' },
  },
  {
    files: PURE_FILES,
    ignores: ['**/*.test.ts'],
    languageOptions: { globals: universalGlobals },
    rules: {
      ...pureLayerRestrictions,
      'no-restricted-globals': ['error', ...domOrNodeOnlyGlobals],
    },
  },
  {
    // src/sql is the leaf every layer uses (quoting): it imports nothing, relative or package.
    files: ['src/sql/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['*', '.*', '/*'], message: 'src/sql imports nothing: it is the leaf layer' }],
        },
      ],
    },
  },
  {
    files: ['src/ui/**/*.svelte', 'src/ui/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@duckdb/*'], message: 'UI never touches DuckDB: use the engine client' },
            {
              group: ['**/engine/**', '**/sql/**', '**/build-*-sql', '**/build-*-sql.ts', '**/build-*-sql*'],
              message:
                'ui goes through the client runner / module registry, not engine/, sql/ or SQL builders',
            },
          ],
        },
      ],
    },
  },
);
