import { readdirSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The shape of the repository (docs/conventions.md), as immich guards its own with no-restricted-imports:
// apps import libraries through their index (`@app/<name>`), never an inner file and never another app;
// no library imports an app, nor another library but through its index; libs/scoring imports nothing.
const LIBS = readdirSync(new URL('./libs', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const TEST_FILES = ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', '**/*.browser-spec.ts', '**/test/**/*.ts'];

const THROUGH_INDEX = {
  regex: '^@app/[^/]+/',
  message: 'Import a library through its index (@app/<name>), never its inner files.',
};
const NO_PATHS = {
  regex: '(^|/)(apps|libs)/',
  message: 'Import a library as @app/<name>; nothing imports an app.',
};
const NOT_SHIPPED = {
  regex: '^@app/testing$',
  message: '@app/testing is for tests and benchmarks; code that ships does not import it.',
};
/** Refuses every specifier but a relative path and the patterns in `also`. */
const onlyRelative = (also, message) => ({ regex: `^(?!\\.{1,2}/${also.map((a) => `|${a}`).join('')})`, message });
const restrict = (...patterns) => ['error', { patterns }];

/** apps/<name> or libs/<name> of a path relative to the repository, or its first folder. */
function unitOf(path) {
  const parts = path.split('/');
  return parts[0] === 'apps' || parts[0] === 'libs' ? parts.slice(0, 2).join('/') : parts[0];
}

/**
 * no-restricted-imports sees a specifier as written; a relative one means a different file from
 * each folder, so this rule resolves it and refuses one that leaves its app or library.
 */
const relativeStaysInside = {
  meta: {
    type: 'problem',
    schema: [],
    messages: {
      leaves: '{{target}} is outside {{unit}}: import a library as @app/<name>; nothing imports an app.',
    },
  },
  create(context) {
    const root = import.meta.dirname;
    const file = relative(root, context.filename);
    const unit = unitOf(file);
    const check = (source) => {
      if (source?.type !== 'Literal' || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const target = relative(root, resolve(dirname(context.filename), source.value));
      // A benchmark replays the demo's competition, so it may read the demo's data as the demo does.
      if (/(^|\/)bench\//.test(file) && target.startsWith('scripts/demo/')) return;
      if (unitOf(target) !== unit) context.report({ node: source, messageId: 'leaves', data: { target, unit } });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};

export default defineConfig(
  { ignores: ['dist/', 'node_modules/', '.data/', 'coverage/', 'jest.config.js', 'eslint.config.mjs'] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      eqeqeq: 'error',
      'no-console': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/explicit-module-boundary-types': 'off',
    },
  },
  {
    files: ['**/*.ts'],
    plugins: { layout: { rules: { 'relative-stays-inside': relativeStaysInside } } },
    rules: {
      'layout/relative-stays-inside': 'error',
      'no-restricted-imports': restrict(THROUGH_INDEX, NO_PATHS, NOT_SHIPPED),
    },
  },
  {
    files: [...TEST_FILES, '**/bench/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(THROUGH_INDEX, NO_PATHS) },
  },
  ...LIBS.map((lib) => ({
    // Through its own index a library would import itself in a circle.
    files: [`libs/${lib}/**/*.ts`],
    ignores: TEST_FILES,
    rules: {
      'no-restricted-imports': restrict(THROUGH_INDEX, NO_PATHS, NOT_SHIPPED, {
        regex: `^@app/${lib}$`,
        message: `Inside libs/${lib}, import its own files by relative path.`,
      }),
    },
  })),
  {
    files: ['libs/scoring/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        onlyRelative([], 'libs/scoring imports nothing: no package, no Node built-in, no other library.'),
        {
          regex: '(^|/)cli(/|$)',
          message: 'The engine does not import its command line, where it meets the platform.',
        },
      ),
    },
  },
  {
    // The command line reads files and hashes with Node; the engine it wraps stays pure.
    files: ['libs/scoring/src/cli/**/*.ts', 'libs/scoring/bench/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(onlyRelative(['node:'], 'The scoring command line uses Node built-ins only.')),
    },
  },
  {
    // The engine's tests read their fixtures from disk and generate cases with fast-check.
    files: ['libs/scoring/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': restrict(
        onlyRelative(
          ['node:fs$', 'node:path$', 'fast-check$'],
          'A scoring test imports only node:fs, node:path and fast-check.',
        ),
      ),
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', '**/test/**/*.ts'],
    rules: {
      // supertest bodies and jest matchers are typed `any`; tests assert on them directly.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // The pages are plain browser modules with no build step: linted without type information.
    files: ['apps/api/web/**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { sourceType: 'module', globals: globals.browser },
    rules: { 'no-console': 'error', eqeqeq: 'error' },
  },
);
