import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pearson, rank, spearman } from './correlation.js';

/** The classic 10-pair example (IQ against hours of television a week): rho = 1 − 6·194/(10·99) = −29/165. */
const IQ = [106, 100, 86, 101, 99, 103, 97, 113, 112, 110];
const TV = [7, 27, 2, 50, 28, 29, 20, 12, 6, 17];

/** Anscombe's quartet, set I: r = 0.816. */
const ANSCOMBE_X = [10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5];
const ANSCOMBE_Y = [8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68];

const pairsArb = fc
  .integer({ min: 0, max: 40 })
  .chain((n) =>
    fc.tuple(
      fc.array(fc.integer({ min: -20, max: 20 }), { minLength: n, maxLength: n }),
      fc.array(fc.integer({ min: -20, max: 20 }), { minLength: n, maxLength: n }),
    ),
  );

describe('rank', () => {
  it('gives average ranks to ties', () => {
    expect(rank([10, 20, 20, 30])).toEqual([1, 2.5, 2.5, 4]);
    expect(rank([1, 2, 2, 3, 4, 4, 4, 5])).toEqual([1, 2.5, 2.5, 4, 6, 6, 6, 8]);
    expect(rank([3, 1, 2])).toEqual([3, 1, 2]);
    expect(rank([7, 7, 7])).toEqual([2, 2, 2]);
    expect(rank([])).toEqual([]);
    expect(() => rank([1, Number.NaN])).toThrow(RangeError);
  });

  it('sums to n(n+1)/2 and is a permutation without ties (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 50 }), (xs) => {
        const r = rank(xs);
        const n = xs.length;
        expect(r.reduce((s, v) => s + v, 0)).toBeCloseTo((n * (n + 1)) / 2, 9);
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++) {
            if ((xs[i] ?? 0) < (xs[j] ?? 0)) expect(r[i] ?? 0).toBeLessThan(r[j] ?? 0);
            if (xs[i] === xs[j]) expect(r[i]).toBe(r[j]);
          }
        }
      }),
    );
  });
});

describe('pearson', () => {
  it("matches Anscombe's quartet", () => {
    expect(pearson(ANSCOMBE_X, ANSCOMBE_Y)).toBeCloseTo(0.816, 3);
    expect(pearson(ANSCOMBE_X, ANSCOMBE_Y)).toBeCloseTo(0.8164205163448395, 12);
  });

  it('is ±1 on a line and null where undefined', () => {
    expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(pearson([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
    expect(pearson([1, 2, 3], [5, 5, 5])).toBeNull();
    expect(pearson([1, 2, 3, 4, 5, 6, 7], [2.7, 2.7, 2.7, 2.7, 2.7, 2.7, 2.7])).toBeNull();
    expect(pearson([0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1], [1, 2, 3, 4, 5, 6, 7])).toBeNull();
    expect(pearson([1], [2])).toBeNull();
    expect(pearson([], [])).toBeNull();
    expect(() => pearson([1, 2], [1])).toThrow(RangeError);
    expect(() => pearson([1, Number.POSITIVE_INFINITY], [1, 2])).toThrow(RangeError);
  });
});

describe('spearman', () => {
  it('matches the classic 10-pair textbook example, with its Fisher-z interval', () => {
    const r = spearman(IQ, TV);
    expect(r.n).toBe(10);
    expect(r.rho).toBeCloseTo(-29 / 165, 12);
    expect(r.rho).toBeCloseTo(-0.1758, 4);
    // atanh(−0.17576) ± 1.959964/√7, back through tanh.
    expect(r.ci95?.[0]).toBeCloseTo(-0.7251388558041697, 10);
    expect(r.ci95?.[1]).toBeCloseTo(0.5103442296483449, 10);
  });

  it('handles ties through average ranks', () => {
    // SciPy spearmanr on the same data: 0.9007775105401477.
    expect(spearman([1, 2, 2, 3, 4, 4, 4, 5], [2, 1, 3, 3, 5, 4, 6, 6]).rho).toBeCloseTo(
      0.9007775105401477,
      12,
    );
  });

  it('has no interval below 4 pairs and no rho where undefined', () => {
    expect(spearman([1, 2, 3], [1, 3, 2])).toEqual({ rho: 0.5, n: 3, ci95: null });
    expect(spearman([1], [1])).toEqual({ rho: null, n: 1, ci95: null });
    expect(spearman([], [])).toEqual({ rho: null, n: 0, ci95: null });
    expect(spearman([1, 2, 3, 4, 5], [2, 2, 2, 2, 2])).toEqual({ rho: null, n: 5, ci95: null });
  });

  it('collapses the interval to a point for |rho| = 1', () => {
    expect(spearman([1, 2, 3, 4, 5], [1, 4, 9, 16, 25])).toEqual({ rho: 1, n: 5, ci95: [1, 1] });
    expect(spearman([1, 2, 3, 4, 5], [5, 4, 3, 2, 1])).toEqual({ rho: -1, n: 5, ci95: [-1, -1] });
  });

  it('lies in [−1, 1], is symmetric and its interval contains it (property)', () => {
    fc.assert(
      fc.property(pairsArb, ([x, y]) => {
        const r = spearman(x, y);
        const s = spearman(y, x);
        expect(r.n).toBe(x.length);
        if (r.rho === null) {
          expect(s.rho).toBeNull();
          return;
        }
        expect(r.rho).toBeGreaterThanOrEqual(-1);
        expect(r.rho).toBeLessThanOrEqual(1);
        expect(s.rho ?? Number.NaN).toBeCloseTo(r.rho, 12);
        if (r.ci95 !== null) {
          expect(r.ci95[0]).toBeLessThanOrEqual(r.rho + 1e-12);
          expect(r.ci95[1]).toBeGreaterThanOrEqual(r.rho - 1e-12);
          expect(r.ci95[0]).toBeGreaterThanOrEqual(-1);
          expect(r.ci95[1]).toBeLessThanOrEqual(1);
        } else {
          expect(x.length).toBeLessThan(4);
        }
      }),
    );
  });

  it('is invariant under strictly increasing transforms and flips sign under decreasing ones (property)', () => {
    fc.assert(
      fc.property(pairsArb, ([x, y]) => {
        const r = spearman(x, y).rho;
        const increasing = spearman(
          x.map((v) => v ** 3 + 2 * v),
          y.map((v) => Math.exp(v / 10)),
        ).rho;
        const decreasing = spearman(
          x.map((v) => -5 * v),
          y,
        ).rho;
        if (r === null) {
          expect(increasing).toBeNull();
          expect(decreasing).toBeNull();
        } else {
          expect(increasing ?? Number.NaN).toBeCloseTo(r, 12);
          expect(decreasing ?? Number.NaN).toBeCloseTo(-r, 12);
        }
      }),
    );
  });

  it('equals 1 − 6Σd²/(n(n²−1)) when there are no ties (property)', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 30 })
          .chain((n) =>
            fc.tuple(
              fc.uniqueArray(fc.integer({ min: -100, max: 100 }), { minLength: n, maxLength: n }),
              fc.uniqueArray(fc.integer({ min: -100, max: 100 }), { minLength: n, maxLength: n }),
            ),
          ),
        ([x, y]) => {
          const n = x.length;
          const rx = rank(x);
          const ry = rank(y);
          const d2 = rx.reduce((s, v, i) => s + (v - (ry[i] ?? 0)) ** 2, 0);
          expect(spearman(x, y).rho ?? Number.NaN).toBeCloseTo(1 - (6 * d2) / (n * (n * n - 1)), 12);
        },
      ),
    );
  });
});
