import {
  applicationsOf,
  declarationsOf,
  interviewsOf,
  listDeclarations,
  listDeclarationWindows,
  pendingSelfDevelopment,
  trainingOf,
} from '@jinzai/db';
import { DEMO_PEOPLE } from '@jinzai/db/demo';
import { openTestDatabase, testDialects } from '@jinzai/db/testing';
import { windowIsOpen } from '@jinzai/model';
import { describe, expect, it } from 'vitest';
import { seedDemo } from './seed.js';

describe.each(testDialects())('talent demo data on %s', (dialect) => {
  it('fills staff1’s profile and HR’s lists, with this year’s window open for staff1 to declare', async () => {
    const db = await openTestDatabase(dialect);
    try {
      await seedDemo(db.db, new Date('2026-12-04T00:00:00Z'));
      const staff1 = DEMO_PEOPLE.staff1.staffNo;
      const training = await trainingOf(db.db, staff1);
      expect(training.filter((t) => t.status === 'approved')).toHaveLength(4);
      expect(training.filter((t) => t.status === 'pending')).toHaveLength(1);
      expect((await declarationsOf(db.db, staff1)).map((d) => d.fiscalYear)).toEqual([2025]);
      const windows = await listDeclarationWindows(db.db);
      expect(windows.map((w) => [w.fiscalYear, windowIsOpen(w, '2026-12-04')])).toEqual([
        [2026, true],
        [2025, false],
      ]);
      expect((await listDeclarations(db.db, { fiscalYear: 2026 })).length).toBeGreaterThan(1000);
      expect((await interviewsOf(db.db, staff1)).map((i) => i.kind)).toEqual(['one-on-one', 'start']);
      expect(await applicationsOf(db.db, staff1)).toHaveLength(1);
      expect((await pendingSelfDevelopment(db.db)).length).toBe(4);
    } finally {
      await db.dispose();
    }
  }, 120_000);
});
