import { describe, expect, it } from 'vitest';
import { askTallyText, askText, doneText, reasonLines, tallyByState } from './bulk-text';

describe('the bulk actions’ texts', () => {
  it('counts the selection by step in the workflow’s order', () => {
    expect(tallyByState(['confirmed', 'adjust', 'adjust', null])).toEqual([
      { state: 'adjust', n: 2 },
      { state: 'confirmed', n: 1 },
    ]);
  });

  it('says how many, in which steps, and which will be skipped', () => {
    const selected = [...Array<'adjust'>(10).fill('adjust'), 'confirmed', 'confirmed'] as const;
    const skipped = [
      { reason: 'invalid_state', state: 'confirmed' },
      { reason: 'invalid_state', state: 'confirmed' },
    ] as const;
    expect(askText('ja', 'confirm', selected, skipped)).toBe(
      '選択した12件（調整 10件、確定 2件）を確定します。確定の2件はスキップされます。',
    );
    expect(askText('en', 'confirm', selected, skipped)).toBe(
      'Confirm the 12 selected sheets (Adjustment 10, Confirmed 2). The 2 at Confirmed will be skipped.',
    );
    expect(askText('ja', 'disclose', ['confirmed'], [])).toBe('選択した1件（確定 1件）を開示します。');
    expect(askText('ja', 'confirm', ['done'], [{ reason: 'invalid_state', state: 'done' }])).toBe(
      '選択したシートには確定できるものがありません。',
    );
  });

  it('asks about every sheet the filters find, counted by step on the server', () => {
    const tally = [
      { state: 'adjust', n: 950 },
      { state: 'confirmed', n: 6 },
    ] as const;
    const skipped = Array(6).fill({ reason: 'invalid_state', state: 'confirmed' });
    expect(askTallyText('ja', 'confirm', tally, 956, skipped)).toBe(
      '選択した956件（調整 950件、確定 6件）を確定します。確定の6件はスキップされます。',
    );
    expect(askTallyText('ja', 'disclose', [], 0, [])).toBe('選択したシートには開示できるものがありません。');
  });

  it('writes thousands with separators and names the reasons', () => {
    const many = Array<'adjust'>(1200).fill('adjust');
    expect(askText('ja', 'confirm', many, [])).toBe('選択した1,200件（調整 1,200件）を確定します。');
    expect(
      reasonLines('ja', 'confirm', [
        { reason: 'incomplete', state: 'adjust' },
        { reason: 'invalid_state', state: 'done' },
        { reason: 'invalid_state', state: 'first' },
      ]),
    ).toEqual(['この段階では確定できない：2件', '未評価の項目がある：1件']);
  });

  it('reports what was done and skipped', () => {
    expect(doneText('ja', 'confirm', 10, 2)).toBe('10件を確定しました。2件はスキップしました。');
    expect(doneText('en', 'disclose', 3, 0)).toBe('Disclosed 3 sheets.');
    expect(doneText('ja', 'remind', 3, 1, ['evaluatee', 'first', 'first'])).toBe(
      '3件について督促しました（本人 1人、一次評価者 2人）。お知らせに届き、メールが設定されていればメールでも送られます。1件はスキップしました。',
    );
    expect(doneText('ja', 'confirm', 0, 2)).toBe('処理したシートはありません。2件はスキップしました。');
  });
});
