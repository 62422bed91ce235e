import { listAudit } from '@jinzai/db';
import { testDialects } from '@jinzai/db/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { readXlsx } from '../import/xlsx.js';
import { expectError, json, hrHarness, type Harness } from '../testing/harness.js';
import { importKpiRows, rows, seedOrg } from '../testing/survey-fixtures.js';

interface Group {
  key: string;
  n: number | null;
  suppressed: boolean;
  withheld?: string | null;
  kpis: { code: string; mean: number | null; n: number | null; suppressed: boolean }[];
}

describe.each(testDialects())('KPI routes on %s', (dialect) => {
  let h: Harness;
  let hr: string;
  beforeEach(async () => {
    ({ h, hr } = await hrHarness(dialect, seedOrg));
  });

  const importYear = (year: number, body: string) => importKpiRows(h, hr, year, body);
  const get = async <T>(path: string): Promise<T> => {
    const res = await h.request(path, { cookie: hr });
    expect(res.status).toBe(200);
    return (await res.json()) as T;
  };

  it('shows every KPI with baseline, computed target, mean, CI, favourable share and delta', async () => {
    await importYear(2024, rows('1020', 10, '2'));
    await importYear(2025, `${rows('1020', 5, '3')}\n${rows('1030', 5, '4')}`);
    const b = await get<{ respondents: number; kpis: Record<string, unknown>[] }>(
      '/api/kpis?fiscalYear=2025',
    );
    expect(b.respondents).toBe(10);
    expect(b.kpis).toHaveLength(15);
    expect(b.kpis[7]).toMatchObject({
      code: 'q08',
      outcome: '03',
      baseline: 2.024,
      target: 2.5,
      mean: 3.5,
      n: 10,
      favourable: 1,
      delta: 1.5,
      status: 'achieved',
    });
    const ci = b.kpis[7]?.['ci95'] as [number, number];
    // sd = √(10·0.25/9) = 0.527046, t(.975, 9) = 2.262157, half = 0.377028.
    expect(ci[0]).toBeCloseTo(3.122972, 5);
    expect(ci[1]).toBeCloseTo(3.877028, 5);
    const first = await get<{ kpis: { delta: number | null }[] }>('/api/kpis?fiscalYear=2024');
    expect(first.kpis.every((k) => k.delta === null)).toBe(true);
  });

  it('breaks down by unit (課), withholding groups under 5 and a complement', async () => {
    // 人事係 (101010) counts under 人事課 (1010): 3 + 3 = 6. 経理課 has 3: withheld, and 人事課 as its complement.
    await importYear(
      2025,
      `${rows('101010', 3, '4')}\n${rows('1010', 3, '4')}\n${rows('1020', 3, '1')}\n${rows('1030', 9, '2')}`,
    );
    const { groups } = await get<{ groups: Group[] }>('/api/kpis/breakdown?fiscalYear=2025&by=unit');
    expect(groups.map((g) => [g.key, g.n, g.suppressed])).toEqual([
      ['1010', null, true],
      ['1020', null, true],
      ['1030', 9, false],
    ]);
    expect(groups[0]).toEqual({
      key: '1010',
      labelJa: '人事課',
      labelEn: '人事課',
      n: null,
      suppressed: true,
      withheld: 'complement',
      kpis: [],
    });
    expect(groups[1]?.withheld).toBe('small');
    expect(groups[2]?.kpis[0]).toMatchObject({ code: 'q01', mean: 2, n: 9, suppressed: false });
  });

  it('withholds a question whose answers (after blanks) are under 5, with a complement', async () => {
    const blanks = (unit: string, n: number) =>
      Array.from(
        { length: n },
        () => `${unit},shuji,-29,regular,,${Array.from({ length: 14 }, () => '3').join(',')}`,
      ).join('\n');
    // Each 課 has 6 respondents; 1010 answered q01 only twice.
    await importYear(
      2025,
      `${rows('1010', 2, '4')}\n${blanks('1010', 4)}\n${rows('1020', 6, '2')}\n${rows('1030', 7, '1')}`,
    );
    const { groups } = await get<{ groups: Group[] }>('/api/kpis/breakdown?fiscalYear=2025&by=unit');
    const q01 = groups.map((g) => [g.key, g.kpis[0]?.suppressed, g.kpis[0]?.mean]);
    expect(q01).toEqual([
      ['1010', true, null],
      ['1020', true, null],
      ['1030', false, 1],
    ]);
    expect(groups.every((g) => !g.suppressed && g.kpis[1]?.suppressed === false)).toBe(true);
  });

  it('breaks down by grade, age band and employment type', async () => {
    await importYear(
      2025,
      `${rows('1020', 5, '3', 'shuji', '-29')}\n${rows('1020', 5, '2', 'kacho', '50-')}`,
    );
    const grade = await get<{ groups: Group[] }>('/api/kpis/breakdown?fiscalYear=2025&by=grade');
    expect(grade.groups.map((g) => [g.key, g.kpis[0]?.mean])).toEqual([
      ['kacho', 2],
      ['shuji', 3],
    ]);
    const age = await get<{ groups: Group[] }>('/api/kpis/breakdown?fiscalYear=2025&by=age_band');
    expect(age.groups.map((g) => g.key)).toEqual(['-29', '50-']);
    const emp = await get<{ groups: Group[] }>('/api/kpis/breakdown?fiscalYear=2025&by=employment_type');
    expect(emp.groups).toHaveLength(1);
    await expectError(
      await h.request('/api/kpis/breakdown?fiscalYear=2025&by=staff_no', { cookie: hr }),
      400,
    );
    await expectError(await h.request('/api/kpis?fiscalYear=abc', { cookie: hr }), 400);
  });

  it('never returns a single answer: one response shows no figures anywhere', async () => {
    await importYear(2025, '1020,shuji,-29,regular,4,1,2,3,4,1,2,3,4,1,2,3,4,1,2');
    const texts = await Promise.all(
      [
        '/api/kpis?fiscalYear=2025',
        '/api/kpis/trends',
        ...['unit', 'grade', 'age_band', 'employment_type'].map(
          (by) => `/api/kpis/breakdown?fiscalYear=2025&by=${by}`,
        ),
        '/api/surveys/kpi/2025/response-rate',
      ].map(async (p) => (await h.request(p, { cookie: hr })).text()),
    );
    for (const text of texts) {
      expect(text).not.toMatch(/"mean":\d/);
      expect(text).not.toMatch(/"favourable":\d/);
    }
    const exported = await h.request('/api/kpis/export?view=board&fiscalYear=2025&format=csv', {
      cookie: hr,
    });
    const lines = (await exported.text()).split('\r\n');
    expect(lines[1]).toMatch(/^q01,11,[^,]+,2.577,3,,1,/);
    // No route of the API serves responses one by one.
    const doc = (await (await h.request('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
    const surveyPaths = Object.keys(doc.paths).filter((p) => /survey|kpi|analytics/.test(p));
    expect(surveyPaths.some((p) => /responses\/\{/.test(p))).toBe(false);
  });

  it('shows trends over the years', async () => {
    await importYear(2024, rows('1020', 5, '2'));
    await importYear(2025, rows('1020', 5, '3'));
    const t = await get<{
      years: number[];
      kpis: { code: string; points: { fiscalYear: number; mean: number | null }[] }[];
    }>('/api/kpis/trends');
    expect(t.years).toEqual([2024, 2025]);
    expect(t.kpis[0]?.points.map((p) => p.mean)).toEqual([2, 3]);
  });

  it('stores programme counts per year and exports them', async () => {
    const put = await h.request(
      '/api/kpis/programmes/2025',
      json({ counts: { telework: 812, 'sick-leave': 40 } }, 'PUT', hr),
    );
    expect(put.status).toBe(200);
    expect(await put.json()).toEqual({ fiscalYear: 2025, updated: 2 });
    expect((await listAudit(h.db.db, { entity: 'programme_counts' }))[0]).toMatchObject({
      action: 'update',
      entityId: '2025',
      loginId: 'hr',
      after: { telework: 812, 'sick-leave': 40 },
    });
    await expectError(
      await h.request('/api/kpis/programmes/2025', json({ counts: { yoga: 1 } }, 'PUT', hr)),
      400,
    );
    await expectError(
      await h.request('/api/kpis/programmes/2025', json({ counts: { telework: -1 } }, 'PUT', hr)),
      400,
    );
    const p = await get<{ years: number[]; counts: { programmeCode: string; count: number }[] }>(
      '/api/kpis/programmes',
    );
    expect(p.years).toEqual([2025]);
    expect(p.counts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ programmeCode: 'telework', count: 812, nameJa: 'テレワーク' }),
      ]),
    );
    const x = await h.request('/api/kpis/export?view=programmes&format=xlsx', { cookie: hr });
    expect(x.headers.get('content-type')).toContain('spreadsheetml');
    const sheet = await readXlsx(new Uint8Array(await x.arrayBuffer()));
    expect(sheet[0]).toEqual(['programme', 'name', '2025']);
    expect(sheet[2]).toEqual(['telework', 'テレワーク', '812']);
  });

  it('exports the board, a breakdown and the trends as CSV (UTF-8 with BOM) and .xlsx', async () => {
    await importYear(2025, rows('1020', 5, '3'));
    const c = await h.request('/api/kpis/export?view=breakdown&fiscalYear=2025&by=unit&format=csv', {
      cookie: hr,
    });
    const bytes = new Uint8Array(await c.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toContain('1020,経理課,5,3,');
    const t = await h.request('/api/kpis/export?view=trends&format=xlsx', { cookie: hr });
    expect(t.status).toBe(200);
    await expectError(await h.request('/api/kpis/export?view=board&format=csv', { cookie: hr }), 400);
    await expectError(await h.request('/api/kpis/export?view=nope', { cookie: hr }), 400);
  });

  it('is for HR only: 401 without a session, 403 for every other role', async () => {
    const paths = [
      '/api/kpis?fiscalYear=2025',
      '/api/kpis/breakdown?fiscalYear=2025&by=unit',
      '/api/kpis/trends',
      '/api/kpis/programmes',
      '/api/kpis/export?view=trends',
    ];
    for (const p of paths) await expectError(await h.request(p), 401);
    for (const role of ['recruiter', 'interviewer', 'evaluator', 'staff']) {
      const cookie = await h.login(role);
      for (const p of paths) await expectError(await h.request(p, { cookie }), 403);
      await expectError(
        await h.request('/api/kpis/programmes/2025', json({ counts: {} }, 'PUT', cookie)),
        403,
      );
    }
  });
});
