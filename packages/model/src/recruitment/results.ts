// The result rules of a recruitment round (docs/interfaces.md "Recruitment", docs/domain.md §2, §7). Pure: no
// I/O, no clock.
import { LAYER_CODES, type LayerCode } from '../layers.js';
import {
  calibratedScores,
  completeRows,
  icc2k,
  kooLiBand,
  krippendorffAlphaInterval,
  mean,
  raterLeniency,
  ratingMatrix,
  type KooLiBand,
  type RaterScore,
} from '../statistics/index.js';
import { weightedTotal, type LayerWeights } from '../tracks.js';

/** One rater's layer score for one applicant: the mean of the rater's criterion scores under the layer. */
export interface RaterLayerScore {
  applicant: string;
  rater: string;
  layer: LayerCode;
  mean: number;
}

export type LayerScores = Partial<Record<LayerCode, number>>;

export interface ApplicantResult {
  applicantNo: string;
  layers: LayerScores;
  total: number | null;
  calibratedTotal: number | null;
  rank: number | null;
  complete: boolean;
  /** Raters who scored this applicant. */
  raters: number;
}

export interface RaterResult {
  rater: string;
  meanDeviation: number;
  flagged: boolean;
  /** Applicants the rater has a total for. */
  n: number;
}

export interface Reliability {
  icc2k: number | null;
  alpha: number | null;
  band: KooLiBand | null;
  alphaBand: KooLiBand | null;
  /** Applicants in the reliability matrix (complete, scored by every rater). */
  applicants: number;
  raters: number;
}

export interface RoundResults {
  applicants: ApplicantResult[];
  reliability: Reliability;
  raters: RaterResult[];
}

const TIE = 1e-9;

/** Rater layer scores of one applicant per rater, in first-seen order. */
function byApplicant(cells: readonly RaterLayerScore[]): Map<string, Map<string, LayerScores>> {
  const result = new Map<string, Map<string, LayerScores>>();
  for (const c of cells) {
    let raters = result.get(c.applicant);
    if (!raters) result.set(c.applicant, (raters = new Map()));
    let layers = raters.get(c.rater);
    if (!layers) raters.set(c.rater, (layers = {}));
    layers[c.layer] = c.mean;
  }
  return result;
}

/**
 * An applicant's layer score: the mean over raters of the raters' layer scores (docs/interfaces.md
 * "Recruitment" results).
 */
export function applicantLayers(raters: Iterable<LayerScores>): LayerScores {
  const sums: Partial<Record<LayerCode, { sum: number; n: number }>> = {};
  for (const layers of raters) {
    for (const layer of LAYER_CODES) {
      const v = layers[layer];
      if (v === undefined) continue;
      const s = (sums[layer] ??= { sum: 0, n: 0 });
      s.sum += v;
      s.n += 1;
    }
  }
  const out: LayerScores = {};
  for (const layer of LAYER_CODES) {
    const s = sums[layer];
    if (s) out[layer] = s.sum / s.n;
  }
  return out;
}

/**
 * Ranks values highest first, 1 = best; equal values (within 1e-9) share a rank and the next rank skips
 * (1, 1, 3) (docs/interfaces.md "Recruitment" results `rank`). Null values get a null rank.
 */
export function rankDescending(values: readonly (number | null)[]): (number | null)[] {
  const order = values
    .map((v, i) => ({ v, i }))
    .filter((x): x is { v: number; i: number } => x.v !== null)
    .sort((a, b) => b.v - a.v);
  const ranks: (number | null)[] = values.map(() => null);
  let rank = 0;
  let previous = Number.NaN;
  order.forEach(({ v, i }, position) => {
    if (!(Math.abs(v - previous) <= TIE)) rank = position + 1;
    previous = v;
    ranks[i] = rank;
  });
  return ranks;
}

/**
 * The results of one stage of a round (docs/interfaces.md "Recruitment" results, docs/domain.md §2, §7):
 * layer means, the track-weighted total (null and `complete: false` when a weighted layer lacks a score),
 * calibrated totals beside the raw ones, ranks with ties, rater leniency and the panel's reliability on the
 * raters' totals. `applicants` lists every applicant to show, in order (those without scores too); applicants
 * only in `cells` are appended.
 */
export function roundResults(
  cells: readonly RaterLayerScore[],
  weights: LayerWeights,
  applicants: readonly string[] = [],
): RoundResults {
  const grouped = byApplicant(cells);
  // Sets, not includes(): a round of thousands of applicants would otherwise cost n² comparisons.
  const ids = [...new Set([...applicants, ...grouped.keys()])];

  const raterTotals: RaterScore[] = [];
  const rows = ids.map((applicantNo) => {
    const raters = grouped.get(applicantNo) ?? new Map<string, LayerScores>();
    const layers = applicantLayers(raters.values());
    const total = raters.size > 0 ? weightedTotal(layers, weights) : null;
    for (const [rater, own] of raters) {
      const value = weightedTotal(own, weights);
      if (value !== null) raterTotals.push({ rater, subject: applicantNo, value });
    }
    return { applicantNo, layers, total, complete: total !== null, raters: raters.size };
  });

  const calibrated = new Map<string, number[]>();
  for (const s of calibratedScores(raterTotals)) {
    const list = calibrated.get(s.subject);
    if (list) list.push(s.calibrated);
    else calibrated.set(s.subject, [s.calibrated]);
  }
  const ranks = rankDescending(rows.map((r) => r.total));

  const completeSet = new Set(rows.filter((r) => r.complete).map((r) => r.applicantNo));
  const matrix = ratingMatrix(raterTotals.filter((s) => completeSet.has(s.subject)));
  const allRaters = new Set(cells.map((c) => c.rater));
  const full = matrix.raters.length === allRaters.size ? completeRows(matrix) : { subjects: [], values: [] };
  const enough = matrix.raters.length >= 2 && full.values.length >= 2;
  const icc = enough ? icc2k(full.values) : null;
  const alpha = enough ? krippendorffAlphaInterval(full.values) : null;

  return {
    applicants: rows.map((r, i) => {
      const cal = calibrated.get(r.applicantNo);
      return {
        ...r,
        calibratedTotal: r.complete && cal && cal.length > 0 ? mean(cal) : null,
        rank: ranks[i] ?? null,
      };
    }),
    reliability: {
      icc2k: icc,
      alpha,
      band: kooLiBand(icc),
      alphaBand: kooLiBand(alpha),
      applicants: enough ? full.values.length : 0,
      raters: allRaters.size,
    },
    raters: raterLeniency(raterTotals).map((l) => ({
      rater: l.rater,
      meanDeviation: l.meanDeviation,
      flagged: l.flagged,
      n: l.n,
    })),
  };
}

/** The moments of one criterion's scores for one applicant, as SQL aggregates them. */
export interface CriterionMoments {
  criterion: string;
  n: number;
  sum: number;
  sumSq: number;
}

export interface CriterionDisagreement {
  criterion: string;
  /** Mean over applicants (with at least 2 raters) of the sample SD of the raters' scores. */
  meanSd: number;
  applicants: number;
}

/**
 * Where raters disagree most (docs/domain.md §7): per criterion, the mean within-applicant sample SD of the
 * raters' scores over the applicants scored by at least two raters, largest first.
 */
export function criterionDisagreement(cells: readonly CriterionMoments[]): CriterionDisagreement[] {
  const acc = new Map<string, { sum: number; n: number }>();
  for (const c of cells) {
    if (c.n < 2) continue;
    const variance = Math.max(0, (c.sumSq - (c.sum * c.sum) / c.n) / (c.n - 1));
    const a = acc.get(c.criterion) ?? { sum: 0, n: 0 };
    a.sum += Math.sqrt(variance);
    a.n += 1;
    acc.set(c.criterion, a);
  }
  return [...acc]
    .map(([criterion, a]) => ({ criterion, meanSd: a.sum / a.n, applicants: a.n }))
    .sort((x, y) => y.meanSd - x.meanSd || x.criterion.localeCompare(y.criterion));
}
