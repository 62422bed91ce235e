import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  calibratedScores,
  completeRows,
  LENIENCY_THRESHOLD,
  raterLeniency,
  ratingMatrix,
  standardiseWithinRater,
  type RaterScore,
} from './calibration.js';
import { mean, sd } from './descriptive.js';
import { icc2k, icc3k, krippendorffAlphaInterval, twoWayAnova } from './reliability.js';

/** Scores of a complete subjects × raters matrix; raters r0, r1, …, subjects s0, s1, …. */
function fromMatrix(matrix: readonly (readonly number[])[]): RaterScore[] {
  return matrix.flatMap((row, i) => row.map((value, j) => ({ rater: `r${j}`, subject: `s${i}`, value })));
}

function shiftRater(matrix: readonly (readonly number[])[], rater: number, c: number): number[][] {
  return matrix.map((row) => row.map((v, j) => (j === rater ? v + c : v)));
}

const score = fc.integer({ min: 1, max: 5 });
const matrixArb = fc
  .record({ n: fc.integer({ min: 2, max: 10 }), k: fc.integer({ min: 2, max: 5 }) })
  .chain(({ n, k }) =>
    fc.array(fc.array(score, { minLength: k, maxLength: k }), { minLength: n, maxLength: n }),
  );
/** A panel that broadly agrees: a true score per subject plus a little noise per rater. */
const panelArb = fc
  .record({ n: fc.integer({ min: 3, max: 10 }), k: fc.integer({ min: 2, max: 5 }) })
  .chain(({ n, k }) =>
    fc.array(
      fc
        .tuple(score, fc.array(fc.integer({ min: -1, max: 1 }), { minLength: k, maxLength: k }))
        .map(([t, noise]) => noise.map((e) => t + e)),
      { minLength: n, maxLength: n },
    ),
  );

const EXAMPLE: RaterScore[] = [
  { rater: 'sato', subject: 'A001', value: 4 },
  { rater: 'sato', subject: 'A002', value: 3 },
  { rater: 'sato', subject: 'A003', value: 5 },
  { rater: 'suzuki', subject: 'A001', value: 3 },
  { rater: 'suzuki', subject: 'A002', value: 2 },
  { rater: 'suzuki', subject: 'A003', value: 4 },
  { rater: 'tanaka', subject: 'A001', value: 2 },
  { rater: 'tanaka', subject: 'A004', value: 3 },
];

describe('standardiseWithinRater', () => {
  it("uses each rater's own mean and sample sd", () => {
    const z = standardiseWithinRater(EXAMPLE);
    // sato: 4, 3, 5 → mean 4, sd 1.
    expect(z[0]?.z).toBeCloseTo(0, 12);
    expect(z[1]?.z).toBeCloseTo(-1, 12);
    expect(z[2]?.z).toBeCloseTo(1, 12);
    // tanaka: 2, 3 → mean 2.5, sd √0.5.
    expect(z[6]?.z).toBeCloseTo(-0.5 / Math.sqrt(0.5), 12);
    expect(z.map((s) => s.subject)).toEqual(EXAMPLE.map((s) => s.subject));
  });

  it('gives z = 0 to a single score or a constant rater, and keeps extra fields', () => {
    const z = standardiseWithinRater([
      { rater: 'a', subject: 'x', value: 3, note: 'only one' },
      { rater: 'b', subject: 'x', value: 4, note: '' },
      { rater: 'b', subject: 'y', value: 4, note: '' },
    ]);
    expect(z.map((s) => s.z)).toEqual([0, 0, 0]);
    // A constant rater with decimal totals: rounding in the mean must not turn into z values.
    const decimals = Array.from({ length: 7 }, (_, i) => ({ rater: 'c', subject: `s${i}`, value: 2.7 }));
    expect(standardiseWithinRater(decimals).map((s) => s.z)).toEqual(decimals.map(() => 0));
    expect(z[0]?.note).toBe('only one');
    expect(standardiseWithinRater([])).toEqual([]);
  });

  it('gives each rater mean 0 and sd 1 (property)', () => {
    fc.assert(
      fc.property(matrixArb, (m) => {
        const z = standardiseWithinRater(fromMatrix(m));
        for (let j = 0; j < (m[0]?.length ?? 0); j++) {
          const zs = z.filter((s) => s.rater === `r${j}`).map((s) => s.z);
          expect(mean(zs)).toBeCloseTo(0, 9);
          const s = sd(zs);
          if (zs.some((v) => v !== 0)) expect(s).toBeCloseTo(1, 9);
        }
      }),
    );
  });

  it('rejects non-finite values', () => {
    expect(() => standardiseWithinRater([{ rater: 'a', subject: 'x', value: Number.NaN }])).toThrow(
      RangeError,
    );
  });
});

describe('calibratedScores', () => {
  it('maps z back onto the pooled scale', () => {
    const c = calibratedScores(EXAMPLE);
    const values = EXAMPLE.map((s) => s.value);
    const pm = mean(values);
    const ps = sd(values);
    c.forEach((s) => {
      expect(s.calibrated).toBeCloseTo(pm + s.z * ps, 12);
      expect(s.value).toBe(EXAMPLE.find((e) => e.rater === s.rater && e.subject === s.subject)?.value);
    });
    // A single-score rater sits at the pooled mean.
    expect(calibratedScores([{ rater: 'a', subject: 'x', value: 5 }])[0]?.calibrated).toBe(5);
    expect(calibratedScores([])).toEqual([]);
  });

  it('removes a rater’s constant offset and keeps the pooled mean (property)', () => {
    fc.assert(
      fc.property(matrixArb, fc.integer({ min: -3, max: 3 }), (m, c) => {
        const base = calibratedScores(fromMatrix(m));
        const shifted = calibratedScores(fromMatrix(shiftRater(m, 0, c)));
        // z is unchanged by a shift within the rater.
        base.forEach((s, i) => expect(shifted[i]?.z ?? Number.NaN).toBeCloseTo(s.z, 9));
        // Calibrated values average to the pooled mean.
        const raw = fromMatrix(m).map((s) => s.value);
        expect(mean(base.map((s) => s.calibrated))).toBeCloseTo(mean(raw), 9);
      }),
    );
  });
});

describe('raterLeniency', () => {
  it('computes mean deviations from the panel mean', () => {
    const r = raterLeniency(EXAMPLE);
    // A001 mean 3, A002 mean 2.5, A003 mean 4.5, A004 only tanaka.
    expect(r.map((x) => x.rater)).toEqual(['sato', 'suzuki', 'tanaka']);
    expect(r[0]?.meanDeviation).toBeCloseTo((1 + 0.5 + 0.5) / 3, 12);
    expect(r[0]?.n).toBe(3);
    expect(r[0]?.flagged).toBe(true);
    expect(r[1]?.meanDeviation).toBeCloseTo((0 - 0.5 - 0.5) / 3, 12);
    expect(r[1]?.flagged).toBe(false);
    // tanaka: −1 on A001, and 0 for A004 which nobody else scored.
    expect(r[2]?.meanDeviation).toBeCloseTo(-0.5, 12);
    expect(r[2]?.n).toBe(2);
    expect(r[2]?.flagged).toBe(false);
  });

  it('flags strictly beyond ±0.5, despite rounding', () => {
    expect(LENIENCY_THRESHOLD).toBe(0.5);
    const scores = [
      { rater: 'a', subject: 'x', value: 1.1 + 2.2 },
      { rater: 'b', subject: 'x', value: 2.3 },
    ];
    // a deviates by (3.3 − 2.3)/2 = 0.5 in exact arithmetic, 0.5000000000000002 in floating point.
    const r = raterLeniency(scores);
    expect(r.map((x) => x.flagged)).toEqual([false, false]);
    expect(raterLeniency(scores, 0.4).map((x) => x.flagged)).toEqual([true, true]);
  });

  it('rejects a second score by the same rater for the same subject', () => {
    expect(() =>
      raterLeniency([
        { rater: 'a', subject: 'x', value: 1 },
        { rater: 'a', subject: 'x', value: 2 },
      ]),
    ).toThrow(RangeError);
  });

  it('deviations of a complete panel sum to zero (property)', () => {
    fc.assert(
      fc.property(matrixArb, (m) => {
        const total = raterLeniency(fromMatrix(m)).reduce((s, r) => s + r.meanDeviation, 0);
        expect(total).toBeCloseTo(0, 9);
      }),
    );
  });

  it('shifting one rater by c moves its deviation by c(k−1)/k, the others by −c/k, and leaves ICC(3,k) alone (property)', () => {
    fc.assert(
      fc.property(matrixArb, fc.double({ min: -3, max: 3, noNaN: true }), fc.nat(), (m, c, pick) => {
        const k = m[0]?.length ?? 0;
        const j = pick % k;
        const before = raterLeniency(fromMatrix(m));
        const shiftedMatrix = shiftRater(m, j, c);
        const after = raterLeniency(fromMatrix(shiftedMatrix));
        before.forEach((r, i) => {
          const expected = i === j ? (c * (k - 1)) / k : -c / k;
          expect((after[i]?.meanDeviation ?? Number.NaN) - r.meanDeviation).toBeCloseTo(expected, 9);
        });
        const i3 = icc3k(m);
        const i3shifted = icc3k(shiftedMatrix);
        if (i3 === null) expect(i3shifted).toBeNull();
        else expect(i3shifted ?? Number.NaN).toBeCloseTo(i3, 9);
      }),
    );
  });

  it('ICC(2,k) ≤ ICC(3,k) for any shift of one of several identical raters (property)', () => {
    fc.assert(
      fc.property(
        fc.array(score, { minLength: 2, maxLength: 10 }),
        fc.integer({ min: 2, max: 5 }),
        fc.double({ min: -4, max: 4, noNaN: true }),
        (truth, k, c) => {
          fc.pre(new Set(truth).size > 1);
          const m = shiftRater(
            truth.map((t) => Array.from({ length: k }, () => t)),
            0,
            c,
          );
          expect(icc3k(m) ?? Number.NaN).toBeCloseTo(1, 9);
          expect(icc2k(m) ?? Number.NaN).toBeLessThanOrEqual((icc3k(m) ?? Number.NaN) + 1e-9);
        },
      ),
    );
  });

  it('ICC(2,k) ≤ ICC(3,k) when a rater of an agreeing panel is shifted so that rater differences dominate (property)', () => {
    // The absolute-agreement ICC falls below the consistency ICC exactly when MSC ≥ MSE (with MSR ≥ MSE), which any
    // large enough shift of one rater brings about; MSR and MSE do not move with the shift.
    fc.assert(
      fc.property(panelArb, fc.double({ min: 2, max: 6, noNaN: true }), fc.boolean(), (m, size, down) => {
        const shifted = shiftRater(m, 0, down ? -size : size);
        const a = twoWayAnova(shifted);
        fc.pre(a !== null && a.msr >= a.mse && a.msc >= a.mse && a.msr > 0);
        expect(icc2k(shifted) ?? Number.NaN).toBeLessThanOrEqual((icc3k(shifted) ?? Number.NaN) + 1e-9);
        expect(icc3k(shifted) ?? Number.NaN).toBeCloseTo(icc3k(m) ?? Number.NaN, 9);
      }),
    );
  });

  it('Krippendorff alpha is 1 for identical raters on any non-constant data, missing values included (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: -1000, max: 1000 }).map((v) => v / 10),
            fc.array(fc.boolean(), { minLength: 2, maxLength: 6 }),
          ),
          { minLength: 1, maxLength: 20 },
        ),
        (rows) => {
          const units = rows.map(([v, present]) => present.map((p) => (p ? v : null)));
          const pairable = rows.filter(([, present]) => present.filter(Boolean).length >= 2).map(([v]) => v);
          fc.pre(new Set(pairable).size > 1);
          expect(krippendorffAlphaInterval(units) ?? Number.NaN).toBeCloseTo(1, 12);
        },
      ),
    );
  });
});

describe('ratingMatrix and completeRows', () => {
  it('arranges scores by subject and rater, with null for a missing score', () => {
    const m = ratingMatrix(EXAMPLE);
    expect(m.subjects).toEqual(['A001', 'A002', 'A003', 'A004']);
    expect(m.raters).toEqual(['sato', 'suzuki', 'tanaka']);
    expect(m.values).toEqual([
      [4, 3, 2],
      [3, 2, null],
      [5, 4, null],
      [null, null, 3],
    ]);
    expect(completeRows(m)).toEqual({ subjects: ['A001'], values: [[4, 3, 2]] });
  });

  it('round-trips a complete matrix (property)', () => {
    fc.assert(
      fc.property(matrixArb, (m) => {
        const rm = ratingMatrix(fromMatrix(m));
        expect(rm.values).toEqual(m);
        expect(completeRows(rm).values).toEqual(m);
      }),
    );
  });

  it('rejects duplicates', () => {
    expect(() =>
      ratingMatrix([
        { rater: 'a', subject: 'x', value: 1 },
        { rater: 'a', subject: 'x', value: 1 },
      ]),
    ).toThrow(RangeError);
  });
});
