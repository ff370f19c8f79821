// Four tiers in fixed places (docs/conventions.md): pure unit specs, integration specs on the real Postgres and
// Redis that scripts/services.sh starts, HTTP e2e specs, and browser specs in Debian's Chromium.
// @swc/jest keeps decorator metadata, which NestJS dependency injection needs.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2023',
    },
    module: { type: 'commonjs' },
  },
];

const shared = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swc },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@app/(application|config|domain|grants|persistence|queue|reports|scoring|testing)$': '<rootDir>/libs/$1/src',
  },
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};

// Every response the app gives these tiers is checked against its OpenAPI document; a file whose
// responses broke it fails (apps/api/test/openapi-contract.ts).
const CONTRACT_CHECK = '<rootDir>/apps/api/test/openapi-contract.setup.ts';

module.exports = {
  // Tests on real servers share two cores with Postgres, Redis and Chromium: the timeout only guards
  // against a hang, it is not a speed requirement (benchmarks measure speed).
  testTimeout: 60_000,
  // On two cores jest would run every file inside its own main process, and what the files leave behind (apps,
  // pools, compiled modules) adds up past Node's heap limit over the whole suite. A worker instead,
  // replaced whenever a file leaves it above this size, keeps the run's memory flat.
  workerIdleMemoryLimit: '1536MB',
  // Such a worker reaches its exit within a millisecond of being told to stop, with nothing left open;
  // jest then sees the process end 0.26-0.44 s later (measured), past its default wait of 0.5 s on a busy
  // machine, and reported that as a leak. A worker that really hangs is still reported, after 5 s.
  workerGracefulExitTimeout: 5_000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    { ...shared, displayName: 'integration', testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts'] },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/apps/*/test/**/*.e2e-spec.ts'],
      setupFilesAfterEnv: [CONTRACT_CHECK],
    },
    {
      ...shared,
      displayName: 'browser',
      testMatch: ['<rootDir>/apps/api/test/browser/**/*.browser-spec.ts'],
      setupFilesAfterEnv: [CONTRACT_CHECK],
    },
  ],
};
