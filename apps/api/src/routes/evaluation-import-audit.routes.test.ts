// Evaluation imports in the audit log: per result and per sheet's evaluators, what the file changed.
import { listAudit } from '@jinzai/db';
import { testDialects } from '@jinzai/db/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { openPeriodWithSheets, PEOPLE, seedWard } from '../testing/evaluation-fixture.js';
import { csv, hrHarness, type Harness } from '../testing/harness.js';

describe.each(testDialects())('evaluation import audit on %s', (dialect) => {
  let h: Harness;
  let hr: string;
  let periodId: number;
  beforeEach(async () => {
    ({ h, hr } = await hrHarness(dialect, seedWard));
    ({ periodId } = await openPeriodWithSheets(h, hr));
  });
  const changes = async (entity: string) =>
    (await listAudit(h.db.db, { entity, limit: 1000 })).map((e) => ({
      action: e.action,
      entityId: e.entityId,
      before: e.before,
      after: e.after,
    }));

  it('records each sheet whose evaluators a file changed, and only those', async () => {
    const before = (await changes('review_assignment')).length;
    const res = await h.request(
      `/api/review/periods/${periodId}/assignments`,
      csv(
        `staff_no,first_evaluator,second_evaluator\n${PEOPLE.shuji},${PEOPLE.kacho2},\n${PEOPLE.shunin},${PEOPLE.kacho},${PEOPLE.bucho}\n`,
        hr,
      ),
    );
    expect(res.status).toBe(200);
    const entries = await changes('review_assignment');
    expect(entries.slice(0, entries.length - before)).toEqual([
      {
        action: 'update',
        entityId: `${periodId}/${PEOPLE.shuji}`,
        before: { firstStaffNo: PEOPLE.kacho, secondStaffNo: PEOPLE.bucho },
        after: { firstStaffNo: PEOPLE.kacho2, secondStaffNo: null },
      },
    ]);
    const [summary] = await listAudit(h.db.db, { entity: 'review_assignments', limit: 1 });
    expect(summary?.detail).toMatchObject({ rows: 2, changed: 1 });
  });

  it('records each imported result, and on a re-import what changed', async () => {
    const path = `/api/review/periods/${periodId}/results`;
    expect(
      (await h.request(path, csv(`staff_no,overall\n${PEOPLE.shuji},A\n${PEOPLE.shunin},B\n`, hr))).status,
    ).toBe(200);
    expect((await changes('review_result')).map((e) => [e.action, e.entityId])).toEqual([
      ['create', `${periodId}/${PEOPLE.shunin}`],
      ['create', `${periodId}/${PEOPLE.shuji}`],
    ]);
    h.clock.advance(60_000);
    expect(
      (await h.request(path, csv(`staff_no,overall\n${PEOPLE.shuji},S\n${PEOPLE.shunin},B\n`, hr))).status,
    ).toBe(200);
    const [latest, next] = await changes('review_result');
    expect(latest).toEqual({
      action: 'update',
      entityId: `${periodId}/${PEOPLE.shuji}`,
      before: { overall: 'A' },
      after: { overall: 'S' },
    });
    expect(next?.action).toBe('create');
  });
});
