import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

// Debian's Chromium: Playwright's own browser download is not reachable here (docs/toolchain.md "Browsers").
const CHROMIUM = '/usr/bin/chromium';
const PORT = Number(process.env['E2E_PORT'] ?? 3100);
const haveChromium = existsSync(CHROMIUM);

if (!haveChromium && process.env['CI'] === 'true') {
  // In CI a missing browser must fail the run, never turn into skipped tests.
  throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium)`);
}

// A fresh database for every run, so the demo data is always the same. Only the runner starts the server;
// workers load this file too but never use the path.
const database = join(tmpdir(), `jinzai-e2e-${process.pid}-${Date.now()}.db`);

const CI = process.env['CI'] === 'true';

export default defineConfig({
  testDir: './e2e',
  // One worker: every spec signs in to the same server and database, and several change the demo data that others
  // read (a sheet moves on, a survey is answered). Parallel workers would make results depend on their order.
  workers: 1,
  // In CI one retry, and a test that passes only on its retry fails the run (failOnFlakyTests): the list reporter
  // names it as flaky, so a retry can tell a flaky test from a broken one but never turns either green.
  retries: CI ? 1 : 0,
  failOnFlakyTests: CI,
  forbidOnly: CI,
  reporter: CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  // Time-outs sized for a busy 2-core machine (the server, Chromium and the test runner share it, and an axe scan of
  // a long page takes seconds there); every wait is on a condition, so a fast machine never waits the full time.
  // The long walkthroughs are marked test.slow(), which triples this.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  use: {
    actionTimeout: 20_000,
    navigationTimeout: 30_000,
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      ...(haveChromium ? { executablePath: CHROMIUM } : {}),
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    // First: each app's login page hydrates (smoke.setup.ts); if not, nothing else runs and the run fails.
    { name: 'smoke', testMatch: /smoke\.setup\.ts$/, use: { browserName: 'chromium' } },
    {
      name: 'chromium',
      testIgnore: /smoke\.setup\.ts$/,
      dependencies: ['smoke'],
      use: { browserName: 'chromium' },
    },
  ],
  webServer: {
    // The built production server: the API with both apps mounted, as `pnpm start` runs it.
    command: 'node ../apps/api/dist/main.js',
    url: `http://127.0.0.1:${PORT}/api/health`,
    env: { PORT: String(PORT), DATABASE_URL: `file:${database}`, JINZAI_DEMO: '1' },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
