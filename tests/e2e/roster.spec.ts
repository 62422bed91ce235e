import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectNoViolations, openSignedIn, saveScreen } from './helpers.js';

test('HR finds staff in the roster by kana, filters, sorts, pages, exports and opens a person', async ({
  page,
}) => {
  test.slow();
  await page.setViewportSize({ width: 1366, height: 768 });
  await openSignedIn(page, 'review', 'hr');
  await page
    .getByRole('navigation', { name: 'メインメニュー' })
    .getByRole('link', { name: '組織・職員' })
    .click();
  await page.getByRole('link', { name: '職員名簿を開く（検索・絞り込み・出力）' }).click();
  await expect(page).toHaveURL('/review/org/staff');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('職員名簿');
  // The whole roster, 50 at a time, with thousands separators.
  await expect(page.getByTestId('roster-range')).toHaveText('4,000名中 1–50名');
  await expect(page.getByText('1 / 80ページ')).toBeVisible();
  const table = page.getByRole('table', { name: '職員名簿' });
  await expect(table.getByRole('row')).toHaveCount(51);
  await expectNoViolations(page);
  await saveScreen(page, 'roster', { fullPage: false });

  // "103" is no 職員番号 prefix, but part of a name in hiragana finds the katakana reading.
  await page.getByRole('searchbox', { name: '職員番号・氏名・フリガナ' }).fill('こばやし');
  await page.getByRole('button', { name: '検索' }).click();
  await expect(page).toHaveURL(/\/review\/org\/staff\?q=/);
  await expect(page.getByTestId('roster-range')).toHaveText(/^\d[\d,]*名中 1–\d+名$/);
  const kana = await table.locator('tbody tr td:nth-child(3)').allTextContents();
  expect(kana.length).toBeGreaterThan(0);
  for (const k of kana) expect(k).toContain('コバヤシ');
  await expect(table.getByRole('rowheader', { name: '小林 翔太' })).toBeVisible();

  // A grade filter and an order by kana, descending on the second click.
  await page.getByRole('combobox', { name: '職層' }).selectOption({ label: '主事' });
  await page.getByRole('button', { name: '検索' }).click();
  await expect(page).toHaveURL(/grade=shuji/);
  await table.getByRole('link', { name: /フリガナ/ }).click();
  await expect(page).toHaveURL(/sort=kana/);
  await expect(table.getByRole('columnheader', { name: /フリガナ/ })).toHaveAttribute(
    'aria-sort',
    'ascending',
  );
  await table.getByRole('link', { name: /フリガナ/ }).click();
  await expect(page).toHaveURL(/sort=kana&order=desc/);
  await expect(table.getByRole('columnheader', { name: /フリガナ/ })).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  const desc = await table.locator('tbody tr td:nth-child(3)').allTextContents();
  expect(desc).toEqual([...desc].sort().reverse());
  for (const g of await table.locator('tbody tr td:nth-child(5)').allTextContents()) expect(g).toBe('主事');
  await expectNoViolations(page);

  // The export carries everyone found, with the same filters: CSV in UTF-8 with a BOM and Japanese headers.
  const found = Number(
    ((await page.getByTestId('roster-range').textContent()) ?? '').split('名中')[0]?.replace(/,/g, ''),
  );
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'CSV（UTF-8・BOM付き）' }).click();
  const bytes = readFileSync((await (await download).path()) ?? '');
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString('utf8').trim().split(/\r?\n/);
  expect(lines[0]).toBe('職員番号,氏名,フリガナ,所属コード,所属,職級コード,職級,雇用形態');
  expect(lines).toHaveLength(found + 1);
  const xlsx = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Excel（.xlsx）' }).click();
  expect((await xlsx).suggestedFilename()).toMatch(/^staff-\d{4}-\d\d-\d\d\.xlsx$/);

  // A unit takes in the units under it; paging keeps the filters.
  await page.goto('/review/org/staff');
  await page.getByRole('combobox', { name: '所属（配下の所属を含む）' }).selectOption({ index: 1 });
  await page.getByRole('button', { name: '検索' }).click();
  await expect(page).toHaveURL(/unit=/);
  const inUnit = await page.getByTestId('roster-range').textContent();
  if (/ 1–50名$/.test(inUnit ?? '')) {
    await page
      .getByRole('navigation', { name: '職員名簿のページ' })
      .getByRole('link', { name: '次のページ' })
      .click();
    await expect(page).toHaveURL(/unit=.*page=2/);
    await expect(page.getByTestId('roster-range')).toHaveText(/名中 51–/);
  }

  // Each name leads to the person.
  await page.goto('/review/org/staff?q=000103');
  await table.getByRole('link', { name: '小林 翔太' }).click();
  await expect(page).toHaveURL('/review/org?staffNo=000103');
  await expect(page.locator('.staff-card')).toContainText('小林 翔太');

  // English, and a phone.
  await page.goto('/review/org/staff?sort=unit&lang=en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Staff roster');
  await expect(page.getByTestId('roster-range')).toHaveText('1–50 of 4,000 staff');
  await expectNoViolations(page);
  await saveScreen(page, 'roster-en', { fullPage: false });
  await page.goto('/review/org/staff?lang=ja');
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoViolations(page);
  await saveScreen(page, 'roster-390', { fullPage: false });
});

test('the roster is for HR only', async ({ page }) => {
  await openSignedIn(page, 'review', 'staff1');
  await expect(page.getByRole('link', { name: '組織・職員' })).toHaveCount(0);
  const res = await page.goto('/review/org/staff');
  expect(res?.status()).toBe(403);
});
