import { describe, expect, it } from 'vitest';
import { dueDateOf } from './periods.js';
import { INITIAL_STATUS, nextStep, relationsOf, turnOf, type SheetStatus } from './workflow.js';

const sheet = { staffNo: '000001', firstStaffNo: '000010', secondStaffNo: '000020' };

describe('relationsOf', () => {
  it('names the evaluatee and each evaluator by staff number', () => {
    expect(relationsOf({ staffNo: '000001', roles: ['staff'] }, sheet)).toEqual(['evaluatee']);
    expect(relationsOf({ staffNo: '000010', roles: ['evaluator'] }, sheet)).toEqual(['first']);
    expect(relationsOf({ staffNo: '000020', roles: ['evaluator'] }, sheet)).toEqual(['second']);
  });
  it('makes HR the adjuster of every sheet, and gives a stranger no relation', () => {
    expect(relationsOf({ staffNo: null, roles: ['hr'] }, sheet)).toEqual(['adjuster']);
    expect(relationsOf({ staffNo: '000099', roles: ['staff', 'evaluator'] }, sheet)).toEqual([]);
    expect(relationsOf({ staffNo: null, roles: ['staff'] }, { ...sheet, firstStaffNo: null })).toEqual([]);
  });
});

describe('dueDateOf', () => {
  const period = {
    goalsDue: '2026-05-31',
    selfDue: '2026-10-15',
    firstDue: '2026-10-31',
    secondDue: '2026-11-15',
    adjustDue: '2026-11-30',
    discloseDue: '2026-12-15',
  };
  it('takes the date of the step the sheet is at', () => {
    expect(dueDateOf(period, 'goal-setting')).toBe('2026-05-31');
    expect(dueDateOf(period, 'self')).toBe('2026-10-15');
    expect(dueDateOf(period, 'first')).toBe('2026-10-31');
    expect(dueDateOf(period, 'second')).toBe('2026-11-15');
    expect(dueDateOf(period, 'adjust')).toBe('2026-11-30');
    expect(dueDateOf(period, 'confirmed')).toBe('2026-12-15');
  });
  it('is null after disclosure and where the period sets no date', () => {
    expect(dueDateOf(period, 'disclosed')).toBeNull();
    expect(dueDateOf(period, 'done')).toBeNull();
    expect(dueDateOf({ ...period, selfDue: null }, 'self')).toBeNull();
  });
});

describe('turnOf', () => {
  it('names who acts next in each state, from the workflow rules', () => {
    expect(turnOf('goal-setting')).toBe('evaluatee');
    expect(turnOf('self')).toBe('evaluatee');
    expect(turnOf('first')).toBe('first');
    expect(turnOf('second')).toBe('second');
    expect(turnOf('adjust')).toBe('adjuster');
    expect(turnOf('confirmed')).toBe('adjuster');
    expect(turnOf('disclosed')).toBe('evaluatee');
    expect(turnOf('done')).toBeNull();
  });
});

describe('nextStep', () => {
  const at = (state: SheetStatus['state'], more: Partial<SheetStatus> = {}) =>
    nextStep({ ...INITIAL_STATUS, state, ...more });
  it('follows the status inside a state: goals before agreement, acknowledgement unless an appeal is open', () => {
    expect(at('goal-setting')).toEqual({ action: 'submit-goals', as: 'evaluatee' });
    expect(at('goal-setting', { goalsSubmitted: true })).toEqual({ action: 'agree-goals', as: 'first' });
    expect(at('self')).toEqual({ action: 'self-evaluate', as: 'evaluatee' });
    expect(at('first')).toEqual({ action: 'first-rate', as: 'first' });
    expect(at('second')).toEqual({ action: 'second-rate', as: 'second' });
    expect(at('adjust')).toEqual({ action: 'confirm', as: 'adjuster' });
    expect(at('confirmed')).toEqual({ action: 'disclose', as: 'adjuster' });
    expect(at('disclosed')).toEqual({ action: 'acknowledge', as: 'evaluatee' });
    expect(at('disclosed', { appealOpen: true })).toEqual({ action: 'reopen', as: 'adjuster' });
    expect(at('done')).toBeNull();
  });
});
