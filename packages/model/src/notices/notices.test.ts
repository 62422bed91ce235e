import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SHEET_ACTIONS } from '../evaluation/workflow.js';
import {
  allowedActions,
  applyAction,
  SHEET_RELATIONS,
  SHEET_STATES,
  type SheetRelation,
  type SheetStatus,
} from '../evaluation/workflow.js';
import { afterMailFailure, MAIL_MAX_ATTEMPTS } from './mail.js';
import {
  daysBetween,
  deadlineStage,
  reminderKey,
  sheetReminder,
  tokyoDay,
  type PeriodDeadlines,
} from './reminders.js';
import {
  newPanelMembers,
  noticesForReassignment,
  noticesForSheetStep,
  whoActsNow,
  type SheetAt,
} from './rules.js';
import { noticeTitle } from './texts.js';

const PEOPLE = { staffNo: 'S', firstStaffNo: 'F', secondStaffNo: 'X' };
const sheet = (state: SheetAt['state'], extra: Partial<SheetAt> = {}): SheetAt => ({
  ...PEOPLE,
  state,
  goalsSubmitted: false,
  appealOpen: false,
  ...extra,
});
const statusOf = (s: SheetAt): SheetStatus => ({
  state: s.state,
  goalsSubmitted: s.goalsSubmitted,
  appealOpen: s.appealOpen,
  disclosedAt: s.state === 'disclosed' || s.state === 'done' ? '2027-03-01T00:00:00.000Z' : null,
  revision: 0,
});
const AT = '2027-03-02T00:00:00.000Z';

const arbitrarySheet = fc.record({
  state: fc.constantFrom(...SHEET_STATES),
  goalsSubmitted: fc.boolean(),
  appealOpen: fc.boolean(),
  staffNo: fc.constant('S'),
  firstStaffNo: fc.constantFrom('F', null),
  secondStaffNo: fc.constantFrom('X', 'F', null),
});

describe('whoActsNow', () => {
  it('names, for every state, the one relation that can move the sheet on, or nobody once done', () => {
    fc.assert(
      fc.property(arbitrarySheet, (s) => {
        const status = statusOf(s);
        const movers = SHEET_RELATIONS.filter((r) =>
          allowedActions(status, [r], AT).some((a) => a !== 'send-back' && a !== 'appeal'),
        );
        const next = whoActsNow(s);
        if (movers.length === 0) expect(next).toBeNull();
        else expect(movers).toEqual([next?.relation]);
      }),
    );
  });

  it('gives the staff number of that relation, and none for HR', () => {
    expect(whoActsNow(sheet('goal-setting'))).toEqual({ relation: 'evaluatee', staffNo: 'S' });
    expect(whoActsNow(sheet('goal-setting', { goalsSubmitted: true }))).toEqual({
      relation: 'first',
      staffNo: 'F',
    });
    expect(whoActsNow(sheet('second'))).toEqual({ relation: 'second', staffNo: 'X' });
    expect(whoActsNow(sheet('adjust'))).toEqual({ relation: 'adjuster', staffNo: null });
    expect(whoActsNow(sheet('disclosed', { appealOpen: true }))?.relation).toBe('adjuster');
    expect(whoActsNow(sheet('first', { firstStaffNo: null }))).toEqual({ relation: 'first', staffNo: null });
  });
});

describe('noticesForSheetStep', () => {
  /** Takes a step with the workflow itself, and returns who is told of it. */
  const told = (
    from: SheetAt,
    action: (typeof SHEET_ACTIONS)[number],
    as: SheetRelation,
    actor = 'someone',
  ) => {
    const outcome = applyAction(statusOf(from), { action, relations: [as], at: AT, reason: '理由' });
    if (!outcome.ok) throw new Error(`${action} from ${from.state}: ${outcome.code}`);
    return noticesForSheetStep(action, { ...from, ...outcome.status }, actor);
  };

  it('tells whoever must act next after each forward step', () => {
    expect(told(sheet('goal-setting'), 'submit-goals', 'evaluatee')).toEqual([
      { kind: 'sheet-arrived', to: { staffNo: 'F' }, relation: 'first' },
    ]);
    expect(told(sheet('goal-setting', { goalsSubmitted: true }), 'agree-goals', 'first')).toEqual([
      { kind: 'sheet-arrived', to: { staffNo: 'S' }, relation: 'evaluatee' },
    ]);
    expect(told(sheet('self'), 'self-evaluate', 'evaluatee')[0]?.to).toEqual({ staffNo: 'F' });
    expect(told(sheet('first'), 'first-rate', 'first')[0]?.to).toEqual({ staffNo: 'X' });
  });

  it('tells nobody of HR steps, nor of a step to no one or to the person who took it', () => {
    expect(told(sheet('second'), 'second-rate', 'second')).toEqual([]);
    expect(told(sheet('adjust'), 'confirm', 'adjuster')).toEqual([]);
    expect(told(sheet('disclosed'), 'acknowledge', 'evaluatee')).toEqual([]);
    expect(told(sheet('first', { secondStaffNo: null }), 'first-rate', 'first')).toEqual([]);
    // A first evaluator who is also the second one is not told of their own step.
    expect(told(sheet('first', { secondStaffNo: 'F' }), 'first-rate', 'first', 'F')).toEqual([]);
  });

  it('tells whoever must act again of a 差戻し', () => {
    expect(told(sheet('first'), 'send-back', 'first')).toEqual([
      { kind: 'sheet-sent-back', to: { staffNo: 'S' }, relation: 'evaluatee' },
    ]);
    expect(told(sheet('second'), 'send-back', 'second')[0]?.to).toEqual({ staffNo: 'F' });
    expect(told(sheet('adjust'), 'send-back', 'adjuster')[0]?.to).toEqual({ staffNo: 'X' });
    expect(told(sheet('goal-setting', { goalsSubmitted: true }), 'send-back', 'first')[0]).toMatchObject({
      kind: 'sheet-sent-back',
      to: { staffNo: 'S' },
    });
  });

  it('tells the evaluatee of 開示 and HR of a 苦情相談', () => {
    expect(told(sheet('confirmed'), 'disclose', 'adjuster')).toEqual([
      { kind: 'result-disclosed', to: { staffNo: 'S' }, relation: 'evaluatee' },
    ]);
    expect(told(sheet('disclosed'), 'appeal', 'evaluatee', 'S')).toEqual([
      { kind: 'appeal-filed', to: { role: 'hr' }, relation: 'adjuster' },
    ]);
  });
});

describe('noticesForReassignment and newPanelMembers', () => {
  it('tells the new person who must act, and nobody when that person stays', () => {
    const before = sheet('first');
    expect(noticesForReassignment(before, { ...before, firstStaffNo: 'N' })).toEqual([
      { kind: 'sheet-arrived', to: { staffNo: 'N' }, relation: 'first' },
    ]);
    expect(noticesForReassignment(before, { ...before, secondStaffNo: 'N' })).toEqual([]);
    expect(noticesForReassignment(before, { ...before, firstStaffNo: null })).toEqual([]);
  });

  it('names the panel members who were not on it before, once each', () => {
    expect(newPanelMembers([1, 2], [2, 3, 3, 4])).toEqual([3, 4]);
    expect(newPanelMembers([1, 2], [1])).toEqual([]);
  });
});

describe('deadlines', () => {
  it('counts days on the Japanese calendar', () => {
    expect(tokyoDay(new Date('2027-01-27T14:59:59Z'))).toBe('2027-01-27');
    expect(tokyoDay(new Date('2027-01-27T15:00:00Z'))).toBe('2027-01-28');
    expect(daysBetween('2027-01-28', '2027-01-31')).toBe(3);
    expect(daysBetween('2027-03-01', '2027-02-28')).toBe(-1);
  });

  it('reminds from 3 days before the deadline, and every day after it', () => {
    expect(deadlineStage('2027-01-31', '2027-01-27')).toBeNull();
    expect(deadlineStage('2027-01-31', '2027-01-28')).toBe('soon');
    expect(deadlineStage('2027-01-31', '2027-01-31')).toBe('soon');
    expect(deadlineStage('2027-01-31', '2027-02-01')).toBe('overdue');
  });

  const period: PeriodDeadlines = {
    startsOn: '2026-04-01',
    endsOn: '2027-03-31',
    goalsDue: '2026-05-31',
    selfDue: '2027-01-15',
    firstDue: '2027-01-31',
    secondDue: '2027-02-15',
    adjustDue: '2027-02-28',
    discloseDue: '2027-03-15',
  };

  it('reminds whoever must act of the due date of the step the sheet is at, while the period is open', () => {
    expect(sheetReminder(sheet('first'), period, '2027-01-29')).toEqual({
      staffNo: 'F',
      relation: 'first',
      due: '2027-01-31',
      stage: 'soon',
    });
    expect(
      sheetReminder(sheet('goal-setting', { goalsSubmitted: true }), period, '2026-06-01'),
    ).toMatchObject({
      staffNo: 'F',
      stage: 'overdue',
    });
    expect(sheetReminder(sheet('goal-setting'), period, '2026-06-01')?.staffNo).toBe('S');
    expect(sheetReminder(sheet('first'), period, '2027-01-20')).toBeNull();
    expect(sheetReminder(sheet('first'), period, '2027-04-01')).toBeNull();
    expect(sheetReminder(sheet('first'), { ...period, firstDue: null }, '2027-02-20')).toBeNull();
  });

  it("reminds nobody of HR's steps or an unassigned step; HR's 督促 reminds whatever the deadline", () => {
    expect(sheetReminder(sheet('adjust'), period, '2027-03-01')).toBeNull();
    expect(sheetReminder(sheet('confirmed'), period, '2027-03-20')).toBeNull();
    expect(sheetReminder(sheet('second', { secondStaffNo: null }), period, '2027-02-20')).toBeNull();
    expect(sheetReminder(sheet('first'), period, '2026-07-01', true)).toEqual({
      staffNo: 'F',
      relation: 'first',
      due: '2027-01-31',
      stage: 'requested',
    });
    expect(sheetReminder(sheet('disclosed'), period, '2027-03-20', true)).toBeNull();
  });

  it('keys a reminder by item, recipient and day', () => {
    expect(reminderKey(12, '000103', '2027-01-29')).toBe('reminder:review_sheet:12:000103:2027-01-29');
    expect(reminderKey(12, '000103', '2027-01-30')).not.toBe(reminderKey(12, '000103', '2027-01-29'));
  });
});

describe('noticeTitle', () => {
  const p = { periodName: '令和8年度 人事評価', state: 'first' as const, relation: 'first' as const };

  it('says what to do, in Japanese and English', () => {
    expect(noticeTitle('sheet-arrived', p, 'ja')).toBe('令和8年度 人事評価：一次評価を行ってください');
    expect(noticeTitle('sheet-arrived', p, 'en')).toBe('令和8年度 人事評価: Complete the first evaluation');
    expect(noticeTitle('reminder', { ...p, due: '2027-01-31', stage: 'overdue' }, 'ja')).toBe(
      '【督促】令和8年度 人事評価：期限（2027年1月31日）を過ぎています。一次評価を行ってください',
    );
    expect(noticeTitle('reminder', { ...p, due: '2027-01-31', stage: 'soon' }, 'en')).toBe(
      'Reminder — 令和8年度 人事評価: Complete the first evaluation (due 2027-01-31)',
    );
    expect(noticeTitle('panel-added', { roundName: '令和9年度 新卒採用', stageName: '一次面接' }, 'ja')).toBe(
      '令和9年度 新卒採用：一次面接の面接官に加わりました。評価票を確認してください',
    );
  });

  it('has a title for every kind and step that names no more than the period and the step', () => {
    for (const kind of [
      'sheet-arrived',
      'sheet-sent-back',
      'result-disclosed',
      'appeal-filed',
      'reminder',
    ] as const)
      for (const state of SHEET_STATES)
        for (const relation of SHEET_RELATIONS)
          for (const lang of ['ja', 'en'] as const) {
            const title = noticeTitle(
              kind,
              { periodName: 'P', state, relation, due: null, stage: 'soon' },
              lang,
            );
            expect(
              title.startsWith(kind === 'reminder' ? (lang === 'ja' ? '【督促】P' : 'Reminder — P') : 'P'),
            ).toBe(true);
            expect(title).not.toMatch(/undefined|null/);
          }
  });
});

describe('afterMailFailure', () => {
  it('tries a temporary failure again later, up to the last try; a refusal fails at once', () => {
    expect(afterMailFailure(1, false)).toEqual({ status: 'not-sent', retryInMs: 5 * 60_000 });
    expect(afterMailFailure(2, false)).toEqual({ status: 'not-sent', retryInMs: 10 * 60_000 });
    expect(afterMailFailure(MAIL_MAX_ATTEMPTS, false)).toEqual({ status: 'failed' });
    expect(afterMailFailure(1, true)).toEqual({ status: 'failed' });
  });
});
