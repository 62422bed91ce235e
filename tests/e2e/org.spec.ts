import { expect, test } from '@playwright/test';
import { expectNoViolations, openSignedIn, saveScreen } from './helpers.js';

test('HR finds the demo ward, looks up a staff member and imports units', async ({ page }) => {
  await openSignedIn(page, 'review', 'hr');
  await page.getByRole('link', { name: '組織・職員' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('組織・職員');
  await expect(page.locator('.summary')).toContainText('4,000');
  await expect(page.getByText('総務部')).toBeVisible();

  await page.getByRole('textbox', { name: '職員番号' }).fill('000103');
  await page.getByRole('button', { name: '表示' }).click();
  await expect(page.locator('.staff-card')).toContainText('小林 翔太');
  await expect(page.locator('.staff-card')).toContainText('主事');
  await expectNoViolations(page);
  await saveScreen(page, 'org');

  // A file with a mistake: nothing is written and the row and column are named.
  const units = page.locator('form', { has: page.locator('input[name="kind"][value="units"]') });
  await units.getByLabel('ファイル').setInputFiles({
    name: 'units.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('code,name,parent_code,level\n9001,新しい部,,部\n900101,新しい課,9001,係\n'),
  });
  await units.getByRole('button', { name: '取り込む' }).click();
  await expect(units.getByRole('alert')).toContainText('3');
  await expect(units.getByRole('alert')).toContainText('level');
  await expectNoViolations(page);
  await saveScreen(page, 'org-import-error');

  await units.getByLabel('ファイル').setInputFiles({
    name: 'units.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('code,name,parent_code,level\n9001,新しい部,,部\n900101,新しい課,9001,課\n'),
  });
  await units.getByRole('button', { name: '取り込む' }).click();
  await expect(units.getByRole('status')).toContainText('2行を取り込みました');
  await expect(page.locator('.summary')).toContainText('234');
});

test('the organisation page is for HR only', async ({ page }) => {
  await openSignedIn(page, 'review', 'staff1');
  await expect(page.getByRole('link', { name: '組織・職員' })).toHaveCount(0);
  const res = await page.goto('/review/org');
  expect(res?.status()).toBe(403);
});
