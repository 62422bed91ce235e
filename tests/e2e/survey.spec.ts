import { expect, test } from '@playwright/test';
import { expectNoViolations, hydrated, openSignedIn, saveScreen } from './helpers.js';

/** The 年度 of today in Japan (the survey open for answers). */
const fiscalYear = (() => {
  const jst = new Date(Date.now() + 9 * 3_600_000);
  return jst.getUTCMonth() >= 3 ? jst.getUTCFullYear() : jst.getUTCFullYear() - 1;
})();

test('staff1 answers the survey once; a second try is refused', async ({ page, context }) => {
  await openSignedIn(page, 'review', 'staff1');
  // Both the menu and the to-do list (やること) lead to the survey; this is the menu's link.
  await page
    .getByRole('navigation', { name: 'メインメニュー' })
    .getByRole('link', { name: '職員アンケート' })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${fiscalYear}年度 職員アンケート`);
  await hydrated(page);
  await expectNoViolations(page);
  await saveScreen(page, 'survey-answer');

  // A second tab holds the same form, to try again after the first answer.
  const second = await context.newPage();
  await second.goto('/review/survey');
  await hydrated(second);

  const q1 = page.getByRole('group', { name: /問1 / });
  await q1.getByLabel('そう思う', { exact: true }).check();
  await page.getByRole('group', { name: /問15 / }).getByLabel('まあそう思う').check();
  await page.getByRole('button', { name: '回答を送信する' }).click();
  await expect(page.getByTestId('survey-message')).toHaveText(/回答を受け付けました/);
  await saveScreen(page, 'survey-answered');

  await second.getByRole('group', { name: /問2 / }).getByLabel('そう思わない', { exact: true }).check();
  await second.getByRole('button', { name: '回答を送信する' }).click();
  await expect(second.getByTestId('survey-message')).toHaveText(/回答済みです/);

  await page.goto('/review/survey');
  await expect(page.getByTestId('survey-message')).toHaveText(/回答済みです/);
  await expect(page.getByRole('button', { name: '回答を送信する' })).toHaveCount(0);
  const again = await page.request.post(`/api/surveys/kpi/${fiscalYear}/answers`, {
    data: { answers: { q01: 1 } },
  });
  expect(again.status()).toBe(409);
});

test('staff cannot open the KPI screens', async ({ page }) => {
  await openSignedIn(page, 'review', 'staff1');
  await expect(page.getByRole('link', { name: 'KPI・職員アンケート' })).toHaveCount(0);
  const res = await page.goto('/review/kpis');
  expect(res?.status()).toBe(403);
});

test('hr imports a year, opens the board, the logic model and a breakdown, and exports', async ({ page }) => {
  // One journey through seven screens, each checked with axe: more than the default 30 s.
  test.slow();
  await openSignedIn(page, 'review', 'hr');
  await page.getByRole('link', { name: 'KPI・職員アンケート' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('KPIボード');

  // Import: an export of another survey tool, with labels, numbers and blanks.
  await page.getByRole('link', { name: '回答の取込・回答率' }).click();
  await hydrated(page);
  const header =
    'unit_code,grade_code,age_band,employment_type,' +
    Array.from({ length: 15 }, (_, i) => `q${String(i + 1).padStart(2, '0')}`).join(',');
  const line = (i: number) =>
    `020201,shuji,${i % 2 ? '-29' : '30-39'},regular,` +
    Array.from({ length: 15 }, (_, q) =>
      q === 3 && i === 0 ? '' : q % 2 ? 'まあそう思う' : String(1 + ((i + q) % 4)),
    ).join(',');
  const csv = [header, ...Array.from({ length: 12 }, (_, i) => line(i))].join('\n');
  await page.getByRole('spinbutton', { name: '年度' }).fill('2023');
  await page
    .getByLabel('ファイル（CSV・.xlsx）')
    .setInputFiles({ name: 'answers.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: '取り込む' }).click();
  await expect(page.getByRole('status')).toHaveText('2023年度の回答を12件取り込みました。');
  await expectNoViolations(page);
  await saveScreen(page, 'survey-import');

  // A bad file is refused with its row and column.
  await page.getByLabel('ファイル（CSV・.xlsx）').setInputFiles({
    name: 'bad.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv.replace(/\n020201,shuji,30-39,regular,1/, '\n020201,shuji,30-39,regular,はい')),
  });
  await page.getByRole('button', { name: '取り込む' }).click();
  await expect(page.getByRole('alert')).toContainText('2行目 q01');

  // While this year's survey is open the board opens on its year, named in 令和 and 西暦.
  await page.getByRole('link', { name: 'KPIボード' }).click();
  await hydrated(page);
  const year = page.getByRole('combobox', { name: '年度' });
  await expect(year).toHaveValue(String(fiscalYear));
  await expect(year.locator('option:checked')).toHaveText(/^令和\d+年度 \(\d{4}年度\)$/);
  // The demo's last full year, 2025, with figures and changes; the tabs keep the year chosen.
  await year.selectOption('2025');
  await page.getByRole('button', { name: '表示' }).click();
  await expect(page).toHaveURL(/fiscalYear=2025/);
  await expect(page.locator('strong', { hasText: '令和7年度 (2025年度)' })).toBeVisible();
  const q08 = page.getByRole('row', { name: /q08/ });
  await expect(q08.getByRole('cell').nth(0)).toHaveText('2.024');
  await expect(q08.getByRole('cell').nth(1)).toHaveText('2.500');
  await expect(q08.getByRole('cell').nth(2)).toHaveText(/^\d\.\d{3}$/);
  // The arrow is the change on last year; the status (against the baseline) has no arrow of its own.
  await expect(q08.getByRole('cell').nth(6)).toHaveText(/^[+−±]\d\.\d{3} [↗↘→]$/);
  await expect(q08.getByRole('cell').nth(7)).not.toContainText('↗');
  await expectNoViolations(page);
  await saveScreen(page, 'survey-board');

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Excel（.xlsx）' }).click();
  expect((await download).suggestedFilename()).toBe('kpis-2025.xlsx');

  await page.getByRole('link', { name: 'ロジックモデル' }).click();
  await hydrated(page);
  await expect(page.getByRole('img', { name: 'ロジックモデルの図（各アウトカムの進捗）' })).toBeVisible();
  await expect(page.getByRole('table', { name: /アウトカムごとのKPIの進捗/ })).toBeVisible();
  await expectNoViolations(page);
  await saveScreen(page, 'survey-logic-model');

  await page.getByRole('link', { name: '属性別' }).click();
  await hydrated(page);
  await page.getByLabel('集計の単位').selectOption('age_band');
  await page.getByRole('button', { name: '表示' }).click();
  await expect(page.getByRole('table', { name: /年齢区分別の平均値/ })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: '50歳以上' })).toBeVisible();
  await expectNoViolations(page);
  await page.getByLabel('集計の単位').selectOption('unit');
  await page.getByRole('button', { name: '表示' }).click();
  await expect(page.getByRole('table', { name: /所属（課）別の平均値/ })).toBeVisible();
  await expectNoViolations(page);
  await saveScreen(page, 'survey-breakdown');
  const csvDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: 'CSV' }).click();
  expect((await csvDownload).suggestedFilename()).toBe('kpis-2025-by-unit.csv');

  await page.getByRole('link', { name: '経年推移' }).click();
  await hydrated(page);
  await expect(page.getByRole('img', { name: 'q01の平均値の推移' })).toBeVisible();
  await expectNoViolations(page);
  await saveScreen(page, 'survey-trends');

  await page.getByRole('link', { name: '人事評価との比較' }).click();
  await hydrated(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('人事評価とKPI');
  await expectNoViolations(page);
  await saveScreen(page, 'survey-evaluation');

  await page.getByRole('link', { name: '制度の利用者数' }).click();
  await hydrated(page);
  await page.getByRole('spinbutton', { name: '年度' }).fill('2026');
  await page.getByRole('button', { name: '表示' }).click();
  await expect(page.getByText('令和8年度 (2026年度)', { exact: true })).toBeVisible();
  await expect(page.getByLabel('シフト勤務')).toHaveValue('');
  await hydrated(page);
  await page.getByLabel('テレワーク').fill('900');
  await page.getByRole('button', { name: '保存する' }).click();
  await expect(page.getByRole('status')).toHaveText('2026年度の利用者数を保存しました。');
  const row = page.getByRole('row', { name: /^テレワーク/ });
  await expect(row.getByRole('cell').last()).toHaveText('900');
  await expect(
    page
      .getByRole('row', { name: /^シフト勤務/ })
      .getByRole('cell')
      .last(),
  ).toHaveText('—');
  await expectNoViolations(page);
  await saveScreen(page, 'survey-programmes');
});
