import { listAudit } from '@jinzai/db';
import { testDialects } from '@jinzai/db/testing';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { writeXlsx } from '../import/xlsx.js';
import { expectError, json } from '../testing/harness.js';
import { APPLICANTS, all, eachRecruitmentRound, scoresCsv } from '../testing/recruitment-fixture.js';

describe.each(testDialects())('recruitment rounds and applicants on %s', (dialect) => {
  const t = eachRecruitmentRound(dialect);

  describe('rounds', () => {
    it('creates a round with the default stages, weights version and criteria; lists it', async () => {
      const r = await t.round();
      expect(r.stages.map((s) => s.name)).toEqual(['書類選考', '一次面接', '二次面接', '最終面接']);
      expect(r.round.weightVersion).toBe('2024.1');
      expect(r.criteria.some((c) => c.layer === 'ict' || c.layer === 'technical')).toBe(false);
      const list = (await (await t.get('/api/recruit/rounds', t.recruiter)).json()) as { rounds: unknown[] };
      expect(list.rounds).toHaveLength(1);
      expect((await listAudit(t.h.db.db, { entity: 'recruit_round' }))[0]).toMatchObject({
        action: 'create',
      });
    });

    it('refuses bad input, no session, and the wrong roles', async () => {
      const bad = await t.h.request(
        '/api/recruit/rounds',
        json({ name: '', track: 'x', fiscalYear: 'y' }, 'POST', t.recruiter),
      );
      expect((await expectError(bad, 400)).code).toBe('invalid_input');
      await expectError(
        await t.h.request('/api/recruit/rounds', json({ name: 'a', track: 'experienced', fiscalYear: 2027 })),
        401,
      );
      for (const who of ['staff', 'evaluator', 'interviewer']) {
        const cookie = await t.h.login(who);
        await expectError(
          await t.h.request(
            '/api/recruit/rounds',
            json({ name: 'a', track: 'experienced', fiscalYear: 2027 }, 'POST', cookie),
          ),
          403,
        );
      }
      for (const who of ['staff', 'evaluator']) {
        const cookie = await t.h.login(who);
        await expectError(await t.get('/api/recruit/rounds', cookie), 403);
        await expectError(await t.get(t.path('/results'), cookie), 403);
        await expectError(await t.get(t.path('/applicants'), cookie), 403);
      }
      await expectError(await t.get('/api/recruit/rounds/999999', t.recruiter), 404);
      await expectError(await t.get('/api/recruit/rounds/abc', t.recruiter), 404);
    });

    it('edits stages, panels and criteria; closes the round', async () => {
      const added = await t.h.request(t.path('/stages'), json({ name: '役員面接' }, 'POST', t.recruiter));
      expect(added.status).toBe(201);
      const r = await t.round();
      const first = r.stages[1]?.id ?? 0;
      expect(
        (await t.h.request(t.path(`/stages/${first}`), json({ name: '第一次面接' }, 'PATCH', t.recruiter)))
          .status,
      ).toBe(200);
      const panel = await t.h.request(
        t.path(`/stages/${first}/panel`),
        json({ loginIds: ['interviewer', 'interviewer2'] }, 'PUT', t.recruiter),
      );
      expect(panel.status).toBe(200);
      await expectError(
        await t.h.request(
          t.path(`/stages/${first}/panel`),
          json({ loginIds: ['staff'] }, 'PUT', t.recruiter),
        ),
        400,
      );
      const crit = await t.h.request(
        t.path('/criteria/potential.custom'),
        json(
          { layer: 'potential', nameJa: '粘り強さ', anchorsJa: ['1', '2', '3', '4', '5'] },
          'PUT',
          t.recruiter,
        ),
      );
      expect(crit.status).toBe(200);
      await expectError(
        await t.h.request(
          t.path('/criteria/ict.x'),
          json({ layer: 'ict', nameJa: 'x', anchorsJa: ['1', '2', '3', '4', '5'] }, 'PUT', t.recruiter),
        ),
        400,
      );
      const closed = await t.h.request(t.path(), json({ status: 'closed' }, 'PATCH', t.recruiter));
      expect(await closed.json()).toMatchObject({ status: 'closed', closedAt: '2025-06-02T01:00:00.000Z' });
      const last = (await t.round()).stages.at(-1)?.id;
      expect(
        (await t.h.request(t.path(`/stages/${last}`), { method: 'DELETE', cookie: t.recruiter })).status,
      ).toBe(200);
    });
  });

  describe('applicants', () => {
    it('imports CSV (CP932 and UTF-8) and .xlsx, and adds one', async () => {
      const res = await t.importApplicants(new Uint8Array(iconv.encode(APPLICANTS, 'cp932')));
      expect(await res.json()).toEqual({ rows: 3, created: 3 });
      const rows = [
        ['applicant_no', 'name'],
        ['004', '五反田 四郎'],
      ];
      const x = await t.importApplicants(
        await writeXlsx([{ name: 'a', rows }]),
        t.recruiter,
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      expect(x.status).toBe(200);
      const one = await t.h.request(
        t.path('/applicants'),
        json({ applicantNo: '005', name: '戸越 五子', email: 'itsuko@example.jp' }, 'POST', t.recruiter),
      );
      expect(one.status).toBe(201);
      const list = (await (await t.get(t.path('/applicants'), t.recruiter)).json()) as {
        applicants: { applicantNo: string; name: string }[];
      };
      expect(list.applicants.map((a) => a.applicantNo)).toEqual(['001', '002', '003', '004', '005']);
      expect(list.applicants[0]?.name).toBe('品川 花子');
      expect((await listAudit(t.h.db.db, { entity: 'recruit_applicants' }))[0]).toMatchObject({
        action: 'read',
      });
    });

    it('catches duplicates by number and by name + email, in the file and against the round', async () => {
      await t.importApplicants(APPLICANTS);
      const again = await expectError(await t.importApplicants('applicant_no,name\n001,別人\n'), 400);
      expect(again.details).toEqual([expect.objectContaining({ row: 2, column: 'applicant_no' })]);
      const sameMail = await expectError(
        await t.importApplicants('applicant_no,name,email\n010,品川 花子,HANAKO@example.jp\n'),
        400,
      );
      expect(sameMail.details).toEqual([expect.objectContaining({ row: 2, column: 'email' })]);
      const inFile = await expectError(await t.importApplicants('applicant_no,name\n020,a\n020,b\n'), 400);
      expect(inFile.details).toEqual([expect.objectContaining({ row: 3, column: 'applicant_no' })]);
      await expectError(await t.importApplicants('applicant_no,name,phone\n1,a,2\n'), 400);
      await expectError(
        await t.h.request(
          t.path('/applicants'),
          json({ applicantNo: '001', name: 'x' }, 'POST', t.recruiter),
        ),
        400,
      );
      const interviewer = await t.h.login('interviewer');
      await expectError(await t.importApplicants(APPLICANTS, interviewer), 403);
    });
  });

  describe('retention', () => {
    it('anonymises personal data after closing plus 12 months, keeping scores; HR only', async () => {
      await t.importApplicants(APPLICANTS);
      await t.importScores(scoresCsv([['001', 'interviewer', all(4, 4, 3, 5)]]));
      await t.h.request(t.path(), json({ status: 'closed' }, 'PATCH', t.recruiter));
      const hr = await t.h.login('hr');
      await expectError(
        await t.h.request('/api/recruit/retention/run', { method: 'POST', cookie: t.recruiter }),
        403,
      );
      const early = await t.h.request('/api/recruit/retention/run', { method: 'POST', cookie: hr });
      expect(await early.json()).toMatchObject({ applicants: 0 });
      t.h.clock.advance(366 * 24 * 3600 * 1000);
      const hr2 = await t.h.login('hr');
      const late = await t.h.request('/api/recruit/retention/run', { method: 'POST', cookie: hr2 });
      expect(await late.json()).toMatchObject({ applicants: 3 });
      const r = (await (await t.get(t.path('/results'), hr2)).json()) as {
        applicants: { applicantNo: string; name: string | null; total: number | null }[];
      };
      expect(r.applicants[0]).toMatchObject({ applicantNo: '001', name: null });
      expect(r.applicants[0]?.total).not.toBeNull();
    });
  });
});
