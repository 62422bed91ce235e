import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  icc21,
  icc2k,
  icc31,
  icc3k,
  KOO_LI_BANDS,
  kooLiBand,
  krippendorffAlphaInterval,
  krippendorffAlphaNominal,
  twoWayAnova,
  type ReliabilityData,
} from './reliability.js';

/** Shrout & Fleiss (1979), Table 2: 6 targets rated by 4 judges. */
const SHROUT_FLEISS = [
  [9, 2, 5, 8],
  [6, 1, 3, 2],
  [8, 4, 6, 8],
  [7, 1, 2, 6],
  [10, 5, 6, 9],
  [6, 2, 4, 7],
];

/** Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": 4 coders × 12 units, transposed to units × coders. */
const KRIPPENDORFF_CODERS: (number | null)[][] = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null], // A
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3], // B
  [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null], // C
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null], // D
];
const KRIPPENDORFF_UNITS: (number | null)[][] = Array.from({ length: 12 }, (_, u) =>
  KRIPPENDORFF_CODERS.map((coder) => coder[u] ?? null),
);

/** Alpha straight from the definition: the coincidence matrix and δ² over every pair of values (Krippendorff 2011). */
function naiveAlpha(units: ReliabilityData, delta2: (c: number, k: number) => number): number | null {
  const pairable = units
    .map((u) => u.filter((v): v is number => v !== null && v !== undefined))
    .filter((u) => u.length >= 2);
  const all = pairable.flat();
  const n = all.length;
  let dO = 0;
  for (const u of pairable) {
    for (let i = 0; i < u.length; i++) {
      for (let j = 0; j < u.length; j++) {
        if (i !== j) dO += delta2(u[i] ?? 0, u[j] ?? 0) / (u.length - 1);
      }
    }
  }
  let dE = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) if (i !== j) dE += delta2(all[i] ?? 0, all[j] ?? 0);
  }
  if (n < 2 || dE === 0) return null;
  return 1 - ((n - 1) * dO) / dE;
}
const interval = (c: number, k: number) => (c - k) ** 2;
const nominal = (c: number, k: number) => (c === k ? 0 : 1);

const score = fc.integer({ min: 1, max: 5 });
const matrixArb = fc
  .record({ n: fc.integer({ min: 2, max: 12 }), k: fc.integer({ min: 2, max: 6 }) })
  .chain(({ n, k }) =>
    fc.array(fc.array(score, { minLength: k, maxLength: k }), { minLength: n, maxLength: n }),
  );
const sparseArb = fc.array(
  fc.array(fc.option(score, { nil: null, freq: 3 }), { minLength: 2, maxLength: 5 }),
  {
    minLength: 1,
    maxLength: 15,
  },
);

describe('twoWayAnova', () => {
  it('reproduces the mean squares of Shrout & Fleiss (1979) Table 2', () => {
    const a = twoWayAnova(SHROUT_FLEISS);
    expect(a?.n).toBe(6);
    expect(a?.k).toBe(4);
    expect(a?.msr).toBeCloseTo(11.24, 2); // BMS
    expect(a?.msc).toBeCloseTo(32.49, 2); // JMS
    expect(a?.mse).toBeCloseTo(1.02, 2); // EMS
  });

  it('rejects ragged or non-finite matrices and is null when too small', () => {
    expect(() => twoWayAnova([[1, 2], [3]])).toThrow(RangeError);
    expect(() =>
      twoWayAnova([
        [1, Number.NaN],
        [3, 4],
      ]),
    ).toThrow(RangeError);
    expect(twoWayAnova([])).toBeNull();
    expect(twoWayAnova([[1, 2, 3]])).toBeNull();
    expect(twoWayAnova([[1], [2], [3]])).toBeNull();
  });
});

describe('intraclass correlations', () => {
  it('match Shrout & Fleiss (1979) Table 2', () => {
    expect(icc21(SHROUT_FLEISS)).toBeCloseTo(0.29, 2);
    expect(icc2k(SHROUT_FLEISS)).toBeCloseTo(0.62, 2);
    expect(icc31(SHROUT_FLEISS)).toBeCloseTo(0.71, 2);
    expect(icc3k(SHROUT_FLEISS)).toBeCloseTo(0.91, 2);
    // Unrounded: the same mean squares through the formulas.
    expect(icc21(SHROUT_FLEISS)).toBeCloseTo(0.2897637795275591, 12);
    expect(icc2k(SHROUT_FLEISS)).toBeCloseTo(0.6200505475989891, 12);
    expect(icc31(SHROUT_FLEISS)).toBeCloseTo(0.7148407148407149, 12);
    expect(icc3k(SHROUT_FLEISS)).toBeCloseTo(0.9093155423770695, 12);
  });

  it('are 1 for identical raters', () => {
    const m = [
      [1, 1, 1],
      [3, 3, 3],
      [2, 2, 2],
      [5, 5, 5],
    ];
    for (const f of [icc21, icc2k, icc31, icc3k]) expect(f(m)).toBeCloseTo(1, 12);
  });

  it('are null where undefined', () => {
    for (const f of [icc21, icc2k, icc31, icc3k]) {
      expect(f([[3, 4, 5]])).toBeNull(); // one subject
      expect(f([[3], [4]])).toBeNull(); // one rater
      expect(f([])).toBeNull();
      expect(
        f([
          [3, 3],
          [3, 3],
        ]),
      ).toBeNull(); // no variance at all
      // Constant decimals: rounding in the means must not invent variance.
      const constant = Array.from({ length: 7 }, () => [2.7, 2.7, 2.7]);
      expect(f(constant)).toBeNull();
      expect(f(constant.map((row) => row.map((v) => 0.3 * v + 0.1)))).toBeNull();
    }
    // Subjects all alike but raters disagree: MSR = 0, so the consistency ICC(3,k) has no denominator.
    expect(
      icc3k([
        [2, 4],
        [2, 4],
        [2, 4],
      ]),
    ).toBeNull();
    // A negative estimate of the denominator makes ICC(2,k) undefined rather than a number above 1.
    expect(
      icc2k([
        [0, 1],
        [1, 0],
      ]),
    ).toBeNull();
  });

  it('can be negative when raters disagree more than chance', () => {
    const v = icc3k([
      [1, 4],
      [4, 2],
      [2, 5],
      [5, 1],
    ]);
    expect(v).not.toBeNull();
    expect(v ?? 0).toBeLessThan(0);
  });

  it('are invariant under permuting subjects or raters and under positive linear rescaling (property)', () => {
    fc.assert(
      fc.property(
        matrixArb,
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        fc.double({ min: -10, max: 10, noNaN: true }),
        (m, a, b) => {
          const reversedRows = [...m].reverse();
          const reversedCols = m.map((row) => [...row].reverse());
          const rescaled = m.map((row) => row.map((v) => a * v + b));
          for (const f of [icc21, icc2k, icc31, icc3k]) {
            const base = f(m);
            for (const other of [reversedRows, reversedCols, rescaled]) {
              const v = f(other);
              if (base === null) expect(v).toBeNull();
              else expect(v ?? Number.NaN).toBeCloseTo(base, 8);
            }
          }
        },
      ),
    );
  });

  it('never exceed 1, and the average-measure ICCs are at least the single ones when positive (property)', () => {
    fc.assert(
      fc.property(matrixArb, (m) => {
        const [i21, i2k, i31, i3k] = [icc21(m), icc2k(m), icc31(m), icc3k(m)] as const;
        for (const v of [i21, i2k, i31, i3k]) if (v !== null) expect(v).toBeLessThanOrEqual(1 + 1e-12);
        if (i21 !== null && i2k !== null && i21 > 0) expect(i2k).toBeGreaterThanOrEqual(i21 - 1e-12);
        if (i31 !== null && i3k !== null && i31 > 0) expect(i3k).toBeGreaterThanOrEqual(i31 - 1e-12);
      }),
    );
  });
});

describe('Krippendorff alpha', () => {
  it("matches Krippendorff's (2011) worked example", () => {
    expect(krippendorffAlphaInterval(KRIPPENDORFF_UNITS)).toBeCloseTo(0.849, 3);
    expect(krippendorffAlphaNominal(KRIPPENDORFF_UNITS)).toBeCloseTo(0.743, 3);
  });

  it('accepts undefined as missing and drops units with fewer than 2 values', () => {
    const withUndefined = KRIPPENDORFF_UNITS.map((u) => u.map((v) => (v === null ? undefined : v)));
    expect(krippendorffAlphaInterval(withUndefined)).toBeCloseTo(0.849, 3);
    const extra = [...KRIPPENDORFF_UNITS, [null, 99, null, null], [null, null, null, null]];
    expect(krippendorffAlphaInterval(extra)).toBeCloseTo(
      krippendorffAlphaInterval(KRIPPENDORFF_UNITS) ?? 0,
      12,
    );
  });

  it('is null where undefined and rejects non-finite values', () => {
    expect(krippendorffAlphaInterval([])).toBeNull();
    expect(krippendorffAlphaInterval([[1, null]])).toBeNull();
    expect(
      krippendorffAlphaInterval([
        [2, 2],
        [2, 2, 2],
      ]),
    ).toBeNull();
    expect(krippendorffAlphaNominal([[4, 4, null]])).toBeNull();
    expect(krippendorffAlphaInterval(Array.from({ length: 9 }, () => [0.1, 0.1, null, 0.1]))).toBeNull();
    expect(krippendorffAlphaInterval(Array.from({ length: 9 }, () => [2.7, 2.7, 2.7]))).toBeNull();
    expect(() => krippendorffAlphaInterval([[1, Number.NaN]])).toThrow(RangeError);
  });

  it('is 1 for perfect agreement and 1 − 1/… for systematic disagreement', () => {
    expect(
      krippendorffAlphaInterval([
        [1, 1],
        [2, 2],
        [4, 4, 4],
      ]),
    ).toBeCloseTo(1, 12);
    // Two units, two coders who swap: observed disagreement exceeds expected, so alpha < 0.
    expect(
      krippendorffAlphaInterval([
        [1, 2],
        [2, 1],
      ]) ?? 0,
    ).toBeLessThan(0);
  });

  it('equals the definition through the coincidence matrix (property)', () => {
    fc.assert(
      fc.property(sparseArb, (units) => {
        const fast = krippendorffAlphaInterval(units);
        const slow = naiveAlpha(units, interval);
        if (slow === null) expect(fast).toBeNull();
        else expect(fast ?? Number.NaN).toBeCloseTo(slow, 9);
        const nominalFast = krippendorffAlphaNominal(units);
        const nominalSlow = naiveAlpha(units, nominal);
        if (nominalSlow === null) expect(nominalFast).toBeNull();
        else expect(nominalFast ?? Number.NaN).toBeCloseTo(nominalSlow, 9);
      }),
    );
  });

  it('interval alpha is invariant under linear rescaling (property)', () => {
    fc.assert(
      fc.property(
        sparseArb,
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        fc.integer({ min: -5, max: 5 }),
        (u, a, b) => {
          const base = krippendorffAlphaInterval(u);
          const scaled = krippendorffAlphaInterval(
            u.map((row) => row.map((v) => (v === null ? null : a * v + b))),
          );
          if (base === null) expect(scaled).toBeNull();
          else expect(scaled ?? Number.NaN).toBeCloseTo(base, 8);
        },
      ),
    );
  });
});

describe('Koo & Li bands', () => {
  it('classifies at and around the boundaries', () => {
    expect(kooLiBand(-0.3)).toBe('poor');
    expect(kooLiBand(0.49)).toBe('poor');
    expect(kooLiBand(0.5)).toBe('moderate');
    expect(kooLiBand(0.7499)).toBe('moderate');
    expect(kooLiBand(0.75)).toBe('good');
    expect(kooLiBand(0.9)).toBe('good');
    expect(kooLiBand(0.9001)).toBe('excellent');
    expect(kooLiBand(1)).toBe('excellent');
    expect(kooLiBand(null)).toBeNull();
    expect(kooLiBand(Number.NaN)).toBeNull();
    expect(kooLiBand(icc2k(SHROUT_FLEISS))).toBe('moderate');
    expect(kooLiBand(icc3k(SHROUT_FLEISS))).toBe('excellent');
  });

  it('labels the bands in Japanese and English, contiguously', () => {
    expect(KOO_LI_BANDS.map((b) => b.code)).toEqual(['poor', 'moderate', 'good', 'excellent']);
    expect(KOO_LI_BANDS.map((b) => b.nameJa)).toEqual(['低い', '中程度', '良好', '優秀']);
    for (let i = 1; i < KOO_LI_BANDS.length; i++) {
      expect(KOO_LI_BANDS[i]?.min).toBe(KOO_LI_BANDS[i - 1]?.max);
    }
    for (const band of KOO_LI_BANDS) {
      expect(kooLiBand((band.min + band.max) / 2)).toBe(band.code);
    }
  });
});
