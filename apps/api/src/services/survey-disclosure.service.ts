// The one disclosure plan of a survey (docs/domain.md §5 "One disclosure plan"): every view of the KPI survey and
// of an HR-defined survey reads its cells and plan here, so that the board, the breakdowns, the scatter, the
// response rate, the cross-tabs, the screens and the exports withhold the same groups.
import { createHash } from 'node:crypto';
import {
  choiceCells,
  kpiCells,
  kpiSurveyId,
  listUnits,
  readSurveyPlan,
  writeSurveyPlan,
  type Database,
} from '@jinzai/db';
import {
  KPI_CODES,
  optionKey,
  savedPlans,
  surveyDisclosure,
  type SavedPlans,
  type SurveyCell,
  type SurveyDisclosure,
  type Unit,
} from '@jinzai/model';
import type { Kysely } from 'kysely';

export interface PlannedSurvey {
  cells: SurveyCell[];
  units: Unit[];
  disclosure: SurveyDisclosure;
}

/**
 * The plan of these cells: the one saved for `planKey` if it was chosen from the same cells, units and questions
 * (the fingerprint), else chosen now and saved for every process. Choosing takes a few hundred milliseconds on a
 * ward's survey; reading it back takes one row.
 */
async function planned(
  db: Kysely<Database>,
  planKey: string,
  cells: SurveyCell[],
  units: Unit[],
  questions: readonly string[],
  alsoSum: readonly string[],
): Promise<PlannedSurvey> {
  const fingerprint = createHash('sha256')
    .update(
      JSON.stringify([
        questions,
        units.map((u) => [u.code, u.parentCode, u.level]),
        cells.map((c) => [
          c.unitCode,
          c.gradeCode,
          c.ageBand,
          c.employmentType,
          c.respondents,
          questions.map((q) => c.questions.get(q)?.n ?? 0),
        ]),
      ]),
    )
    .digest('hex');
  const json = await readSurveyPlan(db, planKey, fingerprint);
  if (json !== undefined) {
    const disclosure = surveyDisclosure(cells, units, questions, alsoSum, JSON.parse(json) as SavedPlans);
    return { cells, units, disclosure };
  }
  const disclosure = surveyDisclosure(cells, units, questions, alsoSum);
  await writeSurveyPlan(db, planKey, fingerprint, JSON.stringify(savedPlans(disclosure)));
  return { cells, units, disclosure };
}

/** A KPI survey year's cells and plan. */
export async function kpiDisclosure(db: Kysely<Database>, fiscalYear: number): Promise<PlannedSurvey> {
  const [cells, units] = await Promise.all([kpiCells(db, fiscalYear), listUnits(db)]);
  return planned(db, kpiSurveyId(fiscalYear), cells, units, KPI_CODES, []);
}

/**
 * A multiple-choice item's cells and plan: the respondents are those who answered the item, and the option counts
 * are summed under their plan.
 */
export async function choiceDisclosure(
  db: Kysely<Database>,
  surveyId: string,
  itemIndex: number,
  options: number,
): Promise<PlannedSurvey> {
  const [cells, units] = await Promise.all([choiceCells(db, surveyId, itemIndex, options), listUnits(db)]);
  const sums = Array.from({ length: options }, (_, k) => optionKey(k));
  return planned(db, `${surveyId}#${itemIndex}`, cells, units, [], sums);
}
