import { getCustomSurvey } from '@jinzai/db';
import { openTestDatabase } from '@jinzai/db/testing';
import { describe, expect, it } from 'vitest';
import { customCrossTab } from '../services/custom-survey.service.js';
import { seedDemo } from './seed.js';

describe('custom survey demo data', () => {
  it('gives 退職意向アンケート about 600 answers and a cross-tab by age band with figures', async () => {
    const t = await openTestDatabase('sqlite');
    try {
      await seedDemo(t.db, new Date('2026-11-28T00:00:00Z'));
      const s = await getCustomSurvey(t.db, 'c-demo-leaving');
      expect(s?.titleJa).toBe('退職意向アンケート');
      const x = await customCrossTab(t.db, s!, 1, 'age_band');
      expect(x.groups.map((g) => g.key)).toEqual(['-29', '30-39', '40-49', '50-']);
      expect(x.groups.every((g) => !g.suppressed)).toBe(true);
      expect(x.total.respondents).toBeGreaterThan(300);
      expect(x.total.respondents).toBeLessThanOrEqual(600);
    } finally {
      await t.dispose();
    }
  });
});
