import { describe, expect, it } from 'vitest';
import { evaluatorProblems, isLockedSheetState } from './assignments.js';

describe('evaluator assignment rules', () => {
  it('allows two different evaluators, or none', () => {
    expect(evaluatorProblems({ staffNo: '1', firstStaffNo: '2', secondStaffNo: '3' })).toEqual([]);
    expect(evaluatorProblems({ staffNo: '1', firstStaffNo: null, secondStaffNo: null })).toEqual([]);
    expect(evaluatorProblems({ staffNo: '1', firstStaffNo: '2', secondStaffNo: null })).toEqual([]);
  });
  it('refuses the evaluatee as their own evaluator, at either step', () => {
    for (const [first, second] of [
      ['1', null],
      [null, '1'],
      ['2', '1'],
    ] as const)
      expect(evaluatorProblems({ staffNo: '1', firstStaffNo: first, secondStaffNo: second })).toEqual([
        { column: 'first_evaluator', message: '本人を評価者にはできません' },
      ]);
  });
  it('refuses the same person as first and second evaluator', () => {
    expect(evaluatorProblems({ staffNo: '1', firstStaffNo: '2', secondStaffNo: '2' })).toEqual([
      { column: 'second_evaluator', message: '一次評価者と二次評価者が同じです' },
    ]);
  });
  it('locks a sheet from 確定 on', () => {
    expect(isLockedSheetState('adjust')).toBe(false);
    expect(['confirmed', 'disclosed', 'done'].every((s) => isLockedSheetState(s as 'done'))).toBe(true);
  });
});
