import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { hydrated, PASSWORD, saveScreen } from './helpers.js';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const ROUND = 'E2E 令和9年度 経験者採用';

async function expectNoViolations(page: Page): Promise<void> {
  await hydrated(page);
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const summary = violations.map((v) => ({
    id: v.id,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(' ')),
  }));
  expect(summary).toEqual([]);
}

async function check(page: Page, name: string): Promise<void> {
  await expectNoViolations(page);
  await saveScreen(page, `recruitment-${name}`);
}

async function signInAs(page: Page, loginId: string, path = '/recruit/'): Promise<void> {
  await page.context().clearCookies();
  await page.goto(path);
  await hydrated(page);
  await page.getByLabel('ログインID').fill(loginId);
  await page.getByLabel('パスワード').fill(PASSWORD);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await expect(page.getByRole('button', { name: 'ログアウト' })).toBeVisible();
  await hydrated(page);
}

test.describe.configure({ mode: 'serial' });

test('a recruiter creates a round, imports applicants and sets the panel', async ({ page }) => {
  test.slow();
  await signInAs(page, 'recruiter', '/recruit/rounds');
  await expect(page.getByRole('heading', { level: 1, name: '選考一覧' })).toBeVisible();
  await check(page, 'rounds');

  await page.getByLabel('選考名').fill(ROUND);
  await page.getByLabel('採用区分').selectOption('experienced');
  await page.getByLabel('年度').fill('2027');
  await page.getByRole('button', { name: '作成する' }).click();
  await expect(page.getByRole('heading', { level: 1, name: ROUND })).toBeVisible();
  await hydrated(page);
  // ICT literacy weighs 15% for experienced hires: it is asked.
  await expect(page.getByRole('heading', { level: 3, name: 'ICTリテラシー' })).toBeVisible();

  const first = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: '一次面接' }) });
  for (const who of ['面接 一郎', '面接 二郎', '面接 三子']) await first.getByLabel(new RegExp(who)).check();
  await first.getByRole('button', { name: '一次面接の段階名と面接官を保存' }).click();
  await expect(page.getByRole('status')).toHaveText('保存しました。');
  // One save for the card: the name stays as saved, and a new name is saved with the panel.
  await expect(first.getByLabel('段階名')).toHaveValue('一次面接');
  await check(page, 'round');

  await page.getByRole('link', { name: '応募者', exact: true }).click();
  await hydrated(page);
  await page
    .getByLabel('ファイル（CSV または Excel .xlsx）')
    .first()
    .setInputFiles({
      name: 'applicants.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'applicant_no,name,name_kana,email\nE-001,品川 一花,シナガワ イチカ,ichika@example.jp\nE-002,大井 次郎,オオイ ジロウ,jiro@example.jp\n',
      ),
    });
  await page.getByRole('button', { name: '取り込む', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText('2 名を登録しました。');
  await expect(page.getByRole('rowheader', { name: 'E-002' })).toBeVisible();

  // A duplicate (same name and e-mail) is refused with the row named.
  await page
    .getByLabel('ファイル（CSV または Excel .xlsx）')
    .first()
    .setInputFiles({
      name: 'again.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('applicant_no,name,email\nE-003,品川 一花,ichika@example.jp\n'),
    });
  await page.getByRole('button', { name: '取り込む', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('2行目');
  await check(page, 'applicants');
});

for (const [i, login] of ['interviewer1', 'interviewer2', 'interviewer3'].entries()) {
  test(`${login} scores an applicant and submits`, async ({ page }) => {
    await signInAs(page, login, '/recruit/queue');
    const section = page.getByRole('region', { name: new RegExp(`${ROUND}：一次面接`) });
    await expect(section).toBeVisible();
    if (i === 0) await check(page, 'queue');
    await section.getByRole('link', { name: /評価する\s*（E-001）/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('E-001');
    if (i === 0) {
      // Before their sheets are in, the stage's results say why they are not shown (not 権限がありません).
      const sheetUrl = page.url();
      const [, roundId, stageId] = /\/rounds\/(\d+)\/stages\/(\d+)\//.exec(sheetUrl) ?? [];
      const res = await page.goto(`/recruit/rounds/${roundId}/results?stage=${stageId}`);
      expect(res?.status()).toBe(403);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('選考結果はまだ表示できません');
      await expect(page.getByText('担当する応募者の評価票をすべて提出すると')).toBeVisible();
      await check(page, 'results-unfinished');
      await page.goto(sheetUrl);
      await expect(page.getByRole('heading', { level: 1 })).toContainText('E-001');
    }
    await hydrated(page);
    await expect(page.getByText('ご自身の評価を提出するまで')).toBeVisible();
    const criteria = page.locator('fieldset.criterion');
    const count = await criteria.count();
    expect(count).toBeGreaterThan(10);
    const progress = page.getByTestId('sheet-progress');
    if (i === 0) {
      // Submitting with criteria unscored is stopped in the browser, by the buttons, naming each criterion.
      await criteria.first().getByRole('radio').nth(2).check();
      await expect(progress).toHaveText(`1/${count} 項目 採点済`);
      await page.getByRole('button', { name: '提出する' }).click();
      const actions = page.getByTestId('sheet-actions');
      await expect(actions.getByRole('alert')).toHaveText(
        `未採点の項目が${count - 1}件あります。採点してから提出してください。`,
      );
      await expect(actions.getByRole('alert')).toBeFocused();
      await expect(actions.getByRole('link')).toHaveCount(count - 1);
      await page.screenshot({ path: 'test-results/screens/recruitment-sheet-unscored.png' });
    }
    for (let k = 0; k < count; k += 1) {
      await criteria
        .nth(k)
        .getByRole('radio')
        .nth(((k + i) % 3) + 2)
        .check();
    }
    await criteria.first().getByRole('textbox').fill(`${login}: 具体的な改善経験を説明できた`);
    if (i === 0) {
      await page.getByRole('button', { name: '下書き保存' }).click();
      await expect(page.getByRole('status')).toHaveText('下書きを保存しました。');
      await check(page, 'sheet');
      await page.screenshot({ path: 'test-results/screens/recruitment-sheet-top.png' });
    }
    await expect(progress).toHaveText(`${count}/${count} 項目 採点済`);
    await page.getByRole('button', { name: '提出する' }).click();
    // Submitting cannot be undone: a dialog asks first, with 戻って確認する focused.
    const dialog = page.getByRole('dialog', { name: '評価を提出しますか？' });
    await expect(dialog).toContainText(`${count}項目`);
    await expect(dialog.getByRole('button', { name: '戻って確認する' })).toBeFocused();
    if (i === 0) {
      await check(page, 'sheet-confirm');
      await page.screenshot({ path: 'test-results/screens/recruitment-sheet-confirm.png' });
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await page.getByRole('button', { name: '提出する' }).click();
    }
    await dialog.getByRole('button', { name: '提出する' }).click();
    await expect(page.getByRole('status')).toHaveText('評価を提出しました。');
    await expect(page.getByText('この評価票は提出済みです。')).toBeVisible();
    if (i > 0) await expect(page.getByRole('table', { name: '面接官ごとの点数' })).toBeVisible();
  });
}

test('the recruiter sees the ranking, reliability and leniency, and exports .xlsx', async ({ page }) => {
  await signInAs(page, 'recruiter', '/recruit/rounds');
  await page.getByRole('link', { name: ROUND }).click();
  await page.getByRole('link', { name: '選考結果' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('一次面接');
  const row = page.getByRole('row', { name: /E-001/ });
  await expect(row.getByRole('cell').first()).toHaveText('1');

  // The demo round has a full panel: reliability figures and a flagged rater.
  await page.goto('/recruit/rounds');
  await page.getByRole('link', { name: '令和9年度 新卒採用' }).click();
  await page.getByRole('link', { name: '選考結果' }).click();
  await hydrated(page);
  const reliability = page.getByRole('region', { name: '評価の信頼性' });
  await expect(reliability.getByText(/^0\.\d{3}$/).first()).toBeVisible();
  await expect(reliability).toContainText(/良好|優秀|中程度/);
  await expect(page.getByRole('row', { name: /面接 三子/ })).toContainText('甘め（要確認）');
  await expect(page.getByRole('img', { name: /階層別評価/ })).toBeVisible();
  await check(page, 'results');
  await page.locator('#profile').screenshot({ path: 'test-results/screens/recruitment-radar.png' });
  // English is a click away, and passes axe too.
  const results = new URL(page.url()).pathname;
  await page.goto(`${results}?lang=en`);
  await expect(page.getByRole('heading', { level: 2, name: 'Reliability' })).toBeVisible();
  await check(page, 'results-en');
  await page.goto(`${results}?lang=ja`);
  await hydrated(page);

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Excel (.xlsx)' }).click();
  const file = await (await download).createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of file) chunks.push(chunk as Buffer);
  const bytes = Buffer.concat(chunks);
  expect(bytes.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  expect(bytes.includes(Buffer.from('xl/worksheets/sheet1.xml'))).toBe(true);

  await page.getByRole('link', { name: '評価票を印刷' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '面接評価票' })).toBeVisible();
  await check(page, 'print');
  await page.emulateMedia({ media: 'print' });
  await saveScreen(page, 'recruitment-print-media');
});

test('staff and evaluators see nothing of recruitment', async ({ page }) => {
  await signInAs(page, 'staff1', '/review/');
  const res = await page.goto('/recruit/rounds');
  expect(res?.status()).toBe(403);
  const api = await page.request.get('/api/recruit/rounds');
  expect(api.status()).toBe(403);
});

test('closing a round asks first, since it starts the retention clock', async ({ page }) => {
  await signInAs(page, 'recruiter', '/recruit/rounds');
  await page.getByRole('link', { name: ROUND }).click();
  await hydrated(page);
  const status = page.getByRole('definition').filter({ hasText: /^(実施中|終了)/ });
  await expect(status).toHaveText('実施中');
  await page.getByRole('button', { name: '選考を終了する' }).click();
  const dialog = page.getByRole('dialog', { name: '選考を終了しますか？' });
  await expect(dialog).toContainText('保存期間');
  await expect(dialog.getByRole('button', { name: '戻る' })).toBeFocused();
  await check(page, 'close-confirm');
  // 戻る leaves the round open.
  await dialog.getByRole('button', { name: '戻る' }).click();
  await expect(dialog).toBeHidden();
  await expect(status).toHaveText('実施中');
  await page.getByRole('button', { name: '選考を終了する' }).click();
  await dialog.getByRole('button', { name: '選考を終了する' }).click();
  await expect(page.getByTestId('round-status-message')).toBeFocused();
  await expect(status).toContainText('終了');
  await expect(page.getByRole('button', { name: '選考を再開する' })).toBeVisible();
});
