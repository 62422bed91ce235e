import { listAudit } from '@jinzai/db';
import { testDialects } from '@jinzai/db/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { csv, expectError, hrHarness, json, type Harness } from '../testing/harness.js';
import { seedStaff, seedUnits, staffRow } from '../testing/org-fixture.js';
import { importKpiRows, rows } from '../testing/survey-fixtures.js';

interface Scatter {
  units: { unitCode: string; evaluationMean: number; kpiMean: number; n: number; evaluated: number }[];
  spearman: { rho: number | null; ci95: [number, number] | null };
}

/** 人事課 (with 人事係 under it): S A A B B B; 経理課: five B; 広報課: three B; 契約課: five C, as fiscal 2025 results. */
async function seedEvaluatedUnits(h: Harness, hr: string): Promise<void> {
  await seedUnits(h, ['10', '1010', '101010', '1020', '1030', '1040']);
  const people: [string, string, string][] = [
    ...(['S', 'A', 'A', 'B', 'B', 'B'] as const).map((g, i): [string, string, string] => [
      `1${i}`,
      i < 2 ? '1010' : '101010',
      g,
    ]),
    ...Array.from({ length: 5 }, (_, i): [string, string, string] => [`2${i}`, '1020', 'B']),
    ...Array.from({ length: 3 }, (_, i): [string, string, string] => [`3${i}`, '1030', 'B']),
    ...Array.from({ length: 5 }, (_, i): [string, string, string] => [`4${i}`, '1040', 'C']),
  ];
  await seedStaff(
    h,
    people.map(([no, unit]) => staffRow({ staff_no: `000${no}`, unit_code: unit })),
  );
  const period = (await (
    await h.request('/api/review/periods', json({ fiscalYear: 2025, kind: 'fiscal' }, 'POST', hr))
  ).json()) as { id: number };
  const results = `staff_no,overall\n${people.map(([no, , g]) => `000${no},${g}`).join('\n')}\n`;
  expect((await h.request(`/api/review/periods/${period.id}/results`, csv(results, hr))).status).toBe(200);
}

describe.each(testDialects())('evaluation beside KPIs on %s', (dialect) => {
  let h: Harness;
  let hr: string;
  beforeEach(async () => {
    ({ h, hr } = await hrHarness(dialect, seedEvaluatedUnits));
  });

  const importYear = (body: string) => importKpiRows(h, hr, 2025, body);

  it('pairs each unit named in the answers with the evaluation of it and the units under it', async () => {
    await importYear(
      `${rows('1010', 6, '4')}\n${rows('1020', 5, '2')}\n${rows('1030', 6, '3')}\n${rows('1040', 7, '1')}`,
    );
    const res = await h.request('/api/analytics/evaluation-vs-kpi?fiscalYear=2025&kpi=q01', { cookie: hr });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Scatter;
    // 人事課 covers 人事係: (5 + 4 + 4 + 3 + 3 + 3) / 6. 広報課 has only 3 evaluated: left out.
    expect(body.units.map((u) => [u.unitCode, u.evaluated, u.kpiMean, u.n])).toEqual([
      ['1010', 6, 4, 6],
      ['1020', 5, 2, 5],
      ['1040', 5, 1, 7],
    ]);
    expect(body.units[0]?.evaluationMean).toBeCloseTo(22 / 6, 12);
    expect(body.spearman.rho).toBeCloseTo(1, 12);
    expect((await listAudit(h.db.db, { entity: 'evaluation_results' }))[0]).toMatchObject({
      action: 'read',
      loginId: 'hr',
    });
  });

  it('leaves out a unit under 5 answers and its complement', async () => {
    await importYear(
      `${rows('1010', 6, '4')}\n${rows('1020', 5, '2')}\n${rows('1040', 7, '1')}\n${rows('1030', 3, '3')}`,
    );
    const body = (await (
      await h.request('/api/analytics/evaluation-vs-kpi?fiscalYear=2025&kpi=q01', { cookie: hr })
    ).json()) as Scatter;
    // 広報課 (3 answers) is out, and 経理課 (5, the smallest other) with it: the whole minus the others would be 広報課.
    expect(body.units.map((u) => u.unitCode)).toEqual(['1010', '1040']);
  });

  it('counts a small 係 inside its 課, where nothing is left to subtract', async () => {
    await importYear(
      `${rows('1010', 6, '4')}\n${rows('1020', 5, '2')}\n${rows('1040', 7, '1')}\n${rows('101010', 2, '3')}`,
    );
    const body = (await (
      await h.request('/api/analytics/evaluation-vs-kpi?fiscalYear=2025&kpi=q01', { cookie: hr })
    ).json()) as Scatter;
    // 人事係 (2 answers) is not shown on its own; 人事課 is shown with them: (6 × 4 + 2 × 3) / 8.
    expect(body.units.map((u) => [u.unitCode, u.n])).toEqual([
      ['1010', 8],
      ['1020', 5],
      ['1040', 7],
    ]);
    expect(body.units[0]?.kpiMean).toBeCloseTo(30 / 8, 12);
  });

  it('shows the distribution of grades beside outcome 06', async () => {
    await importYear(rows('1040', 7, '3'));
    const res = await h.request('/api/analytics/evaluation-distribution?fiscalYear=2025', { cookie: hr });
    const body = (await res.json()) as {
      total: number;
      grades: { grade: string; count: number }[];
      kpi: { code: string; mean: number };
    };
    expect(body.total).toBe(19);
    expect(body.grades.map((g) => g.count)).toEqual([1, 2, 11, 5, 0]);
    expect(body.kpi).toMatchObject({ code: 'q15', mean: 3 });
  });

  it('refuses bad input (400), no session (401) and other roles (403)', async () => {
    await expectError(
      await h.request('/api/analytics/evaluation-vs-kpi?fiscalYear=2025&kpi=q99', { cookie: hr }),
      400,
    );
    await expectError(await h.request('/api/analytics/evaluation-vs-kpi?kpi=q01', { cookie: hr }), 400);
    await expectError(await h.request('/api/analytics/evaluation-vs-kpi?fiscalYear=2025&kpi=q01'), 401);
    for (const role of ['recruiter', 'interviewer', 'evaluator', 'staff']) {
      const cookie = await h.login(role);
      await expectError(
        await h.request('/api/analytics/evaluation-vs-kpi?fiscalYear=2025&kpi=q01', { cookie }),
        403,
      );
      await expectError(
        await h.request('/api/analytics/evaluation-distribution?fiscalYear=2025', { cookie }),
        403,
      );
    }
  });
});
