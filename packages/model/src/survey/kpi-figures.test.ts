import { describe, expect, it } from 'vitest';
import { kpiByCode, kpiTarget } from '../kpis.js';
import { summariseAnswers } from '../statistics/descriptive.js';
import { kpiBoard, kpiFigures, kpiProgress, kpiStatus, type AnswerMoments } from './kpi-figures.js';

const moments = (answers: number[]): AnswerMoments => ({
  n: answers.length,
  sum: answers.reduce((a, b) => a + b, 0),
  sumSq: answers.reduce((a, b) => a + b * b, 0),
  favourable: answers.filter((a) => a >= 3).length,
});

describe('kpiFigures', () => {
  it('computes mean, n, 95% t interval and favourable share by hand', () => {
    // 4,3,2,1,3: n 5, sum 13, mean 2.6, SS = 39 − 13·2.6 = 5.2, sd = √1.3 = 1.140175,
    // half = t(.975, 4) 2.776445 × 1.140175 / √5 = 1.415715.
    const f = kpiFigures(moments([4, 3, 2, 1, 3]));
    expect(f.n).toBe(5);
    expect(f.mean).toBeCloseTo(2.6, 12);
    expect(f.ci95?.[0]).toBeCloseTo(1.184285, 5);
    expect(f.ci95?.[1]).toBeCloseTo(4.015715, 5);
    expect(f.favourable).toBe(0.6);
  });

  it('equals summariseAnswers on the same answers', () => {
    const answers = [4, 4, 3, 2, 2, 1, 3, 3, 4, 1, 2];
    const f = kpiFigures(moments(answers));
    const s = summariseAnswers(answers);
    expect(f.mean).toBeCloseTo(s.mean ?? NaN, 12);
    expect(f.ci95?.[0]).toBeCloseTo(s.ci95?.[0] ?? NaN, 12);
    expect(f.favourable).toBeCloseTo(s.favourable ?? NaN, 12);
  });

  it('withholds the figures of fewer than 5 answers', () => {
    expect(kpiFigures(moments([4, 4, 4, 4]))).toEqual({ mean: null, n: 4, ci95: null, favourable: null });
  });

  it('gives a zero-width interval when every answer is the same', () => {
    const f = kpiFigures(moments([3, 3, 3, 3, 3]));
    expect(f.ci95).toEqual([3, 3]);
  });
});

describe('kpiStatus and the 2.500 border of the target rule', () => {
  it('a baseline of exactly 2.500 gets the 3.000 target; just under gets 2.500', () => {
    expect(kpiTarget(2.5)).toBe(3);
    expect(kpiTarget(2.499)).toBe(2.5);
    const atBorder = { baseline: 2.5, target: kpiTarget(2.5) };
    expect(kpiStatus(2.9, atBorder)).toBe('improving');
    expect(kpiStatus(2.5, atBorder)).toBe('not-improving');
    const under = { baseline: 2.499, target: kpiTarget(2.499) };
    expect(kpiStatus(2.5, under)).toBe('achieved');
    expect(kpiStatus(2.4996, under)).toBe('achieved'); // shown as 2.500
    expect(kpiStatus(2.4994, under)).toBe('not-improving'); // shown as 2.499, the baseline itself
  });

  it('classifies q08 (baseline 2.024, target 2.500) and q03 (2.972, 3.000)', () => {
    const q08 = kpiByCode('q08');
    expect(q08.target).toBe(2.5);
    expect(kpiStatus(2.024, q08)).toBe('not-improving');
    expect(kpiStatus(2.2, q08)).toBe('improving');
    expect(kpiStatus(2.51, q08)).toBe('achieved');
    expect(kpiStatus(null, q08)).toBe('no-data');
    expect(kpiProgress(2.262, q08)).toBeCloseTo(0.5, 3);
    expect(kpiProgress(1.9, q08)).toBe(0);
    expect(kpiProgress(2.7, q08)).toBe(1);
    const q03 = kpiByCode('q03');
    expect(kpiStatus(3.0, q03)).toBe('achieved');
    expect(kpiStatus(2.9, q03)).toBe('not-improving');
  });
});

describe('kpiBoard', () => {
  it('lists the 15 KPIs with delta from the previous year, null when a year is missing', () => {
    const cur = new Map([['q01', moments([3, 3, 3, 4, 4, 2])]]);
    const prev = new Map([['q01', moments([3, 3, 3, 3, 3])]]);
    const board = kpiBoard(cur, prev);
    expect(board).toHaveLength(15);
    const q01 = board[0];
    expect(q01?.code).toBe('q01');
    expect(q01?.mean).toBeCloseTo(19 / 6, 12);
    expect(q01?.delta).toBeCloseTo(19 / 6 - 3, 12);
    expect(q01?.status).toBe('achieved');
    expect(board[1]).toMatchObject({ code: 'q02', mean: null, n: 0, delta: null, status: 'no-data' });
    expect(kpiBoard(cur, null)[0]?.delta).toBeNull();
  });
});
