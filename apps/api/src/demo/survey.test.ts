import { openTestDatabase } from '@jinzai/db/testing';
import { KPI_QUESTIONS } from '@jinzai/model';
import { describe, expect, it } from 'vitest';
import { kpiBoardOf } from '../services/survey.service.js';
import { seedDemo } from './seed.js';

describe('survey demo data', () => {
  it('gives 2024 and 2025 about 1,800 respondents each, means near the baselines, and a change', async () => {
    const t = await openTestDatabase('sqlite');
    try {
      await seedDemo(t.db, new Date('2026-11-28T00:00:00Z'));
      const board = await kpiBoardOf(t.db, 2025);
      expect(board.respondents).toBe(1800);
      for (const k of board.kpis) {
        const q = KPI_QUESTIONS.find((x) => x.code === k.code);
        expect(Math.abs((k.mean ?? 0) - (q?.baseline ?? 0))).toBeLessThan(0.35);
        expect(k.delta).not.toBeNull();
      }
      expect(await t.db.selectFrom('survey_participants').selectAll().execute()).toEqual([]);
    } finally {
      await t.dispose();
    }
  });
});
