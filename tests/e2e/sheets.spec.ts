import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoViolations, hydrated, openSignedIn, saveScreen } from './helpers.js';

// HR's sheet list (docs/interfaces.md "Daily work"): reached from a progress count, filtered, and a selection
// confirmed in bulk after a question that says how many sheets, in which steps, and which will be skipped.

test.use({ viewport: { width: 1366, height: 768 } });

/** The screen as HR sees it at 1366×768, scrolled to `focus`, and the full page beside it. */
async function shot(page: Page, name: string, focus: Locator): Promise<void> {
  await focus.evaluate((el) => el.scrollIntoView({ block: 'center', behavior: 'instant' }));
  await saveScreen(page, name, { fullPage: false });
  await saveScreen(page, `${name}-full`);
}

const STEP = { adjust: '調整', confirmed: '確定' } as const;

test('HR opens the sheet list from a progress count, filters it and confirms a selection in bulk', async ({
  page,
}) => {
  test.slow();
  await openSignedIn(page, 'review', 'hr');
  await page.goto('/review/evaluation/hr');
  const progress = page.getByRole('region', { name: /段階別の進捗/ });
  // Every count is a link to the list filtered as it counts: here a 部's 調整.
  const count = progress.getByRole('link', { name: /^[\d,]+件：.+・調整の一覧$/ }).first();
  const label = (await count.getAttribute('aria-label')) ?? '';
  const [, figure = '', unit = ''] = /^([\d,]+)件：(.+)・調整の一覧$/.exec(label) ?? [];
  await expect(count).toHaveText(figure);
  await expectNoViolations(page);
  await shot(page, 'sheets-progress-links', progress);
  await count.click();
  await expect(page).toHaveURL(/\/review\/evaluation\/periods\/\d+\/sheets\?state=adjust&unit=\w+$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('評価シートの一覧');
  await expect(page.getByTestId('sheets-range')).toHaveText(new RegExp(`^${figure}件中 1–[\\d,]+件$`));
  await expect(page.getByLabel('段階', { exact: true })).toHaveValue('adjust');
  await expect(page.getByRole('combobox', { name: /所属/ }).locator('option:checked')).toHaveText(
    new RegExp(`^\\s*${unit}$`),
  );
  const table = page.getByRole('table', { name: '評価シートの一覧' });
  const states = table.locator('tbody .state');
  expect(await states.count()).toBeGreaterThan(0);
  for (const s of await states.allTextContents()) expect(s).toBe('調整');

  // Every step of the 部: the filter on the step taken off.
  await hydrated(page);
  await page.getByLabel('段階', { exact: true }).selectOption('');
  await page.getByRole('button', { name: '検索', exact: true }).click();
  await expect(page).toHaveURL(/\/sheets\?unit=\w+$/);
  await expect(page.getByLabel('段階', { exact: true })).toHaveValue('');
  await hydrated(page);

  // Two sheets at 調整 and one at another step (not 確定, which would be skipped for another reason).
  const rows = table.locator('tbody tr');
  const adjust = rows.filter({ has: page.locator('.state--adjust') });
  const other = rows.filter({ hasNot: page.locator('.state--adjust, .state--confirmed') }).first();
  const otherStep = (await other.locator('.state').textContent()) ?? '';
  const names: string[] = [];
  const numbers: string[] = [];
  for (const row of [adjust.nth(0), adjust.nth(1), other]) {
    names.push((await row.getByRole('rowheader').textContent())?.trim() ?? '');
    numbers.push((await row.locator('td').nth(1).textContent())?.trim() ?? '');
    await row.getByRole('checkbox').check();
  }
  /** The step shown for the sheet of a staff number. */
  const stepOf = (staffNo: string) =>
    table
      .locator('tbody tr')
      .filter({ has: page.getByRole('cell', { name: staffNo, exact: true }) })
      .locator('.state');
  await expect(page.getByTestId('sheets-selected')).toHaveText('3件を選択中');
  await page.getByRole('button', { name: '確定', exact: true }).click();

  const dialog = page.getByRole('dialog', { name: '確定の確認' });
  await expect(dialog).toBeFocused();
  const order = ['目標設定', '自己評価', '一次評価', '二次評価', '調整', '確定', '開示', '完了'];
  const tally = [`${otherStep} 1件`, `${STEP.adjust} 2件`];
  if (order.indexOf(otherStep) > order.indexOf(STEP.adjust)) tally.reverse();
  await expect(dialog.getByTestId('bulk-question')).toHaveText(
    `選択した3件（${tally.join('、')}）を確定します。${otherStep}の1件はスキップされます。`,
  );
  await expect(dialog.getByRole('listitem')).toHaveText(['この段階では確定できない：1件']);
  // The ticks stay while the question is asked.
  await expect(page.getByTestId('sheets-selected')).toHaveText('3件を選択中');
  await expectNoViolations(page);
  await shot(page, 'sheets-confirm-dialog', dialog);

  await dialog.getByRole('button', { name: '2件を確定する' }).click();
  const outcome = page.getByTestId('bulk-done');
  await expect(outcome).toBeFocused();
  await expect(outcome).toHaveAttribute('aria-live', 'polite');
  await expect(page.getByTestId('bulk-result')).toHaveText('2件を確定しました。1件はスキップしました。');
  for (const no of numbers.slice(0, 2)) await expect(stepOf(no)).toHaveText(STEP.confirmed);
  await expect(stepOf(numbers[2] ?? '')).toHaveText(otherStep);
  await expect(page.getByTestId('sheets-selected')).toHaveText('0件を選択中');
  await expectNoViolations(page);
  await shot(page, 'sheets-confirmed', outcome);

  // Search by kana, in English too.
  const path = new URL(page.url()).pathname;
  await page.goto(`${path}?lang=en`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Evaluation sheets');
  await expectNoViolations(page);
  await shot(page, 'sheets-list-en', page.locator('#bulk'));
  await page.goto(`${path}?lang=ja`);
  await hydrated(page);
  // The name without its space, as people type it: the search ignores spaces, width and kana.
  await page
    .getByRole('searchbox', { name: '職員番号・氏名・カナ' })
    .fill(names[0]?.replace(/\s/g, '') ?? '');
  await page.getByRole('button', { name: '検索', exact: true }).click();
  await expect(page).toHaveURL(/\/sheets\?q=/);
  await expect(stepOf(numbers[0] ?? '')).toHaveText(STEP.confirmed);
  for (const name of await table.getByRole('rowheader').allTextContents()) expect(name.trim()).toBe(names[0]);
  await expectNoViolations(page);
  await shot(page, 'sheets-search', page.getByTestId('sheets-range'));
});

test('HR selects every sheet the filters find, not only the page, and confirms them after a question', async ({
  page,
}) => {
  test.slow();
  await openSignedIn(page, 'review', 'hr');
  await page.goto('/review/evaluation/hr');
  // The period's whole 調整 count: more sheets than a page holds.
  await page
    .getByRole('region', { name: /段階別の進捗/ })
    .getByRole('link', { name: /^[\d,]+件：.+・調整の一覧$/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/sheets\?state=adjust&unit=\w+$/);
  await page.goto(`${new URL(page.url()).pathname}?state=adjust`);
  await hydrated(page);
  const range = (await page.getByTestId('sheets-range').textContent()) ?? '';
  const total = Number(/^([\d,]+)件中/.exec(range)?.[1]?.replace(/,/g, ''));
  expect(total).toBeGreaterThan(50);
  const n = total.toLocaleString('ja-JP');

  const table = page.getByRole('table', { name: '評価シートの一覧' });
  const selectAll = page.getByRole('button', { name: `条件に合う${n}件をすべて選択` });
  await expect(selectAll).toHaveCount(0);
  await table.getByRole('checkbox', { name: 'このページのシートをすべて選択' }).check();
  await expect(page.getByTestId('sheets-selected')).toHaveText('50件を選択中');
  await selectAll.click();
  await expect(page.getByTestId('sheets-selected')).toHaveText(`条件に合う${n}件すべてを選択中`);
  // Unticking one sheet is a selection of ticks again; choosing "all matching" once more brings it back.
  await table.locator('tbody tr').first().getByRole('checkbox').uncheck();
  await expect(page.getByTestId('sheets-selected')).toHaveText('49件を選択中');
  await table.locator('tbody tr').first().getByRole('checkbox').check();
  await selectAll.click();
  await expectNoViolations(page);
  await shot(page, 'sheets-select-matching', page.locator('#bulk'));

  await page.getByRole('button', { name: '確定', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '確定の確認' });
  await expect(dialog).toBeFocused();
  const question = dialog.getByTestId('bulk-question');
  await expect(question).toHaveText(new RegExp(`^選択した${n}件（調整 ${n}件）を確定します。`));
  const skippedText = /調整の([\d,]+)件はスキップされます/.exec((await question.textContent()) ?? '')?.[1];
  const skipped = Number(skippedText?.replace(/,/g, '') ?? 0);
  const go = total - skipped;
  await expectNoViolations(page);
  await shot(page, 'sheets-select-matching-ask', dialog);

  await dialog.getByRole('button', { name: `${go.toLocaleString('ja-JP')}件を確定する` }).click();
  await expect(page.getByTestId('bulk-result')).toContainText(
    `${go.toLocaleString('ja-JP')}件を確定しました。`,
    {
      timeout: 90_000,
    },
  );
  await expect(page.getByTestId('sheets-selected')).toHaveText('0件を選択中');
  // What is left at 調整 is what was skipped.
  await page.reload();
  await expect(page.getByTestId('sheets-range')).toHaveText(
    new RegExp(`^${skipped.toLocaleString('ja-JP')}件中`),
  );
});
