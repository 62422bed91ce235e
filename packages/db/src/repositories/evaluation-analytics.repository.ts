// What HR's evaluation analytics and the evaluator's queue read (docs/domain.md §4, §7), grouped in SQL.
import type { EvaluationGrade, SheetState } from '@jinzai/model';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { toPlacement, type SheetPlacement } from './evaluation-sheets.repository.js';

type Db = Kysely<Database>;

/** Counts of confirmed overall grades per fiscal year, unit and grade (the input of HR's distributions). */
export async function resultCounts(
  db: Db,
  fromYear: number,
  toYear: number,
): Promise<
  {
    fiscalYear: number;
    kind: string;
    periodId: number;
    unitCode: string;
    gradeCode: string;
    overall: EvaluationGrade;
    n: number;
  }[]
> {
  const rows = await db
    .selectFrom('review_results as r')
    .innerJoin('review_periods as p', 'p.id', 'r.period_id')
    .select([
      'p.fiscal_year',
      'p.kind',
      'r.period_id',
      'r.unit_code',
      'r.grade_code',
      'r.overall',
      (eb) => eb.fn.countAll<number>().as('n'),
    ])
    .where('p.fiscal_year', '>=', fromYear)
    .where('p.fiscal_year', '<=', toYear)
    .groupBy(['p.fiscal_year', 'p.kind', 'r.period_id', 'r.unit_code', 'r.grade_code', 'r.overall'])
    .execute();
  return rows.map((r) => ({
    fiscalYear: r.fiscal_year,
    kind: r.kind,
    periodId: r.period_id,
    unitCode: r.unit_code,
    gradeCode: r.grade_code,
    overall: r.overall as EvaluationGrade,
    n: Number(r.n),
  }));
}

/** The overall ratings of the first and second evaluators on each sheet of a period (agreement, leniency). */
export async function evaluatorOverallRatings(
  db: Db,
  periodId: number,
): Promise<
  {
    sheetId: number;
    firstStaffNo: string | null;
    secondStaffNo: string | null;
    first: EvaluationGrade | null;
    second: EvaluationGrade | null;
  }[]
> {
  const rows = await db
    .selectFrom('review_sheets as s')
    .leftJoin('review_ratings as f', (j) =>
      j.onRef('f.sheet_id', '=', 's.id').on('f.part', '=', 'first').on('f.item', '=', 'overall'),
    )
    .leftJoin('review_ratings as c', (j) =>
      j.onRef('c.sheet_id', '=', 's.id').on('c.part', '=', 'second').on('c.item', '=', 'overall'),
    )
    .select(['s.id', 's.first_staff_no', 's.second_staff_no', 'f.rating as first', 'c.rating as second'])
    .where('s.period_id', '=', periodId)
    .where('s.state', 'not in', ['goal-setting', 'self', 'first'])
    .execute();
  return rows.map((r) => ({
    sheetId: r.id,
    firstStaffNo: r.first_staff_no,
    secondStaffNo: r.second_staff_no,
    first: r.first as EvaluationGrade | null,
    second: r.second as EvaluationGrade | null,
  }));
}

/**
 * How often each (first, second) pair of grades occurs over the items (not overall) of a period's sheets, counted in
 * SQL: the input of item-level agreement without moving every rating.
 */
export async function evaluatorItemPairCounts(
  db: Db,
  periodId: number,
): Promise<{ first: EvaluationGrade; second: EvaluationGrade; n: number }[]> {
  const rows = await db
    .selectFrom('review_ratings as f')
    .innerJoin('review_ratings as c', (j) =>
      j.onRef('c.sheet_id', '=', 'f.sheet_id').onRef('c.item', '=', 'f.item').on('c.part', '=', 'second'),
    )
    .innerJoin('review_sheets as s', 's.id', 'f.sheet_id')
    .select(['f.rating as first', 'c.rating as second', (eb) => eb.fn.countAll<number>().as('n')])
    .where('s.period_id', '=', periodId)
    .where('f.part', '=', 'first')
    .where('f.item', '!=', 'overall')
    .where('f.rating', 'is not', null)
    .where('c.rating', 'is not', null)
    .groupBy(['f.rating', 'c.rating'])
    .execute();
  return rows.map((r) => ({
    first: r.first as EvaluationGrade,
    second: r.second as EvaluationGrade,
    n: Number(r.n),
  }));
}

/** Sheets of a period by unit and state (HR's progress view). */
export async function sheetProgress(
  db: Db,
  periodId: number,
): Promise<{ unitCode: string; state: SheetState; n: number }[]> {
  const rows = await db
    .selectFrom('review_sheets')
    .select(['unit_code', 'state', (eb) => eb.fn.countAll<number>().as('n')])
    .where('period_id', '=', periodId)
    .groupBy(['unit_code', 'state'])
    .execute();
  return rows.map((r) => ({ unitCode: r.unit_code, state: r.state as SheetState, n: Number(r.n) }));
}

/** An evaluator's queue: the sheets of a period they evaluate, with the evaluatee's name (hot path: indexed). */
export async function evaluatorQueue(
  db: Db,
  periodId: number,
  staffNo: string,
): Promise<(SheetPlacement & { sheetId: number; name: string })[]> {
  const rows = await db
    .selectFrom('review_sheets as s')
    .innerJoin('staff as p', 'p.staff_no', 's.staff_no')
    .select([
      's.id',
      's.staff_no',
      'p.name',
      's.unit_code',
      's.grade_code',
      's.state',
      's.goals_submitted',
      's.first_staff_no',
      's.second_staff_no',
    ])
    // Each side of the OR with the period, so that SQLite reads the two evaluator indexes (first_staff_no,
    // period_id) and (second_staff_no, period_id) instead of every sheet of the period.
    .where((eb) =>
      eb.or([
        eb.and([eb('s.first_staff_no', '=', staffNo), eb('s.period_id', '=', periodId)]),
        eb.and([eb('s.second_staff_no', '=', staffNo), eb('s.period_id', '=', periodId)]),
      ]),
    )
    .orderBy('s.staff_no')
    .execute();
  return rows.map((r) => ({ sheetId: r.id, name: r.name, ...toPlacement(r) }));
}
