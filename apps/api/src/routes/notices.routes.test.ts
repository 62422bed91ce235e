// The signed-in person's notices (docs/interfaces.md "Daily work") and the notices each event writes in its own
// transaction (docs/domain.md §12).
import { addNotices, listAudit } from '@jinzai/db';
import { testDialects } from '@jinzai/db/testing';
import type { DialectName } from '@jinzai/db';
import { describe, expect, it, onTestFinished } from 'vitest';
import { allRatings, GOALS, PEOPLE } from '../testing/evaluation-fixture.js';
import { createHarness, csv, expectError, json, type Harness } from '../testing/harness.js';
import { recruitmentRound } from '../testing/recruitment-fixture.js';
import { sheetWorld } from '../testing/sheet-steps.js';

interface NoticeBody {
  id: number;
  kind: string;
  title: string;
  titleEn: string;
  href: string;
  readAt: string | null;
  mail: { status: string; sentAt: string | null };
}
interface Page {
  notices: NoticeBody[];
  total: number;
  unread: number;
  mail: { enabled: boolean };
}

const page = async (h: Harness, cookie: string, query = ''): Promise<Page> => {
  const res = await h.request(`/api/me/notices${query}`, { cookie });
  expect(res.status).toBe(200);
  return (await res.json()) as Page;
};

async function world(dialect: DialectName, overrides: Parameters<typeof createHarness>[1] = {}) {
  const h = await createHarness(dialect, overrides);
  onTestFinished(() => h.dispose());
  return { h, ...(await sheetWorld(h)) };
}

describe.each(testDialects())('notices routes on %s', (dialect) => {
  it('needs a session', async () => {
    const h = await createHarness(dialect);
    onTestFinished(() => h.dispose());
    await expectError(await h.request('/api/me/notices'), 401);
    await expectError(await h.request('/api/me/notices/1/read', { method: 'POST' }), 401);
  });

  it('tells the first evaluator of submitted goals, with a link to the sheet; nobody else', async () => {
    const w = await world(dialect);
    await w.step('staff1', 'submit-goals', () => ({ goals: GOALS }));
    const mine = await page(w.h, w.c.eval1);
    expect(mine).toMatchObject({ total: 1, unread: 1, mail: { enabled: false } });
    expect(mine.notices[0]).toMatchObject({
      kind: 'sheet-arrived',
      title: '令和8年度 人事評価：提出された目標を確認してください',
      titleEn: '令和8年度 人事評価: Review the goals submitted to you',
      href: `/review/evaluation/sheets/${w.sheetId}`,
      readAt: null,
      mail: { status: 'not-sent', sentAt: null },
    });
    for (const who of ['staff1', 'eval2', 'eval3', 'hr'] as const)
      expect((await page(w.h, w.c[who])).total).toBe(0);
  });

  it('follows the sheet: each step tells whoever must act next, 差戻し the one who acts again, 開示 the evaluatee, a 苦情相談 HR', async () => {
    const w = await world(dialect);
    const kinds = async (who: keyof typeof w.c) =>
      (await page(w.h, w.c[who])).notices.map((n) => n.kind).reverse();
    await w.toStage('first');
    expect(await kinds('staff1')).toEqual(['sheet-arrived']);
    expect(await kinds('eval1')).toEqual(['sheet-arrived', 'sheet-arrived']);
    const s = await w.get('eval1');
    const back = await w.act('eval1', {
      action: 'send-back',
      version: s.version,
      reason: '自己評価の記載をやり直してください',
    });
    expect(back.status).toBe(200);
    const sentBack = (await page(w.h, w.c.staff1)).notices[0];
    expect(sentBack).toMatchObject({
      kind: 'sheet-sent-back',
      title: '令和8年度 人事評価：評価シートが差し戻されました。自己評価を提出してください',
    });
    // The reason stays on the sheet: the notice carries no evaluation content.
    expect(JSON.stringify(sentBack)).not.toContain('やり直して');
    await w.step('staff1', 'self-evaluate', (b) => ({ ratings: allRatings(b, 'A', false) }));
    await w.step('eval1', 'first-rate', (b) => ({ ratings: allRatings(b, 'B') }));
    expect(await kinds('eval2')).toEqual(['sheet-arrived']);
    await w.step('eval2', 'second-rate', (b) => ({ ratings: allRatings(b, 'A') }));
    await w.step('hr', 'confirm');
    // HR's own steps are worked from its list: no notice for each sheet.
    expect((await page(w.h, w.c.hr)).total).toBe(0);
    await w.step('hr', 'disclose');
    const disclosed = (await page(w.h, w.c.staff1)).notices[0];
    expect(disclosed).toMatchObject({
      kind: 'result-disclosed',
      title: '令和8年度 人事評価：評価結果が開示されました。内容を確認してください',
    });
    expect(disclosed?.title).not.toMatch(/[SABCD]評価|総合/);
    await w.step('staff1', 'appeal', () => ({ reason: '評価に納得できません' }));
    const appeal = (await page(w.h, w.c.hr)).notices;
    expect(appeal.map((n) => n.kind)).toEqual(['appeal-filed']);
    expect(JSON.stringify(appeal)).not.toContain('納得');
  });

  it('writes nothing when the step is refused (the notice shares the step’s transaction)', async () => {
    const w = await world(dialect);
    const s = await w.get('staff1');
    // Too few goals: the step is a 400 and is rolled back with its notice.
    const res = await w.act('staff1', {
      action: 'submit-goals',
      version: s.version,
      goals: GOALS.slice(0, 1),
    });
    await expectError(res, 400);
    expect((await page(w.h, w.c.eval1)).total).toBe(0);
  });

  it('tells the new first evaluator when HR changes who must act', async () => {
    const w = await world(dialect);
    await w.step('staff1', 'submit-goals', () => ({ goals: GOALS }));
    const res = await w.h.request(
      `/api/review/sheets/${w.sheetId}/assignment`,
      json({ firstStaffNo: PEOPLE.kacho2, secondStaffNo: PEOPLE.bucho }, 'PUT', w.c.hr),
    );
    expect(res.status).toBe(200);
    expect((await page(w.h, w.c.eval3)).notices.map((n) => n.kind)).toEqual(['sheet-arrived']);
    // Only the second evaluator changes: who must act now stays the same, so nobody new is told.
    await w.h.request(
      `/api/review/sheets/${w.sheetId}/assignment`,
      json({ firstStaffNo: PEOPLE.kacho2, secondStaffNo: null }, 'PUT', w.c.hr),
    );
    expect((await page(w.h, w.c.eval3)).total).toBe(1);
  });

  it('tells, from an evaluators file, each new person who must act, in the import’s transaction', async () => {
    const w = await world(dialect);
    await w.step('staff1', 'submit-goals', () => ({ goals: GOALS }));
    const file = (rows: string) => csv(`staff_no,first_evaluator,second_evaluator\n${rows}`, w.c.hr);
    const path = `/api/review/periods/${w.periodId}/assignments`;
    // A file with an unknown evaluator writes nothing, notices included.
    await expectError(
      await w.h.request(path, file(`${PEOPLE.shuji},${PEOPLE.kacho2},\n${PEOPLE.shunin},999999,\n`)),
      400,
    );
    expect((await page(w.h, w.c.eval3)).total).toBe(0);
    // staff1's sheet waits for its first evaluator (now eval3); staff2's waits for staff2, who stays.
    const ok = await w.h.request(
      path,
      file(`${PEOPLE.shuji},${PEOPLE.kacho2},\n${PEOPLE.shunin},${PEOPLE.kacho2},\n`),
    );
    expect(ok.status).toBe(200);
    expect((await page(w.h, w.c.eval3)).notices.map((n) => [n.kind, n.href])).toEqual([
      ['sheet-arrived', `/review/evaluation/sheets/${w.sheetId}`],
    ]);
    expect((await page(w.h, w.c.staff2)).total).toBe(0);
  });

  it('shows only one’s own notices, newest first, a page at a time, and marks one read', async () => {
    const w = await world(dialect);
    const at = (k: number) => new Date(Date.parse('2026-06-01T00:00:00Z') + k * 60_000).toISOString();
    const eval1Id = (
      await w.h.db.db
        .selectFrom('users')
        .select('id')
        .where('login_id', '=', 'eval1')
        .executeTakeFirstOrThrow()
    ).id;
    for (let k = 0; k < 5; k++) {
      await addNotices(
        w.h.db.db,
        [
          {
            to: k % 2 ? { userId: eval1Id } : { staffNo: PEOPLE.kacho },
            kind: 'sheet-arrived',
            subject: `review_sheet:${k}`,
            title: `通知${k}`,
            params: { periodName: `期間${k}`, state: 'first', relation: 'first' },
            href: `/review/evaluation/sheets/${k}`,
          },
        ],
        at(k),
      );
    }
    const first = await page(w.h, w.c.eval1, '?pageSize=2');
    expect(first.notices.map((n) => n.title)).toEqual(['通知4', '通知3']);
    expect(first).toMatchObject({ total: 5, unread: 5 });
    expect((await page(w.h, w.c.eval1, '?pageSize=2&page=3')).notices.map((n) => n.title)).toEqual(['通知0']);
    const id = first.notices[0]?.id ?? 0;

    await expectError(
      await w.h.request(`/api/me/notices/${id}/read`, { method: 'POST', cookie: w.c.staff1 }),
      404,
    );
    await expectError(
      await w.h.request('/api/me/notices/999999/read', { method: 'POST', cookie: w.c.eval1 }),
      404,
    );
    const read = await w.h.request(`/api/me/notices/${id}/read`, { method: 'POST', cookie: w.c.eval1 });
    expect(read.status).toBe(200);
    expect(((await read.json()) as { notice: NoticeBody }).notice.readAt).toBe(w.h.clock.now().toISOString());
    const unread = await page(w.h, w.c.eval1, '?unread=yes');
    expect(unread).toMatchObject({ total: 4, unread: 4 });
    expect(unread.notices.map((n) => n.id)).not.toContain(id);
    const me = (await (await w.h.request('/api/me', { cookie: w.c.eval1 })).json()) as {
      user: { notices: { unread: number; mail: boolean } };
    };
    expect(me.user.notices).toEqual({ unread: 4, mail: false });
    expect((await page(w.h, w.c.staff1)).total).toBe(0);
  });

  it('refuses bad paging (400 with the error shape) and a path that names no notice (404)', async () => {
    const w = await world(dialect);
    for (const q of ['?page=0', '?pageSize=101', '?pageSize=abc', '?unread=maybe', '?page=1.5'])
      await expectError(await w.h.request(`/api/me/notices${q}`, { cookie: w.c.eval1 }), 400);
    await expectError(
      await w.h.request('/api/me/notices/abc/read', { method: 'POST', cookie: w.c.eval1 }),
      404,
    );
  });

  it('is in the OpenAPI document with its answer and its errors', async () => {
    const h = await createHarness(dialect);
    onTestFinished(() => h.dispose());
    const doc = (await (await h.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, { content?: unknown }> }>>;
    };
    const list = doc.paths['/api/me/notices']?.['get'];
    expect(JSON.stringify(list?.responses['200']?.content)).toContain('titleEn');
    expect(Object.keys(list?.responses ?? {})).toEqual(expect.arrayContaining(['200', '400', '401']));
    const read = doc.paths['/api/me/notices/{id}/read']?.['post'];
    expect(Object.keys(read?.responses ?? {})).toEqual(expect.arrayContaining(['200', '401', '404']));
  });

  it('says whether mail is on', async () => {
    const w = await world(dialect, {
      mail: {
        url: 'smtp://127.0.0.1:25',
        from: 'jinzai@example.lg.jp',
        origin: 'https://jinzai.example.lg.jp',
      },
    });
    expect((await page(w.h, w.c.eval1)).mail).toEqual({ enabled: true });
  });
});

describe.each(testDialects())('panel notices on %s', (dialect) => {
  it('tells each interviewer new to a stage’s panel, once, and audits the panel as before', async () => {
    const t = await recruitmentRound(dialect);
    const stageId = (await t.round()).stages[0]?.id ?? 0;
    const setPanel = (loginIds: string[]) =>
      t.h.request(t.path(`/stages/${stageId}/panel`), json({ loginIds }, 'PUT', t.recruiter));
    expect((await setPanel(['interviewer', 'interviewer2'])).status).toBe(200);
    expect((await setPanel(['interviewer', 'interviewer2', 'interviewer3'])).status).toBe(200);
    const of = async (login: string) => page(t.h, await t.h.login(login));
    const n1 = await of('interviewer');
    expect(n1.notices).toHaveLength(1);
    expect(n1.notices[0]).toMatchObject({
      kind: 'panel-added',
      title: '令和9年度 新卒採用：書類選考の面接官に加わりました。評価票を確認してください',
      href: '/recruit/queue',
    });
    expect((await of('interviewer3')).notices).toHaveLength(1);
    expect((await of('recruiter')).notices).toHaveLength(0);
    expect((await listAudit(t.h.db.db, { entity: 'recruit_panel' })).length).toBe(2);
  });
});
