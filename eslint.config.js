import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Packages each layer must not import (ARCHITECTURE.md, "the direction of imports").
const SERVER_ONLY = ['@nestjs/*', 'typeorm', 'pg', 'express', 'ioredis', '@kapitel/server'];
const restrict = (patterns, message) => ['error', { patterns: [{ group: patterns, message }] }];

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', 'data/**', 'coverage/**', 'test-results/**', 'bench-results/**'],
  },
  js.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.check.json', './apps/web/tsconfig.json', './apps/web/tsconfig.node.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-expect-error': 'allow-with-description' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Nest's decorators and DI need classes that only hold decorated members.
      '@typescript-eslint/no-extraneous-class': 'off',
      curly: 'error',
      eqeqeq: 'error',
      'max-lines': ['warn', { max: 400, skipBlankLines: true, skipComments: true }],
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='process'][property.name='env']", message: 'Read configuration through AppConfig (config/app-config.ts).' },
      ],
    },
  },
  {
    files: ['apps/server/src/config/**', 'apps/server/test/**', 'test/**', 'scripts/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', 'apps/server/test/**', 'test/**'],
    languageOptions: { globals: { ...globals.jest, ...globals.node } },
    rules: { 'max-lines': 'off' },
  },
  {
    files: ['libs/domain/src/**'],
    rules: {
      'no-restricted-imports': restrict(
        [...SERVER_ONLY, 'react', 'react-dom', 'yjs', 'y-*', '@tiptap/*', '@kapitel/*', 'node:*'],
        'libs/domain is pure: no framework, no other package of ours.',
      ),
    },
  },
  {
    files: ['libs/editor/src/**'],
    rules: {
      'no-restricted-imports': restrict([...SERVER_ONLY, 'react', 'react-dom', '@kapitel/collab', '@kapitel/export'], 'libs/editor imports only domain and Tiptap.'),
    },
  },
  {
    files: ['libs/collab/src/**'],
    rules: {
      'no-restricted-imports': restrict(
        [...SERVER_ONLY, 'react', 'react-dom', '@kapitel/export'],
        'libs/collab is the protocol core: no Nest, no TypeORM, no database driver; it imports domain and editor.',
      ),
    },
  },
  {
    files: ['libs/export/src/**'],
    rules: {
      'no-restricted-imports': restrict(
        [...SERVER_ONLY, 'react', 'react-dom', '@kapitel/collab', 'yjs', 'y-*'],
        'libs/export turns a report model into a PDF: it imports domain and editor, no server, no live documents.',
      ),
    },
  },
  {
    files: ['apps/web/src/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': restrict([...SERVER_ONLY, 'node:*', '@kapitel/collab', '@kapitel/export'], 'The web app imports only domain and editor.'),
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { ...globals.node } },
  },
);
