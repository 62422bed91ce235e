// The evaluation sheet's writes (docs/domain.md §4): drafts and workflow steps, with optimistic locking and
// audit.
import {
  addHistory,
  copyRatings,
  listGoals,
  listRatings,
  replaceGoals,
  saveRatings,
  saveRevision,
  updateSheetIfVersion,
  upsertResults,
  type Database,
  type SheetHeader,
  type SheetRating,
} from '@jinzai/db';
import {
  applyAction,
  editablePart,
  gradeByCode,
  goalsComplete,
  missingRatings,
  OVERALL_ITEM,
  SHEET_ACTION_LABELS,
  type ActionOutcome,
  type EvaluationGrade,
  type Goal,
  type RatingInput,
  type SheetAction,
  type SheetPart,
  type SheetRelation,
  type User,
} from '@jinzai/model';
import type { Kysely } from 'kysely';
import { ApiError, errors } from '../errors.js';
import { sheetFor, sheetView, statusOf } from './evaluation-sheet-view.service.js';
import { noticeSheetStep } from './notices.service.js';

type Db = Kysely<Database>;

/**
 * Writes an audit entry inside the caller's transaction, so that it commits with the write (docs/domain.md
 * §9).
 */
export type AuditIn = (
  trx: Db,
  fields: {
    action: 'update';
    entity: string;
    entityId: string;
    before?: unknown;
    after?: unknown;
    detail?: unknown;
  },
) => Promise<void>;

/** The 409 of optimistic locking: a clear message and the other person's current state of the sheet. */
async function conflict(db: Db, user: User, id: number, now: Date): Promise<ApiError> {
  const { sheet, relations } = await sheetFor(db, user, id);
  const current = await sheetView(db, user, sheet, relations, now);
  return errors.conflict(
    `このシートは${current.updatedBy ?? '他の利用者'}さんが先に更新しました（${sheet.updatedAt}）。最新の内容を確認してから、もう一度保存してください`,
    { current },
  );
}

/** Thrown inside a write's transaction when the sheet is not at the version the writer read: rolls it all back. */
class StaleVersion extends Error {}

/** Refuses a stale version before anything is written or any other rule is checked. */
function checkVersion(sheet: SheetHeader, version: number): void {
  if (sheet.version !== version) throw new StaleVersion('stale sheet version');
}

/**
 * Runs a sheet write in one transaction, on the sheet as the user may see it, once its version is checked. A stale
 * version (read first, and again by the conditional update) rolls back everything — goals, ratings, history,
 * audit — and answers 409 with the sheet as it is now.
 */
async function versionedWrite<T>(
  db: Db,
  user: User,
  id: number,
  version: number,
  now: Date,
  write: (trx: Db, view: { sheet: SheetHeader; relations: SheetRelation[] }) => Promise<T>,
): Promise<T> {
  try {
    return await db.transaction().execute(async (trx) => {
      const view = await sheetFor(trx, user, id);
      checkVersion(view.sheet, version);
      return write(trx, view);
    });
  } catch (e) {
    if (e instanceof StaleVersion) throw await conflict(db, user, id, now);
    throw e;
  }
}

export interface SaveInput {
  version: number;
  goals?: Goal[] | undefined;
  ratings?: RatingInput[] | undefined;
}

/** Saves the part of the sheet the user may edit now (goals, or their own ratings), in the caller's transaction. */
async function saveContent(
  trx: Db,
  sheet: SheetHeader,
  part: SheetPart | null,
  input: SaveInput,
): Promise<void> {
  if (input.goals !== undefined) {
    if (part !== 'goals') throw errors.forbidden();
    await replaceGoals(trx, sheet.id, input.goals);
  }
  if (input.ratings !== undefined && input.ratings.length > 0) {
    if (part === null || part === 'goals') throw errors.forbidden();
    const goals = await listGoals(trx, sheet.id);
    const allowed = new Set([
      ...(gradeByCode(sheet.gradeCode)?.competencies.map((c) => c.code) ?? []),
      ...goals.map((_, i) => `goal:${i + 1}`),
      ...(part === 'self' ? [] : [OVERALL_ITEM]),
    ]);
    const bad = input.ratings.filter((r) => !allowed.has(r.item)).map((r) => r.item);
    if (bad.length > 0)
      throw errors.badRequest(`このシートにない評価項目です: ${bad.join(', ')}`, { items: bad });
    await saveRatings(trx, sheet.id, part, input.ratings);
  }
}

/** Saves a draft (no transition) with optimistic locking: a stale version writes nothing (409). */
export async function saveSheet(
  db: Db,
  user: User,
  id: number,
  input: SaveInput,
  now: Date,
  record: AuditIn,
) {
  const at = now.toISOString();
  return versionedWrite(db, user, id, input.version, now, async (trx, { sheet, relations }) => {
    const part = relations.map((r) => editablePart(statusOf(sheet), r)).find((p) => p !== null) ?? null;
    if (part === null) throw errors.forbidden();
    const updated = await updateSheetIfVersion(trx, id, input.version, {}, at, user.displayName);
    if (!updated) throw new StaleVersion('stale sheet version');
    await saveContent(trx, sheet, part, input);
    await record(trx, {
      action: 'update',
      entity: 'review_sheet',
      entityId: String(id),
      after: input,
      detail: { part },
    });
    return { before: sheet, part };
  });
}

/** Which part's ratings must be complete before an action moves the sheet on. */
const REQUIRED: Partial<Record<SheetAction, { part: SheetRating['part']; overall: boolean }>> = {
  'self-evaluate': { part: 'self', overall: false },
  'first-rate': { part: 'first', overall: true },
  'second-rate': { part: 'second', overall: true },
  confirm: { part: 'final', overall: true },
};

/** The refusal of a step the state machine does not allow, as the single-sheet route answers it. */
export function stepRefusal(outcome: Extract<ActionOutcome, { ok: false }>, sheet: SheetHeader): ApiError {
  if (outcome.code === 'forbidden') return new ApiError(403, 'forbidden', outcome.message);
  if (outcome.code === 'reason_required') return errors.badRequest(outcome.message);
  return new ApiError(409, outcome.code, outcome.message, { state: sheet.state });
}

/**
 * What a step still lacks before it may move the sheet on, as a 400, or null: goals to submit (2 to 5), or the
 * ratings the step's part must hold (REQUIRED). Reads only, so a caller may skip the sheet and go on.
 */
export async function stepIncompleteness(
  trx: Db,
  sheet: SheetHeader,
  action: SheetAction,
  goals: readonly Goal[],
): Promise<ApiError | null> {
  if (action === 'submit-goals' && !goalsComplete(goals)) {
    return errors.badRequest('目標は2件以上5件以内で設定してください', { goals: goals.length });
  }
  const need = REQUIRED[action];
  if (!need) return null;
  const rated = new Set(
    (await listRatings(trx, sheet.id))
      .filter((r) => r.part === need.part && r.rating !== null)
      .map((r) => r.item),
  );
  const codes = gradeByCode(sheet.gradeCode)?.competencies.map((c) => c.code) ?? [];
  const missing = missingRatings(codes, goals.length, rated, need.overall);
  if (missing.length === 0) return null;
  return errors.badRequest(`未評価の項目が${missing.length}件あります。すべての項目を評価してください`, {
    missing,
  });
}

/** A step the state machine allowed and whose content is complete, as `commitStep` writes it. */
export interface AllowedStep {
  action: SheetAction;
  reason?: string | undefined;
  /** The version the writer read: the conditional update writes only onto it. */
  version: number;
  outcome: Extract<ActionOutcome, { ok: true }>;
  goals: Goal[];
  /** What the request sent with the step, for the audit entry. */
  sent?: Pick<SaveInput, 'goals' | 'ratings'>;
}

/**
 * Writes an allowed step in the caller's transaction (docs/domain.md §4): the header by optimistic locking first,
 * and only then the history, the revision and the result of a confirmation, and the audit entry with the before
 * and after. Returns the new header, or undefined (nothing written) when the sheet is no longer at `version`.
 */
export async function commitStep(
  trx: Db,
  user: User,
  sheet: SheetHeader,
  step: AllowedStep,
  at: string,
  record: AuditIn,
): Promise<SheetHeader | undefined> {
  const { action, outcome, goals } = step;
  const s = outcome.status;
  const id = sheet.id;
  const updated = await updateSheetIfVersion(
    trx,
    id,
    step.version,
    {
      state: s.state,
      goalsSubmitted: s.goalsSubmitted,
      appealOpen: s.appealOpen,
      disclosedAt: s.disclosedAt,
      revision: s.revision,
      ...(action === 'appeal' ? { appealReason: step.reason?.trim() ?? null } : {}),
    },
    at,
    user.displayName,
  );
  if (!updated) return undefined;
  if (action === 'second-rate') await copyRatings(trx, id, 'second', 'final');
  await addHistory(trx, id, {
    at,
    userId: user.id,
    loginId: user.loginId,
    action,
    fromState: outcome.from,
    toState: outcome.to,
    reason: step.reason?.trim() || null,
    revision: s.revision,
  });
  // Whoever must act next (or the evaluatee of 開示, HR of a 苦情相談) is told with the step (docs/domain.md §12).
  await noticeSheetStep(trx, action, { ...sheet, ...s }, user.staffNo, new Date(at));
  if (action === 'confirm') {
    const ratings = await listRatings(trx, id);
    const final = ratings.filter((r) => r.part === 'final' && r.rating !== null);
    const overall = final.find((r) => r.item === OVERALL_ITEM)?.rating as EvaluationGrade;
    const items = Object.fromEntries(
      final.filter((r) => r.item.includes('.')).map((r) => [r.item, r.rating as EvaluationGrade]),
    );
    await saveRevision(trx, id, s.revision, { goals, ratings, confirmedAt: at }, at, user.loginId);
    await upsertResults(trx, [
      {
        periodId: sheet.periodId,
        staffNo: sheet.staffNo,
        unitCode: sheet.unitCode,
        gradeCode: sheet.gradeCode,
        overall,
        items,
        source: 'sheet',
        confirmedAt: at,
      },
    ]);
  }
  await record(trx, {
    action: 'update',
    entity: 'review_sheet',
    entityId: String(id),
    before: { state: sheet.state, revision: sheet.revision },
    after: { state: updated.state, revision: updated.revision },
    detail: {
      action,
      reason: step.reason ?? null,
      goals: step.sent?.goals,
      ratings: step.sent?.ratings,
    },
  });
  return updated;
}

/**
 * Takes a workflow action (docs/domain.md §4), saving the content sent with it first, all in one transaction
 * with optimistic locking (the version is checked first; a stale one writes nothing, 409): the state machine
 * decides who may act when; completeness is checked here; every transition goes to the history; confirming
 * keeps a revision and writes the result for analytics.
 */
export async function actOnSheet(
  db: Db,
  user: User,
  id: number,
  input: SaveInput & { action: SheetAction; reason?: string | undefined },
  now: Date,
  record: AuditIn,
) {
  const at = now.toISOString();
  return versionedWrite(db, user, id, input.version, now, async (trx, { sheet, relations }) => {
    const outcome = applyAction(statusOf(sheet), {
      action: input.action,
      relations,
      at,
      reason: input.reason ?? null,
    });
    if (!outcome.ok) throw stepRefusal(outcome, sheet);
    const part = relations.map((r) => editablePart(statusOf(sheet), r)).find((p) => p !== null) ?? null;
    if (input.goals !== undefined || (input.ratings?.length ?? 0) > 0)
      await saveContent(trx, sheet, part, input);
    const goals = await listGoals(trx, sheet.id);
    const incomplete = await stepIncompleteness(trx, sheet, input.action, goals);
    if (incomplete) throw incomplete;
    const updated = await commitStep(
      trx,
      user,
      sheet,
      {
        action: input.action,
        reason: input.reason,
        version: input.version,
        outcome,
        goals,
        sent: { goals: input.goals, ratings: input.ratings },
      },
      at,
      record,
    );
    if (!updated) throw new StaleVersion('stale sheet version');
    return { before: sheet, after: updated, label: SHEET_ACTION_LABELS[input.action].ja };
  });
}
