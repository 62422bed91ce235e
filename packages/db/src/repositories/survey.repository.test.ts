import { KPI_CODES, type KpiResponse } from '@jinzai/model';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, testDialects, type TestDatabase } from '../test-support/databases.js';
import {
  AlreadyAnsweredError,
  deleteKpiResponses,
  hasAnswered,
  insertKpiResponses,
  kpiMoments,
  kpiCells,
  kpiSurveyId,
  kpiSurveyYears,
  recordOnlineKpiAnswer,
  refreshKpiCells,
} from './survey.repository.js';
import { listProgrammeCounts, upsertProgrammeCounts } from './programme.repository.js';

const response = (unitCode: string, value: 1 | 2 | 3 | 4 | null): KpiResponse => ({
  unitCode,
  gradeCode: 'shuji',
  ageBand: '-29',
  employmentType: 'regular',
  answers: Object.fromEntries(KPI_CODES.map((c) => [c, value])) as KpiResponse['answers'],
});

describe.each(testDialects())('survey repository on %s', (dialect) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await openTestDatabase(dialect);
  });
  afterEach(async () => t.dispose());

  it('aggregates n, sum, sum of squares and favourable count per question, skipping blanks', async () => {
    await insertKpiResponses(t.db, 2025, 'import', [
      response('a', 4),
      response('a', 3),
      response('b', 1),
      response('b', null),
    ]);
    const m = (await kpiMoments(t.db, [2025, 2024])).get(2025);
    expect(m?.respondents).toBe(4);
    expect(m?.questions.get('q01')).toEqual({ n: 3, sum: 8, sumSq: 26, favourable: 2 });
    const cells = await kpiCells(t.db, 2025);
    expect(cells.map((g) => [g.unitCode, g.respondents, g.questions.get('q15')?.n])).toEqual([
      ['a', 2, 2],
      ['b', 2, 1],
    ]);
    expect(await kpiSurveyYears(t.db)).toEqual([{ fiscalYear: 2025, respondents: 4 }]);
    expect(await deleteKpiResponses(t.db, 2025, 'import')).toBe(4);
  });

  it('keeps no staff number with a response, and refuses a second online answer', async () => {
    await recordOnlineKpiAnswer(t.db, 2026, '000103', response('a', 2));
    await expect(recordOnlineKpiAnswer(t.db, 2026, '000103', response('a', 2))).rejects.toBeInstanceOf(
      AlreadyAnsweredError,
    );
    expect(await hasAnswered(t.db, kpiSurveyId(2026), '000103')).toBe(true);
    const rows = await t.db.selectFrom('survey_responses').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain('000103');

    // The online answer is added to its cell's sums as a full recount would count it.
    await recordOnlineKpiAnswer(t.db, 2026, '000104', response('a', 4));
    const before = await kpiMoments(t.db, [2026]);
    await refreshKpiCells(t.db, 2026);
    expect(await kpiMoments(t.db, [2026])).toEqual(before);
    expect(before.get(2026)?.questions.get('q01')).toEqual({ n: 2, sum: 6, sumSq: 20, favourable: 1 });
    const participant = await t.db.selectFrom('survey_participants').selectAll().execute();
    expect(Object.keys(participant[0] ?? {}).sort()).toEqual(['staff_no', 'survey_id']);
  });

  it('stores programme counts per year, replacing on re-entry', async () => {
    await upsertProgrammeCounts(
      t.db,
      2025,
      [{ programmeCode: 'telework', count: 10 }],
      '2025-06-01T00:00:00Z',
    );
    await upsertProgrammeCounts(
      t.db,
      2025,
      [{ programmeCode: 'telework', count: 12 }],
      '2025-06-02T00:00:00Z',
    );
    expect(await listProgrammeCounts(t.db)).toEqual([
      { fiscalYear: 2025, programmeCode: 'telework', count: 12 },
    ]);
  });
});
