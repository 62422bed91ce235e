// Settings that every package's vitest config shares (plain objects: this file sits outside any package, so it
// imports nothing). Workspace packages resolve through their `source` export condition, so tests run on the
// TypeScript sources of model, db and api without a build first (ARCHITECTURE.md "Build and checks"); the other
// conditions are Vite's defaults.
const conditions = ['source', 'module', 'node', 'development|production'];

/** Unit tests. Time-outs hold on a busy 2-core machine: property tests run hundreds of cases, and a time-out only
 * bounds a hang (no test measures time). */
export const unitTests = {
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
};

/** Repository and route tests share one PostgreSQL server when TEST_DATABASE_URL is set: one file at a time. CI
 * lists every test by name, so its log shows that the PostgreSQL tier ran. */
export const databaseTests = {
  ...unitTests,
  test: {
    ...unitTests.test,
    fileParallelism: false,
    reporters: process.env['CI'] === 'true' ? ['verbose'] : ['default'],
  },
};
