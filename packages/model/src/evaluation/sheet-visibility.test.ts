// Unit tests of what each relation sees of a sheet's history and last writer (docs/domain.md §4).
import { describe, expect, it } from 'vitest';
import {
  historyEntryVisible,
  receivingRelation,
  seesAll,
  visibleHistory,
  visibleUpdatedBy,
  type HistoryFacts,
} from './sheet-visibility.js';
import { actingRelation, SHEET_RELATIONS, SHEET_STATES, type SheetState } from './workflow.js';

const entry = (
  action: string,
  fromState: SheetState,
  toState: SheetState,
  loginId: string,
  reason: string | null = null,
  revision = 0,
): HistoryFacts => ({ action, fromState, toState, loginId, reason, revision });

/** A cycle up to first-rate, then sent back by the second evaluator to the first. */
const SENT_BACK: HistoryFacts[] = [
  entry('submit-goals', 'goal-setting', 'goal-setting', 'staff1'),
  entry('agree-goals', 'goal-setting', 'self', 'eval1'),
  entry('self-evaluate', 'self', 'first', 'staff1'),
  entry('first-rate', 'first', 'second', 'eval1'),
  entry('send-back', 'second', 'first', 'eval2', '一次評価の根拠が足りません'),
];
const FIRST_STAGE = { state: 'first' as const, revision: 0 };

describe('actingRelation and receivingRelation', () => {
  it.each([
    ['submit-goals', 'goal-setting', 'goal-setting', 'evaluatee', 'first'],
    ['agree-goals', 'goal-setting', 'self', 'first', 'evaluatee'],
    ['send-back', 'goal-setting', 'goal-setting', 'first', 'evaluatee'],
    ['self-evaluate', 'self', 'first', 'evaluatee', 'first'],
    ['send-back', 'first', 'self', 'first', 'evaluatee'],
    ['first-rate', 'first', 'second', 'first', 'second'],
    ['send-back', 'second', 'first', 'second', 'first'],
    ['second-rate', 'second', 'adjust', 'second', 'adjuster'],
    ['send-back', 'adjust', 'second', 'adjuster', 'second'],
    ['confirm', 'adjust', 'confirmed', 'adjuster', 'adjuster'],
    ['disclose', 'confirmed', 'disclosed', 'adjuster', 'evaluatee'],
    ['appeal', 'disclosed', 'disclosed', 'evaluatee', 'adjuster'],
    ['reopen', 'disclosed', 'adjust', 'adjuster', 'adjuster'],
    ['acknowledge', 'disclosed', 'done', 'evaluatee', null],
  ] as const)('%s from %s to %s is taken as %s and sent to %s', (action, from, to, as, receiver) => {
    expect(actingRelation(action, from)).toBe(as);
    expect(receivingRelation({ action, toState: to })).toBe(receiver);
  });

  it('knows no author for an unknown action', () => {
    expect(actingRelation('fly', 'first')).toBeNull();
  });
});

describe('seesAll', () => {
  it('is the adjuster always, an evaluator from confirmation, the evaluatee from disclosure', () => {
    const from = { adjuster: 0, first: 5, second: 5, evaluatee: 6 };
    for (const r of SHEET_RELATIONS)
      SHEET_STATES.forEach((s, i) => expect(seesAll(s, r), `${r} at ${s}`).toBe(i >= from[r]));
  });
});

describe('visibleHistory', () => {
  it('hides the second evaluator’s send-back to the first (reason and author) from the evaluatee', () => {
    const seen = visibleHistory(SENT_BACK, FIRST_STAGE, ['evaluatee']);
    expect(seen.map((e) => [e.action, e.loginId, e.reason])).toEqual([
      ['submit-goals', 'staff1', null],
      ['agree-goals', 'eval1', null],
      ['self-evaluate', 'staff1', null],
      ['first-rate', null, null],
      ['send-back', null, null],
    ]);
    expect(seen.map((e) => [e.fromState, e.toState])).toEqual(SENT_BACK.map((e) => [e.fromState, e.toState]));
    // A name shown beside the login id is hidden with it.
    const named = visibleHistory(
      SENT_BACK.map((e) => ({ ...e, name: e.loginId ? `${e.loginId}さん` : null })),
      FIRST_STAGE,
      ['evaluatee'],
    );
    expect(named.map((e) => e.name)).toEqual(['staff1さん', 'eval1さん', 'staff1さん', null, null]);
  });

  it('shows the send-back to both evaluators and HR; the second sees the first’s steps sent to them', () => {
    for (const r of ['first', 'adjuster'] as const)
      expect(visibleHistory(SENT_BACK, FIRST_STAGE, [r]), r).toEqual(SENT_BACK);
    const second = visibleHistory(SENT_BACK, FIRST_STAGE, ['second']);
    expect(second.map((e) => [e.action, e.loginId])).toEqual([
      ['submit-goals', 'staff1'],
      ['agree-goals', null],
      ['self-evaluate', 'staff1'],
      ['first-rate', 'eval1'],
      ['send-back', 'eval2'],
    ]);
    expect(second.at(-1)?.reason).toBe('一次評価の根拠が足りません');
  });

  it('shows the first evaluator’s send-back to the evaluatee it was sent to', () => {
    const back = entry('send-back', 'first', 'self', 'eval1', '根拠を追記してください');
    expect(historyEntryVisible(back, { state: 'self', revision: 0 }, ['evaluatee'])).toBe(true);
  });

  it('shows the evaluatee everything once disclosed, an evaluator once confirmed', () => {
    const hr = entry('send-back', 'adjust', 'second', 'hr', '二次評価を見直してください');
    expect(historyEntryVisible(hr, { state: 'adjust', revision: 0 }, ['first'])).toBe(false);
    expect(historyEntryVisible(hr, { state: 'confirmed', revision: 0 }, ['first'])).toBe(true);
    expect(historyEntryVisible(hr, { state: 'confirmed', revision: 0 }, ['evaluatee'])).toBe(false);
    expect(historyEntryVisible(hr, { state: 'disclosed', revision: 0 }, ['evaluatee'])).toBe(true);
  });

  it('keeps an earlier, disclosed revision open after a reopening, and an appeal between evaluatee and HR', () => {
    const old = entry('send-back', 'second', 'first', 'eval2', '根拠', 0);
    const appeal = entry('appeal', 'disclosed', 'disclosed', 'staff1', '再確認してほしい', 0);
    const reopened = { state: 'adjust' as const, revision: 1 };
    expect(historyEntryVisible(old, reopened, ['evaluatee'])).toBe(true);
    expect(historyEntryVisible(old, { state: 'adjust', revision: 0 }, ['evaluatee'])).toBe(false);
    expect(historyEntryVisible(appeal, reopened, ['evaluatee'])).toBe(true);
    expect(historyEntryVisible(appeal, reopened, ['adjuster'])).toBe(true);
    expect(historyEntryVisible(appeal, { state: 'done', revision: 1 }, ['first'])).toBe(false);
    expect(historyEntryVisible(appeal, { state: 'done', revision: 1 }, ['second'])).toBe(false);
  });

  it('lets a person holding several relations see what any of them may', () => {
    expect(visibleHistory(SENT_BACK, FIRST_STAGE, ['evaluatee', 'adjuster'])).toEqual(SENT_BACK);
  });
});

describe('visibleUpdatedBy', () => {
  const viewer = (relations: ('evaluatee' | 'first' | 'second' | 'adjuster')[], displayName: string) => ({
    relations,
    displayName,
  });

  it('does not name the second evaluator to the evaluatee after a send-back to the first', () => {
    expect(visibleUpdatedBy('eval2', FIRST_STAGE, SENT_BACK, viewer(['evaluatee'], 'staff1'))).toBeNull();
    expect(visibleUpdatedBy('eval2', FIRST_STAGE, SENT_BACK, viewer(['first'], 'eval1'))).toBe('eval2');
    expect(visibleUpdatedBy('eval2', FIRST_STAGE, SENT_BACK, viewer(['adjuster'], 'hr'))).toBe('eval2');
  });

  it('names the evaluatee themselves, and the writer once the sheet is disclosed', () => {
    expect(visibleUpdatedBy('staff1', FIRST_STAGE, SENT_BACK, viewer(['evaluatee'], 'staff1'))).toBe(
      'staff1',
    );
    const disclosed = { state: 'disclosed' as const, revision: 0 };
    expect(visibleUpdatedBy('hr', disclosed, SENT_BACK, viewer(['evaluatee'], 'staff1'))).toBe('hr');
  });

  it('names the author of a step to the one it was sent to', () => {
    const back = [...SENT_BACK.slice(0, 3), entry('send-back', 'first', 'self', 'eval1', '根拠')];
    const self = { state: 'self' as const, revision: 0 };
    expect(visibleUpdatedBy('eval1', self, back, viewer(['evaluatee'], 'staff1'))).toBe('eval1');
    expect(visibleUpdatedBy('eval1', self, back, viewer(['second'], 'eval2'))).toBeNull();
  });

  it('keeps null as null, and hides a name on a sheet with no history yet', () => {
    expect(visibleUpdatedBy(null, FIRST_STAGE, SENT_BACK, viewer(['adjuster'], 'hr'))).toBeNull();
    const start = { state: 'goal-setting' as const, revision: 0 };
    expect(visibleUpdatedBy('hr', start, [], viewer(['evaluatee'], 'staff1'))).toBeNull();
  });
});
