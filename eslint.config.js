// One lint for every part. Type-checked with typescript-eslint's strict rules; each file is checked
// against the tsconfig.json nearest to it (renderer/ has its own, without Node types). The layering
// of PRODUCT.md / STYLE.md is enforced below with no-restricted-imports. Zero warnings is the bar:
// every rule here is an error.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = {
  paths: builtinModules.filter((name) => !name.startsWith('_')),
  regex: '^node:',
  message: 'Node built-ins are not available here.',
};
const electron = { regex: '^electron(/|$)', message: 'Only main/ talks to Electron.' };
// A relative import that climbs out of its folder into another part, e.g. '../../server/x.js'.
const part = (name, message) => ({ regex: `^(\\.\\./)+${name}(/|$)`, message });
const server = part('server', 'server/ is reached over HTTP and Socket.IO, never imported.');
const main = part('main', 'main/ is the Electron shell: reach it through the preload (window.toonbank).');
const renderer = part('renderer', 'renderer/ is the UI: nothing outside it imports it.');

/** A no-restricted-imports rule from the pieces above (paths match exactly, regexes match patterns). */
function forbid(...rules) {
  const paths = rules.flatMap((rule) => (rule.paths ?? []).map((name) => ({ name, message: rule.message })));
  const patterns = rules.map((rule) => ({ regex: rule.regex, message: rule.message }));
  return ['error', { paths, patterns }];
}

export default defineConfig(
  {
    ignores: [
      'dist/',
      'release/',
      'node_modules/',
      'data/',
      'test-results/',
      'playwright-report/',
      'bench-results/',
      'coverage/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: globals.node,
      parserOptions: {
        projectService: {
          // Build configs that no tsconfig includes: checked with the root one's options.
          allowDefaultProject: ['renderer/vite.config.ts'],
          defaultProject: 'tsconfig.json',
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      'no-console': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      // Numbers in messages and URLs are fine; objects, nullish and any are not.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `(x) => done(x)` reads fine; a void value used in a statement or a condition still errors.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },

  // Where console is the interface: command-line scripts and the benchmark's report.
  { files: ['scripts/**', 'test/bench/**'], rules: { 'no-console': 'off' } },

  // The renderer runs in a browser page (Electron's sandboxed renderer or web mode).
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    extends: [reactHooks.configs.flat.recommended],
    languageOptions: { globals: globals.browser },
    rules: {
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': forbid(electron, nodeBuiltins, server, main),
    },
  },

  // Layering: what each part may import.
  { files: ['shared/**'], rules: { 'no-restricted-imports': forbid(electron, nodeBuiltins, server, main, renderer) } },
  {
    files: ['server/**'],
    rules: {
      'no-restricted-imports': forbid(electron, renderer, main),
      // Fastify's contract: plugins and handlers are async functions, and an async handler's
      // return value is the reply — with or without an await inside.
      '@typescript-eslint/require-await': 'off',
    },
  },
  { files: ['main/**'], rules: { 'no-restricted-imports': forbid(server, renderer) } },
  // The preload is sandboxed: it can require only 'electron' (and what is bundled into it).
  { files: ['main/preload.ts'], rules: { 'no-restricted-imports': forbid(nodeBuiltins, server, renderer) } },
);
