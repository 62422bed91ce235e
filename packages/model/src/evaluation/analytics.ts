// Evaluation analytics (docs/domain.md §4, §7), pure: grade distributions, evaluator tendencies, first/second
// agreement.
import { EVALUATION_GRADES, evaluationPoints, type EvaluationGrade } from '../scales.js';
import { raterLeniency, LENIENCY_THRESHOLD } from '../statistics/calibration.js';
import { mean } from '../statistics/descriptive.js';
import {
  centralTendencyIndex,
  distribution,
  leniencyIndex,
  type Distribution,
} from '../statistics/distribution.js';
import { krippendorffAlphaInterval } from '../statistics/reliability.js';

/**
 * Counts and shares of overall grades S–D (docs/domain.md §4: distributions are analytics; no quota is
 * forced).
 */
export function gradeDistribution(grades: readonly string[]): Distribution<EvaluationGrade> {
  return distribution(grades, EVALUATION_GRADES);
}

/** Evaluators with fewer ratings than this are shown but never flagged: too few to tell a tendency. */
export const TENDENCY_MIN_RATINGS = 5;
/** An evaluator is flagged for central tendency when their share of B exceeds the organisation's by this much. */
export const CENTRAL_TENDENCY_MARGIN = 0.25;

export interface EvaluatorTendency {
  evaluator: string;
  n: number;
  mean: number;
  /** Mean points minus the organisation's mean (S = 5 … D = 1); positive is lenient. */
  leniency: number;
  /** Share of the middle grade (B). */
  central: number;
  /** Mean deviation from the other evaluator of the same sheets (calibration's panel deviation), or null. */
  panelDeviation: number | null;
  flags: ('lenient' | 'severe' | 'central')[];
  distribution: Distribution<EvaluationGrade>;
}

/**
 * Evaluator tendencies against the organisation's distribution (docs/domain.md §4, §7): leniency (mean
 * deviation beyond ±0.5 points) and central tendency (share of B well above the organisation's), for
 * evaluators with enough ratings. `ratings` are one evaluator's overall grade per sheet; `others` (the other
 * evaluator of the same sheets) give the calibration deviation from the panel of the sheet.
 */
export function evaluatorTendencies(
  ratings: readonly { evaluator: string; sheet: string; grade: EvaluationGrade }[],
  others: readonly { evaluator: string; sheet: string; grade: EvaluationGrade }[] = [],
): {
  organisation: { n: number; mean: number | null; central: number | null };
  evaluators: EvaluatorTendency[];
} {
  const points = ratings.map((r) => evaluationPoints(r.grade));
  const orgMean = points.length > 0 ? mean(points) : null;
  const orgDist = gradeDistribution(ratings.map((r) => r.grade));
  const orgCentral = centralTendencyIndex(orgDist.categories.map((c) => c.count));
  // The panel of a sheet is its first and second evaluator: only sheets both rated, each rater once per sheet.
  const key = (r: { evaluator: string; sheet: string }) => `${r.evaluator}\u0000${r.sheet}`;
  const rated = new Set(ratings.map(key));
  const paired = new Set(others.filter((o) => !rated.has(key(o))).map((o) => o.sheet));
  const panelInput = [
    ...ratings.filter((r) => paired.has(r.sheet)),
    ...others.filter((o) => paired.has(o.sheet) && !rated.has(key(o))),
  ];
  const panel = new Map(
    raterLeniency(
      panelInput.map((r) => ({ rater: r.evaluator, subject: r.sheet, value: evaluationPoints(r.grade) })),
    ).map((l) => [l.rater, l.meanDeviation]),
  );
  const byEvaluator = new Map<string, EvaluationGrade[]>();
  for (const r of ratings) {
    const list = byEvaluator.get(r.evaluator);
    if (list) list.push(r.grade);
    else byEvaluator.set(r.evaluator, [r.grade]);
  }
  const evaluators = [...byEvaluator.entries()].map(([evaluator, grades]): EvaluatorTendency => {
    const dist = gradeDistribution(grades);
    const pts = grades.map(evaluationPoints);
    const leniency = leniencyIndex(pts, orgMean ?? 0) ?? 0;
    const central = centralTendencyIndex(dist.categories.map((c) => c.count)) ?? 0;
    const flags: EvaluatorTendency['flags'] = [];
    if (grades.length >= TENDENCY_MIN_RATINGS) {
      if (leniency > LENIENCY_THRESHOLD) flags.push('lenient');
      if (leniency < -LENIENCY_THRESHOLD) flags.push('severe');
      if (orgCentral !== null && central - orgCentral > CENTRAL_TENDENCY_MARGIN) flags.push('central');
    }
    return {
      evaluator,
      n: grades.length,
      mean: mean(pts),
      leniency,
      central,
      panelDeviation: panel.get(evaluator) ?? null,
      flags,
      distribution: dist,
    };
  });
  evaluators.sort((a, b) => b.flags.length - a.flags.length || Math.abs(b.leniency) - Math.abs(a.leniency));
  return { organisation: { n: points.length, mean: orgMean, central: orgCentral }, evaluators };
}

/**
 * Agreement between first and second evaluators (docs/domain.md §7): the share of sheets whose grade the
 * second evaluator changed, and Krippendorff's alpha (interval metric on S = 5 … D = 1) over the sheets both
 * rated.
 */
export function evaluatorAgreement(pairs: readonly { first: EvaluationGrade; second: EvaluationGrade }[]): {
  n: number;
  changed: number;
  shareChanged: number | null;
  raised: number;
  lowered: number;
  alpha: number | null;
} {
  let changed = 0;
  let raised = 0;
  let lowered = 0;
  for (const p of pairs) {
    const d = evaluationPoints(p.second) - evaluationPoints(p.first);
    if (d !== 0) changed++;
    if (d > 0) raised++;
    if (d < 0) lowered++;
  }
  return {
    n: pairs.length,
    changed,
    shareChanged: pairs.length > 0 ? changed / pairs.length : null,
    raised,
    lowered,
    alpha: krippendorffAlphaInterval(
      pairs.map((p) => [evaluationPoints(p.first), evaluationPoints(p.second)]),
    ),
  };
}
