import { expect, test } from '@playwright/test';
import { expectNoViolations, hydrated, openSignedIn, saveScreen } from './helpers.js';

const STAFF1 = '000103';

test('人材データ: staff1 reads their profile, acknowledges a 面談 and makes this year’s 自己申告', async ({
  page,
}) => {
  await openSignedIn(page, 'review', 'staff1');
  await page.getByRole('navigation').getByRole('link', { name: '人材データ' }).click();
  await expect(page).toHaveURL('/review/people');
  await page.getByRole('link', { name: '自分のプロフィール' }).click();
  await expect(page).toHaveURL(`/review/people/${STAFF1}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('小林 翔太さんのプロフィール');
  // Five past years of evaluations (this year's too once the sheet tests have confirmed it) with the radar of the
  // last three; training; last year's declaration; 公募.
  await expect(page.getByRole('img', { name: /スタンス/ })).toBeVisible();
  const evaluations = page.getByRole('table', { name: '人事評価の推移' });
  for (const year of [2021, 2022, 2023, 2024, 2025])
    await expect(evaluations.getByRole('row', { name: new RegExp(`${year}年度`) })).toHaveCount(1);
  await expect(page.getByRole('table', { name: '研修・資格・自己啓発' })).toContainText('DX研修');
  await expect(page.getByRole('table', { name: '研修・資格・自己啓発' })).toContainText('承認待ち');
  await expect(page.getByRole('table', { name: '公募への応募' })).toContainText('DX推進担当（公募）');
  // The private note of the 期首面談 is not shown to the person.
  await expect(page.getByText('期首面談')).toBeVisible();
  await expect(page.getByText('異動希望あり。本人の成長意欲が高い')).toHaveCount(0);
  await expect(page.getByText(/受け取った \d+ 件・送った \d+ 件/)).toBeVisible();
  await expectNoViolations(page);
  await saveScreen(page, 'talent-profile');

  await hydrated(page);
  const first = page.getByRole('button', { name: '確認しました' }).first();
  await first.click();
  await expect(page.getByText(/確認済み/).first()).toBeVisible();

  await page.goto('/review/people/declaration');
  await hydrated(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('自己申告');
  await page.getByRole('radio', { name: '異動したい' }).check();
  await page.getByLabel('希望する所属 1').fill('0201');
  await page.getByLabel('キャリアの目標').fill('DXの企画を担い、係長を目指す');
  await page.getByLabel('伸ばしたい層').selectOption('ict');
  await page.getByLabel('家庭・健康の事情（人事課のみ閲覧）').fill('子の送迎のため定時退庁を希望');
  await page.getByRole('button', { name: '申告する' }).click();
  await expect(page.getByRole('status')).toHaveText('自己申告を受け付けました。');
  await expect(page.getByRole('button', { name: '訂正する' })).toBeVisible();
  await expectNoViolations(page);
  await saveScreen(page, 'talent-declaration');

  // A unit that does not exist is named, and nothing changes.
  await page.getByLabel('希望する所属 2').fill('nope');
  await page.getByRole('button', { name: '訂正する' }).click();
  await expect(page.getByRole('alert')).toContainText('nope');
});

test('人材データ: the second evaluator sees the evaluatee without circumstances, private notes or I・メッセージ', async ({
  page,
}) => {
  await openSignedIn(page, 'review', 'evaluator2');
  await page.goto('/review/people');
  await page.getByRole('link', { name: `小林 翔太（${STAFF1}）` }).click();
  await expect(page.getByText('二次評価者として表示しています。')).toBeVisible();
  await expect(page.getByText('家庭・健康の事情（人事課のみ閲覧）')).toHaveCount(0);
  await expect(page.getByText('異動希望あり。本人の成長意欲が高い')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'I・メッセージ' })).toHaveCount(0);
  await expectNoViolations(page);
  await saveScreen(page, 'talent-profile-evaluator');

  // The evaluator records a 期中面談; the person will see it without its private note.
  await hydrated(page);
  await page.getByLabel('種類').selectOption('mid');
  await page.getByLabel('実施日').fill('2026-11-30');
  await page.getByLabel('話したこと').fill('中間の振り返り');
  await page.getByLabel('非公開メモ').fill('評価者だけのメモ');
  await page.getByRole('button', { name: '記録する' }).click();
  await expect(page.getByRole('status')).toHaveText('面談を記録しました。');
  await expect(page.getByText('期中面談・')).toBeVisible();
});

test('人材データ: someone who is not the person, an evaluator or HR sees nothing', async ({ page }) => {
  await openSignedIn(page, 'review', '001005');
  const res = await page.goto(`/review/people/${STAFF1}`);
  expect(res?.status()).toBe(403);
});

test('人材データ: HR lists the declarations with filters and a summary by unit, imports training and approves a 自己啓発', async ({
  page,
}) => {
  await openSignedIn(page, 'review', 'hr');
  await page.goto('/review/people');
  await page.getByRole('link', { name: '自己申告の一覧と受付期間' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('自己申告の一覧');
  await expect(page.getByText('受付中')).toBeVisible();
  const summary = page.getByRole('table', { name: '所属別の集計' });
  await expect(summary.getByRole('row').nth(1)).toBeVisible();
  await page.getByLabel('異動の希望').selectOption('move');
  await page.getByLabel('所属（配下を含む）').fill('02');
  await page.getByRole('button', { name: '表示' }).click();
  await expect(page).toHaveURL(/transferWish=move/);
  const list = page.getByRole('table', { name: '自己申告の一覧' });
  await expect(list).toContainText('異動したい');
  await expect(list).not.toContainText('現所属に留まりたい');
  await expectNoViolations(page);
  await saveScreen(page, 'talent-declarations-hr');

  await page.goto('/review/people/training');
  await hydrated(page);
  const file = page
    .getByRole('region', { name: '研修の修了記録を取り込む（CSV/.xlsx）' })
    .getByLabel('研修の修了記録を取り込む（CSV/.xlsx）');
  await file.setInputFiles({
    name: 'training.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      `staff_no,course,layer,completed_on,hours\n${STAFF1},評価者研修,interpersonal,2026-11-10,7\n999999,DX研修,ict,2026-11-10,7\n`,
    ),
  });
  await page.getByRole('button', { name: '取り込む', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('999999');
  await file.setInputFiles({
    name: 'training.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      `staff_no,course,layer,completed_on,hours\n${STAFF1},評価者研修,interpersonal,2026-11-10,7\n`,
    ),
  });
  await page.getByRole('button', { name: '取り込む', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('1行を取り込みました（新規 1、更新 0）');
  const pending = page.getByRole('table', { name: '承認待ちの自己啓発' });
  await expect(pending).toContainText('ITパスポート試験');
  await expect(page.getByRole('table', { name: '研修カタログ' })).toContainText('ロジックモデル研修');
  await expectNoViolations(page);
  await saveScreen(page, 'talent-training-hr');
  await pending
    .getByRole('row', { name: /ITパスポート試験/ })
    .getByRole('button', { name: '承認', exact: true })
    .click();
  await expect(page.getByRole('status')).toHaveText('判断を記録しました。');
  await expect(pending).not.toContainText('ITパスポート試験');

  // HR keeps the catalogue: a new course with the outcome it serves joins the list.
  await page.getByLabel('コード（半角英小文字・数字・ハイフン）').fill('mentor');
  await page.getByLabel('研修名', { exact: true }).fill('メンター研修');
  await page.getByLabel('伸ばす層').selectOption('interpersonal');
  await page.getByLabel('寄与するアウトカム').selectOption('06');
  await page.getByRole('button', { name: '研修を保存' }).click();
  await expect(page.getByRole('status')).toHaveText('研修カタログに「メンター研修」を保存しました。');
  await expect(
    page.getByRole('table', { name: '研修カタログ' }).getByRole('row', { name: /メンター研修/ }),
  ).toContainText('06');
  await expectNoViolations(page);
  await saveScreen(page, 'talent-catalogue-hr');

  // HR sees everything of staff1's profile, in English too.
  await page.goto(`/review/people/${STAFF1}?lang=en`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Profile of 小林 翔太');
  await expect(page.getByText('異動希望あり。本人の成長意欲が高い')).toBeVisible();
  await expect(page.getByText('子の送迎のため定時退庁を希望')).toBeVisible();
  await expectNoViolations(page);
  await saveScreen(page, 'talent-profile-hr-en');
  await page.goto('/review/people?lang=ja');

  // 公募: the applicants side by side, and an outcome recorded.
  await page.getByRole('link', { name: '公募' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('公募');
  await page.getByRole('link', { name: '応募者を比べる' }).first().click();
  await expect(page.getByRole('heading', { level: 2, name: '応募者の比較' })).toBeVisible();
  const applicant = page.getByRole('article', { name: /小林 翔太/ });
  await expect(applicant).toContainText('直近の総合評価');
  await hydrated(page);
  await applicant.getByLabel('結果を記録').selectOption('accepted');
  await applicant.getByRole('button', { name: '結果を記録' }).click();
  await expect(applicant).toContainText('内定');
  await expectNoViolations(page);
  await saveScreen(page, 'talent-posting-hr');

  // 配置検討: staff1 tried in 0201; the headcount by grade before and after.
  await page.goto('/review/people/placement');
  await hydrated(page);
  await page.getByLabel('検討する所属コード').fill('0201');
  await page.getByLabel('異動案（1行に「職員番号,異動先の所属コード」）').fill(`${STAFF1},0201`);
  await page.getByRole('button', { name: '検討する' }).click();
  await expect(page.getByRole('heading', { name: /異動を希望して来たい人/ })).toBeVisible();
  await expect(page.getByRole('table', { name: /（0201）/ })).toBeVisible();
  await expectNoViolations(page);
  await saveScreen(page, 'talent-placement-hr');
});
