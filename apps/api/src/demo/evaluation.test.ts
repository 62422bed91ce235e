import { finalOverallResults, findSheet, listPeriods } from '@jinzai/db';
import { DEMO_PEOPLE } from '@jinzai/db/demo';
import { openTestDatabase, testDialects } from '@jinzai/db/testing';
import { describe, expect, it } from 'vitest';
import { seedDemo } from './seed.js';

describe.each(testDialects())('evaluation demo data on %s', (dialect) => {
  it('opens 令和8年度 with staff1 evaluated by evaluator1 and evaluator2, and five past years', async () => {
    const db = await openTestDatabase(dialect);
    try {
      await seedDemo(db.db, new Date('2026-06-01T00:00:00Z'));
      const periods = await listPeriods(db.db);
      expect(periods.map((p) => p.fiscalYear)).toEqual([2026, 2025, 2024, 2023, 2022, 2021]);
      const current = periods[0];
      const sheet = await findSheet(db.db, current?.id ?? 0, DEMO_PEOPLE.staff1.staffNo);
      expect(sheet).toMatchObject({
        state: 'goal-setting',
        firstStaffNo: DEMO_PEOPLE.evaluator1.staffNo,
        secondStaffNo: DEMO_PEOPLE.evaluator2.staffNo,
      });
      const past = await finalOverallResults(db.db, 2025);
      expect(past).toHaveLength(4000);
      const shares = ['S', 'A', 'B', 'C', 'D'].map(
        (g) => past.filter((r) => r.overall === g).length / past.length,
      );
      expect(shares[2]).toBeGreaterThan(0.3);
      const again = await finalOverallResults(db.db, 2025);
      expect(again).toEqual(past);
    } finally {
      await db.dispose();
    }
  }, 60_000);
});
