// Rater calibration and leniency (docs/domain.md §7, docs/interfaces.md "Recruitment" results). Pure: no I/O,
// no clock, no randomness.
import { mean, sd } from './descriptive.js';

/**
 * One rater's score for one subject (a candidate), e.g. a rater's total for an applicant (docs/interfaces.md
 * "Recruitment" results).
 */
export interface RaterScore {
  rater: string;
  subject: string;
  value: number;
}

/** A score with its within-rater z value. */
export type StandardisedScore<T extends RaterScore = RaterScore> = T & { z: number };

/** A score with its z value and its calibrated value on the pooled scale. */
export type CalibratedScore<T extends RaterScore = RaterScore> = T & { z: number; calibrated: number };

/** The leniency of one rater (docs/domain.md §7, docs/interfaces.md "Recruitment" `raters[]`). */
export interface RaterLeniency {
  rater: string;
  /** Mean over the subjects the rater scored of (the rater's value − the mean of all raters' values for it). */
  meanDeviation: number;
  /** Number of subjects the rater scored. */
  n: number;
  /** |meanDeviation| > the threshold (0.5 points by default). */
  flagged: boolean;
}

/**
 * The leniency flag threshold in points (docs/domain.md §7, docs/interfaces.md "Recruitment" results: flagged
 * beyond ±0.5).
 */
export const LENIENCY_THRESHOLD = 0.5;

/** Absolute slack on the threshold so that a deviation of exactly 0.5, up to rounding, is not flagged. */
const THRESHOLD_SLACK = 1e-9;

function assertScores(scores: readonly RaterScore[], what: string): void {
  for (const s of scores) {
    if (!Number.isFinite(s.value))
      throw new RangeError(`${what}: non-finite value ${s.value} (rater ${s.rater})`);
  }
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Mean and sample sd of a list, with sd 0 for fewer than 2 values (so that z falls back to 0). */
function centre(values: readonly number[]): { m: number; s: number } {
  const s = values.length < 2 ? 0 : sd(values);
  return { m: mean(values), s };
}

/**
 * Standardises each score within its rater (docs/domain.md §7: calibrated scores): z = (value − the rater's
 * mean) / the rater's sample sd. A rater with a single score or with sd 0 gets z = 0 on every score. Entries
 * keep their order and any extra fields.
 */
export function standardiseWithinRater<T extends RaterScore>(scores: readonly T[]): StandardisedScore<T>[] {
  assertScores(scores, 'standardiseWithinRater');
  const stats = new Map<string, { m: number; s: number }>();
  for (const [rater, group] of groupBy(scores, (s) => s.rater)) {
    stats.set(rater, centre(group.map((s) => s.value)));
  }
  return scores.map((score) => {
    const st = stats.get(score.rater) ?? { m: score.value, s: 0 };
    const z = st.s > 0 ? (score.value - st.m) / st.s : 0;
    return { ...score, z };
  });
}

/**
 * Calibrated scores (docs/domain.md §7): each within-rater z mapped back onto the pooled scale, pooled mean +
 * z × pooled sd, over all the scores given, so that calibrated values are in the same units as the raw 1–5
 * scores. They are shown beside the raw scores, never in their place. Values are not clamped: an extreme z
 * may land slightly outside 1–5.
 */
export function calibratedScores<T extends RaterScore>(scores: readonly T[]): CalibratedScore<T>[] {
  const standardised = standardiseWithinRater(scores);
  if (scores.length === 0) return [];
  const pooled = centre(scores.map((s) => s.value));
  return standardised.map((score) => ({ ...score, calibrated: pooled.m + score.z * pooled.s }));
}

/**
 * Rater leniency (docs/domain.md §7, docs/interfaces.md "Recruitment" results `raters[]`): for each rater,
 * the mean over the subjects that rater scored of (the rater's value − the mean of all raters' values for
 * that subject), flagged when its absolute value exceeds the threshold (0.5 points). The subject mean
 * includes the rater's own value. A subject scored by this rater alone contributes a deviation of 0 and still
 * counts in n: there is no panel to compare with, and leaving it out would make n differ from the number of
 * subjects the rater scored. Raters are listed in order of first appearance. Throws a RangeError when a rater
 * has two scores for the same subject.
 */
export function raterLeniency(
  scores: readonly RaterScore[],
  threshold: number = LENIENCY_THRESHOLD,
): RaterLeniency[] {
  assertScores(scores, 'raterLeniency');
  const seen = new Set<string>();
  for (const s of scores) {
    const key = JSON.stringify([s.rater, s.subject]);
    if (seen.has(key))
      throw new RangeError(`raterLeniency: rater ${s.rater} scored subject ${s.subject} twice`);
    seen.add(key);
  }
  const subjectMeans = new Map<string, number>();
  for (const [subject, group] of groupBy(scores, (s) => s.subject)) {
    subjectMeans.set(subject, mean(group.map((s) => s.value)));
  }
  const result: RaterLeniency[] = [];
  for (const [rater, group] of groupBy(scores, (s) => s.rater)) {
    const deviations = group.map((s) => s.value - (subjectMeans.get(s.subject) ?? s.value));
    const meanDeviation = mean(deviations);
    result.push({
      rater,
      meanDeviation,
      n: group.length,
      flagged: Math.abs(meanDeviation) > threshold + THRESHOLD_SLACK,
    });
  }
  return result;
}

/** A subjects × raters matrix built from scores, with null where a rater did not score a subject. */
export interface RatingMatrix {
  /** Subjects (rows), in order of first appearance. */
  subjects: string[];
  /** Raters (columns), in order of first appearance. */
  raters: string[];
  /** values[i][j] is rater j's value for subject i, or null. */
  values: (number | null)[][];
}

/**
 * Arranges scores as a subjects × raters matrix (docs/domain.md §7): the input of Krippendorff's alpha as it
 * stands, and of the ICCs after {@link completeRows}. Throws a RangeError when a rater has two scores for the
 * same subject.
 */
export function ratingMatrix(scores: readonly RaterScore[]): RatingMatrix {
  const subjects: string[] = [];
  const raters: string[] = [];
  const subjectIndex = new Map<string, number>();
  const raterIndex = new Map<string, number>();
  for (const s of scores) {
    if (!subjectIndex.has(s.subject)) subjectIndex.set(s.subject, subjects.push(s.subject) - 1);
    if (!raterIndex.has(s.rater)) raterIndex.set(s.rater, raters.push(s.rater) - 1);
  }
  const values: (number | null)[][] = subjects.map(() => raters.map(() => null));
  for (const s of scores) {
    const row = values[subjectIndex.get(s.subject) ?? -1];
    const j = raterIndex.get(s.rater) ?? -1;
    if (row === undefined || j < 0) continue;
    if (row[j] !== null)
      throw new RangeError(`ratingMatrix: rater ${s.rater} scored subject ${s.subject} twice`);
    row[j] = s.value;
  }
  return { subjects, raters, values };
}

/**
 * The rows of a rating matrix that every rater scored (docs/domain.md §7; docs/interfaces.md "Recruitment"
 * results: reliability is computed on the applicants that every rater of the stage scored), ready for the
 * ICCs.
 */
export function completeRows(matrix: RatingMatrix): { subjects: string[]; values: number[][] } {
  const subjects: string[] = [];
  const values: number[][] = [];
  matrix.values.forEach((row, i) => {
    if (row.every((v): v is number => v !== null)) {
      subjects.push(matrix.subjects[i] ?? '');
      values.push(row);
    }
  });
  return { subjects, values };
}
