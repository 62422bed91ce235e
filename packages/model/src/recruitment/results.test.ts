import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LAYER_CODES, type LayerCode } from '../layers.js';
import { icc2k, krippendorffAlphaInterval } from '../statistics/index.js';
import { DEFAULT_WEIGHT_SET } from '../tracks.js';
import { criterionDisagreement, rankDescending, roundResults, type RaterLayerScore } from './results.js';

const NG = DEFAULT_WEIGHT_SET.weights['new-graduate'];
const cell = (applicant: string, rater: string, layer: LayerCode, mean: number): RaterLayerScore => ({
  applicant,
  rater,
  layer,
  mean,
});

describe('roundResults', () => {
  it('computes layer means, the weighted total and rater totals by hand', () => {
    const cells = [
      cell('A', 'r1', 'potential', 3), // mean of 4 and 2
      cell('A', 'r1', 'stance', 4),
      cell('A', 'r1', 'interpersonal', 3),
      cell('A', 'r1', 'problem', 5),
      cell('A', 'r2', 'potential', 4),
      cell('A', 'r2', 'stance', 2),
      cell('A', 'r2', 'interpersonal', 3),
      cell('A', 'r2', 'problem', 3),
    ];
    const r = roundResults(cells, NG);
    const a = r.applicants[0];
    expect(a?.layers).toEqual({ potential: 3.5, stance: 3, interpersonal: 3, problem: 4 });
    expect(a?.total).toBeCloseTo(3.325, 12);
    expect(a?.complete).toBe(true);
    expect(a?.rank).toBe(1);
    // r1's total 3.65, r2's 3.0, panel mean 3.325: deviations ±0.325, not flagged.
    expect(r.raters).toEqual([
      { rater: 'r1', meanDeviation: expect.closeTo(0.325, 12) as number, flagged: false, n: 1 },
      { rater: 'r2', meanDeviation: expect.closeTo(-0.325, 12) as number, flagged: false, n: 1 },
    ]);
    // One applicant is not enough for reliability.
    expect(r.reliability.icc2k).toBeNull();
  });

  it('marks an applicant without a weighted layer incomplete with a null total and rank', () => {
    const cells = [
      cell('A', 'r1', 'potential', 3),
      cell('A', 'r1', 'stance', 4),
      cell('A', 'r1', 'interpersonal', 3),
      // no problem layer
      cell('A', 'r1', 'ict', 5), // ict weighs 0 for new graduates: shown, not counted
    ];
    const [a] = roundResults(cells, NG, ['A', 'B']).applicants;
    expect(a).toMatchObject({ complete: false, total: null, rank: null, calibratedTotal: null });
    expect(a?.layers.ict).toBe(5);
    expect(roundResults(cells, NG, ['A', 'B']).applicants[1]).toMatchObject({
      applicantNo: 'B',
      complete: false,
      raters: 0,
      layers: {},
    });
  });

  it('flags a lenient rater beyond 0.5 and computes reliability on the raters’ totals', () => {
    const layers = ['potential', 'stance', 'interpersonal', 'problem'] as const;
    const cells: RaterLayerScore[] = [];
    const base = { A: 2, B: 3, C: 4, D: 3.5 } as const;
    for (const [applicant, v] of Object.entries(base)) {
      for (const layer of layers) {
        cells.push(cell(applicant, 'r1', layer, v));
        cells.push(cell(applicant, 'r2', layer, v + 0.25));
        cells.push(cell(applicant, 'r3', layer, Math.min(5, v + 1.5)));
      }
    }
    const r = roundResults(cells, NG);
    const r3 = r.raters.find((x) => x.rater === 'r3');
    expect(r3?.flagged).toBe(true);
    expect(r.raters.find((x) => x.rater === 'r1')?.flagged).toBe(true); // -0.58 from the panel
    const matrix = Object.values(base).map((v) => [v, v + 0.25, Math.min(5, v + 1.5)]);
    expect(r.reliability.icc2k).toBeCloseTo(icc2k(matrix) ?? NaN, 12);
    expect(r.reliability.alpha).toBeCloseTo(krippendorffAlphaInterval(matrix) ?? NaN, 12);
    expect(r.reliability.applicants).toBe(4);
    // Calibration removes r3's leniency: calibrated totals keep the raw order.
    const byNo = new Map(r.applicants.map((a) => [a.applicantNo, a]));
    expect(byNo.get('C')?.rank).toBe(1);
    expect(byNo.get('A')?.rank).toBe(4);
    expect(byNo.get('C')?.calibratedTotal).toBeGreaterThan(byNo.get('B')?.calibratedTotal ?? 9);
  });

  it('leaves out of reliability an applicant not scored by every rater', () => {
    const layers = ['potential', 'stance', 'interpersonal', 'problem'] as const;
    const cells: RaterLayerScore[] = [];
    for (const [applicant, v] of [
      ['A', 2],
      ['B', 3],
      ['C', 4],
    ] as const) {
      for (const layer of layers) {
        cells.push(cell(applicant, 'r1', layer, v));
        if (applicant !== 'C') cells.push(cell(applicant, 'r2', layer, v + 1));
      }
    }
    expect(roundResults(cells, NG).reliability.applicants).toBe(2);
  });
});

describe('rankDescending', () => {
  it('shares ranks on ties and skips after them', () => {
    expect(rankDescending([3, 4, null, 4, 2])).toEqual([3, 1, null, 1, 4]);
  });

  it('property: ranks are 1-based, ordered against the values, and count the better values', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: 1, max: 5 }), { nil: null })), (values) => {
        const ranks = rankDescending(values);
        values.forEach((v, i) => {
          if (v === null) return expect(ranks[i]).toBeNull();
          const better = values.filter((w) => w !== null && w > v).length;
          expect(ranks[i]).toBe(better + 1);
        });
      }),
    );
  });
});

describe('roundResults properties', () => {
  const scores = fc.array(
    fc.record({
      applicant: fc.constantFrom('A', 'B', 'C', 'D', 'E'),
      rater: fc.constantFrom('r1', 'r2', 'r3'),
      layer: fc.constantFrom(...LAYER_CODES),
      mean: fc.double({ min: 1, max: 5, noNaN: true }),
    }),
    { maxLength: 80 },
  );
  const dedupe = (cells: RaterLayerScore[]) => [
    ...new Map(cells.map((c) => [`${c.applicant}|${c.rater}|${c.layer}`, c])).values(),
  ];

  it('totals stay on 1–5, complete iff total, deviations sum to zero per applicant', () => {
    fc.assert(
      fc.property(scores, (raw) => {
        const cells = dedupe(raw);
        const r = roundResults(cells, NG);
        for (const a of r.applicants) {
          expect(a.complete).toBe(a.total !== null);
          if (a.total !== null) {
            expect(a.total).toBeGreaterThanOrEqual(1 - 1e-9);
            expect(a.total).toBeLessThanOrEqual(5 + 1e-9);
          }
          for (const v of Object.values(a.layers)) expect(v).toBeGreaterThanOrEqual(1 - 1e-9);
        }
        const weighted = r.raters.reduce((s, x) => s + x.meanDeviation * x.n, 0);
        expect(Math.abs(weighted)).toBeLessThan(1e-6);
      }),
    );
  });

  it('is invariant to the order of the cells', () => {
    fc.assert(
      fc.property(scores, (raw) => {
        const cells = dedupe(raw);
        const order = [...new Set(cells.map((c) => c.applicant))];
        const a = roundResults(cells, NG, order).applicants;
        const b = roundResults([...cells].reverse(), NG, order).applicants;
        expect(b.map((x) => x.total)).toEqual(a.map((x) => x.total));
        expect(b.map((x) => x.rank)).toEqual(a.map((x) => x.rank));
      }),
    );
  });
});

describe('criterionDisagreement', () => {
  it('averages the within-applicant SD and orders the largest first', () => {
    // Scores 1 and 5: SD = 2√2; 3 and 3: SD 0; one rater only: left out.
    const r = criterionDisagreement([
      { criterion: 'x', n: 2, sum: 6, sumSq: 26 },
      { criterion: 'x', n: 2, sum: 6, sumSq: 18 },
      { criterion: 'y', n: 2, sum: 7, sumSq: 25 }, // 3 and 4: SD √0.5
      { criterion: 'z', n: 1, sum: 5, sumSq: 25 },
    ]);
    expect(r.map((c) => c.criterion)).toEqual(['x', 'y']);
    expect(r[0]?.meanSd).toBeCloseTo(Math.SQRT2, 12);
    expect(r[1]?.meanSd).toBeCloseTo(Math.sqrt(0.5), 12);
  });
});
