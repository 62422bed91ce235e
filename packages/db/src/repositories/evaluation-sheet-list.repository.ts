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

/** The columns of a listed sheet, once its page of ids is known (the `s`, `p`, `e1`, `e2` aliases). */
const LISTED = [
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
] as const;

interface ListedRow {
  id: number | null;
  staff_no: string | null;
  name: string | null;
  unit_code: string | null;
  grade_code: string | null;
  state: string | null;
  goals_submitted: number | null;
  appeal_open: number | null;
  first_staff_no: string | null;
  first_name: string | null;
  second_staff_no: string | null;
  second_name: string | null;
  updated_at: string | null;
}

const toItem = (r: ListedRow): SheetListItem => ({
  id: r.id ?? 0,
  staffNo: r.staff_no ?? '',
  name: r.name ?? '',
  unitCode: r.unit_code ?? '',
  gradeCode: r.grade_code ?? '',
  state: r.state as SheetState,
  goalsSubmitted: r.goals_submitted === 1,
  appealOpen: r.appeal_open === 1,
  firstEvaluator: named(r.first_staff_no, r.first_name),
  secondEvaluator: named(r.second_staff_no, r.second_name),
  updatedAt: r.updated_at ?? '',
});

/**
 * A page of a period's sheets in unit then staff-number order, with the total matching, every filter in SQL.
 * Without a text search: one counting and one listing query on the indexes of migration 0015 (period, state, unit,
 * staff number), the listing paging over sheet ids alone and joining the names of its 50 only, so that a late page
 * costs no more than the first. With one: `searchSheetsByText`.
 */
export async function searchSheets(
  db: Db,
  f: SheetSearch,
): Promise<{ sheets: SheetListItem[]; total: number }> {
  if (f.q) return searchSheetsByText(db, { ...f, q: f.q });
  let q = db.selectFrom('review_sheets as s').where('s.period_id', '=', f.periodId);
  if (f.state) q = q.where('s.state', '=', f.state);
  if (f.unitCodes) q = q.where('s.unit_code', 'in', oneOf(db, f.unitCodes));
  const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const page = q
    .select('s.id')
    .orderBy('s.unit_code')
    .orderBy('s.staff_no')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .as('pg');
  const rows = await db
    .selectFrom(page)
    .innerJoin('review_sheets as s', 's.id', 'pg.id')
    .innerJoin('staff as p', 'p.staff_no', 's.staff_no')
    .leftJoin('staff as e1', 'e1.staff_no', 's.first_staff_no')
    .leftJoin('staff as e2', 'e2.staff_no', 's.second_staff_no')
    .select(LISTED)
    .orderBy('s.unit_code')
    .orderBy('s.staff_no')
    .execute();
  return { total: Number(n), sheets: rows.map(toItem) };
}

/**
 * The text search of the list, in one statement: the staff that `q` finds (one pass over the search key's index)
 * lead to their sheets of the period by the unique key, kept once (a materialized CTE); the other filters, the
 * count and the page are taken from that set, which is as large as the matches and never the whole period. The
 * count rides on a row of its own, so an empty page still carries it.
 */
async function searchSheetsByText(
  db: Db,
  f: SheetSearch & { q: string },
): Promise<{ sheets: SheetListItem[]; total: number }> {
  const found = db.selectFrom('staff').select('staff_no').where(staffMatch(db, f.q)).as('m');
  const rows = await db
    .with(
      (cte) => cte('x').materialized(),
      (qc) =>
        qc
          .selectFrom(found)
          // CROSS JOIN keeps the found staff as the outer loop in SQLite; PostgreSQL plans it like any join.
          .crossJoin('review_sheets as s')
          .whereRef('s.staff_no', '=', 'm.staff_no')
          .where('s.period_id', '=', f.periodId)
          .select(['s.id', 's.state', 's.unit_code', 's.staff_no']),
    )
    .with('f', (qc) => {
      let x = qc.selectFrom('x').select(['x.id', 'x.unit_code', 'x.staff_no']);
      if (f.state) x = x.where('x.state', '=', f.state);
      if (f.unitCodes) x = x.where('x.unit_code', 'in', oneOf(db, f.unitCodes));
      return x;
    })
    .selectFrom((qc) =>
      qc
        .selectFrom('f')
        .select((eb) => eb.fn.countAll<number>().as('total'))
        .as('t'),
    )
    .leftJoin(
      (qc) =>
        qc
          .selectFrom('f')
          .select(['f.id', 'f.unit_code', 'f.staff_no'])
          .orderBy('f.unit_code')
          .orderBy('f.staff_no')
          .limit(f.pageSize)
          .offset((f.page - 1) * f.pageSize)
          .as('pg'),
      (join) => join.onTrue(),
    )
    .leftJoin('review_sheets as s', 's.id', 'pg.id')
    .leftJoin('staff as p', 'p.staff_no', 's.staff_no')
    .leftJoin('staff as e1', 'e1.staff_no', 's.first_staff_no')
    .leftJoin('staff as e2', 'e2.staff_no', 's.second_staff_no')
    .select([...LISTED, 't.total'])
    .orderBy('pg.unit_code')
    .orderBy('pg.staff_no')
    .execute();
  return {
    total: Number(rows[0]?.total ?? 0),
    sheets: rows.filter((r) => r.id !== null).map(toItem),
  };
}
