import { defineConfig } from 'vitest/config';
import { databaseTests } from '../vitest.shared.js';

// The built processes and HAProxy take a while to start on a busy 2-core machine; no test measures time.
export default defineConfig({
  ...databaseTests,
  test: { ...databaseTests.test, include: ['test/**/*.test.ts'], hookTimeout: 240_000 },
});
