import { expect, test, type Page } from '@playwright/test';
import { expectNoViolations, hydrated, openSignedIn, saveScreen } from './helpers.js';

/** The header's link to お知らせ, with its unread count in its name. */
const noticesLink = (page: Page) => page.getByRole('banner').getByRole('link', { name: /^お知らせ/ });

/** The unread count the header's link names (0 when it names none). */
async function unreadInHeader(page: Page): Promise<number> {
  const name = (await noticesLink(page).textContent()) ?? '';
  return Number(/未読 (\d+) 件/.exec(name)?.[1] ?? 0);
}

test('お知らせ: the deadline reminder in the header and on the page, opened and read, in both languages', async ({
  page,
}) => {
  await openSignedIn(page, 'review', 'staff1');
  // The scheduler writes the day's reminders soon after the server starts (docs/domain.md §12): staff1's goals
  // were due on 31 May.
  await expect(async () => {
    await page.reload();
    expect(await unreadInHeader(page)).toBeGreaterThan(0);
  }).toPass({ timeout: 60_000 });
  const before = await unreadInHeader(page);

  await noticesLink(page).click();
  await expect(page).toHaveURL('/review/notices');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('お知らせ');
  await expect(page.getByRole('note')).toHaveText(
    'メール送信は設定されていません。お知らせはアプリ内にのみ表示されます',
  );
  const reminder = page
    .getByRole('listitem')
    .filter({ hasText: /【督促】令和8年度 人事評価：/ })
    .first();
  await expect(reminder).toContainText('目標を設定して提出してください');
  await expect(reminder).toContainText('未読');
  await expect(reminder).toContainText('メール：送信なし');
  await expectNoViolations(page);
  await saveScreen(page, 'notices');

  await page.goto('/review/notices?lang=en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Notices');
  await expect(page.getByRole('note')).toHaveText('Mail is not configured. Notices appear in the app only');
  await expect(
    page.getByText(/Reminder — 令和8年度 人事評価: The deadline \(2026-05-31\) has passed/).first(),
  ).toBeVisible();
  await expectNoViolations(page);
  await saveScreen(page, 'notices-en');
  await page.goto('/review/notices?lang=ja');
  await hydrated(page);

  // Opening it marks it read and leads to the sheet; the header counts one fewer.
  await reminder.getByRole('button', { name: '開く' }).click();
  await expect(page).toHaveURL(/\/review\/evaluation\/sheets\/\d+$/);
  await expect(page.getByTestId('sheet-state')).toBeVisible();
  await hydrated(page);
  expect(await unreadInHeader(page)).toBe(before - 1);
  await page.goto('/review/notices?unread=yes');
  await expect(page.getByRole('radio', { name: '未読のみ' })).toBeChecked();
  await expect(page.getByText(/全\d+件（未読 \d+ 件）/)).toHaveText(
    `全${before - 1}件（未読 ${before - 1} 件）`,
  );
});

test('お知らせ: HR is told on its page that mail is off, and the recruit app links to the notices', async ({
  page,
}) => {
  await openSignedIn(page, 'review', 'hr');
  await page.goto('/review/evaluation/hr');
  await expect(page.getByRole('note')).toHaveText(
    'メール送信は設定されていません。お知らせはアプリ内にのみ表示されます',
  );
  await expectNoViolations(page);
  await saveScreen(page, 'notices-hr-mail-off');

  await page.goto('/recruit/');
  await hydrated(page);
  await expect(noticesLink(page)).toHaveAttribute('href', '/review/notices');
  await page
    .getByRole('navigation', { name: 'メインメニュー' })
    .getByRole('link', { name: '選考一覧' })
    .click();
  await page.getByRole('link', { name: '令和9年度 新卒採用' }).first().click();
  await expect(page.getByRole('note')).toHaveText(
    'メール送信は設定されていません。お知らせはアプリ内にのみ表示されます',
  );
  await expectNoViolations(page);
  await saveScreen(page, 'notices-recruit-round-mail-off');
});
