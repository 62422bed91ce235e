import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

// Debian's Chromium: Playwright's own browser download is not reachable here (TOOLCHAIN "Browsers").
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

export default defineConfig({
  testDir: './e2e',
  workers: 1,
  retries: 0,
  forbidOnly: process.env['CI'] === 'true',
  reporter: process.env['CI'] === 'true' ? [['list']] : [['list'], ['html', { open: 'never' }]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
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
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
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
