// HR's work on many sheets at once (docs/interfaces.md "Daily work"): who a sheet waits for, whom a reminder
// (督促) reaches, and the bulk actions with the reasons a sheet is left out. Each sheet follows the workflow's own
// rules (docs/domain.md §4): nothing here decides a transition, it asks the workflow (nextStep).
import { nextStep, type SheetRelation, type SheetStatus } from './workflow.js';

/** The status fields that decide whose turn it is. */
export type TurnStatus = Pick<SheetStatus, 'state' | 'goalsSubmitted' | 'appealOpen'>;

/**
 * The relation a sheet waits for now (docs/domain.md §4 workflow and roles): the one that takes its next step
 * (nextStep) — in 目標設定 the evaluatee until the goals are submitted, then the first evaluator; in 開示 the
 * evaluatee (確認), or the adjuster while a 苦情相談 is open — or null once 完了.
 */
export function waitingRelation(status: TurnStatus): SheetRelation | null {
  return nextStep(status)?.as ?? null;
}

/** The people named on a sheet, by staff number. */
export interface SheetPeople {
  staffNo: string;
  firstStaffNo: string | null;
  secondStaffNo: string | null;
}

/** Who must act on a sheet: the relation, and the person's staff number (null for HR, or an evaluator not named). */
export interface WaitingOn {
  relation: SheetRelation;
  staffNo: string | null;
}

/**
 * Who must act on a sheet now (docs/domain.md §4 workflow and roles): the waiting relation and, for the evaluatee
 * and the evaluators, that person's staff number (null when the sheet names no such evaluator); the adjuster is
 * HR as a whole, so no one staff number. Null once 完了.
 */
export function whoMustAct(status: TurnStatus, people: SheetPeople): WaitingOn | null {
  const relation = waitingRelation(status);
  switch (relation) {
    case null:
      return null;
    case 'evaluatee':
      return { relation, staffNo: people.staffNo };
    case 'first':
      return { relation, staffNo: people.firstStaffNo };
    case 'second':
      return { relation, staffNo: people.secondStaffNo };
    case 'adjuster':
      return { relation, staffNo: null };
  }
}

/** What HR may do to many sheets at once (docs/interfaces.md "Daily work"): 確定, 開示, 督促. */
export const BULK_SHEET_ACTIONS = ['confirm', 'disclose', 'remind'] as const;
export type BulkSheetAction = (typeof BULK_SHEET_ACTIONS)[number];

export const BULK_SHEET_ACTION_LABELS: Record<BulkSheetAction, { ja: string; en: string }> = {
  confirm: { ja: '確定', en: 'Confirm' },
  disclose: { ja: '開示', en: 'Disclose' },
  remind: { ja: '督促', en: 'Remind' },
};

/** Why a sheet was left out of a bulk action: a code for scripts and a sentence for people. */
export const BULK_SKIP_REASONS = [
  /** Not a sheet of this period (or no sheet at all). */
  'not_found',
  /** The workflow does not allow the step in the sheet's state. */
  'invalid_state',
  /** The step needs a relation HR does not hold (never for 確定 and 開示, kept for the workflow's answer). */
  'forbidden',
  /** 確定 with ratings still missing. */
  'incomplete',
  /** Someone changed the sheet while the action ran. */
  'conflict',
  /** 督促: the sheet waits for HR itself. */
  'adjuster_turn',
  /** 督促: the sheet names no evaluator for the waiting step. */
  'no_evaluator',
  /** 督促: the sheet is 完了, nobody has anything to do. */
  'nothing_to_do',
] as const;
export type BulkSkipReason = (typeof BULK_SKIP_REASONS)[number];

export interface BulkSkip {
  reason: BulkSkipReason;
  message: string;
}

/** The 督促 a sheet gets: its recipient, or why it gets none. */
export type ReminderTarget =
  { ok: true; relation: SheetRelation; staffNo: string } | ({ ok: false } & BulkSkip);

/**
 * Whom a reminder (督促) about a sheet reaches (docs/domain.md §4 roles): the person who must act now
 * (`whoMustAct`). A sheet waiting for HR, one that names no evaluator for its step, and a finished one get none.
 */
export function reminderTarget(status: TurnStatus, people: SheetPeople): ReminderTarget {
  const who = whoMustAct(status, people);
  if (who === null)
    return { ok: false, reason: 'nothing_to_do', message: '完了したシートです。督促の対象はいません' };
  if (who.relation === 'adjuster')
    return { ok: false, reason: 'adjuster_turn', message: '調整者（人事）の対応を待っているシートです' };
  if (who.staffNo === null) {
    const role = who.relation === 'first' ? '一次評価者' : '二次評価者';
    return { ok: false, reason: 'no_evaluator', message: `${role}が割り当てられていません` };
  }
  return { ok: true, relation: who.relation, staffNo: who.staffNo };
}
