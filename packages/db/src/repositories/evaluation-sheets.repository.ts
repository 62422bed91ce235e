// The evaluation sheet (docs/domain.md §4): header, goals, ratings, history and revisions.
import type {
  EvaluationGrade,
  Goal,
  GoalDifficulty,
  OutcomeCode,
  SheetPart,
  SheetState,
} from '@jinzai/model';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../schema.js';
import type { ReviewSheetTable } from '../schema-evaluation.js';
import { oneOf } from './bulk.js';
import type { SheetSearch } from './evaluation-sheet-list.repository.js';
import { staffMatch } from './staff-match.js';

type Db = Kysely<Database>;

/** Whose sheet it is (with their unit and grade of the period), who evaluates it, and where it stands. */
export interface SheetPlacement {
  staffNo: string;
  unitCode: string;
  gradeCode: string;
  firstStaffNo: string | null;
  secondStaffNo: string | null;
  state: SheetState;
  goalsSubmitted: boolean;
}

type PlacementColumns =
  | 'staff_no'
  | 'unit_code'
  | 'grade_code'
  | 'first_staff_no'
  | 'second_staff_no'
  | 'state'
  | 'goals_submitted';

/** A sheet row's placement columns as a SheetPlacement (shared by the header and the evaluator's queue). */
export const toPlacement = (r: Pick<Selectable<ReviewSheetTable>, PlacementColumns>): SheetPlacement => ({
  staffNo: r.staff_no,
  unitCode: r.unit_code,
  gradeCode: r.grade_code,
  firstStaffNo: r.first_staff_no,
  secondStaffNo: r.second_staff_no,
  state: r.state as SheetState,
  goalsSubmitted: r.goals_submitted === 1,
});

/** An evaluation sheet's header (docs/domain.md §4): who, which period, who evaluates, where it stands. */
export interface SheetHeader extends SheetPlacement {
  id: number;
  periodId: number;
  appealOpen: boolean;
  appealReason: string | null;
  disclosedAt: string | null;
  revision: number;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
}

export interface SheetRating {
  part: Exclude<SheetPart, 'goals'>;
  item: string;
  rating: EvaluationGrade | null;
  comment: string | null;
}

export interface SheetHistoryEntry {
  at: string;
  loginId: string | null;
  /** The display name of the account that took the step (null once the account is gone). */
  name: string | null;
  action: string;
  fromState: SheetState;
  toState: SheetState;
  reason: string | null;
  revision: number;
}

const toHeader = (r: Selectable<ReviewSheetTable>): SheetHeader => ({
  id: r.id,
  periodId: r.period_id,
  ...toPlacement(r),
  appealOpen: r.appeal_open === 1,
  appealReason: r.appeal_reason,
  disclosedAt: r.disclosed_at,
  revision: r.revision,
  version: r.version,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});

/** A sheet's header, or undefined. */
export async function getSheetHeader(db: Db, id: number): Promise<SheetHeader | undefined> {
  const r = await db.selectFrom('review_sheets').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toHeader(r) : undefined;
}

/** The headers of those of `ids` that are sheets of the period (others are left out), in one query. */
export async function sheetHeadersIn(
  db: Db,
  periodId: number,
  ids: readonly number[],
): Promise<SheetHeader[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('review_sheets')
    .selectAll()
    .where('period_id', '=', periodId)
    .where('id', 'in', ids)
    .execute();
  return rows.map(toHeader);
}

/** The filters of HR's sheet list without its paging: which sheets of a period "all matching" means. */
export type SheetFilter = Omit<SheetSearch, 'page' | 'pageSize'>;

/**
 * Every sheet of the period the list's filters find (state, unit subtree, text search on the evaluatee), in the
 * list's order: one statement, the selection of a bulk action on "all matching" sheets.
 */
export async function sheetHeadersMatching(db: Db, f: SheetFilter): Promise<SheetHeader[]> {
  let q = db.selectFrom('review_sheets as s').selectAll('s').where('s.period_id', '=', f.periodId);
  if (f.state) q = q.where('s.state', '=', f.state);
  if (f.unitCodes) q = q.where('s.unit_code', 'in', oneOf(db, f.unitCodes));
  const text = f.q;
  if (text)
    q = q.where('s.staff_no', 'in', (qc) =>
      qc.selectFrom('staff').select('staff_no').where(staffMatch(db, text)),
    );
  const rows = await q.orderBy('s.unit_code').orderBy('s.staff_no').execute();
  return rows.map(toHeader);
}

/** The sheet of a staff member in a period, or undefined. */
export async function findSheet(db: Db, periodId: number, staffNo: string): Promise<SheetHeader | undefined> {
  const r = await db
    .selectFrom('review_sheets')
    .selectAll()
    .where('period_id', '=', periodId)
    .where('staff_no', '=', staffNo)
    .executeTakeFirst();
  return r ? toHeader(r) : undefined;
}

/** Every sheet of a staff member, newest period first. */
export async function sheetsOfStaff(db: Db, staffNo: string): Promise<SheetHeader[]> {
  const rows = await db
    .selectFrom('review_sheets')
    .selectAll()
    .where('staff_no', '=', staffNo)
    .orderBy('period_id', 'desc')
    .execute();
  return rows.map(toHeader);
}

/** The header fields a workflow step changes. */
export type SheetChange = Partial<
  Pick<SheetHeader, 'state' | 'goalsSubmitted' | 'appealOpen' | 'appealReason' | 'disclosedAt' | 'revision'>
>;

/**
 * Writes a change if the sheet still has the version the writer read (optimistic locking), bumping the version.
 * Returns the new header, or undefined when someone else changed the sheet first.
 */
export async function updateSheetIfVersion(
  db: Db,
  id: number,
  version: number,
  change: SheetChange,
  now: string,
  by: string,
): Promise<SheetHeader | undefined> {
  const set: Record<string, unknown> = { version: version + 1, updated_at: now, updated_by: by };
  if (change.state !== undefined) set['state'] = change.state;
  if (change.goalsSubmitted !== undefined) set['goals_submitted'] = change.goalsSubmitted ? 1 : 0;
  if (change.appealOpen !== undefined) set['appeal_open'] = change.appealOpen ? 1 : 0;
  if (change.appealReason !== undefined) set['appeal_reason'] = change.appealReason;
  if (change.disclosedAt !== undefined) set['disclosed_at'] = change.disclosedAt;
  if (change.revision !== undefined) set['revision'] = change.revision;
  const res = await db
    .updateTable('review_sheets')
    .set(set)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return undefined;
  return getSheetHeader(db, id);
}

/** A sheet's goals in order. */
export async function listGoals(db: Db, sheetId: number): Promise<Goal[]> {
  const rows = await db
    .selectFrom('review_goals')
    .selectAll()
    .where('sheet_id', '=', sheetId)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({
    content: r.content,
    outcome: r.outcome as OutcomeCode,
    difficulty: r.difficulty as GoalDifficulty,
    measure: r.measure,
  }));
}

/** Replaces a sheet's goals. */
export async function replaceGoals(db: Db, sheetId: number, goals: readonly Goal[]): Promise<void> {
  await db.deleteFrom('review_goals').where('sheet_id', '=', sheetId).execute();
  if (goals.length === 0) return;
  await db
    .insertInto('review_goals')
    .values(
      goals.map((g, i) => ({
        sheet_id: sheetId,
        position: i + 1,
        content: g.content,
        outcome: g.outcome,
        difficulty: g.difficulty,
        measure: g.measure,
      })),
    )
    .execute();
}

/** Every rating of a sheet. */
export async function listRatings(db: Db, sheetId: number): Promise<SheetRating[]> {
  const rows = await db.selectFrom('review_ratings').selectAll().where('sheet_id', '=', sheetId).execute();
  return rows.map((r) => ({
    part: r.part as SheetRating['part'],
    item: r.item,
    rating: r.rating as EvaluationGrade | null,
    comment: r.comment,
  }));
}

/** Saves ratings of one part (upsert per item). */
export async function saveRatings(
  db: Db,
  sheetId: number,
  part: SheetRating['part'],
  ratings: readonly { item: string; rating: EvaluationGrade | null; comment?: string | null | undefined }[],
): Promise<void> {
  if (ratings.length === 0) return;
  await db
    .insertInto('review_ratings')
    .values(
      ratings.map((r) => ({
        sheet_id: sheetId,
        part,
        item: r.item,
        rating: r.rating,
        comment: r.comment ?? null,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['sheet_id', 'part', 'item']).doUpdateSet((eb) => ({
        rating: eb.ref('excluded.rating'),
        comment: eb.ref('excluded.comment'),
      })),
    )
    .execute();
}

/** Copies one part's ratings to another where the target has none yet (the second evaluator starts from the first's). */
export async function copyRatings(
  db: Db,
  sheetId: number,
  from: SheetRating['part'],
  to: SheetRating['part'],
): Promise<void> {
  const source = (await listRatings(db, sheetId)).filter((r) => r.part === from);
  const existing = new Set((await listRatings(db, sheetId)).filter((r) => r.part === to).map((r) => r.item));
  await saveRatings(
    db,
    sheetId,
    to,
    source
      .filter((r) => !existing.has(r.item))
      .map((r) => ({ item: r.item, rating: r.rating, comment: null })),
  );
}

/** Appends a transition to a sheet's history. */
export async function addHistory(
  db: Db,
  sheetId: number,
  entry: Omit<SheetHistoryEntry, 'name'> & { userId: number | null },
): Promise<void> {
  await db
    .insertInto('review_history')
    .values({
      sheet_id: sheetId,
      at: entry.at,
      user_id: entry.userId,
      login_id: entry.loginId,
      action: entry.action,
      from_state: entry.fromState,
      to_state: entry.toState,
      reason: entry.reason,
      revision: entry.revision,
    })
    .execute();
}

/** A sheet's history, oldest first. */
export async function listHistory(db: Db, sheetId: number): Promise<SheetHistoryEntry[]> {
  const rows = await db
    .selectFrom('review_history')
    .leftJoin('users', 'users.login_id', 'review_history.login_id')
    .selectAll('review_history')
    .select('users.display_name')
    .where('review_history.sheet_id', '=', sheetId)
    .orderBy('review_history.id')
    .execute();
  return rows.map((r) => ({
    at: r.at,
    loginId: r.login_id,
    name: r.display_name,
    action: r.action,
    fromState: r.from_state as SheetState,
    toState: r.to_state as SheetState,
    reason: r.reason,
    revision: r.revision,
  }));
}

/**
 * Keeps the sheet as confirmed in a revision (a confirmed sheet is never edited in place, docs/domain.md §4).
 */
export async function saveRevision(
  db: Db,
  sheetId: number,
  revision: number,
  snapshot: unknown,
  now: string,
  by: string,
): Promise<void> {
  await db
    .insertInto('review_revisions')
    .values({
      sheet_id: sheetId,
      revision,
      snapshot_json: JSON.stringify(snapshot),
      created_at: now,
      created_by: by,
    })
    .onConflict((oc) =>
      oc.columns(['sheet_id', 'revision']).doUpdateSet((eb) => ({
        snapshot_json: eb.ref('excluded.snapshot_json'),
        created_at: eb.ref('excluded.created_at'),
      })),
    )
    .execute();
}

/** The revisions of a sheet, oldest first. */
export async function listRevisions(
  db: Db,
  sheetId: number,
): Promise<{ revision: number; createdAt: string; createdBy: string | null; snapshot: unknown }[]> {
  const rows = await db
    .selectFrom('review_revisions')
    .selectAll()
    .where('sheet_id', '=', sheetId)
    .orderBy('revision')
    .execute();
  return rows.map((r) => ({
    revision: r.revision,
    createdAt: r.created_at,
    createdBy: r.created_by,
    snapshot: JSON.parse(r.snapshot_json) as unknown,
  }));
}

/** How many sheets of the periods stand at each status (state, goals submitted, appeal open): one grouped query. */
export async function sheetStatusCounts(
  db: Db,
  periodIds: readonly number[],
): Promise<
  { periodId: number; state: SheetState; goalsSubmitted: boolean; appealOpen: boolean; n: number }[]
> {
  if (periodIds.length === 0) return [];
  const rows = await db
    .selectFrom('review_sheets')
    .select(['period_id', 'state', 'goals_submitted', 'appeal_open'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('period_id', 'in', periodIds)
    .groupBy(['period_id', 'state', 'goals_submitted', 'appeal_open'])
    .execute();
  return rows.map((r) => ({
    periodId: r.period_id,
    state: r.state as SheetState,
    goalsSubmitted: Number(r.goals_submitted) === 1,
    appealOpen: Number(r.appeal_open) === 1,
    n: Number(r.n),
  }));
}
