// Runs before every other browser test (the `smoke` project in playwright.config.ts): each app's login page, as
// the built server serves it, must hydrate without a page error. A corrupted or half-written build then fails here
// in seconds with the app's name, instead of as a row of time-outs in the tests that follow.
import { expect, test } from '@playwright/test';

for (const app of ['recruit', 'review'] as const) {
  test(`${app}: the login page hydrates without a page error`, async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    const response = await page.goto(`/${app}/login`);
    expect(response?.status(), `${app}: GET /${app}/login`).toBe(200);
    const marker = page.locator('body[data-hydrated="true"]');
    try {
      await expect(marker).toBeAttached();
    } catch {
      throw new Error(
        `${app}: the login page did not hydrate; rebuild it with pnpm build. ` +
          `Page errors: ${errors.length > 0 ? errors.join(' | ') : 'none reported'}`,
      );
    }
    expect(errors, `${app}: errors on the login page`).toEqual([]);
  });
}
