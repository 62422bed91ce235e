// Evaluation periods and confirmed results (docs/domain.md §4; docs/interfaces.md "Evaluation").
import type { EvaluationGrade, PeriodKind } from '@jinzai/model';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../schema.js';
import type { ReviewPeriodTable, ReviewResultTable } from '../schema-evaluation.js';
import { bulkWrite, oneOf } from './bulk.js';

type Db = Kysely<Database>;

/** An evaluation period (docs/domain.md §4) with its phase due dates (ISO dates, or null when not set). */
export interface Period {
  id: number;
  fiscalYear: number;
  kind: PeriodKind;
  name: string;
  startsOn: string;
  endsOn: string;
  goalsDue: string | null;
  selfDue: string | null;
  firstDue: string | null;
  secondDue: string | null;
  adjustDue: string | null;
  discloseDue: string | null;
  scaleVersion: string;
  createdAt: string;
}

export type NewPeriodRecord = Omit<Period, 'id' | 'createdAt'>;

const toPeriod = (r: Selectable<ReviewPeriodTable>): Period => ({
  id: r.id,
  fiscalYear: r.fiscal_year,
  kind: r.kind as PeriodKind,
  name: r.name,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  goalsDue: r.goals_due,
  selfDue: r.self_due,
  firstDue: r.first_due,
  secondDue: r.second_due,
  adjustDue: r.adjust_due,
  discloseDue: r.disclose_due,
  scaleVersion: r.scale_version,
  createdAt: r.created_at,
});

const toResult = (r: Selectable<ReviewResultTable>): EvaluationResult => ({
  periodId: r.period_id,
  staffNo: r.staff_no,
  unitCode: r.unit_code,
  gradeCode: r.grade_code,
  overall: r.overall as EvaluationGrade,
  items: JSON.parse(r.items_json) as Record<string, EvaluationGrade>,
  source: r.source as 'import' | 'sheet',
  confirmedAt: r.confirmed_at,
});

/** Creates a period. */
export async function createPeriod(db: Db, p: NewPeriodRecord, now: string): Promise<Period> {
  const row = await db
    .insertInto('review_periods')
    .values({
      fiscal_year: p.fiscalYear,
      kind: p.kind,
      name: p.name,
      starts_on: p.startsOn,
      ends_on: p.endsOn,
      goals_due: p.goalsDue,
      self_due: p.selfDue,
      first_due: p.firstDue,
      second_due: p.secondDue,
      adjust_due: p.adjustDue,
      disclose_due: p.discloseDue,
      scale_version: p.scaleVersion,
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toPeriod(row);
}

/** One period, or undefined. */
export async function getPeriod(db: Db, id: number): Promise<Period | undefined> {
  const r = await db.selectFrom('review_periods').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toPeriod(r) : undefined;
}

/** Every period, newest fiscal year first. */
export async function listPeriods(db: Db): Promise<Period[]> {
  const rows = await db
    .selectFrom('review_periods')
    .selectAll()
    .orderBy('fiscal_year', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toPeriod);
}

/**
 * A staff member's confirmed result of one period (docs/domain.md §4), with unit and grade as they were then.
 */
export interface EvaluationResult {
  periodId: number;
  staffNo: string;
  unitCode: string;
  gradeCode: string;
  overall: EvaluationGrade;
  /** Competency code → grade. */
  items: Record<string, EvaluationGrade>;
  source: 'import' | 'sheet';
  confirmedAt: string;
}

const RESULT_COLUMNS = [
  { name: 'period_id', type: 'integer' },
  { name: 'staff_no', type: 'text' },
  { name: 'unit_code', type: 'text' },
  { name: 'grade_code', type: 'text' },
  { name: 'overall', type: 'text' },
  { name: 'items_json', type: 'text' },
  { name: 'source', type: 'text' },
  { name: 'confirmed_at', type: 'text' },
] as const;

/** Writes results, set-based; a staff member's existing result of the period is replaced. Run inside a transaction. */
export async function upsertResults(db: Db, results: readonly EvaluationResult[]): Promise<void> {
  await bulkWrite(
    db,
    { table: 'review_results', columns: RESULT_COLUMNS, conflict: ['period_id', 'staff_no'] },
    results.map((r) => [
      r.periodId,
      r.staffNo,
      r.unitCode,
      r.gradeCode,
      r.overall,
      JSON.stringify(r.items),
      r.source,
      r.confirmedAt,
    ]),
  );
}

/** How many results a period holds. */
export async function countResults(db: Db, periodId: number): Promise<number> {
  const r = await db
    .selectFrom('review_results')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('period_id', '=', periodId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The stored results of a period for the given staff numbers, in one query. */
export async function resultsOfPeriodFor(
  db: Db,
  periodId: number,
  staffNos: readonly string[],
): Promise<Map<string, EvaluationResult>> {
  if (staffNos.length === 0) return new Map();
  const rows = await db
    .selectFrom('review_results')
    .selectAll()
    .where('period_id', '=', periodId)
    .where('staff_no', 'in', oneOf(db, staffNos))
    .execute();
  return new Map(rows.map((r) => [r.staff_no, toResult(r)]));
}

/** The staff numbers that already have a result in a period. */
export async function staffWithResults(db: Db, periodId: number): Promise<Set<string>> {
  const rows = await db
    .selectFrom('review_results')
    .select('staff_no')
    .where('period_id', '=', periodId)
    .execute();
  return new Set(rows.map((r) => r.staff_no));
}

/** A staff member's confirmed results over the years, oldest first, with the period's year and kind. */
export async function resultsOfStaff(
  db: Db,
  staffNo: string,
): Promise<(EvaluationResult & { fiscalYear: number; kind: PeriodKind; periodName: string })[]> {
  const rows = await db
    .selectFrom('review_results as r')
    .innerJoin('review_periods as p', 'p.id', 'r.period_id')
    .selectAll('r')
    .select(['p.fiscal_year', 'p.kind', 'p.name'])
    .where('r.staff_no', '=', staffNo)
    .orderBy('p.fiscal_year')
    .orderBy('p.id')
    .execute();
  return rows.map((r) => ({
    ...toResult(r),
    fiscalYear: r.fiscal_year,
    kind: r.kind as PeriodKind,
    periodName: r.name,
  }));
}

/** The period whose results stand for a fiscal year: the fiscal-kind one when there are several (the earliest created). */
export async function periodOfYear(db: Db, fiscalYear: number): Promise<Period | undefined> {
  const rows = await db
    .selectFrom('review_periods')
    .selectAll()
    .where('fiscal_year', '=', fiscalYear)
    .orderBy('id')
    .execute();
  const chosen = rows.find((r) => r.kind === 'fiscal') ?? rows[0];
  return chosen ? toPeriod(chosen) : undefined;
}

/**
 * The confirmed overall results of a fiscal year (docs/domain.md §4), for analytics: imported results and
 * those of sheets confirmed in the workflow, with each person's unit and grade as they were in the period.
 * For a year with several periods, the fiscal-kind one counts. Ordered by staff number.
 */
export async function finalOverallResults(
  db: Db,
  fiscalYear: number,
): Promise<{ staffNo: string; unitCode: string; gradeCode: string; overall: 'S' | 'A' | 'B' | 'C' | 'D' }[]> {
  const period = await periodOfYear(db, fiscalYear);
  if (!period) return [];
  const rows = await db
    .selectFrom('review_results')
    .select(['staff_no', 'unit_code', 'grade_code', 'overall'])
    .where('period_id', '=', period.id)
    .orderBy('staff_no')
    .execute();
  return rows.map((r) => ({
    staffNo: r.staff_no,
    unitCode: r.unit_code,
    gradeCode: r.grade_code,
    overall: r.overall as EvaluationGrade,
  }));
}
