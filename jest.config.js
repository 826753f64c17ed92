import { availableParallelism } from 'node:os';

// Jest runs our TypeScript as native ES modules (NestJS 12 ships ESM only), transformed by swc.
// Run through `npm test`, which adds --experimental-vm-modules.
const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
      keepClassNames: true,
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];

const common = {
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: { '^.+\\.tsx?$': swc },
  moduleNameMapper: {
    '^@kapitel/(domain|editor|collab|export)$': '<rootDir>/libs/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testEnvironment: 'node',
};

/** @type {import('jest').Config} */
export default {
  // Two test files at a time even on two cores (Jest's own default there is one): a file spends
  // much of its time waiting (for Chromium, the database's flush, a debounce), and the machine
  // sat at about 45 % idle with one. Measured on a two-core machine like CI's: the whole suite in
  // 8 instead of 13 minutes, the same results. Every file starts its own server (and browser) and
  // makes its own users and projects (apps/server/test/global-setup.mjs), so two files at once
  // never meet in each other's rows.
  maxWorkers: Math.max(2, availableParallelism() - 1),
  // Global only: Jest ignores testTimeout inside `projects`. Real servers, databases and a
  // browser on a busy two-core machine need more than the default 5 s.
  testTimeout: 30000,
  // Every test file loads the whole server anew, and Jest's ES module registries of the files
  // before are not all given back: run in one process (Jest's choice on two cores), the heap grew
  // by about 100 MB a file to several GB, and the last files of the suite took up to ten times
  // as long in garbage collection. With a limit Jest replaces a worker process once it holds
  // more than this after a file.
  workerIdleMemoryLimit: '1GB',
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/libs/*/src/**/*.spec.ts', '<rootDir>/apps/*/src/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/apps/server/test/**/*.e2e-spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/apps/server/test/global-setup.mjs',
      globalTeardown: '<rootDir>/apps/server/test/global-teardown.mjs',
    },
  ],
};
