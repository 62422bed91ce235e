// GET /api/me/tasks (docs/interfaces.md "Daily work"): each person's to-do list, from the workflow's next steps,
// their panels and the open surveys; overdue items first.
import { listAudit } from '@jinzai/db';
import { testDialects } from '@jinzai/db/testing';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createHarness, expectError, json, type Harness } from '../testing/harness.js';
import { APPLICANTS, recruitmentRound } from '../testing/recruitment-fixture.js';
import { FORWARD_STEPS, sheetWorld } from '../testing/sheet-steps.js';

interface TaskBody {
  kind: string;
  title: string;
  href: string;
  due: string | null;
  overdue: boolean;
  count: number;
}

const tasksOf = async (h: Harness, cookie: string) => {
  const res = await h.request('/api/me/tasks', { cookie });
  expect(res.status).toBe(200);
  return ((await res.json()) as { tasks: TaskBody[] }).tasks;
};

describe.each(testDialects())('the to-do list on %s', (dialect) => {
  const world = async () => {
    const h = await createHarness(dialect);
    onTestFinished(() => h.dispose());
    // Inside the 2026 period, before the goals are due (31 May).
    h.clock.advance(Date.parse('2026-05-20T00:00:00Z') - h.clock.now().getTime());
    return { h, ...(await sheetWorld(h)) };
  };

  it('lists the next step of each sheet for whoever takes it, as the workflow moves on', async () => {
    const { h, c, periodId, sheetId, step } = await world();
    /** Takes the workflow's forward steps k … m−1 (FORWARD_STEPS: submit-goals, agree-goals, self-evaluate, …). */
    const forward = async (k: number, m: number) => {
      for (const [who, action, extra] of FORWARD_STEPS.slice(k, m)) await step(who, action, extra);
    };
    const staff1 = await tasksOf(h, c.staff1);
    expect(staff1.filter((t) => t.kind === 'sheet')).toEqual([
      {
        kind: 'sheet',
        title: '令和8年度 人事評価：目標の提出',
        titleEn: '令和8年度 人事評価: submitting the goals',
        href: `/review/evaluation/sheets/${sheetId}`,
        due: '2026-05-31',
        overdue: false,
        count: 1,
      },
    ]);
    expect(staff1.find((t) => t.kind === 'survey')).toMatchObject({
      title: '令和8年度 職員アンケートへの回答',
      href: '/review/survey',
    });
    // Nothing waits for the first evaluator until the goals are in.
    const evaluations = async (who: keyof typeof c) =>
      (await tasksOf(h, c[who])).filter((t) => t.kind === 'evaluations');
    expect(await evaluations('eval1')).toEqual([]);

    await forward(0, 1);
    const own = (await tasksOf(h, c.staff1)).filter((t) => t.href === `/review/evaluation/sheets/${sheetId}`);
    expect(own).toEqual([]);
    expect(await evaluations('eval1')).toEqual([
      expect.objectContaining({
        title: '令和8年度 人事評価：目標の確認・合意 1件',
        count: 1,
        href: '/review/evaluation/queue?mine=1',
      }),
    ]);

    await forward(1, 4);
    expect(await evaluations('eval1')).toEqual([]);
    expect(await evaluations('eval2')).toEqual([
      expect.objectContaining({ title: '令和8年度 人事評価：二次評価 1件', count: 1 }),
    ]);
    await forward(4, 5);
    expect((await tasksOf(h, c.hr)).filter((t) => t.kind === 'adjust')).toEqual([
      expect.objectContaining({
        title: '令和8年度 人事評価：調整・確定 1件',
        count: 1,
        href: `/review/evaluation/periods/${periodId}/sheets?state=adjust`,
      }),
    ]);
    expect(await listAudit(h.db.db, { entity: 'tasks' })).not.toHaveLength(0);
  });

  it('puts overdue items first', async () => {
    const { h } = await world();
    // Past the goals' date (a new session: the old ones have timed out): staff2's own sheet is overdue and comes
    // before the survey, which has no date.
    h.clock.advance(14 * 86_400_000);
    const tasks = await tasksOf(h, await h.login('staff2'));
    expect(tasks.map((t) => [t.kind, t.overdue])).toEqual([
      ['sheet', true],
      ['survey', false],
    ]);
  });

  it('is for the signed-in person only', async () => {
    const { h } = await world();
    await expectError(await h.request('/api/me/tasks'), 401);
  });
});

describe.each(testDialects())('scoring on the to-do list on %s', (dialect) => {
  it('lists the applicants of an open round waiting for the interviewer’s submitted sheet', async () => {
    const t = await recruitmentRound(dialect);
    await t.importApplicants(APPLICANTS);
    const stage = (await t.round()).stages[1];
    await t.h.request(
      t.path(`/stages/${stage?.id}/panel`),
      json({ loginIds: ['interviewer'] }, 'PUT', t.recruiter),
    );
    const interviewer = await t.h.login('interviewer');
    const scoring = (await tasksOf(t.h, interviewer)).filter((x) => x.kind === 'scoring');
    expect(scoring).toEqual([
      expect.objectContaining({
        title: expect.stringMatching(/^令和9年度 新卒採用（.+）：評価票の提出 \d+名$/) as string,
        href: '/recruit/queue',
      }),
    ]);
    expect(scoring[0]?.count).toBeGreaterThan(0);
  });
});
