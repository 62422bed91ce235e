import { defineConfig } from 'vitest/config';

// Repository and route tests share one PostgreSQL server when TEST_DATABASE_URL is set: run files one at a time.
// CI lists every test by name, so its log shows that the PostgreSQL tier ran.
export default defineConfig({
  test: {
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: process.env['CI'] === 'true' ? ['verbose'] : ['default'],
  },
});
