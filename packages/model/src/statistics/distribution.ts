// Grade distributions and evaluator tendencies for the evaluation analytics (docs/domain.md §4: distributions
// are shown as analytics, no quota is forced). Pure: no I/O, no clock, no randomness.
import { mean } from './descriptive.js';

/** The count and share of one category. */
export interface CategoryCount<C extends string = string> {
  category: C;
  count: number;
  /** count / total; 0 when there are no values in any category. */
  share: number;
}

/** Counts and shares in category order (docs/domain.md §4). */
export interface Distribution<C extends string = string> {
  /** Number of values that fell in one of the categories. */
  total: number;
  /** Number of values that are in none of the categories; they do not count in the shares. */
  unmatched: number;
  categories: CategoryCount<C>[];
}

/**
 * Counts and shares of values over the given categories, in category order (docs/domain.md §4: distributions
 * shown as analytics), e.g. overall grades over S, A, B, C, D. Values outside the categories are counted as
 * unmatched and left out of the shares. Throws a RangeError for a repeated category.
 */
export function distribution<C extends string>(
  values: readonly string[],
  categories: readonly C[],
): Distribution<C> {
  const counts = new Map<string, number>();
  for (const c of categories) {
    if (counts.has(c)) throw new RangeError(`distribution: category ${c} is listed twice`);
    counts.set(c, 0);
  }
  let total = 0;
  let unmatched = 0;
  for (const v of values) {
    const count = counts.get(v);
    if (count === undefined) unmatched++;
    else {
      counts.set(v, count + 1);
      total++;
    }
  }
  return {
    total,
    unmatched,
    categories: categories.map((category) => {
      const count = counts.get(category) ?? 0;
      return { category, count, share: total === 0 ? 0 : count / total };
    }),
  };
}

/**
 * Central-tendency index (docs/domain.md §4: evaluators flagged for central tendency against the
 * organisation's distribution): the share of ratings at the middle category, e.g. B on S/A/B/C/D; with an
 * even number of categories, the share at the two central ones. Null when there are no ratings. Compare an
 * evaluator's index with the organisation's.
 */
export function centralTendencyIndex(counts: readonly number[]): number | null {
  if (counts.length === 0) throw new RangeError('centralTendencyIndex: no categories');
  for (const c of counts) {
    if (!Number.isFinite(c) || c < 0) throw new RangeError(`centralTendencyIndex: invalid count ${c}`);
  }
  const total = counts.reduce((s, c) => s + c, 0);
  if (total === 0) return null;
  const len = counts.length;
  const middle =
    len % 2 === 1 ? (counts[(len - 1) / 2] ?? 0) : (counts[len / 2 - 1] ?? 0) + (counts[len / 2] ?? 0);
  return middle / total;
}

/**
 * Leniency index (docs/domain.md §4: evaluators flagged for leniency against the organisation's
 * distribution): the mean of an evaluator's points (S = 5 … D = 1) minus the reference mean, e.g. the
 * organisation's; positive is lenient, negative severe. Null when there are no points.
 */
export function leniencyIndex(points: readonly number[], referenceMean: number): number | null {
  if (!Number.isFinite(referenceMean))
    throw new RangeError(`leniencyIndex: invalid reference mean ${referenceMean}`);
  for (const p of points) if (!Number.isFinite(p)) throw new RangeError(`leniencyIndex: invalid point ${p}`);
  if (points.length === 0) return null;
  return mean(points) - referenceMean;
}
