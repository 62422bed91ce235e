import { finalOverallResults, listAudit } from '@jinzai/db';
import { testDialects } from '@jinzai/db/testing';
import { SHEET_STATES } from '@jinzai/model';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allRatings, GOALS, PEOPLE, type SheetBody } from '../testing/evaluation-fixture.js';
import { createHarness, expectError, json, type Harness } from '../testing/harness.js';
import { sheetWorld, type Stage, type Who } from '../testing/sheet-steps.js';

describe.each(testDialects())('evaluation sheets on %s', (dialect) => {
  let h: Harness;
  let w: Awaited<ReturnType<typeof sheetWorld>>;
  let c: Record<Who, string>;
  let sheetId: number;
  let periodId: number;
  beforeEach(async () => {
    h = await createHarness(dialect);
    w = await sheetWorld(h);
    ({ c, sheetId, periodId } = w);
  });
  afterEach(async () => h.dispose());

  const get = (who: Who): Promise<SheetBody> => w.get(who);
  const act = (who: Who, body: Record<string, unknown>) => w.act(who, body);
  const step = (who: Who, action: string, extra?: (s: SheetBody) => Record<string, unknown>) =>
    w.step(who, action, extra);
  const toStage = (stage: string) => w.toStage(stage as Stage);

  it('assigns the 課長 first and the 部長 second from the org tree', async () => {
    const rows = await h.db.db
      .selectFrom('review_sheets')
      .selectAll()
      .where('period_id', '=', periodId)
      .execute();
    const by = new Map(rows.map((r) => [r.staff_no, [r.first_staff_no, r.second_staff_no]]));
    expect(by.get(PEOPLE.shuji)).toEqual([PEOPLE.kacho, PEOPLE.bucho]);
    expect(by.get(PEOPLE.kacho)).toEqual([PEOPLE.bucho, null]);
    expect(by.get(PEOPLE.bucho)).toEqual([null, null]);
    const again = await h.request(
      `/api/review/periods/${periodId}/assignments/defaults`,
      json({}, 'POST', c.hr),
    );
    expect(await again.json()).toEqual({ created: 0 });
  });

  it('runs the cycle, records history, writes the result and a revision on confirmation', async () => {
    await toStage('disclosed');
    const s = await get('staff1');
    expect(s.state).toBe('disclosed');
    expect(s.ratings.find((r) => r.part === 'final' && r.item === 'overall')?.rating).toBe('A');
    // Every state of the workflow in its order, up to 完了.
    expect(s.history.map((e) => e.toState)).toEqual(SHEET_STATES.slice(0, SHEET_STATES.indexOf('done')));
    expect(await finalOverallResults(h.db.db, 2026)).toEqual([
      { staffNo: PEOPLE.shuji, unitCode: '101010', gradeCode: 'shuji', overall: 'A' },
    ]);
    const done = await step('staff1', 'acknowledge');
    expect(done.state).toBe('done');
    const audits = await listAudit(h.db.db, { entity: 'review_sheet', entityId: String(sheetId) });
    expect(audits.some((a) => a.action === 'read')).toBe(true);
    expect(audits.filter((a) => a.action === 'update').length).toBeGreaterThanOrEqual(8);
  });

  it.each([
    ['goal-setting', { staff1: 200, eval1: 200, eval2: 200, hr: 200, eval3: 404, staff2: 404 }],
    ['first', { staff1: 200, eval1: 200, eval2: 200, hr: 200, eval3: 404, staff2: 404 }],
    ['disclosed', { staff1: 200, eval1: 200, eval2: 200, hr: 200, eval3: 404, staff2: 404 }],
  ] as const)('lets only related people see the sheet at %s', async (stage, expected) => {
    await toStage(stage);
    for (const [who, status] of Object.entries(expected)) {
      const res = await h.request(`/api/review/sheets/${sheetId}`, { cookie: c[who as keyof typeof c] });
      expect(res.status, `${who} at ${stage}`).toBe(status);
    }
    await expectError(await h.request(`/api/review/sheets/${sheetId}`), 401);
  });

  it.each(['self', 'first', 'second', 'adjust', 'confirmed', 'disclosed'])(
    'shows each relation only the ratings of its stage at %s',
    async (stage) => {
      await toStage(stage);
      const order = ['goal-setting', 'self', 'first', 'second', 'adjust', 'confirmed', 'disclosed'];
      const at = order.indexOf(stage);
      const parts = async (who: keyof typeof c) => new Set((await get(who)).ratings.map((r) => r.part));
      const staff = await parts('staff1');
      expect(staff.has('first') || staff.has('second') || staff.has('final')).toBe(
        at >= order.indexOf('disclosed'),
      );
      const first = await parts('eval1');
      expect(first.has('second')).toBe(at >= order.indexOf('confirmed'));
      expect(first.has('self')).toBe(at > order.indexOf('self'));
      const hr = await parts('hr');
      if (at > order.indexOf('first')) expect(hr.has('first')).toBe(true);
    },
  );

  it.each([
    ['goal-setting', 'staff1', ['submit-goals']],
    ['goal-setting', 'eval1', []],
    ['self', 'staff1', ['self-evaluate']],
    ['first', 'eval1', ['first-rate', 'send-back']],
    ['first', 'eval2', []],
    ['second', 'eval1', []],
    ['second', 'eval2', ['second-rate', 'send-back']],
    ['adjust', 'hr', ['confirm', 'send-back']],
    ['confirmed', 'hr', ['disclose']],
    ['disclosed', 'staff1', ['acknowledge', 'appeal']],
    ['disclosed', 'eval1', []],
  ] as const)('at %s, %s may take %j', async (stage, who, actions) => {
    await toStage(stage);
    expect((await get(who)).actions).toEqual(actions);
  });

  it('refuses a first evaluator at the second evaluator’s step (403) and a step out of order (409)', async () => {
    await toStage('second');
    const s = await get('eval1');
    const err = await expectError(await act('eval1', { action: 'second-rate', version: s.version }), 403);
    expect(err.code).toBe('forbidden');
    await expectError(await act('eval2', { action: 'confirm', version: s.version }), 409);
    await expectError(await act('hr', { action: 'disclose', version: s.version }), 409);
    const save = await h.request(
      `/api/review/sheets/${sheetId}`,
      json({ version: s.version, ratings: [] }, 'PUT', c.eval1),
    );
    await expectError(save, 403);
  });

  it('sends back with a reason only, and keeps the reason in the history', async () => {
    await toStage('first');
    const s = await get('eval1');
    await expectError(await act('eval1', { action: 'send-back', version: s.version }), 400);
    const back = await step('eval1', 'send-back', () => ({
      reason: '目標2の自己評価の根拠を追記してください',
    }));
    expect(back.state).toBe('self');
    expect(back.history.at(-1)).toMatchObject({ action: 'send-back', fromState: 'first', toState: 'self' });
  });

  it('needs 2–5 goals and every item rated to move on', async () => {
    let s = await get('staff1');
    const one = await act('staff1', { action: 'submit-goals', version: s.version, goals: GOALS.slice(0, 1) });
    expect((await expectError(one, 400)).message).toContain('2件以上');
    const six = await act('staff1', {
      action: 'submit-goals',
      version: s.version,
      goals: [...GOALS, ...GOALS, ...GOALS],
    });
    await expectError(six, 400);
    await toStage('self');
    s = await get('staff1');
    const partial = await act('staff1', {
      action: 'self-evaluate',
      version: s.version,
      ratings: allRatings(s, 'B', false).slice(1),
    });
    expect(((await expectError(partial, 400)).details as { missing: string[] }).missing).toHaveLength(1);
    const unknown = await act('staff1', {
      action: 'self-evaluate',
      version: s.version,
      ratings: [{ item: 'kacho.vision', rating: 'A' }],
    });
    await expectError(unknown, 400);
  });

  it('answers 409 with the other person’s current sheet when the version is stale', async () => {
    const s = await get('staff1');
    const first = await h.request(
      `/api/review/sheets/${sheetId}`,
      json({ version: s.version, goals: GOALS }, 'PUT', c.staff1),
    );
    expect(first.status).toBe(200);
    const stale = await h.request(
      `/api/review/sheets/${sheetId}`,
      json({ version: s.version, goals: [] }, 'PUT', c.staff1),
    );
    const err = await expectError(stale, 409);
    expect(err.message).toContain('先に更新');
    expect((err.details as { current: SheetBody }).current.goals).toHaveLength(2);
  });

  it('takes an appeal within 7 days, reopens to a new revision, re-discloses', async () => {
    await toStage('disclosed');
    h.clock.advance(7 * 86_400_000 - 60_000);
    // Sessions expire over a week: sign in again.
    c.staff1 = await h.login('staff1');
    c.hr = await h.login('hr');
    const appealed = await step('staff1', 'appeal', () => ({ reason: '目標1の達成度を再確認してほしい' }));
    expect(appealed.actions).toEqual([]);
    const reopened = await step('hr', 'reopen', () => ({ reason: '苦情相談を受けて再評価' }));
    expect(reopened).toMatchObject({ state: 'adjust', revision: 1 });
    const adjusted = await step('hr', 'confirm', (s) => ({ ratings: allRatings(s, 'S') }));
    expect(adjusted.revisions).toHaveLength(2);
    await step('hr', 'disclose');
    expect((await finalOverallResults(h.db.db, 2026))[0]?.overall).toBe('S');
  });

  it('refuses an appeal after 7 days', async () => {
    await toStage('disclosed');
    h.clock.advance(7 * 86_400_000 + 1000);
    c.staff1 = await h.login('staff1');
    const s = await get('staff1');
    expect(s.actions).toEqual(['acknowledge']);
    const err = await expectError(
      await act('staff1', { action: 'appeal', version: s.version, reason: '遅い' }),
      409,
    );
    expect(err.code).toBe('appeal_closed');
  });

  it('refuses bad bodies and ids', async () => {
    const s = await get('staff1');
    await expectError(await act('staff1', { action: 'fly', version: s.version }), 400);
    await expectError(await act('staff1', { action: 'submit-goals' }), 400);
    await expectError(await h.request('/api/review/sheets/abc', { cookie: c.hr }), 404);
    await expectError(await h.request('/api/review/sheets/999999', { cookie: c.hr }), 404);
  });

  it('lists an evaluator’s queue with whose turn it is', async () => {
    await toStage('first');
    const res = await h.request('/api/review/queue', { cookie: c.eval1 });
    const body = (await res.json()) as {
      sheets: { staffNo: string; myTurn: boolean; relation: string; due: string }[];
    };
    const mine = body.sheets.find((s) => s.staffNo === PEOPLE.shuji);
    expect(mine).toMatchObject({ relation: 'first', myTurn: true, due: '2027-01-31' });
    const q2 = (await (await h.request('/api/review/queue', { cookie: c.eval2 })).json()) as typeof body;
    expect(q2.sheets.find((s) => s.staffNo === PEOPLE.shuji)).toMatchObject({
      relation: 'second',
      myTurn: false,
    });
    expect(
      (await (await h.request('/api/review/queue', { cookie: c.eval3 })).json()) as typeof body,
    ).toMatchObject({
      sheets: [],
    });
    await expectError(await h.request('/api/review/queue', { cookie: c.staff1 }), 403);
  });

  it('shows staff their own sheets and past results', async () => {
    const res = await h.request('/api/review/me', { cookie: c.staff1 });
    const body = (await res.json()) as { sheets: { id: number }[]; results: unknown[] };
    expect(body.sheets.map((s) => s.id)).toEqual([sheetId]);
    await expectError(await h.request('/api/review/me'), 401);
  });
});
