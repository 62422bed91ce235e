import { listAudit } from '@jinzai/db';
import { testDialects } from '@jinzai/db/testing';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readXlsx, writeXlsx } from '../import/xlsx.js';
import { clearResultsCache } from '../services/recruitment-results.service.js';
import { createHarness, csv, expectError, json, type Harness } from '../testing/harness.js';

const APPLICANTS = `applicant_no,name,name_kana,email
001,品川 花子,シナガワ ハナコ,hanako@example.jp
002,大井 太郎,オオイ タロウ,taro@example.jp
003,大崎 三郎,オオサキ サブロウ,
`;

/** Scores for the new-graduate layers, whole-layer, on the first stage. */
function scoresCsv(rows: [string, string, Record<string, number>][]): string {
  const lines = ['applicant_no,rater,criterion,score'];
  for (const [no, rater, layers] of rows) {
    for (const [layer, score] of Object.entries(layers)) lines.push(`${no},${rater},${layer},${score}`);
  }
  return lines.join('\n') + '\n';
}
const all = (p: number, s: number, i: number, q: number) => ({
  potential: p,
  stance: s,
  interpersonal: i,
  problem: q,
});

describe.each(testDialects())('recruitment routes on %s', (dialect) => {
  let h: Harness;
  let recruiter: string;
  let roundId: number;
  beforeEach(async () => {
    clearResultsCache();
    h = await createHarness(dialect);
    await h.addUser('interviewer2', ['interviewer']);
    await h.addUser('interviewer3', ['interviewer']);
    recruiter = await h.login('recruiter');
    const res = await h.request(
      '/api/recruit/rounds',
      json({ name: '令和9年度 新卒採用', track: 'new-graduate', fiscalYear: 2027 }, 'POST', recruiter),
    );
    expect(res.status).toBe(201);
    roundId = ((await res.json()) as { id: number }).id;
  });
  afterEach(async () => h.dispose());

  const path = (p = '') => `/api/recruit/rounds/${roundId}${p}`;
  const importApplicants = (body: string | Uint8Array, cookie = recruiter, type?: string) =>
    h.request(path('/applicants'), csv(body, cookie, type));
  const importScores = (body: string, cookie = recruiter) => h.request(path('/scores'), csv(body, cookie));
  const get = (p: string, cookie: string) => h.request(p, { cookie });
  const round = async () =>
    (await (await get(path(), recruiter)).json()) as {
      stages: { id: number; name: string; panel: { loginId: string }[] }[];
      criteria: { code: string; layer: string }[];
      round: { weightVersion: string };
    };

  describe('rounds', () => {
    it('creates a round with the default stages, weights version and criteria; lists it', async () => {
      const r = await round();
      expect(r.stages.map((s) => s.name)).toEqual(['書類選考', '一次面接', '二次面接', '最終面接']);
      expect(r.round.weightVersion).toBe('2024.1');
      expect(r.criteria.some((c) => c.layer === 'ict' || c.layer === 'technical')).toBe(false);
      const list = (await (await get('/api/recruit/rounds', recruiter)).json()) as { rounds: unknown[] };
      expect(list.rounds).toHaveLength(1);
      expect((await listAudit(h.db.db, { entity: 'recruit_round' }))[0]).toMatchObject({ action: 'create' });
    });

    it('refuses bad input, no session, and the wrong roles', async () => {
      const bad = await h.request(
        '/api/recruit/rounds',
        json({ name: '', track: 'x', fiscalYear: 'y' }, 'POST', recruiter),
      );
      expect((await expectError(bad, 400)).code).toBe('invalid_input');
      await expectError(
        await h.request('/api/recruit/rounds', json({ name: 'a', track: 'experienced', fiscalYear: 2027 })),
        401,
      );
      for (const who of ['staff', 'evaluator', 'interviewer']) {
        const cookie = await h.login(who);
        await expectError(
          await h.request(
            '/api/recruit/rounds',
            json({ name: 'a', track: 'experienced', fiscalYear: 2027 }, 'POST', cookie),
          ),
          403,
        );
      }
      for (const who of ['staff', 'evaluator']) {
        const cookie = await h.login(who);
        await expectError(await get('/api/recruit/rounds', cookie), 403);
        await expectError(await get(path('/results'), cookie), 403);
        await expectError(await get(path('/applicants'), cookie), 403);
      }
      await expectError(await get('/api/recruit/rounds/999999', recruiter), 404);
      await expectError(await get('/api/recruit/rounds/abc', recruiter), 400);
    });

    it('edits stages, panels and criteria; closes the round', async () => {
      const added = await h.request(path('/stages'), json({ name: '役員面接' }, 'POST', recruiter));
      expect(added.status).toBe(201);
      const r = await round();
      const first = r.stages[1]?.id ?? 0;
      expect(
        (await h.request(path(`/stages/${first}`), json({ name: '第一次面接' }, 'PATCH', recruiter))).status,
      ).toBe(200);
      const panel = await h.request(
        path(`/stages/${first}/panel`),
        json({ loginIds: ['interviewer', 'interviewer2'] }, 'PUT', recruiter),
      );
      expect(panel.status).toBe(200);
      await expectError(
        await h.request(path(`/stages/${first}/panel`), json({ loginIds: ['staff'] }, 'PUT', recruiter)),
        400,
      );
      const crit = await h.request(
        path('/criteria/potential.custom'),
        json(
          { layer: 'potential', nameJa: '粘り強さ', anchorsJa: ['1', '2', '3', '4', '5'] },
          'PUT',
          recruiter,
        ),
      );
      expect(crit.status).toBe(200);
      await expectError(
        await h.request(
          path('/criteria/ict.x'),
          json({ layer: 'ict', nameJa: 'x', anchorsJa: ['1', '2', '3', '4', '5'] }, 'PUT', recruiter),
        ),
        400,
      );
      const closed = await h.request(path(), json({ status: 'closed' }, 'PATCH', recruiter));
      expect(await closed.json()).toMatchObject({ status: 'closed', closedAt: '2025-06-02T01:00:00.000Z' });
      const last = (await round()).stages.at(-1)?.id;
      expect((await h.request(path(`/stages/${last}`), { method: 'DELETE', cookie: recruiter })).status).toBe(
        200,
      );
    });
  });

  describe('applicants', () => {
    it('imports CSV (CP932 and UTF-8) and .xlsx, and adds one', async () => {
      const res = await importApplicants(new Uint8Array(iconv.encode(APPLICANTS, 'cp932')));
      expect(await res.json()).toEqual({ rows: 3, created: 3 });
      const rows = [
        ['applicant_no', 'name'],
        ['004', '五反田 四郎'],
      ];
      const x = await importApplicants(
        await writeXlsx([{ name: 'a', rows }]),
        recruiter,
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      expect(x.status).toBe(200);
      const one = await h.request(
        path('/applicants'),
        json({ applicantNo: '005', name: '戸越 五子', email: 'itsuko@example.jp' }, 'POST', recruiter),
      );
      expect(one.status).toBe(201);
      const list = (await (await get(path('/applicants'), recruiter)).json()) as {
        applicants: { applicantNo: string; name: string }[];
      };
      expect(list.applicants.map((a) => a.applicantNo)).toEqual(['001', '002', '003', '004', '005']);
      expect(list.applicants[0]?.name).toBe('品川 花子');
      expect((await listAudit(h.db.db, { entity: 'recruit_applicants' }))[0]).toMatchObject({
        action: 'read',
      });
    });

    it('catches duplicates by number and by name + email, in the file and against the round', async () => {
      await importApplicants(APPLICANTS);
      const again = await expectError(await importApplicants('applicant_no,name\n001,別人\n'), 400);
      expect(again.details).toEqual([expect.objectContaining({ row: 2, column: 'applicant_no' })]);
      const sameMail = await expectError(
        await importApplicants('applicant_no,name,email\n010,品川 花子,HANAKO@example.jp\n'),
        400,
      );
      expect(sameMail.details).toEqual([expect.objectContaining({ row: 2, column: 'email' })]);
      const inFile = await expectError(await importApplicants('applicant_no,name\n020,a\n020,b\n'), 400);
      expect(inFile.details).toEqual([expect.objectContaining({ row: 3, column: 'applicant_no' })]);
      await expectError(await importApplicants('applicant_no,name,phone\n1,a,2\n'), 400);
      await expectError(
        await h.request(path('/applicants'), json({ applicantNo: '001', name: 'x' }, 'POST', recruiter)),
        400,
      );
      const interviewer = await h.login('interviewer');
      await expectError(await importApplicants(APPLICANTS, interviewer), 403);
    });
  });

  describe('scores CSV and results', () => {
    beforeEach(async () => {
      await importApplicants(APPLICANTS);
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
      const res = await importScores(body);
      expect(await res.json()).toEqual({ rows: 24, sheets: 6 });
      expect((await round()).stages[0]?.panel.map((p) => p.loginId)).toEqual(['interviewer', 'interviewer2']);

      const r = (await (await get(path('/results'), recruiter)).json()) as {
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
      await importScores('applicant_no,rater,criterion,score\n003,interviewer,potential,1\n');
      const again = (await (await get(path('/results'), recruiter)).json()) as typeof r;
      expect(again.applicants.find((a) => a.applicantNo === '003')?.layers.potential).toBe(2.5);
    });

    it('marks an applicant missing a weighted layer incomplete', async () => {
      await importScores(scoresCsv([['001', 'interviewer', { potential: 4, stance: 4, interpersonal: 3 }]]));
      const r = (await (await get(path('/results'), recruiter)).json()) as {
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
      const e = await expectError(await importScores(bad.replace(/,\n$/, '\n')), 400);
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
      const r = (await (await get(path('/results'), recruiter)).json()) as {
        applicants: { raters: number }[];
      };
      expect(r.applicants.every((a) => a.raters === 0)).toBe(true);
      await expectError(
        await importScores('applicant_no,rater,criterion,score,stage\n001,interviewer,potential,3,面談\n'),
        400,
      );
    });

    it('exports .xlsx and CSV in CP932 and UTF-8 with BOM', async () => {
      await importScores(scoresCsv([['001', 'interviewer', all(4, 4, 3, 5)]]));
      const x = await get(path('/results.xlsx'), recruiter);
      expect(x.status).toBe(200);
      const bytes = new Uint8Array(await x.arrayBuffer());
      expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]);
      const sheet = await readXlsx(bytes);
      expect(sheet[0]?.slice(0, 3)).toEqual(['順位', '受験番号', '氏名']);
      expect(sheet[1]?.[1]).toBe('001');
      const sjis = new Uint8Array(await (await get(path('/results.csv'), recruiter)).arrayBuffer());
      expect(iconv.decode(Buffer.from(sjis), 'cp932')).toContain('品川 花子');
      const utf = new Uint8Array(
        await (await get(path('/results.csv?encoding=utf-8'), recruiter)).arrayBuffer(),
      );
      expect([...utf.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const interviewer = await h.login('interviewer');
      await expectError(await get(path('/results.xlsx'), interviewer), 403);
      expect((await listAudit(h.db.db, { entity: 'recruit_results' }))[0]).toMatchObject({
        action: 'export',
      });
    });
  });

  describe('score sheets', () => {
    let stageId: number;
    let i1: string;
    beforeEach(async () => {
      await importApplicants(APPLICANTS);
      stageId = (await round()).stages[1]?.id ?? 0;
      await h.request(
        path(`/stages/${stageId}/panel`),
        json({ loginIds: ['interviewer', 'interviewer2'] }, 'PUT', recruiter),
      );
      i1 = await h.login('interviewer');
    });

    const sheet = (no: string) => path(`/stages/${stageId}/sheets/${no}`);
    const fullScores = async (score: number) =>
      (await round()).criteria.map((c) => ({ criterion: c.code, score, note: `${c.code}の根拠` }));

    it('saves a draft, refuses a stale version with 409 and the current state, submits, then locks', async () => {
      const form = (await (await get(sheet('001'), i1)).json()) as {
        mine: null;
        others: null;
        criteria: { anchorsJa: string[] }[];
      };
      expect(form.mine).toBeNull();
      expect(form.criteria[0]?.anchorsJa).toHaveLength(5);
      const scores = await fullScores(4);
      const draft = await h.request(
        sheet('001'),
        json({ version: 0, scores: scores.slice(0, 3) }, 'PUT', i1),
      );
      expect(await draft.json()).toMatchObject({ status: 'draft', version: 1 });
      const stale = await expectError(
        await h.request(sheet('001'), json({ version: 0, scores }, 'PUT', i1)),
        409,
      );
      expect(stale.details).toMatchObject({ current: { version: 1, status: 'draft' } });
      const incomplete = await expectError(
        await h.request(
          sheet('001'),
          json({ version: 1, scores: scores.slice(0, 3), submit: true }, 'PUT', i1),
        ),
        400,
      );
      expect(incomplete.message).toContain('提出できません');
      await expectError(
        await h.request(
          sheet('001'),
          json({ version: 1, scores: [{ criterion: 'x', score: 9 }] }, 'PUT', i1),
        ),
        400,
      );
      const done = await h.request(sheet('001'), json({ version: 1, scores, submit: true }, 'PUT', i1));
      expect(await done.json()).toMatchObject({ status: 'submitted', version: 2 });
      const locked = await expectError(
        await h.request(sheet('001'), json({ version: 2, scores }, 'PUT', i1)),
        409,
      );
      expect(locked.message).toContain('提出済み');
      // A recruiter reopens it with a reason.
      const reopened = await h.request(
        `${sheet('001')}/reopen`,
        json({ rater: 'interviewer', reason: '記入漏れの訂正' }, 'POST', recruiter),
      );
      expect(await reopened.json()).toMatchObject({ status: 'draft', version: 3 });
      const audits = await listAudit(h.db.db, { entity: 'recruit_sheet' });
      expect(
        audits.some((a) => (a.detail as { reason?: string } | undefined)?.reason === '記入漏れの訂正'),
      ).toBe(true);
    });

    it('keeps results up to date as sheets are submitted and reopened (incremental recompute)', async () => {
      const results = async () =>
        (await (await get(path(`/results?stage=${stageId}`), recruiter)).json()) as {
          applicants: { applicantNo: string; raters: number; total: number | null }[];
        };
      expect((await results()).applicants.every((a) => a.raters === 0)).toBe(true);
      await h.request(
        sheet('001'),
        json({ version: 0, scores: await fullScores(4), submit: true }, 'PUT', i1),
      );
      const after = (await results()).applicants.find((a) => a.applicantNo === '001');
      expect(after).toMatchObject({ raters: 1, total: 4 });
      await h.request(
        `${sheet('001')}/reopen`,
        json({ rater: 'interviewer', reason: '訂正' }, 'POST', recruiter),
      );
      expect((await results()).applicants.find((a) => a.applicantNo === '001')).toMatchObject({
        raters: 0,
        total: null,
      });
      await h.request(
        sheet('001'),
        json({ version: 2, scores: await fullScores(2), submit: true }, 'PUT', i1),
      );
      expect((await results()).applicants.find((a) => a.applicantNo === '001')).toMatchObject({
        raters: 1,
        total: 2,
      });
    });

    it('hides others’ scores and the results until the rater has submitted', async () => {
      const i2 = await h.login('interviewer2');
      const scores = await fullScores(3);
      await h.request(sheet('001'), json({ version: 0, scores, submit: true }, 'PUT', i2));
      const before = (await (await get(sheet('001'), i1)).json()) as { others: unknown };
      expect(before.others).toBeNull();
      await expectError(await get(path(`/results?stage=${stageId}`), i1), 403);
      for (const no of ['001', '002', '003']) {
        const r = await h.request(sheet(no), json({ version: 0, scores, submit: true }, 'PUT', i1));
        expect(r.status).toBe(200);
      }
      const after = (await (await get(sheet('001'), i1)).json()) as { others: { rater: string }[] };
      expect(after.others.map((o) => o.rater)).toEqual(['interviewer2']);
      expect((await get(path(`/results?stage=${stageId}`), i1)).status).toBe(200);
    });

    it('keeps an interviewer to the stages of their panel', async () => {
      const i3 = await h.addUser('interviewer3b', ['interviewer']).then(() => h.login('interviewer3b'));
      await expectError(await get(sheet('001'), i3), 403);
      await expectError(await get(path(), i3), 403);
      await expectError(await h.request(sheet('001'), json({ version: 0, scores: [] }, 'PUT', i3)), 403);
      const first = (await round()).stages[0]?.id;
      await expectError(await get(path(`/stages/${first}/sheets/001`), i1), 403);
      await expectError(await get(path(`/applicants?stage=${first}`), i1), 403);
      expect((await get(path(`/applicants?stage=${stageId}`), i1)).status).toBe(200);
      await expectError(await get(sheet('999'), i1), 404);
      const queue = (await (await get('/api/recruit/queue', i1)).json()) as {
        stages: { applicants: unknown[] }[];
      };
      expect(queue.stages).toHaveLength(1);
      expect(queue.stages[0]?.applicants).toHaveLength(3);
      await expectError(await get('/api/recruit/queue', await h.login('staff')), 403);
    });

    it('records decisions (audited) and drops failed applicants from later stages', async () => {
      const first = (await round()).stages[0]?.id;
      const d = await h.request(
        path(`/stages/${first}/decisions/002`),
        json({ decision: 'fail', reason: '書類要件を満たさない' }, 'PUT', recruiter),
      );
      expect(d.status).toBe(200);
      await expectError(
        await h.request(
          path(`/stages/${first}/decisions/002`),
          json({ decision: 'maybe', reason: '' }, 'PUT', recruiter),
        ),
        400,
      );
      await expectError(
        await h.request(
          path(`/stages/${first}/decisions/002`),
          json({ decision: 'pass', reason: 'x' }, 'PUT', i1),
        ),
        403,
      );
      const list = (await (await get(path(`/applicants?stage=${stageId}`), i1)).json()) as {
        applicants: { applicantNo: string }[];
      };
      expect(list.applicants.map((a) => a.applicantNo)).toEqual(['001', '003']);
      expect((await listAudit(h.db.db, { entity: 'recruit_decision' }))[0]).toMatchObject({
        action: 'create',
        after: expect.objectContaining({ decision: 'fail', reason: '書類要件を満たさない' }) as unknown,
      });
    });
  });

  describe('retention', () => {
    it('anonymises personal data after closing plus 12 months, keeping scores; HR only', async () => {
      await importApplicants(APPLICANTS);
      await importScores(scoresCsv([['001', 'interviewer', all(4, 4, 3, 5)]]));
      await h.request(path(), json({ status: 'closed' }, 'PATCH', recruiter));
      const hr = await h.login('hr');
      await expectError(
        await h.request('/api/recruit/retention/run', { method: 'POST', cookie: recruiter }),
        403,
      );
      const early = await h.request('/api/recruit/retention/run', { method: 'POST', cookie: hr });
      expect(await early.json()).toMatchObject({ applicants: 0 });
      h.clock.advance(366 * 24 * 3600 * 1000);
      const hr2 = await h.login('hr');
      const late = await h.request('/api/recruit/retention/run', { method: 'POST', cookie: hr2 });
      expect(await late.json()).toMatchObject({ applicants: 3 });
      const r = (await (await get(path('/results'), hr2)).json()) as {
        applicants: { applicantNo: string; name: string | null; total: number | null }[];
      };
      expect(r.applicants[0]).toMatchObject({ applicantNo: '001', name: null });
      expect(r.applicants[0]?.total).not.toBeNull();
    });
  });
});
