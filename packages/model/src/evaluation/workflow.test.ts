import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allowedActions,
  applyAction,
  editablePart,
  INITIAL_STATUS,
  SHEET_ACTIONS,
  SHEET_RELATIONS,
  SHEET_STATES,
  visibleParts,
  type SheetAction,
  type SheetRelation,
  type SheetState,
  type SheetStatus,
} from './workflow.js';

const T0 = '2027-03-01T00:00:00.000Z';
const day = (n: number) => new Date(Date.parse(T0) + n * 86_400_000).toISOString();
const status = (state: SheetState, extra: Partial<SheetStatus> = {}): SheetStatus => ({
  ...INITIAL_STATUS,
  state,
  ...(state === 'disclosed' || state === 'done' ? { disclosedAt: T0 } : {}),
  ...extra,
});

/** Every allowed transition: [from status, action, relation, to state]. */
const ALLOWED: [SheetStatus, SheetAction, SheetRelation, SheetState][] = [
  [status('goal-setting'), 'submit-goals', 'evaluatee', 'goal-setting'],
  [status('goal-setting', { goalsSubmitted: true }), 'agree-goals', 'first', 'self'],
  [status('goal-setting', { goalsSubmitted: true }), 'send-back', 'first', 'goal-setting'],
  [status('self'), 'self-evaluate', 'evaluatee', 'first'],
  [status('first'), 'first-rate', 'first', 'second'],
  [status('first'), 'send-back', 'first', 'self'],
  [status('second'), 'second-rate', 'second', 'adjust'],
  [status('second'), 'send-back', 'second', 'first'],
  [status('adjust'), 'confirm', 'adjuster', 'confirmed'],
  [status('adjust'), 'send-back', 'adjuster', 'second'],
  [status('confirmed'), 'disclose', 'adjuster', 'disclosed'],
  [status('disclosed'), 'acknowledge', 'evaluatee', 'done'],
  [status('disclosed'), 'appeal', 'evaluatee', 'disclosed'],
  [status('disclosed', { appealOpen: true }), 'reopen', 'adjuster', 'adjust'],
];

const key = (s: SheetStatus) => `${s.state}/${s.goalsSubmitted}/${s.appealOpen}`;
const STATUSES: SheetStatus[] = [
  ...SHEET_STATES.map((s) => status(s)),
  status('goal-setting', { goalsSubmitted: true }),
  status('disclosed', { appealOpen: true }),
];

describe('the evaluation workflow', () => {
  it.each(ALLOWED)('allows %j %s by %s', (from, action, relation, toState) => {
    const out = applyAction(from, { action, relations: [relation], at: day(1), reason: '理由' });
    expect(out).toMatchObject({ ok: true, to: toState, as: relation });
  });

  it('forbids every other combination of status, action and relation', () => {
    const allowed = new Set(ALLOWED.map(([s, a, r]) => `${key(s)}|${a}|${r}`));
    let forbidden = 0;
    for (const s of STATUSES)
      for (const action of SHEET_ACTIONS)
        for (const relation of SHEET_RELATIONS) {
          if (allowed.has(`${key(s)}|${action}|${relation}`)) continue;
          const out = applyAction(s, { action, relations: [relation], at: day(1), reason: '理由' });
          expect(out.ok, `${key(s)} ${action} ${relation}`).toBe(false);
          forbidden++;
        }
    expect(forbidden).toBe(STATUSES.length * SHEET_ACTIONS.length * SHEET_RELATIONS.length - ALLOWED.length);
  });

  it('tells a wrong role (403) from a wrong step (409)', () => {
    expect(
      applyAction(status('second'), { action: 'second-rate', relations: ['first'], at: T0 }),
    ).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(
      applyAction(status('first'), { action: 'second-rate', relations: ['second'], at: T0 }),
    ).toMatchObject({
      ok: false,
      code: 'invalid_state',
    });
  });

  it('needs a reason to send back or appeal', () => {
    for (const reason of [undefined, '', '  ']) {
      expect(
        applyAction(status('first'), { action: 'send-back', relations: ['first'], at: T0, reason }),
      ).toMatchObject({ ok: false, code: 'reason_required' });
      expect(
        applyAction(status('disclosed'), { action: 'appeal', relations: ['evaluatee'], at: day(1), reason }),
      ).toMatchObject({ ok: false, code: 'reason_required' });
    }
  });

  it('takes an appeal within 7 days of disclosure only', () => {
    const appeal = (at: string) =>
      applyAction(status('disclosed'), {
        action: 'appeal',
        relations: ['evaluatee'],
        at,
        reason: '納得できない',
      });
    expect(appeal(day(7)).ok).toBe(true);
    expect(appeal(new Date(Date.parse(day(7)) + 1).toISOString())).toMatchObject({
      ok: false,
      code: 'appeal_closed',
    });
  });

  it('runs the whole cycle with an appeal, a new revision and re-disclosure', () => {
    const steps: [SheetAction, SheetRelation][] = [
      ['submit-goals', 'evaluatee'],
      ['agree-goals', 'first'],
      ['self-evaluate', 'evaluatee'],
      ['first-rate', 'first'],
      ['second-rate', 'second'],
      ['confirm', 'adjuster'],
      ['disclose', 'adjuster'],
      ['appeal', 'evaluatee'],
      ['reopen', 'adjuster'],
      ['confirm', 'adjuster'],
      ['disclose', 'adjuster'],
      ['acknowledge', 'evaluatee'],
    ];
    let s = INITIAL_STATUS;
    for (const [action, relation] of steps) {
      const out = applyAction(s, { action, relations: [relation], at: day(1), reason: 'r' });
      if (!out.ok) throw new Error(`${action}: ${out.message}`);
      s = out.status;
    }
    expect(s).toMatchObject({ state: 'done', revision: 1, appealOpen: false });
  });

  it('lists the allowed actions per relation', () => {
    expect(allowedActions(status('first'), ['first'], T0)).toEqual(['first-rate', 'send-back']);
    expect(allowedActions(status('first'), ['evaluatee', 'second'], T0)).toEqual([]);
    expect(allowedActions(status('disclosed'), ['evaluatee'], day(8))).toEqual(['acknowledge']);
  });

  it('lets each relation edit only its own part at its own step', () => {
    expect(editablePart(status('goal-setting'), 'evaluatee')).toBe('goals');
    expect(editablePart(status('goal-setting', { goalsSubmitted: true }), 'evaluatee')).toBeNull();
    expect(editablePart(status('second'), 'first')).toBeNull();
    expect(editablePart(status('second'), 'second')).toBe('second');
    expect(editablePart(status('confirmed'), 'adjuster')).toBeNull();
  });

  it('shows the evaluatee the evaluators’ ratings only after disclosure', () => {
    for (const s of SHEET_STATES) {
      const v = visibleParts(s, 'evaluatee');
      const open = s === 'disclosed' || s === 'done';
      expect(v).toEqual({ self: true, first: open, second: open, final: open });
    }
    expect(visibleParts('first', 'first').self).toBe(true);
    expect(visibleParts('self', 'first').self).toBe(false);
    expect(visibleParts('second', 'first').second).toBe(false);
    expect(visibleParts('second', 'second').first).toBe(true);
    expect(visibleParts('goal-setting', 'adjuster')).toEqual({
      self: true,
      first: true,
      second: true,
      final: true,
    });
  });
});

describe('workflow properties', () => {
  const step = fc.record({
    action: fc.constantFrom(...SHEET_ACTIONS),
    relations: fc.subarray([...SHEET_RELATIONS], { minLength: 1 }),
    days: fc.integer({ min: 0, max: 10 }),
    reason: fc.option(fc.constantFrom('', '理由あり'), { nil: undefined }),
  });

  it('never reaches an invalid status nor skips a step', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        let s = INITIAL_STATUS;
        let clock = Date.parse(T0);
        for (const st of steps) {
          clock += st.days * 86_400_000;
          const out = applyAction(s, { ...st, at: new Date(clock).toISOString() });
          if (!out.ok) {
            expect(['forbidden', 'invalid_state', 'appeal_closed', 'reason_required']).toContain(out.code);
            continue;
          }
          const from = SHEET_STATES.indexOf(out.from);
          const to = SHEET_STATES.indexOf(out.to);
          expect(to).toBeGreaterThanOrEqual(0);
          // Forward by at most one step; back by one (差戻し) or from 開示 to 調整 (reopening after an appeal).
          const reopen = out.from === 'disclosed' && out.to === 'adjust';
          expect(to - from <= 1 && (to - from >= -1 || reopen)).toBe(true);
          if (reopen) expect(out.status.revision).toBe(s.revision + 1);
          else expect(out.status.revision).toBe(s.revision);
          s = out.status;
          expect(s.appealOpen ? s.state === 'disclosed' : true).toBe(true);
          expect(['disclosed', 'done'].includes(s.state) ? s.disclosedAt !== null : true).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('confirms only from adjustment and discloses only a confirmed sheet', () => {
    fc.assert(
      fc.property(fc.constantFrom(...STATUSES), fc.constantFrom(...SHEET_ACTIONS), (s, action) => {
        const out = applyAction(s, { action, relations: [...SHEET_RELATIONS], at: day(1), reason: 'r' });
        if (out.ok && out.to === 'confirmed' && out.from !== 'confirmed') expect(out.from).toBe('adjust');
        if (out.ok && out.to === 'disclosed' && out.from !== 'disclosed') expect(out.from).toBe('confirmed');
        if (out.ok && out.to === 'done') expect(out.from).toBe('disclosed');
      }),
    );
  });
});
