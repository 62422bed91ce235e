// Who evaluates whom (docs/domain.md §4 roles): HR's file of evaluators for a period, and the change of one
// sheet's.
import {
  getPeriod,
  getSheetHeader,
  getStaff,
  reassignEvaluators,
  sheetEvaluatorsOfPeriod,
  sheetsAtStates,
  staffPlacements,
  upsertAssignments,
  writeAudit,
  type Assignment,
  type Database,
} from '@jinzai/db';
import { evaluatorProblems, isLockedSheetState, SHEET_STATE_LABELS, SHEET_STATES } from '@jinzai/model';
import type { Kysely } from 'kysely';
import { recordChanges } from '../audit.js';
import { errors } from '../errors.js';
import { parseAssignmentsFile } from '../import/evaluation-import.js';
import { throwIfAny, type ImportDetail } from '../import/errors.js';
import type { Upload } from '../import/table.js';
import type { Actor } from './actor.js';
import { noticeReassignments } from './notices.service.js';

type Db = Kysely<Database>;

/** An uploaded file, read only once the period is known to exist. */
export type FileReader = () => Promise<Upload>;

/**
 * Sets first and second evaluators in bulk from a file (staff numbers; empty for none): all or nothing, in one
 * transaction. A staff member without a sheet in the period gets one; a confirmed sheet keeps its evaluators.
 */
export async function importAssignments(
  db: Db,
  actor: Actor,
  now: Date,
  periodId: number,
  read: FileReader,
): Promise<{ rows: number; created: number; updated: number }> {
  if (!(await getPeriod(db, periodId))) throw errors.notFound('評価期間');
  const file = await read();
  const { rows, details } = await parseAssignmentsFile(file.bytes, file.contentType);
  return db.transaction().execute(async (trx) => {
    const staff = new Map((await staffPlacements(trx)).map((s) => [s.staffNo, s]));
    const sheets = await sheetEvaluatorsOfPeriod(trx, periodId);
    const all: ImportDetail[] = [...details];
    const seen = new Set<string>();
    for (const r of rows) {
      if (seen.has(r.staffNo))
        all.push({ row: r.row, column: 'staff_no', message: `職員番号「${r.staffNo}」が重複しています` });
      seen.add(r.staffNo);
      for (const [column, no] of [
        ['staff_no', r.staffNo],
        ['first_evaluator', r.firstStaffNo],
        ['second_evaluator', r.secondStaffNo],
      ] as const) {
        if (no !== null && !staff.has(no))
          all.push({ row: r.row, column, message: `職員番号「${no}」の職員が見つかりません` });
      }
      for (const p of evaluatorProblems(r)) all.push({ row: r.row, ...p });
      const state = sheets.get(r.staffNo)?.state;
      if (state && isLockedSheetState(state))
        all.push({
          row: r.row,
          column: 'staff_no',
          message: `評価が${SHEET_STATE_LABELS[state].ja}のため評価者を変更できません`,
        });
    }
    throwIfAny('invalid_rows', all);
    const assignments: Assignment[] = rows.map((r) => ({
      staffNo: r.staffNo,
      firstStaffNo: r.firstStaffNo,
      secondStaffNo: r.secondStaffNo,
    }));
    const fresh = assignments.filter((r) => !sheets.has(r.staffNo));
    await upsertAssignments(
      trx,
      periodId,
      fresh.map((r) => {
        const s = staff.get(r.staffNo);
        return { ...r, unitCode: s?.unitCode ?? '', gradeCode: s?.gradeCode ?? '' };
      }),
      now.toISOString(),
    );
    const moved = assignments.filter((r) => sheets.has(r.staffNo));
    const before = new Map(
      (await sheetsAtStates(trx, periodId, SHEET_STATES)).map((stand) => [stand.staffNo, stand]),
    );
    await reassignEvaluators(trx, periodId, moved);
    // On each sheet where the file changed who must act, the new one is told (docs/domain.md §12).
    await noticeReassignments(
      trx,
      moved.flatMap((r) => {
        const was = before.get(r.staffNo);
        return was
          ? [{ before: was, after: { ...was, firstStaffNo: r.firstStaffNo, secondStaffNo: r.secondStaffNo } }]
          : [];
      }),
      now,
    );
    const evaluators = (a: Assignment) => ({ firstStaffNo: a.firstStaffNo, secondStaffNo: a.secondStaffNo });
    const changed = await recordChanges(
      trx,
      actor,
      now,
      'review_assignment',
      assignments.map((a) => {
        const before = sheets.get(a.staffNo);
        return {
          key: `${periodId}/${a.staffNo}`,
          before: before ? evaluators(before) : null,
          after: evaluators(a),
        };
      }),
    );
    await writeAudit(trx, {
      at: now.toISOString(),
      ...actor,
      action: 'import',
      entity: 'review_assignments',
      entityId: String(periodId),
      detail: { rows: assignments.length, created: fresh.length, changed },
    });
    return { rows: assignments.length, created: fresh.length, updated: assignments.length - fresh.length };
  });
}

/**
 * Changes the evaluators of one sheet before it is confirmed (404 unknown sheet, 409 confirmed, 400 an unknown
 * staff number or an assignment the rules refuse).
 */
export async function reassignSheet(
  db: Db,
  actor: Actor,
  now: Date,
  sheetId: number,
  to: { firstStaffNo: string | null; secondStaffNo: string | null },
): Promise<void> {
  const sheet = await getSheetHeader(db, sheetId);
  if (!sheet) throw errors.notFound('評価シート');
  if (isLockedSheetState(sheet.state)) throw errors.conflict('確定後の評価者は変更できません');
  for (const no of [to.firstStaffNo, to.secondStaffNo]) {
    if (no !== null && !(await getStaff(db, no)))
      throw errors.badRequest(`職員番号「${no}」の職員が見つかりません`);
  }
  const [problem] = evaluatorProblems({ staffNo: sheet.staffNo, ...to });
  if (problem) throw errors.badRequest(problem.message, { column: problem.column });
  await db.transaction().execute(async (trx) => {
    await reassignEvaluators(trx, sheet.periodId, [{ staffNo: sheet.staffNo, ...to }]);
    // The new person who must act, if the change made it someone else, is told (docs/domain.md §12).
    await noticeReassignments(trx, [{ before: sheet, after: { ...sheet, ...to } }], now);
    await writeAudit(trx, {
      at: now.toISOString(),
      ...actor,
      action: 'update',
      entity: 'review_assignments',
      entityId: String(sheetId),
      before: { first: sheet.firstStaffNo, second: sheet.secondStaffNo },
      after: to,
    });
  });
}
