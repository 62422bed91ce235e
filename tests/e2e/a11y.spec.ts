import { expect, test, type Page } from '@playwright/test';
import { expectNoViolations, openSignedIn, saveScreen } from './helpers.js';

async function checkInBothLanguages(page: Page, name: string): Promise<void> {
  await expectNoViolations(page);
  await saveScreen(page, name);
  await page.goto(`${new URL(page.url()).pathname}?lang=en`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectNoViolations(page);
  await saveScreen(page, `${name}-en`);
  await page.goto(`${new URL(page.url()).pathname}?lang=ja`);
}

test('login page', async ({ page }) => {
  await page.goto('/review/login');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ログイン');
  await expectNoViolations(page);
  await saveScreen(page, 'review-login');
});

test('recruit: hiring tracks and weights', async ({ page }) => {
  await openSignedIn(page, 'recruit', 'recruiter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('やること');
  await checkInBothLanguages(page, 'recruit-tasks');
  await page
    .getByRole('navigation', { name: 'メインメニュー' })
    .getByRole('link', { name: '採用区分と配点' })
    .click();
  await expect(page).toHaveURL('/recruit/tracks');
  await expect(page.getByRole('table', { name: '採用区分ごとの配点（％）' })).toBeVisible();
  // The table is the source of truth: the default weights of docs/domain.md §2.
  const row = page.getByRole('row', { name: /^新卒採用/ });
  await expect(row.getByRole('cell')).toHaveText(['35', '35', '15', '15', '0', '0', '100']);
  await expect(page.getByText('令和6年4月1日（2024年4月1日）')).toBeVisible();
  await checkInBothLanguages(page, 'recruit-tracks');
});

test('review: standards and a grade page', async ({ page }) => {
  await openSignedIn(page, 'review', 'staff1');
  // The home page is the to-do list; the standards are a menu item of their own.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('やること');
  await expect(page.getByRole('list', { name: 'やることの一覧' })).toBeVisible();
  await checkInBothLanguages(page, 'review-tasks');
  await page
    .getByRole('navigation', { name: 'メインメニュー' })
    .getByRole('link', { name: '標準職務遂行能力' })
    .click();
  await expect(page).toHaveURL('/review/standards');
  await expect(page.getByRole('link', { name: /課長級/ })).toBeVisible();
  await checkInBothLanguages(page, 'review-standards');

  await page.getByRole('link', { name: /^課長級/ }).click();
  await expect(page).toHaveURL('/review/standards/kacho');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('課長級の標準職務遂行能力');
  for (const layer of ['スタンス', 'ポータブルスキル 対人力', 'ポータブルスキル 対課題力']) {
    await expect(page.getByRole('heading', { level: 2, name: layer })).toBeVisible();
  }
  await expect(page.getByText('課の責任者として、適切な判断を行うことができる。')).toBeVisible();
  await checkInBothLanguages(page, 'review-grade');
});

test('error pages', async ({ page }) => {
  await openSignedIn(page, 'review', 'staff1');
  const response = await page.goto('/review/standards/no-such-grade');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ページが見つかりません');
  await expectNoViolations(page);
  await saveScreen(page, 'review-404');
});

test.describe('narrow screens', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('pages reflow without sideways scrolling of the page', async ({ page }) => {
    await openSignedIn(page, 'recruit', 'hr');
    for (const [path, name] of [
      ['/recruit/tracks', 'recruit-tracks-narrow'],
      ['/recruit/', 'recruit-tasks-narrow'],
      ['/review/standards/kacho', 'review-grade-narrow'],
    ] as const) {
      await page.goto(path);
      await expectNoViolations(page);
      // WCAG 1.4.10: only the weights table may scroll inside its own region.
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await saveScreen(page, name);
    }
  });

  test('the header and menu leave the survey most of a phone’s screen', async ({ page }) => {
    await openSignedIn(page, 'review', 'hr');
    await page.goto('/review/survey');
    const header = await page.locator('.app-header').boundingBox();
    // At most a quarter of the 844 px screen (it took a third with the menu wrapped to four lines).
    expect(header?.height ?? 999).toBeLessThanOrEqual(844 / 4);
    // The menu is one line that scrolls sideways; every item stays reachable.
    const nav = page.getByRole('navigation', { name: 'メインメニュー' });
    const items = nav.getByRole('link');
    const tops = new Set<number>();
    for (const box of await items.evaluateAll((links) => links.map((a) => a.getBoundingClientRect().top)))
      tops.add(Math.round(box));
    expect(tops.size).toBe(1);
    await items.last().focus();
    await expect(items.last()).toBeInViewport();
    await expectNoViolations(page);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await saveScreen(page, 'review-survey-narrow', { fullPage: false });
  });
});
