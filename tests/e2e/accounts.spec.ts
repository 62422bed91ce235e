import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoViolations, hydrated, openSignedIn, saveScreen, signIn } from './helpers.js';

// An account of this spec's own, imported through the form (no other spec signs in with it), without a staff
// number, so that it never collides with an account of the roster.
const NEWCOMER = 'e2e-newcomer';
const NEW_PASSWORD = 'kawabe-no-sakura-2026';
const SHOTS = '/tmp/shots';

test.use({ viewport: { width: 1366, height: 768 } });

/**
 * Screenshots for a person to look at, in /tmp/shots: the 1366×768 screen (scrolled to `focus` when given) and the
 * full page (`-full`); the full page also beside the other specs' screens.
 */
async function shot(page: Page, name: string, focus?: Locator): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  if (focus) await focus.evaluate((el) => el.scrollIntoView({ block: 'center', behavior: 'instant' }));
  else await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
  await page.screenshot({ path: join(SHOTS, `${name}-full.png`), fullPage: true });
  await saveScreen(page, name);
}

/** Runs the shared axe check on the page in Japanese and in English, and comes back to Japanese. */
async function checkBothLanguages(page: Page, shotName?: string): Promise<void> {
  const path = new URL(page.url()).pathname;
  await expectNoViolations(page);
  await page.goto(`${path}?lang=en`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectNoViolations(page);
  if (shotName) await shot(page, `${shotName}-en`);
  await page.goto(`${path}?lang=ja`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await hydrated(page);
}

const csv = (text: string) => ({ name: 'users.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });

test('HR issues an initial password; the person sets their own, and is locked out once disabled', async ({
  browser,
  page,
}) => {
  test.slow();
  await openSignedIn(page, 'review', 'hr');
  await page
    .getByRole('navigation', { name: 'メインメニュー' })
    .getByRole('link', { name: 'アカウント管理' })
    .click();
  await expect(page).toHaveURL('/review/users');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('アカウント管理');
  const table = page.getByRole('table', { name: 'アカウントの一覧' });
  await expect(page.getByTestId('users-range')).toHaveText(/^[\d,]+件中 1–\d+件$/);
  await expect(table.getByRole('columnheader')).toHaveText([
    'ログインID',
    '氏名',
    '職員番号',
    '役割',
    'サインイン方法',
    '最終ログイン',
    '状態',
    '操作',
  ]);
  await hydrated(page);
  await checkBothLanguages(page, 'users-list');
  await shot(page, 'users-list');

  // Search by login id; then filter by role (the search box emptied).
  const search = page.getByRole('searchbox', { name: 'ログインID・氏名・職員番号' });
  await search.fill('staff1');
  await page.getByRole('button', { name: '検索', exact: true }).click();
  await expect(page).toHaveURL('/review/users?q=staff1');
  await expect(page.getByTestId('users-range')).toHaveText('1件中 1–1件');
  await expect(table.getByRole('rowheader')).toHaveText(['staff1']);
  await expect(page.getByRole('row', { name: /^staff1 / })).toContainText('職員');

  await hydrated(page);
  await search.fill('');
  await page.getByRole('combobox', { name: '役割' }).selectOption('hr');
  await page.getByRole('combobox', { name: '状態' }).selectOption('yes');
  await page.getByRole('button', { name: '検索', exact: true }).click();
  await expect(page).toHaveURL('/review/users?role=hr&active=yes');
  await expect(table.getByRole('rowheader', { name: 'hr', exact: true })).toBeVisible();
  await expect(table.getByRole('rowheader', { name: 'staff1', exact: true })).toHaveCount(0);
  const hrRow = page.getByRole('row', { name: /^hr / });
  await expect(hrRow).toContainText('人事担当');
  await expect(hrRow).toContainText('ご自身');
  // hr has signed in just now: a Japanese date and time in the era.
  await expect(hrRow).toContainText(/令和\d+年\d+月\d+日 \d\d:\d\d/);
  await page.getByRole('link', { name: '条件をすべて消す' }).click();
  await expect(page).toHaveURL('/review/users');

  // Pages of 50 that keep the filters.
  await hydrated(page);
  await page.getByRole('combobox', { name: 'ログインしたことが' }).selectOption('no');
  await page.getByRole('button', { name: '検索', exact: true }).click();
  await expect(page).toHaveURL('/review/users?signedIn=no');
  const total = Number(
    ((await page.getByTestId('users-range').textContent()) ?? '').split('件中')[0]?.replace(/,/g, ''),
  );
  if (total > 50) {
    await page
      .getByRole('navigation', { name: 'ページ送り' })
      .getByRole('link', { name: '次の50件' })
      .click();
    await expect(page).toHaveURL('/review/users?signedIn=no&page=2');
    await expect(page.getByTestId('users-range')).toContainText(`件中 51–${Math.min(100, total)}件`);
    await expect(table.getByRole('rowheader')).toHaveCount(Math.min(50, total - 50));
    await page.getByRole('link', { name: '前の50件' }).click();
    await expect(page).toHaveURL('/review/users?signedIn=no');
  }
  await expect(table.getByRole('rowheader', { name: 'hr', exact: true })).toHaveCount(0);
  await page.goto('/review/users');

  // The template: a BOM, the header and one example row.
  const template = await page.request.get('/review/users/template.csv');
  expect(template.headers()['content-type']).toContain('text/csv');
  expect(template.headers()['content-disposition']).toContain('attachment');
  const templateText = (await template.body()).toString('utf8');
  expect(templateText.startsWith('\uFEFFlogin_id,staff_no,roles,email\r\n')).toBe(true);
  expect(templateText.trim().split('\r\n')).toHaveLength(2);

  // A file with mistakes: nothing is imported, and each mistake is named by row and column.
  await hydrated(page);
  const importForm = page.locator('form', { has: page.getByLabel('アカウントのファイル') });
  await importForm
    .getByLabel('アカウントのファイル')
    .setInputFiles(csv(`login_id,staff_no,roles,email\n${NEWCOMER},,boss,\n!,,staff,not-an-email\n`));
  await importForm.getByRole('button', { name: '取り込む' }).click();
  const errors = page.getByTestId('import-errors');
  await expect(errors).toContainText('取り込めませんでした');
  const errorTable = errors.getByRole('table', { name: '取り込めなかった理由' });
  await expect(errorTable.getByRole('row', { name: /roles/ })).toContainText('2');
  await expect(errorTable.getByRole('row', { name: /login_id/ })).toContainText('3');
  await expect(errorTable.getByRole('row', { name: /email/ })).toContainText('3');
  await expectNoViolations(page);
  await shot(page, 'users-import-errors', errors);

  // The corrected file creates the account; it waits for an initial password.
  await hydrated(page);
  await importForm
    .getByLabel('アカウントのファイル')
    .setInputFiles(csv(`login_id,staff_no,roles,email\n${NEWCOMER},,interviewer,\n`));
  await importForm.getByRole('button', { name: '取り込む' }).click();
  await expect(page.getByTestId('import-result')).toHaveText(
    '1行を取り込みました（新規 1件、更新 0件、変更なし 0件）',
  );

  await page.goto(`/review/users?q=${NEWCOMER}`);
  await hydrated(page);
  const row = page.getByRole('row', { name: new RegExp(`^${NEWCOMER} `) });
  await expect(row).toContainText('未ログイン');
  await expect(row).toContainText('面接官');

  // Issuing a password ends the person's sessions: the page asks a second time, next to the account.
  await row.getByRole('button', { name: `初期パスワードを発行（${NEWCOMER}）` }).click();
  const outcome = page.getByTestId('row-outcome');
  await expect(outcome).toContainText('ログイン中のセッションはすべて終了します');
  await expect(outcome).toBeFocused();
  await outcome.getByRole('button', { name: '発行してセッションを終了' }).click();
  const issued = page.getByTestId('issued-password');
  await expect(issued).toBeVisible();
  const password = (await page.getByTestId('issued-password-value').textContent())?.trim() ?? '';
  expect(password).toMatch(/^[A-Za-z0-9]{14}$/);
  await expect(page.getByTestId('issued-expires')).toHaveText(/^令和\d+年\d+月\d+日 \d\d:\d\d$/);
  await expect(page.getByTestId('row-outcome')).toContainText('このパスワードは二度と表示されません');
  expect(page.url()).not.toContain(password);
  await expect(row).toContainText('初回パスワード変更待ち');
  await expectNoViolations(page);
  await shot(page, 'users-issued-password', issued);

  // The person signs in with it and is sent to their account page, whatever page they asked for.
  const person = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  await person.goto('/review/evaluation/messages');
  await expect(person).toHaveURL(/\/review\/login\?next=/);
  await signIn(person, NEWCOMER, password);
  await expect(person).toHaveURL('/review/account');
  await expect(person.getByTestId('password-first')).toContainText(
    '初めてのログインです。先にご自分のパスワードを設定してください',
  );
  // No menu leads elsewhere until then, and every other page sends them back.
  await expect(person.getByRole('navigation', { name: 'メインメニュー' })).toHaveCount(0);
  await person.goto('/review/');
  await expect(person).toHaveURL('/review/account');
  await person.goto('/recruit/');
  await expect(person).toHaveURL('/recruit/account');
  await person.goto('/review/account');
  await expect(
    person.getByText(
      '10文字以上。記号などの組み合わせの決まりはありません。よく使われるパスワードは使えません',
    ),
  ).toBeVisible();
  await checkBothLanguages(person, 'account-first');
  await shot(person, 'account-first');

  // A password that is too short is refused next to its field; the passwords are not sent back.
  await person.getByLabel('現在のパスワード').fill(password);
  await person.getByLabel('新しいパスワード', { exact: true }).fill('short');
  await person.getByLabel('新しいパスワード（確認）').fill('short');
  await person.getByRole('button', { name: 'パスワードを変更' }).click();
  await expect(person.getByTestId('password-message')).toContainText('パスワードは10文字以上にしてください');
  await expect(person.getByLabel('新しいパスワード', { exact: true })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expectNoViolations(person);
  await shot(person, 'account-password-error', person.getByTestId('password-message'));

  await hydrated(person);
  await person.getByLabel('現在のパスワード').fill(password);
  await person.getByLabel('新しいパスワード', { exact: true }).fill(NEW_PASSWORD);
  await person.getByLabel('新しいパスワード（確認）').fill(NEW_PASSWORD);
  await person.getByRole('button', { name: 'パスワードを変更' }).click();
  await expect(person).toHaveURL('/review/');
  await expect(person.getByRole('heading', { level: 1 })).toHaveText('やること');
  await expect(person.getByRole('navigation', { name: 'メインメニュー' })).toBeVisible();
  await person.goto('/review/evaluation/messages');
  await expect(person).toHaveURL('/review/evaluation/messages');

  // Their own account page, from the name in the header: no notice now.
  await person.goto('/review/');
  await hydrated(person);
  await person.getByRole('link', { name: `${NEWCOMER}（アカウント）` }).click();
  await expect(person).toHaveURL('/review/account');
  await expect(person.getByTestId('password-first')).toHaveCount(0);
  await expect(person.getByRole('definition').filter({ hasText: 'ローカル' })).toBeVisible();

  // HR sees the sign-in, then disables the account: a second step again, and the person's session ends.
  await page.goto(`/review/users?q=${NEWCOMER}`);
  await hydrated(page);
  await expect(row).toContainText('有効');
  await expect(row).not.toContainText('未ログイン');
  await row.getByRole('button', { name: `無効にする（${NEWCOMER}）` }).click();
  await expect(outcome).toContainText('ログインできなくなり');
  await outcome.getByRole('button', { name: '無効にしてセッションを終了' }).click();
  await expect(page.getByTestId('row-outcome')).toContainText(`${NEWCOMER} を無効にしました`);
  await expect(row).toContainText('無効（人事）');
  await expect(row.getByRole('button', { name: `有効にする（${NEWCOMER}）` })).toBeVisible();

  await person.goto('/review/');
  await expect(person).toHaveURL(/\/review\/login\?next=/);
  await signIn(person, NEWCOMER, NEW_PASSWORD);
  await expect(person.getByRole('alert')).toHaveText(
    /ログインIDまたはパスワードが正しくありません|このアカウントは無効になっています/,
  );
  await expect(person).toHaveURL(/\/review\/login/);
  await person.context().close();

  // Without JavaScript the same forms work: enabling at once, disabling after the second step.
  const plain = await browser.newContext({ javaScriptEnabled: false });
  const hr = await plain.newPage();
  await hr.goto(`/review/users?q=${NEWCOMER}`);
  await hr.getByLabel('ログインID').fill('hr');
  await hr.getByLabel('パスワード').fill('jinzai-demo');
  await hr.getByRole('button', { name: 'ログイン' }).click();
  await expect(hr).toHaveURL(`/review/users?q=${NEWCOMER}`);
  const plainRow = hr.getByRole('row', { name: new RegExp(`^${NEWCOMER} `) });
  await plainRow.getByRole('button', { name: `有効にする（${NEWCOMER}）` }).click();
  await expect(hr.getByTestId('row-outcome')).toContainText(`${NEWCOMER} を有効にしました`);
  await expect(plainRow).toContainText('有効');
  await plainRow.getByRole('button', { name: `無効にする（${NEWCOMER}）` }).click();
  await expect(hr.getByTestId('row-outcome')).toContainText('ログインできなくなり');
  await hr.getByRole('button', { name: '無効にしてセッションを終了' }).click();
  await expect(hr.getByTestId('row-outcome')).toContainText(`${NEWCOMER} を無効にしました`);
  await expect(plainRow).toContainText('無効（人事）');
  // The list is still the one searched for.
  await expect(hr.getByTestId('users-range')).toHaveText('1件中 1–1件');
  await plain.close();
});

test('every signed-in person has an account page in both apps', async ({ page }) => {
  await openSignedIn(page, 'recruit', 'recruiter');
  await page.getByRole('link', { name: '採用 太郎（アカウント）' }).click();
  await expect(page).toHaveURL('/recruit/account');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('アカウント');
  await expect(page.getByRole('definition').filter({ hasText: 'recruiter' })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: '採用担当' })).toBeVisible();
  await expect(page.getByLabel('現在のパスワード')).toBeVisible();
  await checkBothLanguages(page);

  // A wrong current password is named next to its field.
  await page.getByLabel('現在のパスワード').fill('not-the-password');
  await page.getByLabel('新しいパスワード', { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel('新しいパスワード（確認）').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'パスワードを変更' }).click();
  await expect(page.getByTestId('password-message')).toContainText('現在のパスワードが正しくありません');
  await expect(page.getByLabel('現在のパスワード')).toHaveAttribute('aria-invalid', 'true');

  await page.goto('/review/account');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('アカウント');
});

test('the users page is for HR only', async ({ page }) => {
  await openSignedIn(page, 'review', 'staff1');
  await expect(page.getByRole('link', { name: 'アカウント管理' })).toHaveCount(0);
  const res = await page.goto('/review/users');
  expect(res?.status()).toBe(403);
  const template = await page.request.get('/review/users/template.csv');
  expect(template.status()).toBe(403);
});
