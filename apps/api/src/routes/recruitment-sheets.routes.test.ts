import { listAudit } from '@jinzai/db';
import { testDialects } from '@jinzai/db/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { expectError, json } from '../testing/harness.js';
import { APPLICANTS, eachRecruitmentRound } from '../testing/recruitment-fixture.js';

describe.each(testDialects())('recruitment score sheets and decisions on %s', (dialect) => {
  const t = eachRecruitmentRound(dialect);

  describe('score sheets', () => {
    let stageId: number;
    let i1: string;
    beforeEach(async () => {
      await t.importApplicants(APPLICANTS);
      stageId = (await t.round()).stages[1]?.id ?? 0;
      await t.h.request(
        t.path(`/stages/${stageId}/panel`),
        json({ loginIds: ['interviewer', 'interviewer2'] }, 'PUT', t.recruiter),
      );
      i1 = await t.h.login('interviewer');
    });

    const sheet = (no: string) => t.path(`/stages/${stageId}/sheets/${no}`);
    const fullScores = async (score: number) =>
      (await t.round()).criteria.map((c) => ({ criterion: c.code, score, note: `${c.code}の根拠` }));

    it('saves a draft, refuses a stale version with 409 and the current state, submits, then locks', async () => {
      const form = (await (await t.get(sheet('001'), i1)).json()) as {
        mine: null;
        others: null;
        criteria: { anchorsJa: string[] }[];
      };
      expect(form.mine).toBeNull();
      expect(form.criteria[0]?.anchorsJa).toHaveLength(5);
      const scores = await fullScores(4);
      const draft = await t.h.request(
        sheet('001'),
        json({ version: 0, scores: scores.slice(0, 3) }, 'PUT', i1),
      );
      expect(await draft.json()).toMatchObject({ status: 'draft', version: 1 });
      const stale = await expectError(
        await t.h.request(sheet('001'), json({ version: 0, scores }, 'PUT', i1)),
        409,
      );
      expect(stale.details).toMatchObject({ current: { version: 1, status: 'draft' } });
      const incomplete = await expectError(
        await t.h.request(
          sheet('001'),
          json({ version: 1, scores: scores.slice(0, 3), submit: true }, 'PUT', i1),
        ),
        400,
      );
      expect(incomplete.message).toContain('提出できません');
      await expectError(
        await t.h.request(
          sheet('001'),
          json({ version: 1, scores: [{ criterion: 'x', score: 9 }] }, 'PUT', i1),
        ),
        400,
      );
      const done = await t.h.request(sheet('001'), json({ version: 1, scores, submit: true }, 'PUT', i1));
      expect(await done.json()).toMatchObject({ status: 'submitted', version: 2 });
      const locked = await expectError(
        await t.h.request(sheet('001'), json({ version: 2, scores }, 'PUT', i1)),
        409,
      );
      expect(locked.message).toContain('提出済み');
      // A t.recruiter reopens it with a reason.
      const reopened = await t.h.request(
        `${sheet('001')}/reopen`,
        json({ rater: 'interviewer', reason: '記入漏れの訂正' }, 'POST', t.recruiter),
      );
      expect(await reopened.json()).toMatchObject({ status: 'draft', version: 3 });
      const audits = await listAudit(t.h.db.db, { entity: 'recruit_sheet' });
      expect(
        audits.some((a) => (a.detail as { reason?: string } | undefined)?.reason === '記入漏れの訂正'),
      ).toBe(true);
    });

    it('keeps results up to date as sheets are submitted and reopened (incremental recompute)', async () => {
      const results = async () =>
        (await (await t.get(t.path(`/results?stage=${stageId}`), t.recruiter)).json()) as {
          applicants: { applicantNo: string; raters: number; total: number | null }[];
        };
      expect((await results()).applicants.every((a) => a.raters === 0)).toBe(true);
      await t.h.request(
        sheet('001'),
        json({ version: 0, scores: await fullScores(4), submit: true }, 'PUT', i1),
      );
      const after = (await results()).applicants.find((a) => a.applicantNo === '001');
      expect(after).toMatchObject({ raters: 1, total: 4 });
      await t.h.request(
        `${sheet('001')}/reopen`,
        json({ rater: 'interviewer', reason: '訂正' }, 'POST', t.recruiter),
      );
      expect((await results()).applicants.find((a) => a.applicantNo === '001')).toMatchObject({
        raters: 0,
        total: null,
      });
      await t.h.request(
        sheet('001'),
        json({ version: 2, scores: await fullScores(2), submit: true }, 'PUT', i1),
      );
      expect((await results()).applicants.find((a) => a.applicantNo === '001')).toMatchObject({
        raters: 1,
        total: 2,
      });
    });

    it('hides others’ scores and the results until the rater has submitted', async () => {
      const i2 = await t.h.login('interviewer2');
      const scores = await fullScores(3);
      await t.h.request(sheet('001'), json({ version: 0, scores, submit: true }, 'PUT', i2));
      const before = (await (await t.get(sheet('001'), i1)).json()) as { others: unknown };
      expect(before.others).toBeNull();
      // The reason is the unfinished scoring, not a missing right.
      const blocked = await expectError(await t.get(t.path(`/results?stage=${stageId}`), i1), 403);
      expect(blocked.code).toBe('scoring_unfinished');
      for (const no of ['001', '002', '003']) {
        const r = await t.h.request(sheet(no), json({ version: 0, scores, submit: true }, 'PUT', i1));
        expect(r.status).toBe(200);
      }
      const after = (await (await t.get(sheet('001'), i1)).json()) as { others: { rater: string }[] };
      expect(after.others.map((o) => o.rater)).toEqual(['interviewer2']);
      expect((await t.get(t.path(`/results?stage=${stageId}`), i1)).status).toBe(200);
    });

    it('keeps an interviewer to the stages of their panel', async () => {
      const i3 = await t.h.addUser('interviewer3b', ['interviewer']).then(() => t.h.login('interviewer3b'));
      await expectError(await t.get(sheet('001'), i3), 403);
      await expectError(await t.get(t.path(), i3), 403);
      await expectError(await t.h.request(sheet('001'), json({ version: 0, scores: [] }, 'PUT', i3)), 403);
      const first = (await t.round()).stages[0]?.id;
      await expectError(await t.get(t.path(`/stages/${first}/sheets/001`), i1), 403);
      await expectError(await t.get(t.path(`/applicants?stage=${first}`), i1), 403);
      expect((await t.get(t.path(`/applicants?stage=${stageId}`), i1)).status).toBe(200);
      await expectError(await t.get(sheet('999'), i1), 404);
      const queue = (await (await t.get('/api/recruit/queue', i1)).json()) as {
        stages: { applicants: unknown[] }[];
      };
      expect(queue.stages).toHaveLength(1);
      expect(queue.stages[0]?.applicants).toHaveLength(3);
      await expectError(await t.get('/api/recruit/queue', await t.h.login('staff')), 403);
    });

    it('lists the applicants still to score before those submitted', async () => {
      const submitted = await t.h.request(
        sheet('001'),
        json({ version: 0, submit: true, scores: await fullScores(3) }, 'PUT', i1),
      );
      expect(submitted.status).toBe(200);
      const queue = (await (await t.get('/api/recruit/queue', i1)).json()) as {
        stages: { applicants: { applicantNo: string; status: string }[] }[];
      };
      expect(queue.stages[0]?.applicants.map((a) => [a.applicantNo, a.status])).toEqual([
        ['002', 'none'],
        ['003', 'none'],
        ['001', 'submitted'],
      ]);
    });

    it('records decisions (audited) and drops failed applicants from later stages', async () => {
      const first = (await t.round()).stages[0]?.id;
      const d = await t.h.request(
        t.path(`/stages/${first}/decisions/002`),
        json({ decision: 'fail', reason: '書類要件を満たさない' }, 'PUT', t.recruiter),
      );
      expect(d.status).toBe(200);
      await expectError(
        await t.h.request(
          t.path(`/stages/${first}/decisions/002`),
          json({ decision: 'maybe', reason: '' }, 'PUT', t.recruiter),
        ),
        400,
      );
      await expectError(
        await t.h.request(
          t.path(`/stages/${first}/decisions/002`),
          json({ decision: 'pass', reason: 'x' }, 'PUT', i1),
        ),
        403,
      );
      const list = (await (await t.get(t.path(`/applicants?stage=${stageId}`), i1)).json()) as {
        applicants: { applicantNo: string }[];
      };
      expect(list.applicants.map((a) => a.applicantNo)).toEqual(['001', '003']);
      expect((await listAudit(t.h.db.db, { entity: 'recruit_decision' }))[0]).toMatchObject({
        action: 'create',
        after: expect.objectContaining({ decision: 'fail', reason: '書類要件を満たさない' }) as unknown,
      });
    });
  });
});
