import { expect, test, type Page } from '@playwright/test';
import { expectNoViolations, hydrated, openSignedIn, saveScreen, signedInPage } from './helpers.js';

/** The steps that cannot be taken back: the sheet asks in a dialog before taking them. */
const ASKED = [
  '目標を提出',
  '自己評価を提出',
  '一次評価を提出',
  '二次評価を提出',
  '確定',
  '開示',
  '確認しました',
];

/** Clicks a workflow button (and the dialog's confirmation, where it asks) and waits for the sheet's new step. */
async function take(page: Page, button: string, state: string): Promise<void> {
  await page.getByRole('button', { name: button, exact: true }).click();
  if (ASKED.includes(button)) await confirmStep(page, button);
  await expect(page.getByTestId('sheet-state')).toHaveText(state);
  await hydrated(page);
}

/** Confirms the step in the sheet's dialog, whose safe choice (戻る) has the focus. */
async function confirmStep(page: Page, button: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: `「${button}」を行いますか？` });
  await expect(dialog.getByRole('button', { name: '戻る' })).toBeFocused();
  await dialog.getByRole('button', { name: button, exact: true }).click();
}

async function rateAll(page: Page, grade: string): Promise<void> {
  const selects = page.locator('select[name^="rating:"]');
  const n = await selects.count();
  expect(n).toBeGreaterThan(3);
  for (let i = 0; i < n; i++) await selects.nth(i).selectOption(grade);
}

test('the evaluation cycle: goals, ratings, confirmation, disclosure and an appeal', async ({ browser }) => {
  test.slow();
  // staff1 sets two goals and submits them.
  const staff = await signedInPage(browser, 'review', 'staff1');
  await staff.goto('/review/evaluation/me');
  await expectNoViolations(staff);
  await saveScreen(staff, 'evaluation-me');
  await expect(staff.getByRole('table', { name: 'スキルピラミッドの推移' })).toBeVisible();
  await staff.getByRole('link', { name: '令和8年度 人事評価' }).click();
  await expect(staff.getByTestId('sheet-state')).toHaveText('目標設定');
  const sheetUrl = staff.url();
  await hydrated(staff);
  await staff.getByLabel('目標の内容').nth(0).fill('窓口の待ち時間を短縮する');
  await staff.getByLabel('達成の指標').nth(0).fill('平均待ち時間を20%短縮');
  await staff.getByLabel('目標の内容').nth(1).fill('若手職員のOJTを計画的に行う');
  await staff.getByLabel('達成の指標').nth(1).fill('四半期ごとに振り返る');
  await expectNoViolations(staff);
  await saveScreen(staff, 'evaluation-goals');
  await staff.getByRole('button', { name: '目標を提出' }).click();
  await expect(staff.getByRole('dialog')).toContainText('一次評価者が確認して合意するまで');
  await expectNoViolations(staff);
  await saveScreen(staff, 'evaluation-confirm-goals');
  await confirmStep(staff, '目標を提出');
  await expect(staff.getByRole('status')).toContainText('目標を提出');
  // The sheet says whom it waits for now, instead of 操作はありません.
  await expect(staff.getByTestId('sheet-next')).toHaveText(/^一次評価者（.+）の目標の確認・合意待ち$/);

  // evaluator1 agrees the goals from the queue.
  const first = await signedInPage(browser, 'review', 'evaluator1');
  await first.goto('/review/evaluation/queue');
  await expectNoViolations(first);
  await saveScreen(first, 'evaluation-queue');
  await first.goto(sheetUrl);
  await take(first, '目標に合意', '自己評価');

  // staff1 evaluates themself.
  await staff.goto(sheetUrl);
  await hydrated(staff);
  await rateAll(staff, 'A');
  await take(staff, '自己評価を提出', '一次評価');

  // evaluator1 rates every item and overall.
  await first.goto(sheetUrl);
  await hydrated(first);
  await rateAll(first, 'B');
  await expectNoViolations(first);
  await saveScreen(first, 'evaluation-sheet-first');
  await take(first, '一次評価を提出', '二次評価');

  // evaluator2 starts from the first ratings and raises the overall grade.
  const second = await signedInPage(browser, 'review', 'evaluator2');
  await second.goto(sheetUrl);
  await hydrated(second);
  await expect(second.locator('select[name="rating:overall"]')).toHaveValue('B');
  await second.locator('select[name="rating:overall"]').selectOption('A');
  await take(second, '二次評価を提出', '調整');

  // HR confirms and discloses.
  const hr = await signedInPage(browser, 'review', 'hr');
  await hr.goto(sheetUrl);
  await take(hr, '確定', '確定');
  await take(hr, '開示', '開示');
  await hr.goto('/review/evaluation/hr');
  await expect(hr.getByRole('heading', { name: '人事評価の進捗と分析' })).toBeVisible();
  await expectNoViolations(hr);
  await saveScreen(hr, 'evaluation-hr');
  await hr.goto(`${sheetUrl}/print`);
  await expect(hr.getByRole('heading', { level: 1 })).toContainText('人事評価シート');
  await expectNoViolations(hr);
  await hr.emulateMedia({ media: 'print' });
  await saveScreen(hr, 'evaluation-a4-sheet');
  await hr.emulateMedia({ media: 'screen' });

  // staff1 sees the result and files a 苦情相談.
  await staff.goto(sheetUrl);
  await expect(staff.getByTestId('sheet-state')).toHaveText('開示');
  await expect(staff.getByRole('columnheader', { name: '調整後' })).toBeVisible();
  await expect(staff.locator('tr.overall')).toContainText('A');
  await hydrated(staff);
  // 苦情相談 has its own form and reason, apart from 確認しました.
  const appeal = staff.getByRole('form', { name: '苦情相談' });
  await appeal.getByLabel('申し出の理由（必須）').fill('目標1の達成度について説明を受けたい');
  await appeal.getByRole('button', { name: '苦情相談を申し出る' }).click();
  await confirmStep(staff, '苦情相談を申し出る');
  await expect(staff.getByText('苦情相談を受け付けています。人事担当が再評価します。')).toBeVisible();
  await expectNoViolations(staff);
  await saveScreen(staff, 'evaluation-appeal');
});

test('HR: periods, default assignments and a results import', async ({ page }) => {
  await openSignedIn(page, 'review', 'hr');
  await page.goto('/review/evaluation/periods');
  await expect(page.getByRole('heading', { name: '令和8年度 人事評価' })).toBeVisible();
  await expectNoViolations(page);
  await saveScreen(page, 'evaluation-periods');
  const period = page.getByRole('region', { name: '令和7年度 人事評価' });
  await period.getByLabel(/過去の評価結果の取込/).setInputFiles({
    name: 'results.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('staff_no,overall\n000103,S\n999999,A\n'),
  });
  await period.getByRole('button', { name: '取り込む' }).nth(1).click();
  await expect(page.getByRole('alert')).toContainText('3行目');
});

test('I・メッセージ: send a strength; the recipient reads it', async ({ page }) => {
  await openSignedIn(page, 'review', 'evaluator1');
  await page.goto('/review/evaluation/messages?to=000103');
  await expectNoViolations(page);
  await page.getByLabel('良いところ（ひとことで）').fill('粘り強さ');
  await page
    .getByLabel('メッセージ', { exact: true })
    .fill('難しい相談にも最後まで粘り強く対応していました。');
  await page.getByRole('button', { name: '送信' }).click();
  await expect(page.getByRole('status')).toHaveText('送信しました。');
  await saveScreen(page, 'evaluation-messages');
  // The recipient reads it; English screens pass axe too.
  await page.context().clearCookies();
  await openSignedIn(page, 'review', 'staff1');
  await page.goto('/review/evaluation/messages');
  await expect(page.getByText('難しい相談にも最後まで粘り強く対応していました。')).toBeVisible();
  for (const path of ['/review/evaluation/messages', '/review/evaluation/me']) {
    await page.goto(`${path}?lang=en`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expectNoViolations(page);
  }
  await saveScreen(page, 'evaluation-me-en');
});
