// Who may evaluate whom on a sheet, and when its evaluators are fixed (docs/domain.md §4).
import type { SheetState } from './workflow.js';

/**
 * The states from 確定 on: evaluators are fixed and the final grade is shown (docs/domain.md §4, 確定 → 開示 → 完了).
 */
export const LOCKED_SHEET_STATES: readonly SheetState[] = ['confirmed', 'disclosed', 'done'];

/** Whether a sheet in this state is confirmed or later (docs/domain.md §4). */
export function isLockedSheetState(state: SheetState): boolean {
  return LOCKED_SHEET_STATES.includes(state);
}

/** A problem with a sheet's evaluators, named by the column of the assignment file. */
export interface EvaluatorProblem {
  column: 'first_evaluator' | 'second_evaluator';
  message: string;
}

/**
 * The problems with an assignment of evaluators (docs/domain.md §4 roles): nobody evaluates themself, and the
 * first and second evaluators are two different people. Empty when the assignment is allowed.
 */
export function evaluatorProblems(a: {
  staffNo: string;
  firstStaffNo: string | null;
  secondStaffNo: string | null;
}): EvaluatorProblem[] {
  const problems: EvaluatorProblem[] = [];
  if (a.firstStaffNo === a.staffNo || a.secondStaffNo === a.staffNo)
    problems.push({ column: 'first_evaluator', message: '本人を評価者にはできません' });
  if (a.firstStaffNo !== null && a.firstStaffNo === a.secondStaffNo)
    problems.push({ column: 'second_evaluator', message: '一次評価者と二次評価者が同じです' });
  return problems;
}
