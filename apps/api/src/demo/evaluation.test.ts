import { finalOverallResults, findSheet, findUserForLogin, listPeriods } from '@jinzai/db';
import { DEMO_PEOPLE } from '@jinzai/db/demo';
import { openTestDatabase, testDialects } from '@jinzai/db/testing';
import { describe, expect, it } from 'vitest';
import { verifyPassword } from '../passwords.js';
import { DEMO_PASSWORD, seedDemo } from './seed.js';

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

      // Every other member of the ward signs in with their 職員番号; a 課長 named first evaluator is an evaluator.
      const shuji = await findUserForLogin(db.db, '001005', '2026-06-01');
      expect(shuji?.user.staffNo).toBe('001005');
      expect(await verifyPassword(shuji?.passwordHash ?? '', DEMO_PASSWORD)).toBe(true);
      const firsts = new Set(
        (await db.db.selectFrom('review_sheets').select('first_staff_no').execute()).map(
          (r) => r.first_staff_no,
        ),
      );
      for (const no of [...firsts].filter((n) => n !== null).slice(0, 20)) {
        const account = await findUserForLogin(db.db, no, '2026-06-01', 'staffNo');
        expect(account?.user.roles, no).toContain('evaluator');
      }
    } finally {
      await db.dispose();
    }
  }, 60_000);
});
