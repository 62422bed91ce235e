// The one disclosure plan of a survey (docs/domain.md §5 "One disclosure plan"): every view of the KPI survey and
// of an HR-defined survey reads its cells and plan here, so that the board, the breakdowns, the scatter, the
// response rate, the cross-tabs, the screens and the exports withhold the same groups.
import { choiceCells, kpiCells, listUnits, type Database } from '@jinzai/db';
import {
  KPI_CODES,
  optionKey,
  surveyDisclosure,
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

/** A KPI survey year's cells and plan. */
export async function kpiDisclosure(db: Kysely<Database>, fiscalYear: number): Promise<PlannedSurvey> {
  const [cells, units] = await Promise.all([kpiCells(db, fiscalYear), listUnits(db)]);
  return { cells, units, disclosure: surveyDisclosure(cells, units, KPI_CODES) };
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
  return { cells, units, disclosure: surveyDisclosure(cells, units, [], sums) };
}
