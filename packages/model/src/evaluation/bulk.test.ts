import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reminderTarget, waitingRelation, whoMustAct, type TurnStatus } from './bulk.js';
import { allowedActions, SHEET_RELATIONS, SHEET_STATES, type SheetRelation } from './workflow.js';

const people = { staffNo: '000103', firstStaffNo: '000102', secondStaffNo: '000101' };
const status = (state: TurnStatus['state'], extra: Partial<TurnStatus> = {}): TurnStatus => ({
  state,
  goalsSubmitted: false,
  appealOpen: false,
  ...extra,
});

describe('who must act on a sheet', () => {
  it.each([
    [status('goal-setting'), 'evaluatee', '000103'],
    [status('goal-setting', { goalsSubmitted: true }), 'first', '000102'],
    [status('self'), 'evaluatee', '000103'],
    [status('first'), 'first', '000102'],
    [status('second'), 'second', '000101'],
    [status('adjust'), 'adjuster', null],
    [status('confirmed'), 'adjuster', null],
    [status('disclosed'), 'evaluatee', '000103'],
    [status('disclosed', { appealOpen: true }), 'adjuster', null],
  ] as const)('%j waits for %s (%s)', (s, relation, staffNo) => {
    expect(whoMustAct(s, people)).toEqual({ relation, staffNo });
  });

  it('waits for nobody once done', () => {
    expect(waitingRelation(status('done'))).toBeNull();
    expect(whoMustAct(status('done'), people)).toBeNull();
  });

  it('names no one when the waiting evaluator is not assigned', () => {
    const none = { ...people, firstStaffNo: null, secondStaffNo: null };
    expect(whoMustAct(status('first'), none)).toEqual({ relation: 'first', staffNo: null });
    expect(whoMustAct(status('second'), none)).toEqual({ relation: 'second', staffNo: null });
  });

  it('is always a relation that may move the sheet on, per the workflow', () => {
    const arb = fc.record({
      state: fc.constantFrom(...SHEET_STATES),
      goalsSubmitted: fc.boolean(),
      appealOpen: fc.boolean(),
    });
    fc.assert(
      fc.property(arb, (s) => {
        const r = waitingRelation(s);
        const full = { ...s, disclosedAt: '2027-03-01T00:00:00.000Z', revision: 0 };
        const moves = (rel: SheetRelation) =>
          allowedActions(full, [rel], '2027-03-02T00:00:00.000Z').some(
            (a) => a !== 'send-back' && a !== 'appeal',
          );
        if (r === null) return SHEET_RELATIONS.every((rel) => !moves(rel));
        return moves(r);
      }),
    );
  });
});

describe('reminders (督促)', () => {
  it('reach the person who must act', () => {
    expect(reminderTarget(status('self'), people)).toEqual({
      ok: true,
      relation: 'evaluatee',
      staffNo: '000103',
    });
    expect(reminderTarget(status('second'), people)).toEqual({
      ok: true,
      relation: 'second',
      staffNo: '000101',
    });
  });

  it('skip sheets waiting for HR, without an evaluator, or done, with a reason in Japanese', () => {
    expect(reminderTarget(status('adjust'), people)).toMatchObject({ ok: false, reason: 'adjuster_turn' });
    expect(reminderTarget(status('first'), { ...people, firstStaffNo: null })).toMatchObject({
      ok: false,
      reason: 'no_evaluator',
      message: '一次評価者が割り当てられていません',
    });
    expect(reminderTarget(status('done'), people)).toMatchObject({ ok: false, reason: 'nothing_to_do' });
  });
});
