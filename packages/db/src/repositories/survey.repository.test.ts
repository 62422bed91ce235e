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
  holdAnswer,
  pendingCounts,
  recordParticipation,
  refreshKpiCells,
  responseSources,
  takePending,
  writeOnlineKpiBatch,
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

  it('keeps no staff number with a response, and refuses a second participation', async () => {
    await recordParticipation(t.db, kpiSurveyId(2026), '000103');
    await expect(recordParticipation(t.db, kpiSurveyId(2026), '000103')).rejects.toBeInstanceOf(
      AlreadyAnsweredError,
    );
    expect(await hasAnswered(t.db, kpiSurveyId(2026), '000103')).toBe(true);
    const participant = await t.db.selectFrom('survey_participants').selectAll().execute();
    expect(Object.keys(participant[0] ?? {}).sort()).toEqual(['staff_no', 'survey_id']);
    // A participation alone makes the survey an online one (its answer may still be waiting).
    expect((await responseSources(t.db, [kpiSurveyId(2026)])).get(kpiSurveyId(2026))).toEqual(
      new Set(['online']),
    );
  });

  it('holds online answers apart until 5 wait, then writes them all, in random order', async () => {
    const id = kpiSurveyId(2026);
    const held = async (r: KpiResponse) =>
      t.db.transaction().execute(async (trx) => {
        const batch = await holdAnswer(trx, id, r, 5);
        await writeOnlineKpiBatch(trx, 2026, batch);
        return batch.length;
      });
    for (const v of [1, 2, 3, 4] as const) expect(await held(response('a', v))).toBe(0);
    expect(await t.db.selectFrom('survey_responses').selectAll().execute()).toHaveLength(0);
    expect((await pendingCounts(t.db)).get(id)).toBe(4);
    // The pending rows hold the answer and a random key, nothing else.
    const pending = await t.db.selectFrom('survey_pending').selectAll().execute();
    expect(Object.keys(pending[0] ?? {}).sort()).toEqual(['id', 'payload', 'survey_id']);

    expect(await held(response('a', 4))).toBe(5);
    expect(await pendingCounts(t.db)).toEqual(new Map());
    const rows = await t.db.selectFrom('survey_responses').select(['id', 'q01']).execute();
    expect(rows.map((r) => r.q01).sort()).toEqual([1, 2, 3, 4, 4]);
    expect(rows.map((r) => r.id)).toEqual(rows.map((r) => r.id).sort());

    // The batch is added to its cell's sums as a full recount would count it.
    const before = await kpiMoments(t.db, [2026]);
    await refreshKpiCells(t.db, 2026);
    expect(await kpiMoments(t.db, [2026])).toEqual(before);
    expect(before.get(2026)?.questions.get('q01')).toEqual({ n: 5, sum: 14, sumSq: 46, favourable: 3 });
  });

  it('takes fewer than the batch only when asked to (a survey that has closed)', async () => {
    const id = kpiSurveyId(2025);
    await holdAnswer(t.db, id, response('a', 2), 5);
    expect(await takePending(t.db, id, 5)).toEqual([]);
    expect(await takePending(t.db, id, 1)).toEqual([response('a', 2)]);
    expect(await pendingCounts(t.db)).toEqual(new Map());
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
