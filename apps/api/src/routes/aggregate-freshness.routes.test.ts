// HR's aggregate views are kept per data version (services/versioned-cache.ts): a write through one API process
// shows in what another process on the same database answers next, at once. The second app below has its own
// connection to the harness's database, as a second API process would.
import { listAudit } from '@jinzai/db';
import { testDialects } from '@jinzai/db/testing';
import { describe, expect, it, onTestFinished } from 'vitest';
import { openPeriodWithSheets, PEOPLE, seedWard } from '../testing/evaluation-fixture.js';
import { anotherProcess, createHarness, csv, hrHarness } from '../testing/harness.js';
import { sheetWorld } from '../testing/sheet-steps.js';
import { importKpiRows, rows, seedOrg } from '../testing/survey-fixtures.js';

interface Analytics {
  overall: { n: number; counts: Record<string, number> } | null;
  byEvaluator: { key: string; label: string; counts: Record<string, number> }[];
}

describe.each(testDialects())('aggregate views after a write on %s', (dialect) => {
  const read = async <T>(
    app: { request: (p: string, i: { cookie: string }) => Promise<Response> },
    path: string,
    cookie: string,
  ) => {
    const res = await app.request(path, { cookie });
    expect(res.status, path).toBe(200);
    return (await res.json()) as T;
  };

  it('shows imported results in the distribution of both processes at once', async () => {
    const h = await createHarness(dialect);
    onTestFinished(() => h.dispose());
    await seedWard(h);
    const hr = await h.login('hr');
    const { periodId } = await openPeriodWithSheets(h, hr);
    const other = anotherProcess(h);
    const path = '/api/review/analytics?fiscalYear=2026';
    // Both processes have computed (and kept) the view before the write.
    expect((await read<Analytics>(h, path, hr)).overall?.n ?? 0).toBe(0);
    expect((await read<Analytics>(other, path, hr)).overall?.n ?? 0).toBe(0);
    const results = (text: string) =>
      h.request(`/api/review/periods/${periodId}/results`, csv(`staff_no,overall\n${text}\n`, hr));
    expect((await results(`${PEOPLE.shuji},A\n${PEOPLE.shunin},B`)).status).toBe(200);
    for (const app of [other, h]) {
      expect((await read<Analytics>(app, path, hr)).overall).toMatchObject({
        n: 2,
        counts: { S: 0, A: 1, B: 1, C: 0, D: 0 },
      });
    }
    // A second write through the other process: the first sees it.
    const again = await other.request(
      `/api/review/periods/${periodId}/results`,
      csv(`staff_no,overall\n${PEOPLE.shuji},S\n`, hr),
    );
    expect(again.status).toBe(200);
    expect((await read<Analytics>(h, path, hr)).overall?.counts).toMatchObject({ S: 1, A: 0, B: 1 });
  });

  it('shows a first evaluator’s rating and a renamed evaluator at once, audited only when evaluators are named', async () => {
    const h = await createHarness(dialect);
    onTestFinished(() => h.dispose());
    const w = await sheetWorld(h);
    const other = anotherProcess(h);
    const path = '/api/review/analytics?fiscalYear=2026';
    const audits = async () => (await listAudit(h.db.db, { entity: 'review_analytics' })).length;
    expect((await read<Analytics>(other, path, w.c.hr)).byEvaluator).toEqual([]);
    // Aggregates only: no audit row.
    expect(await audits()).toBe(0);
    await w.toStage('second');
    const rated = await read<Analytics>(other, path, w.c.hr);
    expect(rated.byEvaluator).toEqual([
      expect.objectContaining({
        key: PEOPLE.kacho,
        label: '課長 花子',
        counts: { S: 0, A: 0, B: 1, C: 0, D: 0 },
      }),
    ]);
    expect(await audits()).toBe(1);
    // The roster import renames the evaluator: the next view names them anew.
    const renamed = await h.request(
      '/api/org/staff',
      csv(
        `staff_no,name,name_kana,unit_code,grade_code,employment_type,birth_year\n${PEOPLE.kacho},課長 春子,テスト,1010,kacho,regular,1980\n`,
        w.c.hr,
      ),
    );
    expect(renamed.status).toBe(200);
    expect((await read<Analytics>(other, path, w.c.hr)).byEvaluator[0]?.label).toBe('課長 春子');
  });

  it('shows an import of survey answers in the board and the breakdown of both processes at once', async () => {
    const { h, hr } = await hrHarness(dialect, seedOrg);
    const other = anotherProcess(h);
    const board = '/api/kpis?fiscalYear=2025';
    const byUnit = '/api/kpis/breakdown?fiscalYear=2025&by=unit';
    type Board = { respondents: number; kpis: { code: string; mean: number | null }[] };
    type Breakdown = { groups: { key: string; n: number | null; suppressed: boolean }[] };
    expect((await read<Board>(other, board, hr)).respondents).toBe(0);
    expect((await read<Breakdown>(other, byUnit, hr)).groups).toEqual([]);
    await importKpiRows(h, hr, 2025, `${rows('1020', 6, '3')}\n${rows('1030', 4, '1')}`);
    const b = await read<Board>(other, board, hr);
    expect(b.respondents).toBe(10);
    expect(b.kpis[0]?.mean).toBeCloseTo(2.2, 10);
    // 広報課 has 4: withheld, and so is 経理課 as its complement (docs/domain.md §5).
    expect((await read<Breakdown>(other, byUnit, hr)).groups.map((g) => [g.key, g.n, g.suppressed])).toEqual([
      ['1020', null, true],
      ['1030', null, true],
    ]);
    // The next year's import replaces the year: 広報課 now has 5, both shown.
    await importKpiRows(h, hr, 2025, `${rows('1020', 6, '3')}\n${rows('1030', 5, '1')}`);
    expect((await read<Board>(other, board, hr)).respondents).toBe(11);
    expect((await read<Breakdown>(other, byUnit, hr)).groups.map((g) => [g.key, g.n, g.suppressed])).toEqual([
      ['1020', 6, false],
      ['1030', 5, false],
    ]);
    expect((await read<Board>(h, board, hr)).respondents).toBe(11);
    // A kept view answers the same bytes each time, as computed.
    const text = async () => (await other.request(byUnit, { cookie: hr })).text();
    const first = await text();
    expect(await text()).toBe(first);
    expect(first).toBe(JSON.stringify(JSON.parse(first)));
  });
});
