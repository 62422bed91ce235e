// One source a survey (docs/domain.md §5, issue 10 "No padding"): online answers and imported ones are never
// merged, so made-up imported rows cannot pad a small group of online answers up to the publication threshold.
import { testDialects } from '@jinzai/db/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO_LEAVING_REASONS } from '../demo/custom-survey.js';
import { csv, expectError, hrHarness, json, type Harness } from '../testing/harness.js';
import { HEADER, postKpiFile, rows, seedOrg } from '../testing/survey-fixtures.js';

const YEAR = 2025; // the test clock is in June 2025
const stored = (h: Harness) => h.db.db.selectFrom('survey_responses').select(['source']).execute();

describe.each(testDialects())('one source a survey on %s', (dialect) => {
  let h: Harness;
  let hr: string;
  let me: string;
  beforeEach(async () => {
    ({ h, hr } = await hrHarness(dialect, seedOrg));
    await h.addUser('staff1', ['staff'], '000103');
    me = await h.login('staff1');
  });

  const answerKpi = () =>
    h.request(`/api/surveys/kpi/${YEAR}/answers`, json({ answers: { q01: 4 } }, 'POST', me));
  const importKpi = (n: number) => postKpiFile(h, hr, YEAR, `${HEADER}\n${rows('1020', n, '1')}\n`);

  it('refuses to import a KPI year that has online answers, and writes nothing', async () => {
    expect((await answerKpi()).status).toBe(201);
    const e = await expectError(await importKpi(4), 409);
    expect(e.message).toContain('オンラインの回答があるため');
    // The online answer still waits to join the figures (fewer than 5): nothing was imported beside it.
    expect(await stored(h)).toEqual([]);
    expect(await h.db.db.selectFrom('survey_pending').select('survey_id').execute()).toHaveLength(1);
  });

  it('closes online answering for a KPI year whose answers were imported, and still lets HR replace them', async () => {
    expect((await importKpi(6)).status).toBe(200);
    const status = await (await h.request(`/api/surveys/kpi/${YEAR}/status`, { cookie: me })).json();
    expect(status).toMatchObject({ open: false, canAnswer: false });
    const e = await expectError(await answerKpi(), 409);
    expect(e.message).toContain('取り込んでいる');
    const again = await importKpi(7);
    expect(await again.json()).toEqual({ rows: 7, replaced: 6 });
    expect((await stored(h)).every((r) => r.source === 'import')).toBe(true);
  });

  it('keeps an HR-defined survey to one source either way round', async () => {
    const define = async (titleJa: string) => {
      const body = {
        titleJa,
        fiscalYear: YEAR,
        items: [
          { kind: 'agreement', textJa: '今の職場で働き続けたい' },
          { kind: 'choice', textJa: '理由', options: DEMO_LEAVING_REASONS, maxChoices: 2 },
        ],
      };
      const res = await h.request('/api/surveys/custom', json(body, 'POST', hr));
      return ((await res.json()) as { id: string }).id;
    };
    const file = (n: number) =>
      `unit_code,grade_code,age_band,employment_type,q01,q02\n` +
      Array.from({ length: n }, () => '1020,shuji,-29,regular,1,1').join('\n');
    const online = await define('オンラインで答える調査');
    const imported = await define('取り込む調査');

    const answer = (id: string) =>
      h.request(`/api/surveys/custom/${id}/answers`, json({ answers: [3, [1]] }, 'POST', me));
    expect((await answer(online)).status).toBe(201);
    await expectError(await h.request(`/api/surveys/custom/${online}/responses`, csv(file(4), hr)), 409);

    expect((await h.request(`/api/surveys/custom/${imported}/responses`, csv(file(5), hr))).status).toBe(200);
    await expectError(await answer(imported), 409);
    const open = (await (await h.request('/api/surveys/custom/open', { cookie: me })).json()) as {
      surveys: { id: string }[];
    };
    expect(open.surveys.map((s) => s.id)).toEqual([online]);
  });
});
