import { expect, test } from '@playwright/test';
import { expectNoViolations, hydrated, saveScreen, signedInPage } from './helpers.js';

test('hr creates a survey, staff1 answers it once, hr sees the cross-tab', async ({ browser }) => {
  test.slow();
  const hr = await signedInPage(browser, 'review', 'hr');
  await hr.goto('/review/kpis/surveys');
  await expect(hr.getByRole('heading', { level: 1 })).toHaveText('独自アンケート');
  await expect(hr.getByRole('link', { name: '退職意向アンケート' })).toBeVisible();
  await hydrated(hr);
  await hr.getByLabel('アンケート名').fill('通勤アンケート');
  await hr.getByLabel('4段階の設問（1行に1問）').fill('通勤は負担ではない\n今の勤務時間に満足している');
  await hr.getByLabel('設問文').fill('通勤で困っていること');
  await hr.getByLabel('選択肢（1行に1つ）').fill('混雑\n遠い\n乗り換え\n費用');
  await hr.getByLabel('選択できる数（上限）').fill('2');
  await hr.getByRole('button', { name: '作成する' }).click();
  await expect(hr.getByRole('status')).toHaveText(/アンケートを作成しました/);
  await expect(hr.getByRole('link', { name: '通勤アンケート' })).toBeVisible();
  await expectNoViolations(hr);
  await saveScreen(hr, 'custom-survey-list');

  // staff1 answers: a third choice is refused in the browser (nothing is sent, nothing is lost), two are taken, a
  // second answer is refused.
  const page = await signedInPage(browser, 'review', 'staff1');
  await page.getByRole('link', { name: 'アンケートに回答' }).click();
  await page.getByRole('link', { name: '通勤アンケート' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('通勤アンケート');
  await hydrated(page);
  await expect(page.getByText('2つまで選択できます')).toBeVisible();
  await expectNoViolations(page);
  await saveScreen(page, 'custom-survey-answer');
  const second = await page.context().newPage();
  await second.goto(page.url());
  await hydrated(second);

  await page.getByRole('group', { name: /問1 / }).getByLabel('そう思う', { exact: true }).check();
  const reasons = page.getByRole('group', { name: /問3 / });
  for (const o of ['混雑', '遠い', '費用']) await reasons.getByLabel(o).check();
  await expect(reasons.getByRole('alert')).toHaveText(/選べるのは2つまでです。いま3つ選ばれています/);
  await expectNoViolations(page);
  await saveScreen(page, 'custom-survey-over-limit');
  await page.getByRole('button', { name: '回答を送信する' }).click();
  await expect(reasons.getByLabel('混雑')).toBeFocused();
  await expect(reasons.getByLabel('費用')).toBeChecked();
  await expect(
    page.getByRole('group', { name: /問1 / }).getByLabel('そう思う', { exact: true }),
  ).toBeChecked();
  await expect(page.getByTestId('cs-message')).toHaveCount(0);
  await reasons.getByLabel('費用').uncheck();
  await expect(reasons.getByRole('alert')).toHaveCount(0);
  await page.getByRole('button', { name: '回答を送信する' }).click();
  await expect(page.getByTestId('cs-message')).toHaveText(/回答を受け付けました/);

  await second.getByRole('group', { name: /問3 / }).getByLabel('費用').check();
  await second.getByRole('button', { name: '回答を送信する' }).click();
  await expect(second.getByTestId('cs-message')).toHaveText(/回答済みです/);

  // HR: the demo survey's reasons by age band, with figures; the new survey's one answer waits apart.
  await hr.getByRole('link', { name: '退職意向アンケート' }).click();
  await expect(hr.getByRole('heading', { level: 1 })).toHaveText('退職意向アンケート の結果');
  const table = hr.getByTestId('cs-crosstab');
  await expect(table.getByRole('columnheader', { name: '29歳以下' })).toBeVisible();
  await expect(table.getByRole('rowheader', { name: /給料が少ない/ })).toBeVisible();
  await expectNoViolations(hr);
  await saveScreen(hr, 'custom-survey-results');
  await hr.getByLabel('集計の軸').selectOption('employment_type');
  await hr.getByRole('button', { name: '表示' }).click();
  await expect(hr).toHaveURL(/by=employment_type/);
  await expect(table.getByRole('columnheader', { name: '全体' })).toBeVisible();

  await hr.goto('/review/kpis/surveys');
  await hr.getByRole('link', { name: '通勤アンケート' }).click();
  // staff1's answer waits, held apart, until 5 have answered (docs/domain.md §5): the page says so.
  await expect(hr.getByTestId('cs-respondents')).toHaveText('回答数：0');
  await expect(hr.getByTestId('cs-waiting')).toContainText('ほかに1件の回答が集計待ちです');
  await saveScreen(hr, 'custom-survey-waiting');
  await expect(hr.getByTestId('cs-crosstab').getByRole('cell', { name: '—' }).first()).toBeVisible();
  await hr.context().close();
  await page.context().close();
});
