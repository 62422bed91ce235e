// The survey anonymity issue's two differencing attacks, tried through the API (docs/domain.md §5 "One disclosure
// plan"): every figure the board, the breakdowns, the scatter and the response rate publish for a year is
// collected, and an exact linear-algebra audit checks that no combination of them gives a group under 5.
import { testDialects } from '@jinzai/db/testing';
import {
  attributeGroup,
  derivableSmallGroup,
  KPI_CODES,
  TOTAL,
  unitGroup,
  type GroupId,
  type SurveyCell,
} from '@jinzai/model';
import { beforeEach, describe, expect, it } from 'vitest';
import { csv, hrHarness, json, type Harness } from '../testing/harness.js';
import { seedStaff, seedUnits, staffRow, type UnitCode } from '../testing/org-fixture.js';
import { importKpiRows, rows } from '../testing/survey-fixtures.js';

const UNITS: UnitCode[] = ['10', '1010', '101010', '101020', '1020', '1030', '1040'];
const TREE = [
  { code: '10', parentCode: null, level: '部' as const },
  { code: '1010', parentCode: '10', level: '課' as const },
  { code: '101010', parentCode: '1010', level: '係' as const },
  { code: '101020', parentCode: '1010', level: '係' as const },
  { code: '1020', parentCode: '10', level: '課' as const },
  { code: '1030', parentCode: '10', level: '課' as const },
  { code: '1040', parentCode: '10', level: '課' as const },
];

/** Five evaluated staff in every unit, so that the scatter could plot any of them. */
async function seedEvaluated(h: Harness, hr: string): Promise<void> {
  await seedUnits(h, UNITS);
  const people = UNITS.flatMap((unit, u) =>
    Array.from({ length: 5 }, (_, i) => ({
      no: `0${u}${i}0`.padStart(6, '0'),
      unit,
      grade: i < 2 ? 'A' : 'B',
    })),
  );
  await seedStaff(
    h,
    people.map((p) => staffRow({ staff_no: p.no, unit_code: p.unit })),
  );
  const period = (await (
    await h.request('/api/review/periods', json({ fiscalYear: 2025, kind: 'fiscal' }, 'POST', hr))
  ).json()) as { id: number };
  const results = `staff_no,overall\n${people.map((p) => `${p.no},${p.grade}`).join('\n')}\n`;
  expect((await h.request(`/api/review/periods/${period.id}/results`, csv(results, hr))).status).toBe(200);
}

/** The cells the test imported: unit, respondents (every one a 主事, -29, regular, answering every question). */
const cellsOf = (groups: [string, number][]): SurveyCell[] =>
  groups.map(([unitCode, respondents]) => ({
    unitCode,
    gradeCode: 'shuji',
    ageBand: '-29',
    employmentType: 'regular',
    respondents,
    questions: new Map(KPI_CODES.map((q) => [q, { n: respondents, sum: 0, sumSq: 0, favourable: 0 }])),
  }));

describe.each(testDialects())('one disclosure plan across the survey views on %s', (dialect) => {
  let h: Harness;
  let hr: string;
  beforeEach(async () => {
    ({ h, hr } = await hrHarness(dialect, seedEvaluated));
  });

  const get = async <T>(path: string): Promise<T> => {
    const res = await h.request(path, { cookie: hr });
    expect(res.status).toBe(200);
    return (await res.json()) as T;
  };

  /** Every group whose figures for q01 some view of 2025 publishes, as the plan's group ids. */
  async function publishedForQ01(): Promise<Set<GroupId>> {
    const out = new Set<GroupId>();
    const board = await get<{ kpis: { code: string; mean: number | null }[] }>('/api/kpis?fiscalYear=2025');
    if (board.kpis.find((k) => k.code === 'q01')?.mean != null) out.add(TOTAL);
    for (const by of ['unit', 'grade', 'age_band', 'employment_type'] as const) {
      const { groups } = await get<{
        groups: { key: string; kpis: { code: string; mean: number | null }[] }[];
      }>(`/api/kpis/breakdown?fiscalYear=2025&by=${by}`);
      for (const g of groups) {
        if (g.kpis.find((k) => k.code === 'q01')?.mean == null) continue;
        out.add(by === 'unit' ? unitGroup(g.key) : attributeGroup(by === 'grade' ? 'grade' : by, g.key));
      }
    }
    const scatter = await get<{ units: { unitCode: string }[] }>(
      '/api/analytics/evaluation-vs-kpi?fiscalYear=2025&kpi=q01',
    );
    for (const u of scatter.units) out.add(unitGroup(u.unitCode));
    const rate = await get<{ units: { unitCode: string; responses: number | null }[] }>(
      '/api/surveys/kpi/2025/response-rate',
    );
    for (const u of rate.units) if (u.responses !== null) out.add(unitGroup(u.unitCode));
    return out;
  }

  it('does not let the breakdown by 課 minus a 係 in the scatter give a 係 of 3 (the first attack)', async () => {
    const groups: [string, number][] = [
      ['101010', 12],
      ['101020', 3],
      ['1020', 20],
      ['1040', 9],
    ];
    await importKpiRows(h, hr, 2025, groups.map(([u, n]) => rows(u, n, '3')).join('\n'));
    const { groups: byUnit } = await get<{ groups: { key: string; n: number | null }[] }>(
      '/api/kpis/breakdown?fiscalYear=2025&by=unit',
    );
    expect(byUnit.find((g) => g.key === '1010')?.n).toBe(15);
    const scatter = await get<{ units: { unitCode: string }[] }>(
      '/api/analytics/evaluation-vs-kpi?fiscalYear=2025&kpi=q01',
    );
    expect(scatter.units.map((u) => u.unitCode)).not.toContain('101010');
    const published = await publishedForQ01();
    expect(derivableSmallGroup(cellsOf(groups), TREE, published, (c) => c.respondents)).toBeNull();
  });

  it('does not let the board minus the shown 課 minus a unit only the scatter shows give a 課 of 3 (the second)', async () => {
    // The breakdown (by 課) shows 人事課 (6 + 6) and withholds 経理課 as 広報課's complement; the scatter (by unit as
    // answered) used to withhold 人事課's own 6 instead and show 経理課: 27 − 12 − 9 = 広報課's 3.
    const groups: [string, number][] = [
      ['1010', 6],
      ['101010', 6],
      ['1020', 9],
      ['1030', 3],
    ];
    await importKpiRows(h, hr, 2025, groups.map(([u, n]) => rows(u, n, '2')).join('\n'));
    const published = await publishedForQ01();
    expect(published.has(TOTAL)).toBe(true);
    expect(published.has(unitGroup('1030'))).toBe(false);
    expect(derivableSmallGroup(cellsOf(groups), TREE, published, (c) => c.respondents)).toBeNull();
    // The screens say why: 広報課 is under 5, and one other 課 is withheld so that it cannot be worked out.
    const { groups: byUnit } = await get<{ groups: { key: string; withheld: string | null }[] }>(
      '/api/kpis/breakdown?fiscalYear=2025&by=unit',
    );
    expect(byUnit.find((g) => g.key === '1030')?.withheld).toBe('small');
    expect(byUnit.filter((g) => g.withheld === 'complement')).toHaveLength(1);
    // The export withholds the same groups and says why in the same words.
    const exported = await h.request('/api/kpis/export?view=breakdown&fiscalYear=2025&by=unit&format=csv', {
      cookie: hr,
    });
    const text = new TextDecoder().decode(await exported.arrayBuffer());
    expect(text).toContain('回答が5件未満のため非表示');
    expect(text).toContain('他の集計との差し引きで5件未満の集団がわかるため非表示');
  });

  it('keeps the plan beside the answers for every process, and chooses again when the answers change', async () => {
    await importKpiRows(h, hr, 2025, `${rows('1020', 9, '3')}\n${rows('1040', 7, '2')}`);
    const shown = async () =>
      (
        await get<{ groups: { key: string; suppressed: boolean }[] }>(
          '/api/kpis/breakdown?fiscalYear=2025&by=unit',
        )
      ).groups.map((g) => [g.key, g.suppressed]);
    expect(await shown()).toEqual([
      ['1020', false],
      ['1040', false],
    ]);
    const saved = await h.db.db.selectFrom('survey_plans').selectAll().execute();
    expect(saved.map((r) => r.plan_key)).toEqual(['kpi-2025']);
    // The saved plan is what every view reads: one that withholds everything is obeyed while the answers are the same.
    const none = { published: [], withheld: [] };
    await h.db.db
      .updateTable('survey_plans')
      .set({
        plan_json: JSON.stringify({
          respondents: none,
          questions: Object.fromEntries(KPI_CODES.map((q) => [q, none])),
        }),
      })
      .execute();
    expect(await shown()).toEqual([
      ['1020', true],
      ['1040', true],
    ]);
    // New answers, a new fingerprint: the plan is chosen again.
    await importKpiRows(h, hr, 2025, `${rows('1020', 9, '3')}\n${rows('1040', 8, '2')}`);
    expect(await shown()).toEqual([
      ['1020', false],
      ['1040', false],
    ]);
  });
});
