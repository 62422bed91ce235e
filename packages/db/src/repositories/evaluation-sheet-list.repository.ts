// HR's list of a period's sheets (docs/interfaces.md "Daily work" GET /api/review/periods/{id}/sheets).
import type { SheetState } from '@jinzai/model';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { oneOf } from './bulk.js';
import { staffMatch } from './staff-match.js';

type Db = Kysely<Database>;

export interface SheetSearch {
  periodId: number;
  state?: SheetState | undefined;
  /** The unit and every unit under it (the sheet's unit in the period). */
  unitCodes?: readonly string[] | undefined;
  /** A 職員番号 prefix, or part of the evaluatee's name or kana (`staffMatch`). */
  q?: string | undefined;
  page: number;
  pageSize: number;
}

/** An evaluator as the list names them. */
export interface NamedStaff {
  staffNo: string;
  name: string;
}

/** A sheet as HR's list shows it: whose, where it stands, who evaluates it. */
export interface SheetListItem {
  id: number;
  staffNo: string;
  name: string;
  unitCode: string;
  gradeCode: string;
  state: SheetState;
  goalsSubmitted: boolean;
  appealOpen: boolean;
  firstEvaluator: NamedStaff | null;
  secondEvaluator: NamedStaff | null;
  updatedAt: string;
}

const named = (staffNo: string | null, name: string | null): NamedStaff | null =>
  staffNo === null ? null : { staffNo, name: name ?? staffNo };

/**
 * A page of a period's sheets in unit then staff-number order, with the total matching: one counting and one
 * listing query, every filter in SQL. The order and the state filter read off the indexes of migration 0015; a
 * text search picks the matching staff in one pass over the roster and keeps the sheets of those.
 */
export async function searchSheets(
  db: Db,
  f: SheetSearch,
): Promise<{ sheets: SheetListItem[]; total: number }> {
  let q = db.selectFrom('review_sheets as s').where('s.period_id', '=', f.periodId);
  if (f.state) q = q.where('s.state', '=', f.state);
  if (f.unitCodes) q = q.where('s.unit_code', 'in', oneOf(db, f.unitCodes));
  if (f.q) {
    const text = f.q;
    q = q.where('s.staff_no', 'in', (eb) =>
      eb.selectFrom('staff').select('staff_no').where(staffMatch(text)),
    );
  }
  const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .innerJoin('staff as p', 'p.staff_no', 's.staff_no')
    .leftJoin('staff as e1', 'e1.staff_no', 's.first_staff_no')
    .leftJoin('staff as e2', 'e2.staff_no', 's.second_staff_no')
    .select([
      's.id',
      's.staff_no',
      'p.name',
      's.unit_code',
      's.grade_code',
      's.state',
      's.goals_submitted',
      's.appeal_open',
      's.first_staff_no',
      'e1.name as first_name',
      's.second_staff_no',
      'e2.name as second_name',
      's.updated_at',
    ])
    .orderBy('s.unit_code')
    .orderBy('s.staff_no')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return {
    total: Number(n),
    sheets: rows.map((r) => ({
      id: r.id,
      staffNo: r.staff_no,
      name: r.name,
      unitCode: r.unit_code,
      gradeCode: r.grade_code,
      state: r.state as SheetState,
      goalsSubmitted: r.goals_submitted === 1,
      appealOpen: r.appeal_open === 1,
      firstEvaluator: named(r.first_staff_no, r.first_name),
      secondEvaluator: named(r.second_staff_no, r.second_name),
      updatedAt: r.updated_at,
    })),
  };
}
