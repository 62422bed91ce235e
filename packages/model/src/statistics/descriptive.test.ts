import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  logGamma,
  mean,
  meanCi95,
  meanCiFromMoments,
  normalCdf,
  normalQuantile,
  regularizedIncompleteBeta,
  sd,
  studentTCdf,
  studentTQuantile,
  summariseAnswerMoments,
  summariseAnswers,
  variance,
} from './descriptive.js';

const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
const likert = fc.integer({ min: 1, max: 4 });

describe('mean, variance, sd', () => {
  it('computes textbook values', () => {
    // Sample variance of 2, 4, 4, 4, 5, 5, 7, 9 is 32/7 (population variance 4).
    const xs = [2, 4, 4, 4, 5, 5, 7, 9];
    expect(mean(xs)).toBeCloseTo(5, 12);
    expect(variance(xs)).toBeCloseTo(32 / 7, 12);
    expect(sd(xs)).toBeCloseTo(Math.sqrt(32 / 7), 12);
  });

  it('is NaN where undefined', () => {
    expect(mean([])).toBeNaN();
    expect(variance([3])).toBeNaN();
    expect(sd([])).toBeNaN();
  });

  it('gives zero variance for constant data, even for awkward decimals', () => {
    expect(variance([0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1])).toBe(0);
    expect(mean([0.1, 0.1, 0.1])).toBeCloseTo(0.1, 15);
  });

  it('is stable for large offsets', () => {
    const xs = [1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16];
    expect(variance(xs)).toBeCloseTo(30, 6);
  });

  it('shifts and scales as it should (property)', () => {
    fc.assert(
      fc.property(fc.array(finite, { minLength: 2, maxLength: 40 }), finite, (xs, c) => {
        const shifted = xs.map((x) => x + c);
        expect(mean(shifted)).toBeCloseTo(mean(xs) + c, 3);
        const v = variance(xs);
        expect(variance(shifted)).toBeCloseTo(v, Math.max(0, 3 - Math.ceil(Math.log10(1 + v))));
        expect(variance(xs)).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe('special functions', () => {
  it('logGamma matches factorials and Γ(1/2) = √π', () => {
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(2)).toBeCloseTo(0, 14);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(logGamma(11)).toBeCloseTo(Math.log(3628800), 12);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
    expect(logGamma(0.1)).toBeCloseTo(2.252712651734206, 12);
    expect(() => logGamma(0)).toThrow(RangeError);
  });

  it('regularizedIncompleteBeta matches closed forms', () => {
    for (const x of [0, 0.01, 0.3, 0.5, 0.77, 0.999, 1]) {
      expect(regularizedIncompleteBeta(x, 1, 1)).toBeCloseTo(x, 13);
      expect(regularizedIncompleteBeta(x, 3, 1)).toBeCloseTo(x ** 3, 13);
      expect(regularizedIncompleteBeta(x, 1, 4)).toBeCloseTo(1 - (1 - x) ** 4, 13);
    }
    for (const a of [0.5, 2, 7.5, 40, 500]) expect(regularizedIncompleteBeta(0.5, a, a)).toBeCloseTo(0.5, 12);
  });

  it('regularizedIncompleteBeta matches reference values (SciPy betainc)', () => {
    expect(regularizedIncompleteBeta(0.4, 2.5, 3.5)).toBeCloseTo(0.4869041915261176, 13);
    expect(regularizedIncompleteBeta(0.9, 10, 0.5)).toBeCloseTo(0.15164090963470994, 13);
    expect(regularizedIncompleteBeta(0.01, 0.3, 4)).toBeCloseTo(0.41023606739596147, 13);
    expect(() => regularizedIncompleteBeta(1.5, 1, 1)).toThrow(RangeError);
    expect(() => regularizedIncompleteBeta(0.5, 0, 1)).toThrow(RangeError);
  });

  it('regularizedIncompleteBeta satisfies I_x(a,b) = 1 − I_{1−x}(b,a) (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.double({ min: 0.2, max: 60, noNaN: true }),
        fc.double({ min: 0.2, max: 60, noNaN: true }),
        (x, a, b) => {
          expect(regularizedIncompleteBeta(x, a, b)).toBeCloseTo(
            1 - regularizedIncompleteBeta(1 - x, b, a),
            12,
          );
        },
      ),
    );
  });
});

describe('studentTQuantile', () => {
  it('matches printed t tables', () => {
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.7062, 4);
    expect(studentTQuantile(0.975, 4)).toBeCloseTo(2.7764, 4);
    expect(studentTQuantile(0.975, 29)).toBeCloseTo(2.0452, 4);
    expect(studentTQuantile(0.975, 30)).toBeCloseTo(2.0423, 4);
    expect(studentTQuantile(0.975, 1000)).toBeCloseTo(1.9623, 4);
    expect(studentTQuantile(0.95, 1)).toBeCloseTo(6.3138, 4);
    expect(studentTQuantile(0.995, 10)).toBeCloseTo(3.1693, 4);
  });

  it('matches reference values to better than 1e-8 (SciPy t.ppf)', () => {
    const cases: [p: number, df: number, t: number][] = [
      [0.975, 1, 12.706204736174694],
      [0.975, 2, 4.302652729749462],
      [0.975, 4, 2.7764451051977934],
      [0.975, 29, 2.045229642132703],
      [0.975, 100, 1.9839715185235518],
      [0.975, 1000, 1.9623390808264083],
      [0.975, 1e6, 1.959966356814107],
      [0.975, 99999, 1.9599877077718442],
      [0.975, 100001, 1.9599877072973786],
      [0.975, 1e8, 1.9599640082627663],
      [1e-8, 1e10, -5.612001248733777],
      [1e-8, 1e20, -5.61200124417479],
      [0.995, 10, 3.16927267261695],
      [0.9995, 2, 31.599054576445365],
      [0.9, 3, 1.637744353696209],
      [0.6, 5, 0.2671808657041451],
      [0.999999, 3, 103.29946777942898],
      [0.975, 2.5, 3.5746548420036817],
      [0.975, 0.5, 164.55767348048818],
      [1e-10, 7, -53.83557948467374],
    ];
    for (const [p, df, t] of cases) {
      expect(Math.abs(studentTQuantile(p, df) - t) / Math.max(1, Math.abs(t))).toBeLessThan(1e-9);
    }
  });

  it('handles the edges', () => {
    expect(studentTQuantile(0.5, 7)).toBe(0);
    expect(studentTQuantile(0, 7)).toBe(Number.NEGATIVE_INFINITY);
    expect(studentTQuantile(1, 7)).toBe(Number.POSITIVE_INFINITY);
    expect(studentTQuantile(0.975, Number.POSITIVE_INFINITY)).toBeCloseTo(1.959963984540054, 12);
    expect(() => studentTQuantile(1.2, 3)).toThrow(RangeError);
    expect(() => studentTQuantile(Number.NaN, 3)).toThrow(RangeError);
    expect(() => studentTQuantile(0.9, 0)).toThrow(RangeError);
  });

  it('inverts the CDF, is antisymmetric and falls towards the normal as df grows (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.0005, max: 0.9995, noNaN: true }),
        fc.double({ min: 1, max: 5000, noNaN: true }),
        (p, df) => {
          const t = studentTQuantile(p, df);
          expect(studentTCdf(t, df)).toBeCloseTo(p, 12);
          expect(studentTQuantile(1 - p, df)).toBeCloseTo(-t, 8);
          if (p > 0.5) {
            expect(t).toBeGreaterThan(0);
            expect(studentTQuantile(p, df + 1)).toBeLessThanOrEqual(t + 1e-12);
            expect(t).toBeGreaterThanOrEqual(normalQuantile(p) - 1e-12);
          }
        },
      ),
    );
  });

  it('agrees with the closed forms for one and two degrees of freedom in the general solver (property)', () => {
    // df = 1 + tiny and 2 + tiny go through the Newton solver; they must sit next to the exact answers.
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 0.99, noNaN: true }), (p) => {
        const cauchy = Math.tan(Math.PI * (p - 0.5));
        expect(studentTQuantile(p, 1 + 1e-9)).toBeCloseTo(cauchy, 6);
        const two = (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
        expect(studentTQuantile(p, 2 + 1e-9)).toBeCloseTo(two, 6);
      }),
    );
  });
});

describe('studentTCdf', () => {
  it('matches reference values (SciPy t.cdf)', () => {
    expect(studentTCdf(2, 3)).toBeCloseTo(0.9303370157205785, 13);
    expect(studentTCdf(-1.5, 10)).toBeCloseTo(0.08225366322272007, 13);
    expect(studentTCdf(0.1, 1)).toBeCloseTo(0.5317255174305535, 13);
    expect(studentTCdf(40, 2)).toBeCloseTo(0.9996877926639076, 13);
    expect(studentTCdf(1.96, 1e6)).toBeCloseTo(0.9750019662073651, 13);
    expect(studentTCdf(1.96, 1e10)).toBeCloseTo(0.9750021048379152, 13);
    expect(studentTCdf(0, 5)).toBe(0.5);
    expect(studentTCdf(Number.POSITIVE_INFINITY, 5)).toBe(1);
    expect(studentTCdf(Number.NEGATIVE_INFINITY, 5)).toBe(0);
  });
});

describe('normalQuantile and normalCdf', () => {
  it('match reference values (AS 241)', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.995)).toBeCloseTo(2.5758293035489004, 14);
    expect(normalQuantile(0.999)).toBeCloseTo(3.090232306167813, 14);
    expect(normalQuantile(0.9)).toBeCloseTo(1.2815515655446004, 14);
    expect(normalQuantile(0.3)).toBeCloseTo(-0.5244005127080409, 14);
    expect(normalQuantile(0.02425)).toBeCloseTo(-1.972961051311885, 14);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 12);
    expect(normalQuantile(1e-300)).toBeCloseTo(-37.0470962993612, 10);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(() => normalQuantile(-0.1)).toThrow(RangeError);
  });

  it('normalCdf matches reference values', () => {
    const cases: [number, number][] = [
      [-8, 6.22096057427174e-16],
      [-3, 0.0013498980316300933],
      [-1.5, 0.06680720126885807],
      [-0.3, 0.3820885778110474],
      [0, 0.5],
      [0.2, 0.579259709439103],
      [0.45, 0.67364477971208],
      [0.6, 0.7257468822499265],
      [1.96, 0.9750021048517795],
      [3.5, 0.9997673709209645],
      [5, 0.9999997133484281],
    ];
    for (const [x, p] of cases) expect(normalCdf(x)).toBeCloseTo(p, 14);
    expect(normalCdf(-8) / 6.22096057427174e-16).toBeCloseTo(1, 12);
  });

  it('normalCdf inverts normalQuantile (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }), (p) => {
        expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 14);
      }),
    );
  });
});

describe('meanCi95', () => {
  it('computes the t interval of a textbook sample', () => {
    // 5 values, mean 3, sd √2.5; half-width t(0.975, 4) × sd / √5 = 2.7764451 × 0.7071068.
    const r = meanCi95([1, 2, 3, 4, 5]);
    expect(r.mean).toBeCloseTo(3, 12);
    expect(r.n).toBe(5);
    expect(r.sd).toBeCloseTo(Math.sqrt(2.5), 12);
    const half = 2.7764451051977934 * Math.sqrt(2.5 / 5);
    expect(r.ci95?.[0]).toBeCloseTo(3 - half, 10);
    expect(r.ci95?.[1]).toBeCloseTo(3 + half, 10);
    expect(half).toBeCloseTo(1.963243, 6);
  });

  it('gives no interval below two values', () => {
    expect(meanCi95([])).toEqual({ mean: null, n: 0, sd: null, ci95: null });
    expect(meanCi95([2.5])).toEqual({ mean: 2.5, n: 1, sd: null, ci95: null });
  });

  it('gives a degenerate interval for constant data', () => {
    expect(meanCi95([3, 3, 3]).ci95).toEqual([3, 3]);
  });

  it('rejects non-finite values', () => {
    expect(() => meanCi95([1, Number.NaN])).toThrow(RangeError);
  });

  it('contains the mean, symmetrically (property)', () => {
    fc.assert(
      fc.property(fc.array(finite, { minLength: 2, maxLength: 50 }), (xs) => {
        const r = meanCi95(xs);
        const [lo, hi] = r.ci95 ?? [Number.NaN, Number.NaN];
        expect(lo).toBeLessThanOrEqual(r.mean ?? Number.NaN);
        expect(hi).toBeGreaterThanOrEqual(r.mean ?? Number.NaN);
        expect(hi - (r.mean ?? 0)).toBeCloseTo((r.mean ?? 0) - lo, 4);
      }),
    );
  });
});

describe('meanCiFromMoments', () => {
  const moments = (xs: readonly number[]) => ({
    n: xs.length,
    sum: xs.reduce((a, b) => a + b, 0),
    sumSq: xs.reduce((a, b) => a + b * b, 0),
  });

  it('equals meanCi95 on survey-like data (property)', () => {
    fc.assert(
      fc.property(fc.array(likert, { maxLength: 300 }), (xs) => {
        const { n, sum, sumSq } = moments(xs);
        const a = meanCi95(xs);
        const b = meanCiFromMoments(n, sum, sumSq);
        expect(b.n).toBe(a.n);
        if (a.mean === null) expect(b.mean).toBeNull();
        else expect(b.mean).toBeCloseTo(a.mean, 12);
        if (a.ci95 === null) expect(b.ci95).toBeNull();
        else {
          expect(b.ci95?.[0]).toBeCloseTo(a.ci95[0], 10);
          expect(b.ci95?.[1]).toBeCloseTo(a.ci95[1], 10);
        }
      }),
    );
  });

  it('equals meanCi95 on decimal data (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 2, maxLength: 100 }),
        (xs) => {
          const { n, sum, sumSq } = moments(xs);
          const a = meanCi95(xs);
          const b = meanCiFromMoments(n, sum, sumSq);
          expect(b.ci95?.[0]).toBeCloseTo(a.ci95?.[0] ?? Number.NaN, 6);
          expect(b.ci95?.[1]).toBeCloseTo(a.ci95?.[1] ?? Number.NaN, 6);
        },
      ),
    );
  });

  it('gives a degenerate interval for constant data despite cancellation', () => {
    const xs = Array.from({ length: 1736 }, () => 0.1);
    const { n, sum, sumSq } = moments(xs);
    const r = meanCiFromMoments(n, sum, sumSq);
    expect(r.sd).toBe(0);
    expect(r.ci95?.[0]).toBeCloseTo(0.1, 12);
    expect(r.ci95?.[1]).toBeCloseTo(0.1, 12);
  });

  it('validates its input', () => {
    expect(meanCiFromMoments(0, 0, 0)).toEqual({ mean: null, n: 0, sd: null, ci95: null });
    expect(meanCiFromMoments(1, 3, 9)).toEqual({ mean: 3, n: 1, sd: null, ci95: null });
    expect(() => meanCiFromMoments(-1, 0, 0)).toThrow(RangeError);
    expect(() => meanCiFromMoments(2.5, 0, 0)).toThrow(RangeError);
    expect(() => meanCiFromMoments(2, 1, -1)).toThrow(RangeError);
  });
});

describe('summariseAnswers', () => {
  it('reports n, mean, interval and the share answering 3 or 4', () => {
    const r = summariseAnswers([4, 3, 3, 2, 1, 4, 2, 3]);
    expect(r.n).toBe(8);
    expect(r.mean).toBeCloseTo(2.75, 12);
    expect(r.favourable).toBeCloseTo(5 / 8, 12);
    expect(r.ci95).not.toBeNull();
  });

  it('skips missing answers', () => {
    const r = summariseAnswers([4, null, undefined, 2]);
    expect(r.n).toBe(2);
    expect(r.mean).toBeCloseTo(3, 12);
    expect(r.favourable).toBeCloseTo(0.5, 12);
  });

  it('has no figures for no answers', () => {
    expect(summariseAnswers([])).toEqual({ mean: null, n: 0, sd: null, ci95: null, favourable: null });
  });

  it('rejects answers off the 4-point scale', () => {
    expect(() => summariseAnswers([5])).toThrow(RangeError);
    expect(() => summariseAnswers([0])).toThrow(RangeError);
    expect(() => summariseAnswers([2.5])).toThrow(RangeError);
  });

  it('equals the SQL-aggregate form (property)', () => {
    fc.assert(
      fc.property(fc.array(likert, { maxLength: 200 }), (xs) => {
        const a = summariseAnswers(xs);
        const b = summariseAnswerMoments(
          xs.length,
          xs.reduce((s, x) => s + x, 0),
          xs.reduce((s, x) => s + x * x, 0),
          xs.filter((x) => x >= 3).length,
        );
        expect(b.n).toBe(a.n);
        expect(b.favourable ?? -1).toBeCloseTo(a.favourable ?? -1, 12);
        expect(b.mean ?? -1).toBeCloseTo(a.mean ?? -1, 12);
        expect(b.ci95?.[0] ?? -1).toBeCloseTo(a.ci95?.[0] ?? -1, 10);
        expect(a.favourable === null || (a.favourable >= 0 && a.favourable <= 1)).toBe(true);
      }),
    );
    expect(() => summariseAnswerMoments(2, 5, 13, 3)).toThrow(RangeError);
  });
});
