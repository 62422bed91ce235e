import { finalOverallResults, listAudit, resultsOfStaff } from '@jinzai/db';
import { testDialects } from '@jinzai/db/testing';
import iconv from 'iconv-lite';
import { beforeEach, describe, expect, it } from 'vitest';
import { csv, expectError, hrHarness, json, type Harness } from '../testing/harness.js';
import { seedStaff, seedUnits, staffRow } from '../testing/org-fixture.js';

const RESULTS = `staff_no,overall,倫理,communication
000123,A,S,B
000124,b,,
`;

/** A 主事 of 人事課, born 1998. */
const HANAKO = staffRow({
  staff_no: '000123',
  name: '品川 花子',
  name_kana: 'シナガワ ハナコ',
  unit_code: '1010',
  birth_year: 1998,
});

describe.each(testDialects())('evaluation periods and results on %s', (dialect) => {
  let h: Harness;
  let hr: string;
  beforeEach(async () => {
    ({ h, hr } = await hrHarness(dialect, async (h) => {
      await seedUnits(h, ['10', '1010', '1020']);
      await seedStaff(h, [
        HANAKO,
        staffRow({
          staff_no: '000124',
          name: '大井 太郎',
          name_kana: 'オオイ タロウ',
          unit_code: '1010',
          grade_code: 'kacho',
          birth_year: 1975,
        }),
      ]);
    }));
  });

  const openPeriod = async (fiscalYear: number, kind: 'fiscal' | 'calendar' = 'fiscal') => {
    const res = await h.request('/api/review/periods', json({ fiscalYear, kind }, 'POST', hr));
    expect(res.status).toBe(201);
    return (await res.json()) as { id: number; name: string; startsOn: string; goalsDue: string };
  };
  const importResults = (id: number | string, body: string | Uint8Array) =>
    h.request(`/api/review/periods/${id}/results`, csv(body, hr));

  it('opens a fiscal period with default phase dates, and a calendar one', async () => {
    const p = await openPeriod(2026);
    expect(p).toMatchObject({ name: '令和8年度 人事評価', startsOn: '2026-04-01', goalsDue: '2026-05-31' });
    const cal = await openPeriod(2026, 'calendar');
    expect(cal).toMatchObject({ startsOn: '2026-01-01', name: '2026年 人事評価' });
    const res = await h.request(
      '/api/review/periods',
      json({ fiscalYear: 2027, kind: 'fiscal', goalsDue: '2027-06-15' }, 'POST', hr),
    );
    expect(await res.json()).toMatchObject({ goalsDue: '2027-06-15', firstDue: '2028-01-31' });
    const list = await h.request('/api/review/periods', { cookie: hr });
    expect(((await list.json()) as { periods: unknown[] }).periods).toHaveLength(3);
    expect((await listAudit(h.db.db, { entity: 'review_period' }))[0]).toMatchObject({ action: 'create' });
  });

  it.each([
    [{ fiscalYear: 2026 }],
    [{ fiscalYear: 2026, kind: 'monthly' }],
    [{ fiscalYear: '2026', kind: 'fiscal' }],
    [{ fiscalYear: 2026, kind: 'fiscal', goalsDue: '2026-02-30' }],
    [{ fiscalYear: 2026, kind: 'fiscal', extra: 1 }],
  ])('refuses a bad period %j', async (body) => {
    const err = await expectError(await h.request('/api/review/periods', json(body, 'POST', hr)), 400);
    expect(err.code).toBe('invalid_input');
  });

  it('needs a session and HR', async () => {
    await expectError(
      await h.request('/api/review/periods', json({ fiscalYear: 2026, kind: 'fiscal' })),
      401,
    );
    const staff = await h.login('evaluator');
    await expectError(
      await h.request('/api/review/periods', json({ fiscalYear: 2026, kind: 'fiscal' }, 'POST', staff)),
      403,
    );
    const p = await openPeriod(2026);
    await expectError(await h.request(`/api/review/periods/${p.id}/results`, csv(RESULTS, staff)), 403);
    await expectError(
      await h.request(`/api/review/periods/${p.id}/results`, { method: 'POST', body: RESULTS }),
      401,
    );
  });

  it('imports results with competency columns by name or key, snapshotting unit and grade', async () => {
    const p = await openPeriod(2025);
    const res = await importResults(p.id, new Uint8Array(iconv.encode(RESULTS, 'cp932')));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ rows: 2, created: 2, updated: 0 });
    // The roster changes afterwards; the result keeps the unit of the period.
    await seedStaff(h, [{ ...HANAKO, unit_code: '1020', grade_code: 'shunin' }]);
    expect(await finalOverallResults(h.db.db, 2025)).toEqual([
      { staffNo: '000123', unitCode: '1010', gradeCode: 'shuji', overall: 'A' },
      { staffNo: '000124', unitCode: '1010', gradeCode: 'kacho', overall: 'B' },
    ]);
    const history = await resultsOfStaff(h.db.db, '000123');
    expect(history[0]?.items).toEqual({ 'shuji.ethics': 'S', 'shuji.communication': 'B' });
    const again = await importResults(p.id, 'staff_no,overall,unit_code,grade_code\n000123,C,1020,主任\n');
    expect(await again.json()).toEqual({ rows: 1, created: 0, updated: 1 });
    expect((await finalOverallResults(h.db.db, 2025))[0]).toEqual({
      staffNo: '000123',
      unitCode: '1020',
      gradeCode: 'shunin',
      overall: 'C',
    });
    expect((await listAudit(h.db.db, { entity: 'review_results' }))[0]).toMatchObject({ action: 'import' });
  });

  it('takes the fiscal-kind period of a year with several', async () => {
    const cal = await openPeriod(2024, 'calendar');
    const fiscal = await openPeriod(2024);
    await importResults(cal.id, 'staff_no,overall\n000123,S\n');
    await importResults(fiscal.id, 'staff_no,overall\n000123,D\n');
    expect((await finalOverallResults(h.db.db, 2024)).map((r) => r.overall)).toEqual(['D']);
    expect(await finalOverallResults(h.db.db, 2019)).toEqual([]);
  });

  it.each([
    ['an unknown staff number', 'staff_no,overall\n000123,A\n999999,B\n', 3, 'staff_no'],
    ['a bad overall', 'staff_no,overall\n000123,E\n', 2, 'overall'],
    ['a duplicate staff number', 'staff_no,overall\n000123,A\n000123,B\n', 3, 'staff_no'],
    ['an item the grade lacks', 'staff_no,overall,構想\n000123,A,B\n', 2, '構想'],
    ['a bad item grade', 'staff_no,overall,ethics\n000123,A,5\n', 2, 'ethics'],
    ['an unknown column', 'staff_no,overall,extra\n000123,A,x\n', 1, 'extra'],
    ['a missing column', 'staff_no\n000123\n', 1, 'overall'],
    ['an unknown unit', 'staff_no,overall,unit_code\n000123,A,9999\n', 2, 'unit_code'],
  ])('refuses %s, naming the row, and writes nothing', async (_what, body, row, column) => {
    const p = await openPeriod(2025);
    const err = await expectError(await importResults(p.id, body), 400);
    expect(err.details).toEqual(expect.arrayContaining([expect.objectContaining({ row, column })]));
    expect(await finalOverallResults(h.db.db, 2025)).toEqual([]);
  });

  it('404s an unknown period and an id that is no id', async () => {
    await expectError(await importResults(999, 'staff_no,overall\n000123,A\n'), 404);
    await expectError(await importResults('abc', 'staff_no,overall\n000123,A\n'), 404);
    await expectError(await importResults('99999999999', 'staff_no,overall\n000123,A\n'), 404);
  });
});
