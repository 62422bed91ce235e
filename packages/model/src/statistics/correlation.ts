// Correlation (docs/domain.md §5 evaluation against KPIs, §7 Spearman's rho with a Fisher-z interval). Pure:
// no I/O, no clock, no randomness.
import { normalQuantile, type Interval } from './descriptive.js';

/**
 * Spearman's rank correlation with its Fisher-z 95% interval (docs/domain.md §7, docs/interfaces.md
 * "Survey and KPIs" evaluation-vs-kpi `spearman`).
 */
export interface SpearmanResult {
  /** Spearman's rho; null when undefined (fewer than 2 pairs, or one variable constant). */
  rho: number | null;
  /** Number of pairs. */
  n: number;
  /** The Fisher-z 95% interval; null when rho is null or n < 4. */
  ci95: Interval | null;
}

function assertPairs(x: readonly number[], y: readonly number[], what: string): void {
  if (x.length !== y.length) throw new RangeError(`${what}: x and y must have the same length`);
  for (const v of [...x, ...y])
    if (!Number.isFinite(v)) throw new RangeError(`${what}: non-finite value ${v}`);
}

/**
 * Ranks 1…n in the order of the values, tied values sharing the mean of their ranks (docs/domain.md §7:
 * Spearman).
 */
export function rank(values: readonly number[]): number[] {
  for (const v of values) if (Number.isNaN(v)) throw new RangeError('rank: NaN cannot be ranked');
  const order = values.map((_, i) => i).sort((a, b) => (values[a] ?? 0) - (values[b] ?? 0));
  const ranks = new Array<number>(values.length).fill(0);
  let start = 0;
  while (start < order.length) {
    let end = start;
    const v = values[order[start] ?? 0];
    while (end + 1 < order.length && values[order[end + 1] ?? 0] === v) end++;
    // Positions start…end (0-based) hold ranks start+1…end+1; their mean is (start + end)/2 + 1.
    const shared = (start + end) / 2 + 1;
    for (let i = start; i <= end; i++) ranks[order[i] ?? 0] = shared;
    start = end + 1;
  }
  return ranks;
}

/**
 * Pearson's product-moment correlation (docs/domain.md §7); null for fewer than 2 pairs or a constant
 * variable.
 */
export function pearson(x: readonly number[], y: readonly number[]): number | null {
  assertPairs(x, y, 'pearson');
  const n = x.length;
  if (n < 2) return null;
  // Centred on the first pair, so that a constant variable has exactly zero spread whatever the rounding.
  const x0 = x[0] ?? 0;
  const y0 = y[0] ?? 0;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += (x[i] ?? 0) - x0;
    my += (y[i] ?? 0) - y0;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] ?? 0) - x0 - mx;
    const dy = (y[i] ?? 0) - y0 - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (!(sxx > 0) || !(syy > 0)) return null;
  // Clamp the rounding excursions just beyond ±1.
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/**
 * Spearman's rho with its Fisher-z 95% interval (docs/domain.md §5, §7): the Pearson correlation of the
 * tie-averaged ranks, and tanh(atanh(rho) ± z₀.₉₇₅ / √(n − 3)). The interval is null for n < 4. When |rho| =
 * 1 the transformed value is infinite and the interval collapses to [rho, rho].
 */
export function spearman(x: readonly number[], y: readonly number[]): SpearmanResult {
  assertPairs(x, y, 'spearman');
  const n = x.length;
  const rho = n < 2 ? null : pearson(rank(x), rank(y));
  if (rho === null || n < 4) return { rho, n, ci95: null };
  if (Math.abs(rho) === 1) return { rho, n, ci95: [rho, rho] };
  const z = Math.atanh(rho);
  const half = normalQuantile(0.975) / Math.sqrt(n - 3);
  return { rho, n, ci95: [Math.tanh(z - half), Math.tanh(z + half)] };
}
