import { listAudit } from '@jinzai/db';
import { testDialects } from '@jinzai/db/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { writeXlsx } from '../import/xlsx.js';
import { csv, expectError, json, hrHarness, type Harness } from '../testing/harness.js';
import { answers, HEADER, postKpiFile, rows, seedOrg } from '../testing/survey-fixtures.js';
import { seedStaff, staffRow } from '../testing/org-fixture.js';
import { flushClosedSurveys } from '../services/survey-online.service.js';

describe.each(testDialects())('survey routes on %s', (dialect) => {
  let h: Harness;
  let hr: string;
  beforeEach(async () => {
    ({ h, hr } = await hrHarness(dialect, seedOrg));
  });

  const importYear = (year: number, body: string | Uint8Array, type?: string) =>
    postKpiFile(h, hr, year, body, type);
  const board = async (year: number) =>
    (await (await h.request(`/api/kpis?fiscalYear=${year}`, { cookie: hr })).json()) as {
      respondents: number;
      kpis: { code: string; mean: number | null; n: number; favourable: number | null }[];
    };

  it('imports numbers, labels and blanks, and replaces the previous import of the year', async () => {
    const body = `${HEADER}\n101010,主事,-29,常勤職員,そう思う,${answers('3').slice(2)}\n1020,shuji,50-,regular,1,,${answers('4').slice(4)}\n${rows('1020', 3, '2')}\n`;
    const res = await importYear(2025, body);
    expect(await res.json()).toEqual({ rows: 5, replaced: 0 });
    const b = await board(2025);
    expect(b.respondents).toBe(5);
    // q01: 4, 1, 2, 2, 2 → mean 2.2; q02: 3, blank, 2, 2, 2 → n 4, withheld.
    expect(b.kpis[0]).toMatchObject({ code: 'q01', n: 5, favourable: 0.2 });
    expect(b.kpis[0]?.mean).toBeCloseTo(2.2, 12);
    expect(b.kpis[1]).toMatchObject({ code: 'q02', n: 4, mean: null });
    const again = await importYear(2025, `${HEADER}\n${rows('1020', 6, '4')}\n`);
    expect(await again.json()).toEqual({ rows: 6, replaced: 5 });
    expect((await board(2025)).kpis[0]?.mean).toBe(4);
    const log = await listAudit(h.db.db, { entity: 'survey_responses', entityId: '2025' });
    expect(log[0]).toMatchObject({ action: 'import', loginId: 'hr' });
  });

  it('imports .xlsx', async () => {
    const sheet = [
      HEADER.split(','),
      ...rows('1020', 5, '3')
        .split('\n')
        .map((l) => l.split(',')),
    ];
    const res = await importYear(
      2025,
      await writeXlsx([{ name: 'answers', rows: sheet }]),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.status).toBe(200);
    expect((await board(2025)).kpis[14]?.mean).toBe(3);
  });

  it.each([
    ['5', 'q07', '5'],
    ['はい', 'q07', 'はい'],
  ])('refuses the answer %s: 400 naming row and column, nothing written', async (_name, column, value) => {
    const bad = `${HEADER}\n${rows('1020', 5, '3')}\n1020,shuji,-29,regular,${answers('3').replace(/^((?:3,){6})3/, `$1${value}`)}\n`;
    const e = await expectError(await importYear(2025, bad), 400);
    expect(e.details).toEqual([expect.objectContaining({ row: 7, column })]);
    expect((await board(2025)).respondents).toBe(0);
  });

  it('refuses an unknown unit, a bad age band and an unknown column, writing nothing', async () => {
    const unknown = await expectError(await importYear(2025, `${HEADER}\n${rows('9999', 5, '3')}\n`), 400);
    expect(unknown.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ row: 2, column: 'unit_code' })]),
    );
    const age = await expectError(
      await importYear(2025, `${HEADER}\n${rows('1020', 1, '3', 'shuji', '20-29')}\n`),
      400,
    );
    expect(JSON.stringify(age.details)).toContain('age_band');
    await expectError(await importYear(2025, `${HEADER},q16\n${rows('1020', 1, '3')},1\n`), 400);
    expect((await board(2025)).respondents).toBe(0);
  });

  it('lets a member of staff answer the current year once, anonymously, held apart until 5 have answered', async () => {
    // 人事係 has five 主事 in their twenties: 000103 and four more.
    const others = ['000201', '000202', '000203', '000204'];
    await seedStaff(
      h,
      others.map((no) => staffRow({ staff_no: no, unit_code: '101010', birth_year: 1998 })),
    );
    await h.addUser('staff1', ['staff'], '000103');
    const me = await h.login('staff1');
    const year = 2025; // the test clock is in June 2025
    const status = await h.request(`/api/surveys/kpi/${year}/status`, { cookie: me });
    expect(await status.json()).toEqual({ fiscalYear: year, open: true, canAnswer: true, answered: false });
    const body = { answers: { q01: 4, q02: 3, q03: null } };
    const first = await h.request(`/api/surveys/kpi/${year}/answers`, json(body, 'POST', me));
    expect(first.status).toBe(201);
    await expectError(await h.request(`/api/surveys/kpi/${year}/answers`, json(body, 'POST', me)), 409);
    expect(await (await h.request(`/api/surveys/kpi/${year}/status`, { cookie: me })).json()).toMatchObject({
      answered: true,
      canAnswer: false,
    });
    // The answer waits apart from the participation: no response yet, one pending row without the person.
    expect(await h.db.db.selectFrom('survey_responses').selectAll().execute()).toHaveLength(0);
    const pending = await h.db.db.selectFrom('survey_pending').selectAll().execute();
    expect(pending).toHaveLength(1);
    expect(JSON.stringify(pending)).not.toContain('000103');
    expect((await board(year)).respondents).toBe(0);

    for (const [i, no] of others.entries()) {
      await h.addUser(`staff${i + 2}`, ['staff'], no);
      const cookie = await h.login(`staff${i + 2}`);
      const r = await h.request(
        `/api/surveys/kpi/${year}/answers`,
        json({ answers: { q01: 2 } }, 'POST', cookie),
      );
      expect(r.status).toBe(201);
    }
    // The fifth answer brings the five in together; each keeps every attribute (five people share them).
    expect(await h.db.db.selectFrom('survey_pending').selectAll().execute()).toHaveLength(0);
    const stored = await h.db.db.selectFrom('survey_responses').selectAll().execute();
    expect(stored).toHaveLength(5);
    for (const r of stored)
      expect(r).toMatchObject({
        unit_code: '101010',
        grade_code: 'shuji',
        age_band: '-29',
        employment_type: 'regular',
      });
    expect(stored.map((r) => r.q01).sort()).toEqual([2, 2, 2, 2, 4]);
    expect(JSON.stringify(stored)).not.toContain('000103');
    const b = await board(year);
    expect(b.respondents).toBe(5);
    expect(b.kpis[0]?.mean).toBeCloseTo(2.4, 12);
    // Nothing in the audit log ties the person to the moment of answering.
    expect(JSON.stringify(await listAudit(h.db.db, {}))).not.toContain('survey');
  });

  it('stores a lone answer generalised until 5 people of the roster share its attributes, and lets it in at the close', async () => {
    // 経理課 has one member (born 1998, 主事); the whole 総務部 has five such 主事.
    await seedStaff(h, [
      staffRow({ staff_no: '000301', unit_code: '1020', birth_year: 1998 }),
      ...['000201', '000202', '000203'].map((no) =>
        staffRow({ staff_no: no, unit_code: '101010', birth_year: 1998 }),
      ),
    ]);
    await h.addUser('keiri', ['staff'], '000301');
    const cookie = await h.login('keiri');
    expect(
      (await h.request('/api/surveys/kpi/2025/answers', json({ answers: { q01: 3 } }, 'POST', cookie)))
        .status,
    ).toBe(201);
    const [row] = await h.db.db.selectFrom('survey_pending').selectAll().execute();
    expect(JSON.parse(row!.payload)).toMatchObject({
      unitCode: '10',
      gradeCode: 'shuji',
      ageBand: '-29',
      employmentType: 'regular',
    });
    // Still the same year: it waits. Once the year has closed, the scheduler lets it in.
    expect(await flushClosedSurveys(h.db.db, new Date('2026-03-31T00:00:00+09:00'))).toBe(0);
    expect(await flushClosedSurveys(h.db.db, new Date('2026-04-01T09:00:00+09:00'))).toBe(1);
    const stored = await h.db.db.selectFrom('survey_responses').selectAll().execute();
    expect(stored).toMatchObject([{ unit_code: '10', grade_code: 'shuji', q01: 3 }]);
    expect((await board(2025)).respondents).toBe(1);
  });

  it('refuses a closed year (409), bad answers (400), people off the roster (403), no session (401)', async () => {
    await h.addUser('staff1', ['staff'], '000103');
    const me = await h.login('staff1');
    await expectError(
      await h.request('/api/surveys/kpi/2024/answers', json({ answers: {} }, 'POST', me)),
      409,
    );
    await expectError(
      await h.request('/api/surveys/kpi/2025/answers', json({ answers: { q01: 5 } }, 'POST', me)),
      400,
    );
    await expectError(
      await h.request('/api/surveys/kpi/2025/answers', json({ answers: { q01: 'はい' } }, 'POST', me)),
      400,
    );
    const noRoster = await h.login('staff');
    await expectError(
      await h.request('/api/surveys/kpi/2025/answers', json({ answers: {} }, 'POST', noRoster)),
      403,
    );
    await expectError(await h.request('/api/surveys/kpi/2025/answers', json({ answers: {} })), 401);
    await expectError(await h.request('/api/surveys/kpi/2025/status'), 401);
  });

  it('shows the response rate by 課 against the roster, withholding counts under 5', async () => {
    await importYear(
      2025,
      `${HEADER}\n${rows('101010', 6, '3')}\n${rows('1020', 2, '3')}\n${rows('1030', 7, '3')}\n`,
    );
    const res = await h.request('/api/surveys/kpi/2025/response-rate', { cookie: hr });
    const body = (await res.json()) as {
      responses: number;
      units: { unitCode: string; responses: number | null; suppressed: boolean }[];
    };
    expect(body.responses).toBe(15);
    const byUnit = Object.fromEntries(body.units.map((u) => [u.unitCode, u]));
    expect(byUnit['1020']).toMatchObject({ responses: null, suppressed: true });
    // 1020 alone would be the total minus the rest: its complement 1010 (the smallest other, 6) goes too.
    expect(byUnit['1010']).toMatchObject({ responses: null, suppressed: true, staff: 1 });
    expect(byUnit['1030']).toMatchObject({ responses: 7, suppressed: false });
  });

  it('is for HR only: the import, the years and the response rate', async () => {
    await expectError(
      await h.request('/api/surveys/kpi/2025/responses', {
        method: 'POST',
        headers: { 'content-type': 'text/csv' },
        body: HEADER,
      }),
      401,
    );
    for (const role of ['recruiter', 'interviewer', 'evaluator', 'staff']) {
      const cookie = await h.login(role);
      await expectError(
        await h.request('/api/surveys/kpi/2025/responses', csv(`${HEADER}\n${rows('1020', 5, '3')}`, cookie)),
        403,
      );
      await expectError(await h.request('/api/surveys/kpi/2025/response-rate', { cookie }), 403);
      await expectError(await h.request('/api/surveys/kpi/years', { cookie }), 403);
    }
    await expectError(await h.request('/api/surveys/kpi/1999/responses', csv(HEADER, hr)), 404);
  });
});
