import { expect, test, type Page } from '@playwright/test';
import { hydrated, openSignedIn, saveScreen, signIn } from './helpers.js';

const apps = [
  // Each app opens on the person's to-do list.
  { app: 'recruit', loginId: 'recruiter', heading: 'やること', headingEn: 'To do' },
  { app: 'review', loginId: 'staff1', heading: 'やること', headingEn: 'To do' },
] as const;

async function switchLanguage(page: Page, name: '日本語' | 'English'): Promise<void> {
  await hydrated(page);
  await page.getByRole('navigation', { name: '言語 / Language' }).getByRole('link', { name }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', name === 'English' ? 'en' : 'ja');
}

for (const { app, loginId, heading, headingEn } of apps) {
  test.describe(app, () => {
    test(`signs in as ${loginId}, switches language and signs out`, async ({ page }) => {
      // Script errors and Content-Security-Policy violations show up on the console.
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });

      await page.goto(`/${app}/`);
      await expect(page).toHaveURL(`/${app}/login?next=%2F${app}%2F`);
      await expect(page.getByRole('heading', { level: 1, name: 'ログイン' })).toBeVisible();

      await signIn(page, loginId);
      await expect(page).toHaveURL(`/${app}/`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
      await expect(page.locator('html')).toHaveAttribute('lang', 'ja');

      await switchLanguage(page, 'English');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(headingEn);
      await expect(page).toHaveURL(`/${app}/`);
      await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();

      await switchLanguage(page, '日本語');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);

      await hydrated(page);
      await page.getByRole('button', { name: 'ログアウト' }).click();
      await expect(page).toHaveURL(`/${app}/login`);
      await expect(page.getByRole('heading', { level: 1, name: 'ログイン' })).toBeVisible();

      // The session is gone: the app sends us back to the login page.
      await page.goto(`/${app}/`);
      await expect(page).toHaveURL(/\/login\?next=/);
      expect(problems).toEqual([]);
    });

    test('a wrong password shows the error and keeps the login ID', async ({ page }) => {
      await page.goto(`/${app}/login`);
      await signIn(page, loginId, 'not-the-password');
      await expect(page.getByRole('alert')).toHaveText('ログインIDまたはパスワードが正しくありません');
      await expect(page.getByLabel('ログインID')).toHaveValue(loginId);
      await expect(page.getByLabel('パスワード')).toHaveAttribute('aria-invalid', 'true');
      await saveScreen(page, `${app}-login-error`);
    });
  });
}

test('signing in without JavaScript works and comes back to the page asked for', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/review/standards/kacho');
  await expect(page).toHaveURL('/review/login?next=%2Freview%2Fstandards%2Fkacho');
  await page.getByLabel('ログインID').fill('staff1');
  await page.getByLabel('パスワード').fill('jinzai-demo');
  await page.getByRole('button', { name: 'ログイン' }).click();
  await expect(page).toHaveURL('/review/standards/kacho');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('課長級の標準職務遂行能力');
  await context.close();
});

test('a staff member gets a polite 403 page in the recruit app', async ({ page }) => {
  await openSignedIn(page, 'review', 'staff1');
  const response = await page.goto('/recruit/');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('このページを表示する権限がありません');
  await saveScreen(page, 'recruit-403');
});

test('a next URL to another site is ignored', async ({ page }) => {
  await page.goto('/recruit/login?next=https%3A%2F%2Fevil.example%2F');
  await signIn(page, 'recruiter');
  await expect(page).toHaveURL('/recruit/');
});
