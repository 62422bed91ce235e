// HR finds and acts on a period's sheets (docs/interfaces.md "Daily work"): the list with its filters, 確定 and 開示
// of many sheets in one transaction, and the recipients of a reminder (督促). Each sheet takes the workflow's own
// step (docs/domain.md §4) through the same check and write as the single-sheet route.
import {
  listGoals,
  listUnits,
  searchSheets,
  sheetHeadersIn,
  sheetHeadersMatching,
  writeAudit,
  yieldToEventLoop,
  type Database,
  type SheetHeader,
  type SheetSearch,
} from '@jinzai/db';
import {
  applyAction,
  reminderTarget,
  relationsOf,
  SHEET_STATES,
  unitAndDescendants,
  whoMustAct,
  type BulkSheetAction,
  type BulkSkipReason,
  type SheetRelation,
  type SheetState,
  type User,
} from '@jinzai/model';
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit.js';
import type { Actor } from './actor.js';
import { periodOrThrow } from './evaluation-hr.service.js';
import { statusOf } from './evaluation-sheet-view.service.js';
import { auditAs } from './evaluation-sheet-steps.service.js';
import { commitStep, stepIncompleteness, type AuditIn } from './evaluation-sheets.service.js';
import { remindSheets as sendReminders } from './notices.service.js';

type Db = Kysely<Database>;

/**
 * A page of a period's sheets for HR (404 for an unknown period): `unit` takes in every unit under it (an unknown
 * unit finds none); each sheet says who must act on it now. The read is audited with its filter and counts.
 */
export async function listPeriodSheets(
  db: Db,
  actor: Actor,
  now: Date,
  periodId: number,
  f: Omit<SheetSearch, 'periodId' | 'unitCodes'> & { unit?: string | undefined },
) {
  await periodOrThrow(db, periodId);
  const { unit, ...rest } = f;
  const unitCodes = unit === undefined ? undefined : [...unitAndDescendants(unit, await listUnits(db))];
  const found = await searchSheets(db, { ...rest, periodId, unitCodes });
  await recordAudit(db, actor, now, {
    action: 'read',
    entity: 'review_sheets',
    entityId: String(periodId),
    detail: { search: { ...f }, shown: found.sheets.length, total: found.total },
  });
  return {
    total: found.total,
    sheets: found.sheets.map((s) => ({
      ...s,
      waitingOn: whoMustAct(s, {
        staffNo: s.staffNo,
        firstStaffNo: s.firstEvaluator?.staffNo ?? null,
        secondStaffNo: s.secondEvaluator?.staffNo ?? null,
      }),
    })),
  };
}

/** A sheet a bulk action left alone, and why (a code, and the reason in Japanese). */
export interface Skipped {
  id: number;
  reason: BulkSkipReason;
  message: string;
  /** The sheet's state when it was looked at; null when it is not a sheet of the period. */
  state: SheetState | null;
}

const NOT_IN_PERIOD = 'この評価期間のシートではありません';

/** The list's filters as a bulk action takes them: "every sheet of the period these find". */
export interface SheetMatching {
  state?: SheetState | undefined;
  unit?: string | undefined;
  q?: string | undefined;
}

/** Which sheets a bulk action is for: those ticked, or every sheet the list's filters find. */
export type SheetSelection =
  { sheetIds: readonly number[]; matching?: undefined } | { matching: SheetMatching; sheetIds?: undefined };

/** How many sheets "all matching" found, by step in the workflow's order (for the question before the action). */
export interface MatchedTally {
  total: number;
  states: { state: SheetState; n: number }[];
}

/**
 * The selected sheets of the period, each once: those asked for, in the order asked, with a skip for each id that
 * is not one of the period's; or every sheet the filters find (one query, in the list's order, `unit` with the
 * units under it), with how many by step. `order` is the ids in the order the answer lists them.
 */
async function selectedSheets(db: Db, periodId: number, selection: SheetSelection) {
  if (selection.matching) {
    const { unit, state, q } = selection.matching;
    const unitCodes = unit === undefined ? undefined : [...unitAndDescendants(unit, await listUnits(db))];
    const sheets = await sheetHeadersMatching(db, { periodId, state, q, unitCodes });
    const count = new Map<SheetState, number>();
    for (const sheet of sheets) count.set(sheet.state, (count.get(sheet.state) ?? 0) + 1);
    const matched: MatchedTally = {
      total: sheets.length,
      states: SHEET_STATES.flatMap((st) => (count.has(st) ? [{ state: st, n: count.get(st) ?? 0 }] : [])),
    };
    return { sheets, skipped: [] as Skipped[], order: sheets.map((x) => x.id), matched };
  }
  const ids = [...new Set(selection.sheetIds)];
  const byId = new Map((await sheetHeadersIn(db, periodId, ids)).map((x) => [x.id, x]));
  const sheets: SheetHeader[] = [];
  const skipped: Skipped[] = [];
  for (const id of ids) {
    const sheet = byId.get(id);
    if (sheet) sheets.push(sheet);
    else skipped.push({ id, reason: 'not_found', message: NOT_IN_PERIOD, state: null });
  }
  return { sheets, skipped, order: ids, matched: undefined };
}

/** The skipped sheets in the order they were asked for. */
function inRequestOrder(skipped: Skipped[], sheetIds: readonly number[]): Skipped[] {
  const at = new Map(sheetIds.map((id, i) => [id, i] as const).reverse());
  return skipped.sort((a, b) => (at.get(a.id) ?? 0) - (at.get(b.id) ?? 0));
}

/** Sheets between two turns of the event loop while a bulk action runs. */
const SHEETS_PER_TURN = 50;

/**
 * 確定 or 開示 of many sheets (docs/domain.md §4): each sheet goes through the state machine and the completeness
 * check of the single-sheet step; one that may not take it is skipped with the reason, the others are written in
 * one transaction (any failure writes none), each with its history, revision, result and audit entry, plus one
 * entry for the whole action. With `dryRun` nothing is written: the answer says what would be done and skipped.
 */
export async function actOnSheets(
  db: Db,
  user: User,
  now: Date,
  periodId: number,
  input: { action: 'confirm' | 'disclose'; dryRun?: boolean | undefined } & SheetSelection,
  record: AuditIn = auditAs(user, now),
): Promise<{ done: number[]; skipped: Skipped[]; matched?: MatchedTally }> {
  await periodOrThrow(db, periodId);
  const at = now.toISOString();
  const { action } = input;
  const dryRun = input.dryRun === true;
  return db.transaction().execute(async (trx) => {
    const { sheets, skipped, order, matched } = await selectedSheets(trx, periodId, input);
    const done: number[] = [];
    for (const [k, sheet] of sheets.entries()) {
      if (k % SHEETS_PER_TURN === SHEETS_PER_TURN - 1) await yieldToEventLoop();
      const skip = (reason: BulkSkipReason, message: string) =>
        skipped.push({ id: sheet.id, reason, message, state: sheet.state });
      const outcome = applyAction(statusOf(sheet), {
        action,
        relations: relationsOf(user, sheet),
        at,
        reason: null,
      });
      if (!outcome.ok) {
        skip(outcome.code === 'forbidden' ? 'forbidden' : 'invalid_state', outcome.message);
        continue;
      }
      const goals = await listGoals(trx, sheet.id);
      const incomplete = await stepIncompleteness(trx, sheet, action, goals);
      if (incomplete) {
        skip('incomplete', incomplete.message);
        continue;
      }
      if (!dryRun) {
        const step = { action, version: sheet.version, outcome, goals };
        const updated = await commitStep(trx, user, sheet, step, at, record);
        if (!updated) {
          skip('conflict', 'ほかの利用者が先にこのシートを更新しました');
          continue;
        }
      }
      done.push(sheet.id);
    }
    await writeAudit(trx, {
      at,
      userId: user.id,
      loginId: user.loginId,
      action: dryRun ? 'read' : 'update',
      entity: 'review_sheets',
      entityId: String(periodId),
      detail: {
        bulk: action,
        dryRun,
        ...(input.matching ? { matching: { ...input.matching } } : {}),
        done,
        skipped: skipped.map((s) => ({ id: s.id, reason: s.reason })),
      },
    });
    return { done, skipped: inRequestOrder(skipped, order), ...(matched ? { matched } : {}) };
  });
}

/** One reminder to send: about which sheet, to whom, as which relation. */
export interface Reminder {
  sheetId: number;
  staffNo: string;
  relation: SheetRelation;
}

/**
 * The reminders (督促) about the requested sheets of a period: for each, the person who must act now (model's
 * `reminderTarget`: the evaluatee or the evaluator of the waiting step), or why none. This is the one place where
 * sending is to be wired (the mail notices of docs/interfaces.md "Daily work"): today it computes and returns the
 * recipients, and audits the request with them; it changes no sheet.
 */
export async function remindSheets(
  db: Db,
  actor: Actor,
  now: Date,
  periodId: number,
  selection: SheetSelection,
): Promise<{ recipients: Reminder[]; skipped: Skipped[]; matched?: MatchedTally }> {
  await periodOrThrow(db, periodId);
  const { sheets, skipped, order, matched } = await selectedSheets(db, periodId, selection);
  const targets: Reminder[] = [];
  for (const sheet of sheets) {
    const target = reminderTarget(sheet, sheet);
    if (target.ok) targets.push({ sheetId: sheet.id, staffNo: target.staffNo, relation: target.relation });
    else skipped.push({ id: sheet.id, reason: target.reason, message: target.message, state: sheet.state });
  }
  // The reminders go out as notices (and mail, when configured) in one transaction with the audit entry; a person
  // already reminded of a sheet today is not reminded again (docs/domain.md §12).
  return db.transaction().execute(async (trx) => {
    const sent = await sendReminders(
      trx,
      targets.map((t) => t.sheetId),
      now,
    );
    const done = new Set(sent.done);
    for (const s of sent.skipped) {
      skipped.push({
        id: s.id,
        reason: 'nothing_to_do',
        message: s.reason === 'already_reminded' ? '本日すでに督促しています' : '督促する相手がいません',
        state: sheets.find((x) => x.id === s.id)?.state ?? null,
      });
    }
    const recipients = targets.filter((t) => done.has(t.sheetId));
    await recordAudit(trx, actor, now, {
      action: 'create',
      entity: 'review_sheets',
      entityId: String(periodId),
      detail: {
        bulk: 'remind',
        ...(selection.matching ? { matching: { ...selection.matching } } : {}),
        recipients,
        skipped: skipped.map((x) => ({ id: x.id, reason: x.reason })),
      },
    });
    return { recipients, skipped: inRequestOrder(skipped, order), ...(matched ? { matched } : {}) };
  });
}

/**
 * A bulk action as its route takes it (docs/interfaces.md "Daily work"): 確定 and 開示 through `actOnSheets`, 督促
 * through `remindSheets`, whose sheets done are those with a recipient (named in `recipients`).
 */
export async function bulkSheetAction(
  db: Db,
  user: User,
  now: Date,
  periodId: number,
  input: { action: BulkSheetAction; dryRun?: boolean | undefined } & SheetSelection,
): Promise<{ done: number[]; skipped: Skipped[]; recipients?: Reminder[]; matched?: MatchedTally }> {
  if (input.action !== 'remind')
    return actOnSheets(db, user, now, periodId, { ...input, action: input.action });
  const actor = { userId: user.id, loginId: user.loginId };
  const { recipients, skipped, matched } = await remindSheets(db, actor, now, periodId, input);
  return { done: recipients.map((r) => r.sheetId), skipped, recipients, ...(matched ? { matched } : {}) };
}
