// Who must act next on a sheet and who is told of a step (docs/domain.md §12). Pure.
import { whoMustAct, type SheetPeople, type WaitingOn } from '../evaluation/bulk.js';
import type { SheetAction, SheetRelation, SheetState } from '../evaluation/workflow.js';

/** The kinds of notice (docs/domain.md §12). */
export const NOTICE_KINDS = [
  'sheet-arrived',
  'sheet-sent-back',
  'result-disclosed',
  'appeal-filed',
  'reminder',
  'panel-added',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** Whom a notice is for: a person on the roster, an account (e.g. an external interviewer), or every HR account. */
export type NoticeRecipient = { staffNo: string } | { userId: number } | { role: 'hr' };

/** A sheet's people and where it stands. */
export interface SheetAt extends SheetPeople {
  state: SheetState;
  goalsSubmitted: boolean;
  appealOpen: boolean;
}

/** The person whose turn it is: their relation to the sheet and staff number (null for HR, or no one assigned). */
export type NextActor = WaitingOn;

/**
 * Who must act on a sheet now (docs/domain.md §12, the workflow of §4): the relation that takes its next step
 * (the workflow's nextStep, through whoMustAct) and that person's staff number; nobody once 完了.
 */
export function whoActsNow(sheet: SheetAt): NextActor | null {
  return whoMustAct(sheet, sheet);
}

/** A notice a step calls for: its kind, its recipient, and the relation the recipient holds to the sheet. */
export interface SheetNoticeDraft {
  kind: Extract<NoticeKind, 'sheet-arrived' | 'sheet-sent-back' | 'result-disclosed' | 'appeal-filed'>;
  to: NoticeRecipient;
  relation: SheetRelation;
}

/**
 * Who is told of a workflow step (docs/domain.md §12): 開示 tells the evaluatee; 苦情相談 tells HR; 差戻し and every
 * other step tell whoever must act next, unless that is HR (HR works from its list of sheets), nobody is assigned,
 * or it is the person who took the step.
 */
export function noticesForSheetStep(
  action: SheetAction,
  after: SheetAt,
  actorStaffNo: string | null,
): SheetNoticeDraft[] {
  if (action === 'disclose')
    return [{ kind: 'result-disclosed', to: { staffNo: after.staffNo }, relation: 'evaluatee' }];
  if (action === 'appeal') return [{ kind: 'appeal-filed', to: { role: 'hr' }, relation: 'adjuster' }];
  const next = whoActsNow(after);
  if (!next || next.relation === 'adjuster' || next.staffNo === null || next.staffNo === actorStaffNo)
    return [];
  return [
    {
      kind: action === 'send-back' ? 'sheet-sent-back' : 'sheet-arrived',
      to: { staffNo: next.staffNo },
      relation: next.relation,
    },
  ];
}

/**
 * Who is told when a sheet's evaluators change (docs/domain.md §12): the person who must act now, when the change
 * made it someone else.
 */
export function noticesForReassignment(before: SheetAt, after: SheetAt): SheetNoticeDraft[] {
  const was = whoActsNow(before);
  const now = whoActsNow(after);
  if (!now || now.relation === 'adjuster' || now.staffNo === null || now.staffNo === was?.staffNo) return [];
  return [{ kind: 'sheet-arrived', to: { staffNo: now.staffNo }, relation: now.relation }];
}

/** Who is told when a stage's panel is set (docs/domain.md §12): the members who were not on it before. */
export function newPanelMembers(before: readonly number[], after: readonly number[]): number[] {
  const was = new Set(before);
  return [...new Set(after)].filter((id) => !was.has(id));
}
