import { listAudit } from '@jinzai/db';
import { testDialects } from '@jinzai/db/testing';
import iconv from 'iconv-lite';
import { beforeEach, describe, expect, it } from 'vitest';
import { readXlsx } from '../import/xlsx.js';
import { expectError } from '../testing/harness.js';
import { APPLICANTS, all, eachRecruitmentRound, scoresCsv } from '../testing/recruitment-fixture.js';

describe.each(testDialects())('recruitment scores and results on %s', (dialect) => {
  const t = eachRecruitmentRound(dialect);

  describe('scores CSV and results', () => {
    beforeEach(async () => {
      await t.importApplicants(APPLICANTS);
    });

    it('imports whole-layer and criterion scores, joins raters to the panel, and computes results', async () => {
      const body = scoresCsv([
        ['001', 'interviewer', all(4, 4, 3, 5)],
        ['001', 'interviewer2', all(3, 4, 3, 4)],
        ['002', 'interviewer', all(2, 3, 3, 3)],
        ['002', 'interviewer2', all(2, 2, 2, 2)],
        ['003', 'interviewer', all(4, 4, 4, 4)],
        ['003', 'interviewer2', all(4, 4, 4, 4)],
      ]);
      const res = await t.importScores(body);
      expect(await res.json()).toEqual({ rows: 24, sheets: 6 });
      expect((await t.round()).stages[0]?.panel.map((p) => p.loginId)).toEqual([
        'interviewer',
        'interviewer2',
      ]);

      const r = (await (await t.get(t.path('/results'), t.recruiter)).json()) as {
        applicants: {
          applicantNo: string;
          total: number;
          rank: number;
          layers: Record<string, number>;
          complete: boolean;
          calibratedTotal: number;
        }[];
        reliability: { icc2k: number | null; alpha: number | null };
        raters: { rater: string; meanDeviation: number; flagged: boolean }[];
      };
      const a1 = r.applicants.find((a) => a.applicantNo === '001');
      // 001: potential 3.5, stance 4, interpersonal 3, problem 4.5 → (35·3.5 + 35·4 + 15·3 + 15·4.5)/100 = 3.75
      expect(a1?.layers).toEqual({ potential: 3.5, stance: 4, interpersonal: 3, problem: 4.5 });
      expect(a1?.total).toBeCloseTo(3.75, 12);
      expect(r.applicants.map((a) => [a.applicantNo, a.rank])).toEqual([
        ['001', 2],
        ['002', 3],
        ['003', 1],
      ]);
      expect(typeof r.reliability.icc2k).toBe('number');
      expect(typeof r.reliability.alpha).toBe('number');
      expect(r.raters.map((x) => x.rater)).toEqual(['interviewer', 'interviewer2']);
      expect(r.raters[0]?.meanDeviation).toBeGreaterThan(0);
      expect(typeof a1?.calibratedTotal).toBe('number');

      // Replacing a score changes the results (the cache follows the scores version).
      await t.importScores('applicant_no,rater,criterion,score\n003,interviewer,potential,1\n');
      const again = (await (await t.get(t.path('/results'), t.recruiter)).json()) as typeof r;
      expect(again.applicants.find((a) => a.applicantNo === '003')?.layers.potential).toBe(2.5);
    });

    it('marks an applicant missing a weighted layer incomplete', async () => {
      await t.importScores(
        scoresCsv([['001', 'interviewer', { potential: 4, stance: 4, interpersonal: 3 }]]),
      );
      const r = (await (await t.get(t.path('/results'), t.recruiter)).json()) as {
        applicants: { applicantNo: string; total: number | null; complete: boolean; rank: number | null }[];
      };
      expect(r.applicants[0]).toMatchObject({ applicantNo: '001', total: null, complete: false, rank: null });
    });

    it('refuses unknown applicants and raters, scores 0 and 6, weight-0 layers and duplicate rows, writing nothing', async () => {
      const bad = `applicant_no,rater,criterion,score
999,interviewer,potential,3
001,nobody,potential,3
001,interviewer,potential,0
001,interviewer,stance,6
001,interviewer,ict,3
001,interviewer,technical.senmon,3
002,interviewer,potential.sunaosa,3
002,interviewer,potential.sunaosa,4
001,staff,potential,3
001,interviewer,stance,3,
`;
      const e = await expectError(await t.importScores(bad.replace(/,\n$/, '\n')), 400);
      expect(e.details).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ row: 2, column: 'applicant_no' }),
          expect.objectContaining({ row: 3, column: 'rater' }),
          expect.objectContaining({ row: 4, column: 'score' }),
          expect.objectContaining({ row: 5, column: 'score' }),
          expect.objectContaining({ row: 6, column: 'criterion' }),
          expect.objectContaining({ row: 7, column: 'criterion' }),
          expect.objectContaining({ row: 9, column: 'criterion' }),
          expect.objectContaining({ row: 10, column: 'rater' }),
        ]),
      );
      const r = (await (await t.get(t.path('/results'), t.recruiter)).json()) as {
        applicants: { raters: number }[];
      };
      expect(r.applicants.every((a) => a.raters === 0)).toBe(true);
      await expectError(
        await t.importScores('applicant_no,rater,criterion,score,stage\n001,interviewer,potential,3,面談\n'),
        400,
      );
    });

    it('exports .xlsx and CSV in CP932 and UTF-8 with BOM', async () => {
      await t.importScores(scoresCsv([['001', 'interviewer', all(4, 4, 3, 5)]]));
      const x = await t.get(t.path('/results.xlsx'), t.recruiter);
      expect(x.status).toBe(200);
      const bytes = new Uint8Array(await x.arrayBuffer());
      expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]);
      const sheet = await readXlsx(bytes);
      expect(sheet[0]?.slice(0, 3)).toEqual(['順位', '受験番号', '氏名']);
      expect(sheet[1]?.[1]).toBe('001');
      const sjis = new Uint8Array(await (await t.get(t.path('/results.csv'), t.recruiter)).arrayBuffer());
      expect(iconv.decode(Buffer.from(sjis), 'cp932')).toContain('品川 花子');
      const utf = new Uint8Array(
        await (await t.get(t.path('/results.csv?encoding=utf-8'), t.recruiter)).arrayBuffer(),
      );
      expect([...utf.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      // Means to 3 decimals, as the screen shows them.
      expect(new TextDecoder().decode(utf)).not.toMatch(/\d\.\d{4}/);
      const interviewer = await t.h.login('interviewer');
      await expectError(await t.get(t.path('/results.xlsx'), interviewer), 403);
      expect((await listAudit(t.h.db.db, { entity: 'recruit_results' }))[0]).toMatchObject({
        action: 'export',
      });
    });
  });
});
