import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type Page } from '@playwright/test';

export const PASSWORD = 'jinzai-demo';

const SCREENS = join(dirname(fileURLToPath(import.meta.url)), '..', 'test-results', 'screens');

/** Waits until Svelte has hydrated the page (the root layout marks <body>), so clicks reach its handlers. */
export async function hydrated(page: Page): Promise<void> {
  await expect(page.locator('body[data-hydrated="true"]')).toBeAttached();
}

/** Fills and sends the login form of the page that is open. */
export async function signIn(page: Page, loginId: string, password = PASSWORD): Promise<void> {
  await hydrated(page);
  await page.getByLabel('ログインID').fill(loginId);
  await page.getByLabel('パスワード').fill(password);
  await page.getByRole('button', { name: 'ログイン' }).click();
}

/** Opens the app's home, gets sent to its login page, and signs in there. */
export async function openSignedIn(page: Page, app: 'recruit' | 'review', loginId: string): Promise<void> {
  await page.goto(`/${app}/`);
  await expect(page).toHaveURL(new RegExp(`/${app}/login\\?next=`));
  await signIn(page, loginId);
  await expect(page).toHaveURL(new RegExp(`/${app}/$`));
  await hydrated(page);
}

/** A page in a new browser context (its own cookies), signed in to the app as loginId. */
export async function signedInPage(
  browser: Browser,
  app: 'recruit' | 'review',
  loginId: string,
): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await openSignedIn(page, app, loginId);
  return page;
}

/**
 * Saves a screenshot to tests/test-results/screens/<name>.png for a person to look at: the full page, or with
 * `fullPage: false` the screen as the viewport shows it.
 */
export async function saveScreen(page: Page, name: string, { fullPage = true } = {}): Promise<void> {
  mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: join(SCREENS, `${name}.png`), fullPage });
}

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Runs axe on the page and fails with a readable list of what it found. */
export async function expectNoViolations(page: Page): Promise<void> {
  await hydrated(page);
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const summary = violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(' ')),
  }));
  expect(summary).toEqual([]);
}
