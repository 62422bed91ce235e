// Descriptive statistics and the t and normal distributions (docs/domain.md §5 and §7). Pure: no I/O, no
// clock, no randomness.

/** A two-sided 95% interval `[lo, hi]`. */
export type Interval = [lo: number, hi: number];

/** A mean with its 95% confidence interval from the t distribution (docs/domain.md §7). */
export interface MeanCi {
  /** The arithmetic mean; null when there are no values. */
  mean: number | null;
  /** The number of values. */
  n: number;
  /** The sample standard deviation; null when n < 2. */
  sd: number | null;
  /** The 95% confidence interval from the t distribution with n − 1 degrees of freedom; null when n < 2. */
  ci95: Interval | null;
}

/**
 * The KPI summary of one survey question (docs/domain.md §5, docs/interfaces.md "Survey and KPIs"
 * `/api/kpis`).
 */
export interface AnswerSummary extends MeanCi {
  /** The share of answers of 3 or 4 (そう思う, まあそう思う); null when there are no answers. */
  favourable: number | null;
}

function assertFinite(values: readonly number[], what: string): void {
  for (const v of values) {
    if (!Number.isFinite(v)) throw new RangeError(`${what}: every value must be a finite number, got ${v}`);
  }
}

/** Arithmetic mean (docs/domain.md §5: a KPI value is the mean); NaN for an empty list. */
export function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  // Two-step mean: the correction term removes most of the rounding error of the plain sum.
  let sum = 0;
  for (const v of values) sum += v;
  const m = sum / values.length;
  let correction = 0;
  for (const v of values) correction += v - m;
  return m + correction / values.length;
}

/** Sample variance with the n − 1 denominator (docs/domain.md §7); NaN when n < 2. */
export function variance(values: readonly number[]): number {
  const n = values.length;
  if (n < 2) return Number.NaN;
  // Centred on the first value: the variance is unchanged, and equal values give exactly 0 whatever the rounding.
  const origin = values[0] ?? 0;
  const centred = values.map((v) => v - origin);
  const m = mean(centred);
  let ss = 0;
  let comp = 0;
  for (const v of centred) {
    const d = v - m;
    ss += d * d;
    comp += d;
  }
  // Corrected two-pass algorithm (Chan, Golub & LeVeque).
  return Math.max(0, (ss - (comp * comp) / n) / (n - 1));
}

/** Sample standard deviation, the square root of the n − 1 variance (docs/domain.md §7); NaN when n < 2. */
export function sd(values: readonly number[]): number {
  return Math.sqrt(variance(values));
}

// --- Special functions -------------------------------------------------------------------------------------------

const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
] as const;

/**
 * Natural logarithm of the gamma function for x > 0 (Lanczos, g = 7), used by the t distribution of
 * docs/domain.md §7.
 */
export function logGamma(x: number): number {
  if (!(x > 0)) throw new RangeError(`logGamma: x must be positive, got ${x}`);
  if (x < 0.5) {
    // Reflection formula keeps the approximation in its accurate range.
    return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  }
  const z = x - 1;
  let a = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) a += (LANCZOS[i] ?? 0) / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** lnΓ(x) − Stirling's approximation, for x ≥ 10: the Stirling series to x^−13 (error below 1e-16). */
function stirlingCorrection(x: number): number {
  const x2 = 1 / (x * x);
  return (
    (1 / 12 -
      x2 * (1 / 360 - x2 * (1 / 1260 - x2 * (1 / 1680 - x2 * (1 / 1188 - x2 * (691 / 360360 - x2 / 156)))))) /
    x
  );
}

/** ln B(a, b) without the cancellation of large log-gammas (the arrangement of R's lbeta). */
function logBeta(a: number, b: number): number {
  const p = Math.min(a, b);
  const q = Math.max(a, b);
  if (p >= 10) {
    const corr = stirlingCorrection(p) + stirlingCorrection(q) - stirlingCorrection(p + q);
    return (
      -0.5 * Math.log(q) +
      0.5 * Math.log(2 * Math.PI) +
      corr +
      (p - 0.5) * Math.log(p / (p + q)) +
      q * Math.log1p(-p / (p + q))
    );
  }
  if (q >= 10) {
    const corr = stirlingCorrection(q) - stirlingCorrection(p + q);
    return logGamma(p) + corr + p - p * Math.log(p + q) + (q - 0.5) * Math.log1p(-p / (p + q));
  }
  return logGamma(p) + logGamma(q) - logGamma(p + q);
}

const FPMIN = 1e-300;
const CF_EPS = 1e-16;

/** Continued fraction of the incomplete beta function, modified Lentz's method (Numerical Recipes §6.4). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const maxIterations = 1000 + Math.ceil(20 * Math.sqrt(Math.max(a, b)));
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < FPMIN) d = FPMIN;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= maxIterations; m++) {
    const m2 = 2 * m;
    // Even step.
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < FPMIN) d = FPMIN;
    c = 1 + aa / c;
    if (Math.abs(c) < FPMIN) c = FPMIN;
    d = 1 / d;
    h *= d * c;
    // Odd step.
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < FPMIN) d = FPMIN;
    c = 1 + aa / c;
    if (Math.abs(c) < FPMIN) c = FPMIN;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < CF_EPS) break;
  }
  return h;
}

/** I_x(a, b) given both x and y = 1 − x, so that callers can pass an accurate complement. */
function incompleteBeta(x: number, y: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (y <= 0) return 1;
  const lnX = x < 0.5 ? Math.log(x) : Math.log1p(-y);
  const lnY = y < 0.5 ? Math.log(y) : Math.log1p(-x);
  const lnFront = a * lnX + b * lnY - logBeta(a, b);
  const front = Math.exp(lnFront);
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(a, b, x)) / a;
  return 1 - (front * betaContinuedFraction(b, a, y)) / b;
}

/**
 * Regularized incomplete beta function I_x(a, b) (Numerical Recipes §6.4), the basis of the t CDF of
 * docs/domain.md §7.
 */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (!(a > 0) || !(b > 0)) throw new RangeError(`regularizedIncompleteBeta: a and b must be positive`);
  if (Number.isNaN(x) || x < 0 || x > 1)
    throw new RangeError(`regularizedIncompleteBeta: x must be in [0, 1]`);
  return incompleteBeta(x, 1 - x, a, b);
}

function assertDf(df: number, what: string): void {
  if (Number.isNaN(df) || !(df > 0))
    throw new RangeError(`${what}: degrees of freedom must be positive, got ${df}`);
}

const HILL_MIN_DF = 1e5;

/** Upper tail P(T > t) for t ≥ 0, with x = df/(df+t²) and its complement computed without cancellation. */
function studentTUpperTail(t: number, df: number): number {
  if (t === 0) return 0.5;
  if (t === Number.POSITIVE_INFINITY) return 0;
  if (df > HILL_MIN_DF) {
    // Hill (1970), Algorithm 395: a normalising transformation, exact to rounding for large df, where the continued
    // fraction would need O(√df) steps.
    const a = df - 0.5;
    const b = 48 * a * a;
    let y = a * Math.log1p((t / Math.sqrt(df)) ** 2);
    y = (((((-0.4 * y - 3.3) * y - 24) * y - 85.5) / (0.8 * y * y + 100 + b) + y + 3) / b + 1) * Math.sqrt(y);
    return normalCdf(-y);
  }
  let x: number;
  let y: number;
  if (t * t < df) {
    x = df / (df + t * t);
    y = (t * t) / (df + t * t);
  } else {
    const s = Math.sqrt(df) / t;
    x = (s * s) / (1 + s * s);
    y = 1 / (1 + s * s);
  }
  return 0.5 * incompleteBeta(x, y, df / 2, 0.5);
}

function studentTDensity(t: number, df: number): number {
  // Γ((ν+1)/2) / (Γ(ν/2) √(νπ)) = 1 / (√ν B(ν/2, 1/2)).
  const lnC = -logBeta(df / 2, 0.5) - 0.5 * Math.log(df);
  const u = t / Math.sqrt(df);
  const lnKernel = Math.abs(u) > 1e100 ? 2 * Math.log(Math.abs(u)) : Math.log1p(u * u);
  return Math.exp(lnC - ((df + 1) / 2) * lnKernel);
}

/** Cumulative distribution function of Student's t with df > 0 degrees of freedom (docs/domain.md §7). */
export function studentTCdf(t: number, df: number): number {
  assertDf(df, 'studentTCdf');
  if (Number.isNaN(t)) return Number.NaN;
  if (df === Number.POSITIVE_INFINITY) return normalCdf(t);
  return t >= 0 ? 1 - studentTUpperTail(t, df) : studentTUpperTail(-t, df);
}

/**
 * Quantile of Student's t (docs/domain.md §7: the 95% CI of a mean): incomplete-beta CDF inverted by
 * safeguarded Newton.
 */
export function studentTQuantile(p: number, df: number): number {
  assertDf(df, 'studentTQuantile');
  if (Number.isNaN(p) || p < 0 || p > 1)
    throw new RangeError(`studentTQuantile: p must be in [0, 1], got ${p}`);
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  if (p === 0.5) return 0;
  if (df === Number.POSITIVE_INFINITY) return normalQuantile(p);
  const sign = p > 0.5 ? 1 : -1;
  const q = p > 0.5 ? 1 - p : p; // the upper-tail probability to reach
  if (df === 1) return sign * Math.tan(Math.PI * (0.5 - q)); // Cauchy: exact
  if (df === 2) return sign * Math.sqrt(2 / (4 * q * (1 - q)) - 2); // closed form for two degrees of freedom

  // Starting point: the Cornish–Fisher expansion around the normal quantile.
  const z = -normalQuantile(q);
  let t = z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df * df);
  if (!Number.isFinite(t) || t <= 0) t = 1;

  // Bracket the root: upper tail at lo ≥ q ≥ upper tail at hi.
  let lo = 0;
  let hi = Math.max(t, 1);
  while (studentTUpperTail(hi, df) > q) {
    lo = hi;
    hi *= 2;
    if (!Number.isFinite(hi)) return sign * Number.MAX_VALUE;
  }
  if (t < lo || t > hi) t = (lo + hi) / 2;

  for (let i = 0; i < 300; i++) {
    const f = studentTUpperTail(t, df) - q; // decreasing in t
    if (f === 0) break;
    if (f > 0) lo = t;
    else hi = t;
    const density = studentTDensity(t, df);
    let next = t + f / density;
    if (!Number.isFinite(next) || next <= lo || next >= hi) next = (lo + hi) / 2;
    const step = Math.abs(next - t);
    t = next;
    if (step <= 1e-15 * Math.max(1, t) || hi - lo <= 1e-15 * Math.max(1, t)) break;
  }
  return sign * t;
}

// --- Normal distribution -----------------------------------------------------------------------------------------

// Wichura (1988), Algorithm AS 241 PPND16: about 16 significant digits.
const AS241_A = [
  3.3871328727963665, 133.14166789178438, 1971.5909503065513, 13731.69376550946, 45921.95393154987,
  67265.7709270087, 33430.57558358813, 2509.0809287301227,
] as const;
const AS241_B = [
  1, 42.31333070160091, 687.1870074920579, 5394.196021424751, 21213.794301586597, 39307.89580009271,
  28729.085735721943, 5226.495278852854,
] as const;
const AS241_C = [
  1.4234371107496835, 4.630337846156546, 5.769497221460691, 3.6478483247632045, 1.2704582524523684,
  0.2417807251774506, 0.022723844989269184, 0.0007745450142783414,
] as const;
const AS241_D = [
  1, 2.053191626637759, 1.6763848301838038, 0.6897673349851, 0.14810397642748008, 0.015198666563616457,
  0.0005475938084995345, 1.0507500716444169e-9,
] as const;
const AS241_E = [
  6.657904643501103, 5.463784911164114, 1.7848265399172913, 0.29656057182850487, 0.026532189526576124,
  0.0012426609473880784, 2.7115555687434876e-5, 2.0103343992922881e-7,
] as const;
const AS241_F = [
  1, 0.599832206555888, 0.1369298809227358, 0.014875361290850615, 0.0007868691311456133,
  1.8463183175100548e-5, 1.421511758316446e-7, 2.0442631033899397e-15,
] as const;

function polynomial(coefficients: readonly number[], x: number): number {
  let result = 0;
  for (let i = coefficients.length - 1; i >= 0; i--) result = result * x + (coefficients[i] ?? 0);
  return result;
}

/**
 * Quantile of the standard normal distribution, Wichura's AS 241 (docs/domain.md §7: the Fisher-z interval).
 */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1)
    throw new RangeError(`normalQuantile: p must be in [0, 1], got ${p}`);
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * polynomial(AS241_A, r)) / polynomial(AS241_B, r);
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let value: number;
  if (r <= 5) {
    r -= 1.6;
    value = polynomial(AS241_C, r) / polynomial(AS241_D, r);
  } else {
    r -= 5;
    value = polynomial(AS241_E, r) / polynomial(AS241_F, r);
  }
  return q < 0 ? -value : value;
}

/** Complementary error function, W. J. Cody's rational Chebyshev approximations (relative error below 1e-15). */
function erfc(x: number): number {
  const ax = Math.abs(x);
  let result: number;
  if (ax < 0.5) {
    const t = x * x;
    const top =
      (((0.18577770618460315 * t + 3.1611237438705655) * t + 113.86415415105016) * t + 377.485237685302) * t +
      3209.3775891384694;
    const bot =
      (((t + 23.601290952344122) * t + 244.02463793444417) * t + 1282.6165260773723) * t + 2844.236833439171;
    return 1 - (x * top) / bot;
  } else if (ax < 4) {
    const top =
      (((((((2.1531153547440383e-8 * ax + 0.5641884969886701) * ax + 8.883149794388377) * ax +
        66.11919063714163) *
        ax +
        298.6351381974001) *
        ax +
        881.952221241769) *
        ax +
        1712.0476126340707) *
        ax +
        2051.0783778260716) *
        ax +
      1230.3393547979972;
    const bot =
      (((((((ax + 15.744926110709835) * ax + 117.6939508913125) * ax + 537.1811018620099) * ax +
        1621.3895745666903) *
        ax +
        3290.7992357334597) *
        ax +
        4362.619090143247) *
        ax +
        3439.3676741437216) *
        ax +
      1230.3393548037495;
    result = top / bot;
  } else {
    const z = 1 / (ax * ax);
    const top =
      ((((0.016315387137302097 * z + 0.30532663496123236) * z + 0.36034489994980445) * z +
        0.12578172611122926) *
        z +
        0.016083785148742275) *
        z +
      0.0006587491615298378;
    const bot =
      ((((z + 2.568520192289822) * z + 1.8729528499234673) * z + 0.5279051029514285) * z +
        0.06051834131244132) *
        z +
      0.0023352049762686918;
    result = (1 / Math.sqrt(Math.PI) - (z * top) / bot) / ax;
  }
  // exp(-x²) split in two factors keeps precision for large |x| (Cody).
  const xsq = Math.trunc(ax * 16) / 16;
  const del = (ax - xsq) * (ax + xsq);
  result *= Math.exp(-xsq * xsq) * Math.exp(-del);
  return x < 0 ? 2 - result : result;
}

/** Cumulative distribution function of the standard normal distribution (docs/domain.md §7). */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  return 0.5 * erfc(-x / Math.SQRT2);
}

// --- Means with confidence intervals -----------------------------------------------------------------------------

function ciFromSummary(n: number, m: number, s: number): Interval {
  const half = (studentTQuantile(0.975, n - 1) * s) / Math.sqrt(n);
  return [m - half, m + half];
}

/** Mean with its 95% CI from the t distribution with n − 1 df (docs/domain.md §5, §7); null CI when n < 2. */
export function meanCi95(values: readonly number[]): MeanCi {
  assertFinite(values, 'meanCi95');
  const n = values.length;
  if (n === 0) return { mean: null, n, sd: null, ci95: null };
  const m = mean(values);
  if (n < 2) return { mean: m, n, sd: null, ci95: null };
  const s = sd(values);
  return { mean: m, n, sd: s, ci95: ciFromSummary(n, m, s) };
}

/**
 * Mean with its 95% t interval from the count, sum and sum of squares (docs/domain.md §5, §7), so that SQL
 * can aggregate `count(x), sum(x), sum(x*x)` with GROUP BY and the model computes the interval. Equal to
 * {@link meanCi95} on the same data up to rounding.
 */
export function meanCiFromMoments(n: number, sum: number, sumSq: number): MeanCi {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`meanCiFromMoments: n must be a whole number ≥ 0, got ${n}`);
  if (!Number.isFinite(sum) || !Number.isFinite(sumSq) || sumSq < 0) {
    throw new RangeError('meanCiFromMoments: sum and sumSq must be finite, sumSq ≥ 0');
  }
  if (n === 0) return { mean: null, n, sd: null, ci95: null };
  const m = sum / n;
  if (n < 2) return { mean: m, n, sd: null, ci95: null };
  let ss = sumSq - sum * m;
  // The subtraction cancels for (nearly) constant data: treat a remainder within rounding noise as zero.
  if (ss <= 1e-12 * sumSq) ss = 0;
  const s = Math.sqrt(ss / (n - 1));
  return { mean: m, n, sd: s, ci95: ciFromSummary(n, m, s) };
}

/** The lowest answer counted as favourable on the 4-point scale: まあそう思う = 3 (docs/domain.md §5). */
export const FAVOURABLE_MIN = 3;

/**
 * KPI summary of the answers to one question on the 4-point scale (docs/domain.md §5): n, mean, 95% t
 * interval and the share answering 3 or 4. Missing answers (null or undefined) are skipped; any other value
 * must be a whole number 1–4.
 */
export function summariseAnswers(values: readonly (number | null | undefined)[]): AnswerSummary {
  const answers: number[] = [];
  for (const v of values) {
    if (v === null || v === undefined) continue;
    if (!Number.isInteger(v) || v < 1 || v > 4) {
      throw new RangeError(`summariseAnswers: an answer must be a whole number 1–4, got ${v}`);
    }
    answers.push(v);
  }
  const favourableCount = answers.filter((v) => v >= FAVOURABLE_MIN).length;
  const ci = meanCi95(answers);
  return { ...ci, favourable: ci.n === 0 ? null : favourableCount / ci.n };
}

/**
 * KPI summary from SQL aggregates (docs/domain.md §5): `count(answer)`, `sum(answer)`, `sum(answer*answer)`
 * and the count of answers ≥ 3; equal to {@link summariseAnswers} on the same answers.
 */
export function summariseAnswerMoments(
  n: number,
  sum: number,
  sumSq: number,
  favourableCount: number,
): AnswerSummary {
  if (!Number.isInteger(favourableCount) || favourableCount < 0 || favourableCount > n) {
    throw new RangeError(`summariseAnswerMoments: favourableCount must be a whole number in [0, n]`);
  }
  const ci = meanCiFromMoments(n, sum, sumSq);
  return { ...ci, favourable: n === 0 ? null : favourableCount / n };
}
