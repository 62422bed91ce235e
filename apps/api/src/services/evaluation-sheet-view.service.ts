// The evaluation sheet as one person may see it (docs/domain.md §4 roles): their relations to it, and what it
// shows them.
import {
  getPeriod,
  getSheetHeader,
  listGoals,
  listHistory,
  listRatings,
  listRevisions,
  staffByNo,
  unitsByCode,
  type Database,
  type SheetHeader,
} from '@jinzai/db';
import {
  allowedActions,
  appealOpenUntil,
  editablePart,
  gradeByCode,
  relationsOf,
  visibleHistory,
  visibleParts,
  visibleUpdatedBy,
  type SheetRelation,
  type User,
} from '@jinzai/model';
import type { Kysely } from 'kysely';
import { errors } from '../errors.js';

type Db = Kysely<Database>;

/** A sheet the user may see, or a 404 (someone else's sheet does not exist for them). */
export async function sheetFor(
  db: Db,
  user: User,
  id: number,
): Promise<{ sheet: SheetHeader; relations: SheetRelation[] }> {
  const sheet = await getSheetHeader(db, id);
  const relations = sheet ? relationsOf(user, sheet) : [];
  if (!sheet || relations.length === 0) throw errors.notFound('評価シート');
  return { sheet, relations };
}

/** The workflow status of a sheet, as the state machine reads it. */
export const statusOf = (s: SheetHeader) => ({
  state: s.state,
  goalsSubmitted: s.goalsSubmitted,
  appealOpen: s.appealOpen,
  disclosedAt: s.disclosedAt,
  revision: s.revision,
});

/**
 * The sheet as this person may see it now (docs/domain.md §4): ratings, history and the last writer filtered by
 * stage and relation.
 */
export async function sheetView(
  db: Db,
  user: User,
  sheet: SheetHeader,
  relations: SheetRelation[],
  now: Date,
) {
  const people = [sheet.staffNo, sheet.firstStaffNo, sheet.secondStaffNo].filter((no): no is string => !!no);
  const [period, byNo, goals, ratings, history, units] = await Promise.all([
    getPeriod(db, sheet.periodId),
    staffByNo(db, [...new Set(people)]),
    listGoals(db, sheet.id),
    listRatings(db, sheet.id),
    listHistory(db, sheet.id),
    unitsByCode(db, [sheet.unitCode]),
  ]);
  const staff = byNo.get(sheet.staffNo);
  const visible = { self: false, first: false, second: false, final: false };
  for (const r of relations) {
    const v = visibleParts(sheet.state, r);
    for (const k of Object.keys(visible) as (keyof typeof visible)[]) visible[k] ||= v[k];
  }
  const names = new Map<string, string>();
  for (const no of [sheet.firstStaffNo, sheet.secondStaffNo]) {
    if (no) names.set(no, byNo.get(no)?.name ?? no);
  }
  const grade = gradeByCode(sheet.gradeCode);
  const editable = relations.map((r) => editablePart(statusOf(sheet), r)).find((p) => p !== null) ?? null;
  return {
    id: sheet.id,
    version: sheet.version,
    state: sheet.state,
    goalsSubmitted: sheet.goalsSubmitted,
    appealOpen: sheet.appealOpen,
    appealReason: relations.some((r) => r === 'evaluatee' || r === 'adjuster') ? sheet.appealReason : null,
    disclosedAt: sheet.disclosedAt,
    appealUntil: sheet.disclosedAt ? appealOpenUntil(sheet.disclosedAt) : null,
    revision: sheet.revision,
    updatedAt: sheet.updatedAt,
    updatedBy: visibleUpdatedBy(sheet.updatedBy, sheet, history, {
      relations,
      displayName: user.displayName,
    }),
    period,
    staff: {
      staffNo: sheet.staffNo,
      name: staff?.name ?? sheet.staffNo,
      unitCode: sheet.unitCode,
      unitName: units.get(sheet.unitCode)?.name ?? sheet.unitCode,
      gradeCode: sheet.gradeCode,
      gradeName: grade?.nameJa ?? sheet.gradeCode,
    },
    evaluators: {
      first: sheet.firstStaffNo
        ? { staffNo: sheet.firstStaffNo, name: names.get(sheet.firstStaffNo) ?? '' }
        : null,
      second: sheet.secondStaffNo
        ? { staffNo: sheet.secondStaffNo, name: names.get(sheet.secondStaffNo) ?? '' }
        : null,
    },
    competencies: (grade?.competencies ?? []).map((c) => ({
      code: c.code,
      layer: c.layer,
      nameJa: c.nameJa,
      nameEn: c.nameEn,
      descriptionJa: c.descriptionJa,
      descriptionEn: c.descriptionEn,
    })),
    goals,
    ratings: ratings.filter((r) => visible[r.part]),
    visible,
    relations,
    editable,
    actions: allowedActions(statusOf(sheet), relations, now.toISOString()),
    history: visibleHistory(history, sheet, relations),
    revisions: relations.includes('adjuster') ? await listRevisions(db, sheet.id) : [],
  };
}
export type SheetView = Awaited<ReturnType<typeof sheetView>>;
