// A write with a stale version answers 409 with the current state and writes nothing: no goals, ratings, scores,
// history or audit rows (optimistic locking, docs/domain.md §4 and §2).
import { listAudit } from '@jinzai/db';
import { testDialects } from '@jinzai/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allRatings, GOALS, type SheetBody } from '../testing/evaluation-fixture.js';
import { createHarness, csv, expectError, json, type Harness } from '../testing/harness.js';
import { recruitmentRound } from '../testing/recruitment-fixture.js';
import { sheetWorld, type Stage, type Who } from '../testing/sheet-steps.js';

const OTHER_GOALS = [
  { content: '書類の電子化を進める', outcome: '04', difficulty: 'standard', measure: '紙の申請を半減' },
  { content: '後輩を指導する', outcome: '05', difficulty: 'standard', measure: '月1回の面談' },
  { content: '手順書を改訂する', outcome: '03', difficulty: 'low', measure: '年度内に改訂' },
];

describe.each(testDialects())('stale evaluation sheet writes on %s', (dialect) => {
  let h: Harness;
  let w: Awaited<ReturnType<typeof sheetWorld>>;
  beforeEach(async () => {
    h = await createHarness(dialect);
    w = await sheetWorld(h);
  });
  afterEach(async () => h.dispose());

  /**
   * Saves a draft as `who` (so the version they read goes stale), then sends `write` with the old version: expects
   * 409 with the sheet as it is now, and the database exactly as it was before the stale write.
   */
  const expectStaleWritesNothing = async (
    who: Who,
    draft: (s: SheetBody) => Record<string, unknown>,
    write: (s: SheetBody) => Promise<Response>,
  ) => {
    const old = await w.get(who);
    const saved = await w.save(who, { version: old.version, ...draft(old) });
    expect(saved.status, await saved.clone().text()).toBe(200);
    const before = await w.stored();
    const err = await expectError(await write(old), 409);
    expect(err.message).toContain('先に更新');
    const current = (err.details as { current: SheetBody }).current;
    expect(current.version).toBe(before.header?.version);
    expect(current.state).toBe(before.header?.state);
    expect(current.goals).toEqual(before.goals);
    expect(await w.stored()).toEqual(before);
  };

  it('a stale draft save (PUT) writes no goals and no audit row', async () => {
    await expectStaleWritesNothing(
      'staff1',
      () => ({ goals: GOALS }),
      (s) => w.save('staff1', { version: s.version, goals: OTHER_GOALS }),
    );
  });

  it('a stale draft save of ratings writes no ratings', async () => {
    await w.toStage('first');
    await expectStaleWritesNothing(
      'eval1',
      (s) => ({ ratings: allRatings(s, 'B') }),
      (s) => w.save('eval1', { version: s.version, ratings: allRatings(s, 'D') }),
    );
  });

  it('a stale submit-goals action writes no goals, no history and no audit row', async () => {
    await expectStaleWritesNothing(
      'staff1',
      () => ({ goals: GOALS }),
      (s) => w.act('staff1', { action: 'submit-goals', version: s.version, goals: OTHER_GOALS }),
    );
    expect((await w.get('staff1')).goals).toEqual(GOALS);
  });

  it.each([
    ['self', 'staff1', 'self-evaluate', false],
    ['first', 'eval1', 'first-rate', true],
    ['second', 'eval2', 'second-rate', true],
    ['adjust', 'hr', 'confirm', true],
  ] as const)(
    'at %s, a stale %s %s with ratings writes no ratings, history, result or audit row',
    async (stage, who, action, overall) => {
      await w.toStage(stage as Stage);
      await expectStaleWritesNothing(
        who,
        (s) => ({ ratings: allRatings(s, 'B', overall).slice(1) }),
        (s) => w.act(who, { action, version: s.version, ratings: allRatings(s, 'C', overall) }),
      );
      const results = await h.db.db.selectFrom('review_results').selectAll().execute();
      expect(results).toEqual([]);
      const revisions = await h.db.db.selectFrom('review_revisions').selectAll().execute();
      expect(revisions).toEqual([]);
    },
  );

  it('a stale send-back writes no history entry', async () => {
    await w.toStage('first');
    await expectStaleWritesNothing(
      'eval1',
      (s) => ({ ratings: allRatings(s, 'B').slice(0, 1) }),
      (s) => w.act('eval1', { action: 'send-back', version: s.version, reason: '根拠を追記してください' }),
    );
  });

  it('a step someone else already took answers the version conflict and writes nothing', async () => {
    await w.toStage('self');
    const old = await w.get('staff1');
    await w.step('staff1', 'self-evaluate', (s) => ({ ratings: allRatings(s, 'A', false) }));
    const before = await w.stored();
    const err = await expectError(
      await w.act('staff1', {
        action: 'self-evaluate',
        version: old.version,
        ratings: allRatings(old, 'D', false),
      }),
      409,
    );
    expect((err.details as { current: SheetBody }).current).toMatchObject({
      state: 'first',
      version: before.header?.version,
    });
    expect(await w.stored()).toEqual(before);
  });
});

const APPLICANTS = `applicant_no,name,name_kana,email
001,品川 花子,シナガワ ハナコ,hanako@example.jp
`;

describe.each(testDialects())('stale recruitment score sheet writes on %s', (dialect) => {
  let h: Harness;
  let recruiter: string;
  let i1: string;
  let sheet: string;
  let codes: string[];
  beforeEach(async () => {
    h = await createHarness(dialect);
    recruiter = await h.login('recruiter');
    const res = await h.request(
      '/api/recruit/rounds',
      json({ name: '令和9年度 新卒採用', track: 'new-graduate', fiscalYear: 2027 }, 'POST', recruiter),
    );
    const roundId = ((await res.json()) as { id: number }).id;
    const path = (p: string) => `/api/recruit/rounds/${roundId}${p}`;
    expect((await h.request(path('/applicants'), csv(APPLICANTS, recruiter))).status).toBe(200);
    const round = (await (await h.request(path(''), { cookie: recruiter })).json()) as {
      stages: { id: number }[];
      criteria: { code: string }[];
    };
    const stageId = round.stages[1]?.id ?? 0;
    codes = round.criteria.map((c) => c.code);
    const panel = await h.request(
      path(`/stages/${stageId}/panel`),
      json({ loginIds: ['interviewer'] }, 'PUT', recruiter),
    );
    expect(panel.status).toBe(200);
    i1 = await h.login('interviewer');
    sheet = path(`/stages/${stageId}/sheets/001`);
  });
  afterEach(async () => h.dispose());

  const scores = (score: number) =>
    codes.map((criterion) => ({ criterion, score, note: `${score}点の根拠` }));
  const stored = async () => ({
    sheets: await h.db.db.selectFrom('recruit_sheets').selectAll().orderBy('id').execute(),
    scores: await h.db.db
      .selectFrom('recruit_scores')
      .selectAll()
      .orderBy('sheet_id')
      .orderBy('criterion_id')
      .execute(),
    rounds: await h.db.db.selectFrom('recruit_rounds').select(['id', 'scores_version']).execute(),
    audit: (await listAudit(h.db.db, { limit: 100_000 })).length,
  });

  it.each([
    ['a draft', false],
    ['a submission', true],
  ])('%s with a stale version answers 409 with the current sheet and writes no scores', async (_, submit) => {
    const draft = await h.request(sheet, json({ version: 0, scores: scores(3).slice(0, 2) }, 'PUT', i1));
    expect(await draft.json()).toMatchObject({ status: 'draft', version: 1 });
    const before = await stored();
    const err = await expectError(
      await h.request(sheet, json({ version: 0, scores: scores(5), submit }, 'PUT', i1)),
      409,
    );
    expect(err.details).toMatchObject({
      current: { version: 1, status: 'draft', scores: scores(3).slice(0, 2) },
    });
    expect(await stored()).toEqual(before);
  });

  it('a write to a submitted sheet answers 409 and writes nothing', async () => {
    await h.request(sheet, json({ version: 0, scores: scores(4), submit: true }, 'PUT', i1));
    const before = await stored();
    const err = await expectError(
      await h.request(sheet, json({ version: 1, scores: scores(1) }, 'PUT', i1)),
      409,
    );
    expect(err.details).toMatchObject({ current: { version: 1, status: 'submitted' } });
    expect(await stored()).toEqual(before);
  });
});

describe.each(testDialects())('stale hiring round writes on %s', (dialect) => {
  it('a change naming an old version answers 409 with the round as it is, and writes nothing', async () => {
    const { h, recruiter, path } = await recruitmentRound(dialect);
    const patch = (body: object) => h.request(path(), json(body, 'PATCH', recruiter));
    const first = await patch({ name: '令和9年度 新卒採用（事務）', version: 1 });
    expect(await first.json()).toMatchObject({ name: '令和9年度 新卒採用（事務）', version: 2 });
    const rows = async () => ({
      round: await h.db.db.selectFrom('recruit_rounds').selectAll().execute(),
      audit: (await listAudit(h.db.db, { limit: 100_000 })).length,
    });
    const before = await rows();
    const err = await expectError(await patch({ status: 'closed', version: 1 }), 409);
    expect(err.details).toMatchObject({ current: { version: 2, status: 'open' } });
    expect(await rows()).toEqual(before);
    expect(await (await patch({ status: 'closed', version: 2 })).json()).toMatchObject({
      status: 'closed',
      version: 3,
    });
  });
});
