// Panel reliability (docs/domain.md §7, docs/interfaces.md "Recruitment" results): intraclass correlations,
// Krippendorff's alpha and the Koo & Li bands. Pure: no I/O, no clock, no randomness.

/**
 * Mean squares of the two-way ANOVA without replication (subjects × raters), the basis of the ICCs
 * (docs/domain.md §7).
 */
export interface TwoWayAnova {
  /** Number of subjects (rows). */
  n: number;
  /** Number of raters (columns). */
  k: number;
  /** Between-subjects mean square, SS_rows / (n − 1). */
  msr: number;
  /** Between-raters mean square, SS_columns / (k − 1). */
  msc: number;
  /** Residual mean square, SS_error / ((n − 1)(k − 1)). */
  mse: number;
}

/**
 * Two-way ANOVA of a complete subjects × raters matrix (docs/domain.md §7, Shrout & Fleiss 1979); null when n
 * < 2 or k < 2. Throws a RangeError for a ragged matrix or a non-finite value.
 */
export function twoWayAnova(matrix: readonly (readonly number[])[]): TwoWayAnova | null {
  const n = matrix.length;
  const k = matrix[0]?.length ?? 0;
  for (const row of matrix) {
    if (row.length !== k) throw new RangeError('twoWayAnova: every row must have a value for every rater');
    for (const v of row) if (!Number.isFinite(v)) throw new RangeError(`twoWayAnova: non-finite value ${v}`);
  }
  if (n < 2 || k < 2) return null;
  // Centring on one of the values changes no sum of squares, but makes a constant matrix exactly zero, so that
  // rounding in the means cannot invent variance that is not there.
  const origin = matrix[0]?.[0] ?? 0;
  const centred = matrix.map((row) => row.map((v) => v - origin));
  const rowMeans = centred.map((row) => row.reduce((s, v) => s + v, 0) / k);
  const colMeans = Array.from({ length: k }, (_, j) => centred.reduce((s, row) => s + (row[j] ?? 0), 0) / n);
  const grand = rowMeans.reduce((s, v) => s + v, 0) / n;
  let ssr = 0;
  for (const m of rowMeans) ssr += (m - grand) ** 2;
  ssr *= k;
  let ssc = 0;
  for (const m of colMeans) ssc += (m - grand) ** 2;
  ssc *= n;
  // The residual sum of squares is summed directly rather than by subtraction, so that it is never negative.
  let sse = 0;
  centred.forEach((row, i) => {
    row.forEach((v, j) => {
      sse += (v - (rowMeans[i] ?? 0) - (colMeans[j] ?? 0) + grand) ** 2;
    });
  });
  return { n, k, msr: ssr / (n - 1), msc: ssc / (k - 1), mse: sse / ((n - 1) * (k - 1)) };
}

/** num / den, or null when the denominator is not positive beyond rounding noise (the coefficient is undefined). */
function ratio(num: number, den: number, scale: number): number | null {
  if (!(den > 1e-12 * scale)) return null;
  return num / den;
}

function scaleOf(a: TwoWayAnova): number {
  return a.msr + a.msc + a.mse;
}

/**
 * ICC(2,1), Shrout & Fleiss: two-way random effects, absolute agreement, a single rater (docs/domain.md §7);
 * null when undefined (n < 2, k < 2, or a denominator that is not positive).
 */
export function icc21(matrix: readonly (readonly number[])[]): number | null {
  const a = twoWayAnova(matrix);
  if (a === null) return null;
  return ratio(a.msr - a.mse, a.msr + (a.k - 1) * a.mse + (a.k * (a.msc - a.mse)) / a.n, scaleOf(a));
}

/**
 * ICC(2,k), Shrout & Fleiss: two-way random effects, absolute agreement, the mean of k raters (docs/domain.md
 * §7, docs/interfaces.md "Recruitment" `reliability.icc2k`): (MSR − MSE) / (MSR + (MSC − MSE)/n); null when
 * undefined.
 */
export function icc2k(matrix: readonly (readonly number[])[]): number | null {
  const a = twoWayAnova(matrix);
  if (a === null) return null;
  return ratio(a.msr - a.mse, a.msr + (a.msc - a.mse) / a.n, scaleOf(a));
}

/**
 * ICC(3,1), Shrout & Fleiss: two-way mixed effects, consistency, a single rater (docs/domain.md §7); null
 * when undefined.
 */
export function icc31(matrix: readonly (readonly number[])[]): number | null {
  const a = twoWayAnova(matrix);
  if (a === null) return null;
  return ratio(a.msr - a.mse, a.msr + (a.k - 1) * a.mse, scaleOf(a));
}

/**
 * ICC(3,k), Shrout & Fleiss: two-way mixed effects, consistency, the mean of k raters, (MSR − MSE)/MSR
 * (docs/domain.md §7).
 */
export function icc3k(matrix: readonly (readonly number[])[]): number | null {
  const a = twoWayAnova(matrix);
  if (a === null) return null;
  return ratio(a.msr - a.mse, a.msr, scaleOf(a));
}

// --- Krippendorff's alpha ----------------------------------------------------------------------------------------

/** A reliability data matrix: rows are units (candidates), columns are coders; null or undefined is a missing value. */
export type ReliabilityData = readonly (readonly (number | null | undefined)[])[];

/** The pairable values of each unit: units with fewer than 2 values are dropped (Krippendorff 2011). */
function pairableUnits(units: ReliabilityData, what: string): number[][] {
  const result: number[][] = [];
  for (const unit of units) {
    const values: number[] = [];
    for (const v of unit) {
      if (v === null || v === undefined) continue;
      if (!Number.isFinite(v)) throw new RangeError(`${what}: non-finite value ${v}`);
      values.push(v);
    }
    if (values.length >= 2) result.push(values);
  }
  return result;
}

/**
 * Sum of squared deviations from the mean, centred on the first value first so that equal values give exactly 0,
 * with the corrected two-pass algorithm.
 */
function sumOfSquares(values: readonly number[]): number {
  const origin = values[0] ?? 0;
  const centred = values.map((v) => v - origin);
  const m = centred.reduce((s, v) => s + v, 0) / centred.length;
  let ss = 0;
  let comp = 0;
  for (const v of centred) {
    ss += (v - m) ** 2;
    comp += v - m;
  }
  return Math.max(0, ss - (comp * comp) / centred.length);
}

/**
 * Krippendorff's alpha with the interval metric δ² = (c − k)² (docs/domain.md §7, docs/interfaces.md
 * "Recruitment" `reliability.alpha`): rows are units, columns are coders, missing values allowed; units with
 * fewer than 2 values are dropped. Null when it is undefined: fewer than 2 pairable values, or no variation
 * at all (expected disagreement 0).
 *
 * Computed in closed form: over a set of m values, Σ_{i≠j} (v_i − v_j)² = 2m·SS, so the observed disagreement is
 * D_o = (1/n) Σ_u 2·SS_u·m_u/(m_u − 1) and the expected one is D_e = 2·SS_all/(n − 1), n being the pairable values.
 */
export function krippendorffAlphaInterval(units: ReliabilityData): number | null {
  const pairable = pairableUnits(units, 'krippendorffAlphaInterval');
  const all = pairable.flat();
  const n = all.length;
  if (n < 2) return null;
  let observed = 0;
  for (const values of pairable) {
    const m = values.length;
    observed += (2 * sumOfSquares(values) * m) / (m - 1);
  }
  observed /= n;
  const expected = (2 * sumOfSquares(all)) / (n - 1);
  if (!(expected > 0)) return null;
  return 1 - observed / expected;
}

/**
 * Krippendorff's alpha with the nominal metric (docs/domain.md §7; Krippendorff 2011): δ = 0 for equal
 * values, 1 otherwise, from the coincidence matrix. Same input and null cases as {@link
 * krippendorffAlphaInterval}.
 */
export function krippendorffAlphaNominal(units: ReliabilityData): number | null {
  const pairable = pairableUnits(units, 'krippendorffAlphaNominal');
  // Observed coincidences o_cc on the diagonal: each ordered pair of equal values within a unit counts 1/(m_u − 1).
  let n = 0;
  let agreeing = 0;
  const marginals = new Map<number, number>();
  for (const values of pairable) {
    const m = values.length;
    n += m;
    const counts = new Map<number, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    for (const [v, c] of counts) {
      agreeing += (c * (c - 1)) / (m - 1);
      marginals.set(v, (marginals.get(v) ?? 0) + c);
    }
  }
  if (n < 2) return null;
  // D_o ∝ n − Σ o_cc, D_e ∝ (n² − Σ n_c²)/(n − 1); alpha = 1 − (n − 1)(n − Σ o_cc)/(n² − Σ n_c²).
  let sumSquaredMarginals = 0;
  for (const c of marginals.values()) sumSquaredMarginals += c * c;
  const expected = n * n - sumSquaredMarginals;
  if (!(expected > 0)) return null;
  return 1 - ((n - 1) * (n - agreeing)) / expected;
}

// --- Koo & Li ----------------------------------------------------------------------------------------------------

/**
 * The reliability bands of Koo & Li (2016) with Japanese labels (docs/domain.md §7): below .5 poor, .5 to
 * below .75 moderate, .75 to .9 good, above .9 excellent. `min` is inclusive and `max` exclusive, except that
 * .9 itself is good; poor and excellent also take values below −1 and, through rounding, above 1.
 */
export const KOO_LI_BANDS = [
  { code: 'poor', nameJa: '低い', nameEn: 'Poor', min: -1, max: 0.5 },
  { code: 'moderate', nameJa: '中程度', nameEn: 'Moderate', min: 0.5, max: 0.75 },
  { code: 'good', nameJa: '良好', nameEn: 'Good', min: 0.75, max: 0.9 },
  { code: 'excellent', nameJa: '優秀', nameEn: 'Excellent', min: 0.9, max: 1 },
] as const;
export type KooLiBand = (typeof KOO_LI_BANDS)[number]['code'];

/** The Koo & Li band of a reliability coefficient (docs/domain.md §7); null for a null or NaN coefficient. */
export function kooLiBand(icc: number | null): KooLiBand | null {
  if (icc === null || Number.isNaN(icc)) return null;
  if (icc < 0.5) return 'poor';
  if (icc < 0.75) return 'moderate';
  if (icc <= 0.9) return 'good';
  return 'excellent';
}
