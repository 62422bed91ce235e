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

test('an import shows how far the file has been sent, then that the server is checking it', async ({
  page,
}) => {
  await openSignedIn(page, 'review', 'hr');
  await page.goto('/review/org');
  // A slow office line: 32 KiB/s up, so that sending the 100 kB file takes a few seconds.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: 32 * 1024,
  });
  const units = page.locator('form', { has: page.locator('input[name="kind"][value="units"]') });
  // The last row is wrong, so that nothing is written and the page stays as it was.
  const rows = Array.from({ length: 2_000 }, (_, i) => `${800_000 + i},進捗確認用の部${i},,部`);
  await units.getByLabel('ファイル').setInputFiles({
    name: 'units.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`code,name,parent_code,level\n${rows.join('\n')}\n899999,最後の行,,区\n`),
  });
  await units.getByRole('button', { name: '取り込む' }).click();
  await expect(units.getByRole('button', { name: '取り込み中…' })).toBeDisabled();
  await expect(units.locator('progress[data-upload]')).toBeVisible();
  await expect(units.locator('[data-upload-phase]')).toHaveText(/ファイルを送信中 ([1-9]\d?)%/);
  await expectNoViolations(page);
  await saveScreen(page, 'org-import-progress');
  await expect(units.getByRole('alert')).toContainText('2002', { timeout: 60_000 });
  await expect(units.locator('progress[data-upload]')).toBeHidden();
  await expect(units.getByRole('button', { name: '取り込む' })).toBeEnabled();
});
