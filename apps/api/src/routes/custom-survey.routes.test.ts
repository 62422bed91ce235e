import { listAudit } from '@jinzai/db';
import { testDialects } from '@jinzai/db/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO_LEAVING_REASONS } from '../demo/custom-survey.js';
import { writeXlsx } from '../import/xlsx.js';
import { csv, expectError, json, hrHarness, type Harness } from '../testing/harness.js';
import { seedOrg } from '../testing/survey-fixtures.js';

const DEFINITION = {
  titleJa: '退職意向アンケート',
  fiscalYear: 2025,
  items: [
    { kind: 'agreement', textJa: '今の職場で働き続けたい' },
    { kind: 'choice', textJa: '退職を考えた理由', options: DEMO_LEAVING_REASONS, maxChoices: 2 },
  ],
};
const HEADER = 'unit_code,grade_code,age_band,employment_type,q01,q02';

describe.each(testDialects())('custom survey routes on %s', (dialect) => {
  let h: Harness;
  let hr: string;
  let id: string;
  beforeEach(async () => {
    ({ h, hr } = await hrHarness(dialect, seedOrg));
    const res = await h.request('/api/surveys/custom', json(DEFINITION, 'POST', hr));
    expect(res.status).toBe(201);
    id = ((await res.json()) as { id: string }).id;
  });

  const importFile = (body: string) => h.request(`/api/surveys/custom/${id}/responses`, csv(body, hr));
  const lines = (n: number, age: string, q02: string, unit = '1020') =>
    Array.from({ length: n }, () => `${unit},shuji,${age},regular,3,${q02}`).join('\n');

  it('creates, lists and gets a definition', async () => {
    const list = (await (await h.request('/api/surveys/custom', { cookie: hr })).json()) as {
      surveys: { id: string; titleJa: string; respondents: number }[];
    };
    expect(list.surveys).toEqual([
      expect.objectContaining({ id, titleJa: '退職意向アンケート', respondents: 0 }),
    ]);
    const one = await h.request(`/api/surveys/custom/${id}`, { cookie: hr });
    expect(await one.json()).toMatchObject({ id, items: DEFINITION.items });
    await expectError(await h.request('/api/surveys/custom/c-nothere', { cookie: hr }), 404);
  });

  it('refuses bad definitions (400), no session (401), other roles (403)', async () => {
    const tooMany = {
      ...DEFINITION,
      items: [{ kind: 'choice', textJa: 'x', options: ['a', 'b'], maxChoices: 3 }],
    };
    await expectError(await h.request('/api/surveys/custom', json(tooMany, 'POST', hr)), 400);
    await expectError(await h.request('/api/surveys/custom', json({ titleJa: '' }, 'POST', hr)), 400);
    await expectError(await h.request('/api/surveys/custom', json(DEFINITION)), 401);
    const staff = await h.login('staff');
    await expectError(await h.request('/api/surveys/custom', json(DEFINITION, 'POST', staff)), 403);
    await expectError(await h.request('/api/surveys/custom', { cookie: staff }), 403);
    await expectError(await h.request(`/api/surveys/custom/${id}`, { cookie: staff }), 403);
    await expectError(await h.request(`/api/surveys/custom/${id}/results`, { cookie: staff }), 403);
    await expectError(await h.request(`/api/surveys/custom/${id}/crosstab?item=1`, { cookie: staff }), 403);
    await expectError(await h.request(`/api/surveys/custom/${id}/responses`, csv(HEADER, staff)), 403);
    await expectError(await h.request(`/api/surveys/custom/${id}/results`), 401);
  });

  it('lets staff answer an open survey once, anonymously, within the limit', async () => {
    await h.addUser('staff1', ['staff'], '000103');
    const me = await h.login('staff1');
    const open = (await (await h.request('/api/surveys/custom/open', { cookie: me })).json()) as {
      surveys: { id: string; canAnswer: boolean; answered: boolean }[];
    };
    expect(open.surveys).toEqual([expect.objectContaining({ id, canAnswer: true, answered: false })]);
    const tooMany = await expectError(
      await h.request(`/api/surveys/custom/${id}/answers`, json({ answers: [3, [1, 2, 3]] }, 'POST', me)),
      400,
    );
    expect(JSON.stringify(tooMany.details)).toContain('2つまで');
    await expectError(
      await h.request(`/api/surveys/custom/${id}/answers`, json({ answers: [3, [8]] }, 'POST', me)),
      400,
    );
    await expectError(
      await h.request(`/api/surveys/custom/${id}/answers`, json({ answers: [5, [1]] }, 'POST', me)),
      400,
    );
    const first = await h.request(
      `/api/surveys/custom/${id}/answers`,
      json({ answers: [3, [2, 4]] }, 'POST', me),
    );
    expect(first.status).toBe(201);
    await expectError(
      await h.request(`/api/surveys/custom/${id}/answers`, json({ answers: [3, [1]] }, 'POST', me)),
      409,
    );
    // The answer waits apart (fewer than 5), its attributes generalised: 000103 is alone on this roster.
    expect(await h.db.db.selectFrom('survey_responses').selectAll().execute()).toHaveLength(0);
    const pending = await h.db.db.selectFrom('survey_pending').selectAll().execute();
    expect(pending).toHaveLength(1);
    expect(JSON.parse(pending[0]!.payload)).toEqual({
      unitCode: '10',
      gradeCode: '*',
      ageBand: '*',
      employmentType: '*',
      values: [3, 0b1010],
    });
    expect(JSON.stringify(pending)).not.toContain('000103');
    expect(JSON.stringify(await listAudit(h.db.db, {}))).not.toContain('survey');
    const after = (await (await h.request('/api/surveys/custom/open', { cookie: me })).json()) as {
      surveys: { answered: boolean }[];
    };
    expect(after.surveys[0]?.answered).toBe(true);
    // Someone off the roster cannot answer; without a session nobody can.
    const noRoster = await h.login('staff');
    await expectError(
      await h.request(`/api/surveys/custom/${id}/answers`, json({ answers: [3, [1]] }, 'POST', noRoster)),
      403,
    );
    await expectError(await h.request(`/api/surveys/custom/${id}/answers`, json({ answers: [] })), 401);
    // One answer: the results withhold everything (no route returns a single answer).
    const res = (await (await h.request(`/api/surveys/custom/${id}/results`, { cookie: hr })).json()) as {
      respondents: number;
      waiting: number;
      items: { mean?: number | null }[];
    };
    expect(res).toMatchObject({ respondents: 0, waiting: 1 });
    expect(res.items[0]?.mean).toBeNull();
    const x = (await (
      await h.request(`/api/surveys/custom/${id}/crosstab?item=1`, { cookie: hr })
    ).json()) as {
      total: { respondents: number; counts: (number | null)[]; suppressed: boolean };
      groups: { suppressed: boolean; counts: (number | null)[] }[];
    };
    expect(x.groups.every((g) => g.suppressed && g.counts.every((n) => n === null))).toBe(true);
    expect(x.total).toMatchObject({ respondents: 0, suppressed: true });
    expect(x.total.counts.every((n) => n === null)).toBe(true);
  });

  it('imports numbers and labels, all or nothing, and cross-tabs by age band with suppression', async () => {
    const body = [
      HEADER,
      lines(6, '-29', '2;4'),
      lines(4, '30-39', '人間関係が嫌だ、給料が少ない'),
      lines(10, '40-49', '1'),
      lines(8, '50-', ''),
      '1020,shuji,50-,regular,そう思う,7',
    ].join('\n');
    const res = await importFile(body);
    expect(await res.json()).toEqual({ rows: 29, replaced: 0 });
    const results = (await (await h.request(`/api/surveys/custom/${id}/results`, { cookie: hr })).json()) as {
      respondents: number;
      items: { mean?: number | null; n?: number; favourable?: number | null }[];
    };
    expect(results.respondents).toBe(29);
    expect(results.items[0]).toMatchObject({ n: 29, favourable: 1 });
    expect(results.items[0]?.mean).toBeCloseTo((28 * 3 + 4) / 29, 12);
    const x = (await (
      await h.request(`/api/surveys/custom/${id}/crosstab?item=1&by=age_band`, { cookie: hr })
    ).json()) as {
      total: { respondents: number; counts: number[] };
      groups: { key: string; respondents: number | null; counts: (number | null)[]; suppressed: boolean }[];
    };
    expect(x.total).toMatchObject({ respondents: 21, counts: [10, 10, 0, 10, 0, 0, 1] });
    const by = Object.fromEntries(x.groups.map((g) => [g.key, g]));
    // 30-39 (4) is under 5; 50- (1 answer to the item) too; together 5 from two groups: no complement needed.
    expect(by['30-39']).toMatchObject({ suppressed: true, respondents: null });
    expect(by['50-']).toMatchObject({ suppressed: true, respondents: null });
    expect(by['-29']).toMatchObject({ respondents: 6, counts: [0, 6, 0, 6, 0, 0, 0], suppressed: false });
    expect(by['40-49']).toMatchObject({ respondents: 10, counts: [10, 0, 0, 0, 0, 0, 0] });
    const byUnit = await h.request(`/api/surveys/custom/${id}/crosstab?item=1&by=unit`, { cookie: hr });
    expect(byUnit.status).toBe(200);
    await expectError(await h.request(`/api/surveys/custom/${id}/crosstab?item=0`, { cookie: hr }), 400);
    await expectError(await h.request(`/api/surveys/custom/${id}/crosstab?item=1&by=x`, { cookie: hr }), 400);
    const log = await listAudit(h.db.db, { entity: 'survey_responses', entityId: id });
    expect(log[0]).toMatchObject({ action: 'import', loginId: 'hr' });
  });

  it('imports .xlsx', async () => {
    const sheet = [
      HEADER.split(','),
      ...lines(5, '-29', '1;3')
        .split('\n')
        .map((l) => l.split(',')),
    ];
    const res = await h.request(
      `/api/surveys/custom/${id}/responses`,
      csv(
        await writeXlsx([{ name: 'answers', rows: sheet }]),
        hr,
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ),
    );
    expect(await res.json()).toEqual({ rows: 5, replaced: 0 });
    const x = (await (
      await h.request(`/api/surveys/custom/${id}/crosstab?item=1`, { cookie: hr })
    ).json()) as {
      total: { counts: number[] };
    };
    expect(x.total.counts).toEqual([5, 0, 5, 0, 0, 0, 0]);
  });

  it('refuses bad rows naming row and column, and writes nothing', async () => {
    const body = [
      HEADER,
      '1020,shuji,-29,regular,3,1;2;3',
      '1020,shuji,-29,regular,5,1',
      '1020,shuji,-29,regular,3,はい',
      '9999,shuji,-29,regular,3,1',
      '1020,shuji,-29,regular,3,2',
    ].join('\n');
    const err = await expectError(await importFile(body), 400);
    expect(err.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 2, column: 'q02', message: expect.stringContaining('2つまで') }),
        expect.objectContaining({ row: 3, column: 'q01' }),
        expect.objectContaining({ row: 4, column: 'q02', message: expect.stringContaining('はい') }),
        expect.objectContaining({ row: 5, column: 'unit_code' }),
      ]),
    );
    expect(await h.db.db.selectFrom('survey_responses').selectAll().execute()).toHaveLength(0);
    await expectError(await importFile('unit_code,q01\n1020,3'), 400);
  });
});
