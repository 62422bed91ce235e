// Who evaluates whom in a period (docs/domain.md §4): the sheets' evaluators, and what HR's assignment
// screens read.
import type { SheetState } from '@jinzai/model';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { insertSheets } from './evaluation-bulk.repository.js';

type Db = Kysely<Database>;

export interface Assignment {
  staffNo: string;
  firstStaffNo: string | null;
  secondStaffNo: string | null;
}

/**
 * Creates the sheets of a period for the given assignments of staff who have none yet (set-based). A new sheet
 * snapshots the staff member's unit and grade and starts at 目標設定.
 */
export async function upsertAssignments(
  db: Db,
  periodId: number,
  rows: readonly (Assignment & { unitCode: string; gradeCode: string })[],
  now: string,
): Promise<void> {
  const fresh = rows.map((r) => ({ ...r, state: 'goal-setting' as const, goalsSubmitted: false }));
  await insertSheets(db, periodId, fresh, now, { upsert: true });
}

/** Updates only the evaluators of existing sheets; returns how many changed. */
export async function reassignEvaluators(
  db: Db,
  periodId: number,
  rows: readonly Assignment[],
): Promise<void> {
  for (const r of rows) {
    await db
      .updateTable('review_sheets')
      .set({ first_staff_no: r.firstStaffNo, second_staff_no: r.secondStaffNo, version: sql`version + 1` })
      .where('period_id', '=', periodId)
      .where('staff_no', '=', r.staffNo)
      .execute();
  }
}

/** Where each staff member sits now (unit and grade), by staff number; the given numbers only, else everyone. */
export async function staffPlacements(
  db: Db,
  staffNos?: readonly string[],
): Promise<{ staffNo: string; unitCode: string; gradeCode: string }[]> {
  const query = db.selectFrom('staff').select(['staff_no', 'unit_code', 'grade_code']).orderBy('staff_no');
  const rows = [];
  if (staffNos === undefined) rows.push(...(await query.execute()));
  else
    for (let i = 0; i < staffNos.length; i += 5000)
      rows.push(...(await query.where('staff_no', 'in', staffNos.slice(i, i + 5000)).execute()));
  return rows.map((s) => ({ staffNo: s.staff_no, unitCode: s.unit_code, gradeCode: s.grade_code }));
}

/** The state of every sheet of a period, by the evaluatee's staff number. */
export async function sheetStatesOfPeriod(db: Db, periodId: number): Promise<Map<string, SheetState>> {
  const rows = await db
    .selectFrom('review_sheets')
    .select(['staff_no', 'state'])
    .where('period_id', '=', periodId)
    .execute();
  return new Map(rows.map((r) => [r.staff_no, r.state as SheetState]));
}

/** The state and evaluators of each sheet of a period, by staff number (what an evaluators file replaces). */
export async function sheetEvaluatorsOfPeriod(
  db: Db,
  periodId: number,
): Promise<Map<string, Assignment & { state: SheetState }>> {
  const rows = await db
    .selectFrom('review_sheets')
    .select(['staff_no', 'state', 'first_staff_no', 'second_staff_no'])
    .where('period_id', '=', periodId)
    .execute();
  return new Map(
    rows.map((r) => [
      r.staff_no,
      {
        staffNo: r.staff_no,
        state: r.state as SheetState,
        firstStaffNo: r.first_staff_no,
        secondStaffNo: r.second_staff_no,
      },
    ]),
  );
}

/** The names of a period's first evaluators, by staff number. */
export async function firstEvaluatorNames(db: Db, periodId: number): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('review_sheets as s')
    .innerJoin('staff as p', 'p.staff_no', 's.first_staff_no')
    .select(['p.staff_no', 'p.name'])
    .where('s.period_id', '=', periodId)
    .distinct()
    .execute();
  return new Map(rows.map((s) => [s.staff_no, s.name]));
}

/** One line of a period's export: the sheet, its evaluators and the overall grade of each stage. */
export interface SheetExportRow {
  staffNo: string;
  name: string;
  unitCode: string;
  gradeCode: string;
  state: SheetState;
  firstStaffNo: string | null;
  secondStaffNo: string | null;
  first: string | null;
  second: string | null;
  final: string | null;
  revision: number;
}

/** Every sheet of a period with its overall grades, by staff number. */
export async function sheetsForExport(db: Db, periodId: number): Promise<SheetExportRow[]> {
  const rows = await db
    .selectFrom('review_sheets as s')
    .innerJoin('staff as p', 'p.staff_no', 's.staff_no')
    .leftJoin('review_ratings as f', (j) =>
      j.onRef('f.sheet_id', '=', 's.id').on('f.part', '=', 'first').on('f.item', '=', 'overall'),
    )
    .leftJoin('review_ratings as n', (j) =>
      j.onRef('n.sheet_id', '=', 's.id').on('n.part', '=', 'second').on('n.item', '=', 'overall'),
    )
    .leftJoin('review_ratings as z', (j) =>
      j.onRef('z.sheet_id', '=', 's.id').on('z.part', '=', 'final').on('z.item', '=', 'overall'),
    )
    .select([
      's.staff_no',
      'p.name',
      's.unit_code',
      's.grade_code',
      's.state',
      's.first_staff_no',
      's.second_staff_no',
      'f.rating as first',
      'n.rating as second',
      'z.rating as final',
      's.revision',
    ])
    .where('s.period_id', '=', periodId)
    .orderBy('s.staff_no')
    .execute();
  return rows.map((s) => ({
    staffNo: s.staff_no,
    name: s.name,
    unitCode: s.unit_code,
    gradeCode: s.grade_code,
    state: s.state as SheetState,
    firstStaffNo: s.first_staff_no,
    secondStaffNo: s.second_staff_no,
    first: s.first,
    second: s.second,
    final: s.final,
    revision: s.revision,
  }));
}

/** The id of every sheet of a period, by the evaluatee's staff number. */
export async function sheetIdsOfPeriod(db: Db, periodId: number): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('review_sheets')
    .select(['id', 'staff_no'])
    .where('period_id', '=', periodId)
    .execute();
  return new Map(rows.map((r) => [r.staff_no, r.id]));
}
