import { KPI_QUESTIONS, type KpiCode, type KpiQuestion } from '../kpis.js';
import { summariseAnswerMoments, type Interval } from '../statistics/descriptive.js';

/**
 * The smallest group whose figures may be shown (docs/domain.md §5: no breakdown for a group under 5
 * answers).
 */
export const MIN_GROUP_SIZE = 5;

/**
 * The fewest evaluated staff a unit needs to be compared with its KPI answers (docs/domain.md §5: evaluation
 * data against KPIs only where both sides have at least 5 people).
 */
export const MIN_EVALUATED_STAFF = 5;

/** What SQL aggregates for one question: count, sum, sum of squares of the answers, and the count of 3s and 4s. */
export interface AnswerMoments {
  n: number;
  sum: number;
  sumSq: number;
  favourable: number;
}

export const NO_MOMENTS: AnswerMoments = { n: 0, sum: 0, sumSq: 0, favourable: 0 };

/**
 * A KPI's figures for one year (docs/interfaces.md "Survey and KPIs" `/api/kpis`): mean, n, 95% CI and
 * favourable share.
 */
export interface KpiFigures {
  mean: number | null;
  n: number;
  ci95: Interval | null;
  favourable: number | null;
}

/**
 * The figures of one KPI from its SQL moments (docs/domain.md §5, §7): mean, n, t interval and the share
 * answering 3 or 4. Under MIN_GROUP_SIZE answers the figures are withheld (n is kept, since it is what says
 * why).
 */
export function kpiFigures(m: AnswerMoments): KpiFigures {
  if (m.n < MIN_GROUP_SIZE) return { mean: null, n: m.n, ci95: null, favourable: null };
  const s = summariseAnswerMoments(m.n, m.sum, m.sumSq, m.favourable);
  return { mean: s.mean, n: s.n, ci95: s.ci95, favourable: s.favourable };
}

/**
 * The figures a breakdown shows (mean, n, favourable share): those of kpiFigures without the t interval, which
 * is not computed. Withheld under MIN_GROUP_SIZE answers as there.
 */
export function kpiPointFigures(m: AnswerMoments): Omit<KpiFigures, 'ci95'> {
  if (m.n < MIN_GROUP_SIZE) return { mean: null, n: m.n, favourable: null };
  return { mean: m.sum / m.n, n: m.n, favourable: m.favourable / m.n };
}

/** Adds two sets of moments, to roll answers up to a larger group (docs/domain.md §5). */
export function addMoments(a: AnswerMoments, b: AnswerMoments): AnswerMoments {
  return {
    n: a.n + b.n,
    sum: a.sum + b.sum,
    sumSq: a.sumSq + b.sumSq,
    favourable: a.favourable + b.favourable,
  };
}

/**
 * Where a KPI stands against its baseline and target (policy IV-3-(1)): achieved (mean ≥ target), improving
 * (above the baseline, below the target), not improving (at or below the baseline), or no data.
 */
export type KpiStatus = 'achieved' | 'improving' | 'not-improving' | 'no-data';

/** The names of the KPI statuses on screen and in exports (policy IV-3-(1)). */
export const KPI_STATUS_LABELS: Record<KpiStatus, { ja: string; en: string }> = {
  achieved: { ja: '目標達成', en: 'Target met' },
  improving: { ja: '基準値より改善', en: 'Above baseline' },
  'not-improving': { ja: '基準値以下', en: 'At or below baseline' },
  'no-data': { ja: 'データなし', en: 'No data' },
};

/** The status of a KPI mean against its question's baseline and computed target (policy IV-3-(1)). */
export function kpiStatus(mean: number | null, kpi: Pick<KpiQuestion, 'baseline' | 'target'>): KpiStatus {
  if (mean === null) return 'no-data';
  // Compare as the policy prints figures: to 3 decimals, so 2.4996 shown as 2.500 meets a 2.500 target.
  const shown = Number(mean.toFixed(3));
  if (shown >= kpi.target) return 'achieved';
  if (shown > kpi.baseline) return 'improving';
  return 'not-improving';
}

/**
 * The share of the way from baseline to target (policy IV-3-(1)), for colouring the logic model: 0 at or below the
 * baseline, 1 at or above the target; null without data.
 */
export function kpiProgress(
  mean: number | null,
  kpi: Pick<KpiQuestion, 'baseline' | 'target'>,
): number | null {
  if (mean === null) return null;
  const span = kpi.target - kpi.baseline;
  if (span <= 0) return mean >= kpi.target ? 1 : 0;
  return Math.max(0, Math.min(1, (mean - kpi.baseline) / span));
}

/**
 * One row of the KPI board (docs/interfaces.md "Survey and KPIs" `/api/kpis`): the question, its year's
 * figures, delta and status.
 */
export interface KpiRow extends KpiFigures {
  code: KpiCode;
  outcome: KpiQuestion['outcome'];
  baseline: number;
  target: number;
  delta: number | null;
  status: KpiStatus;
  progress: number | null;
}

/**
 * The KPI board of a year (policy IV-3, docs/interfaces.md "Survey and KPIs" `/api/kpis`): every KPI question
 * with its figures, the change in mean from the previous year (null when either year has no shown mean) and
 * its status.
 */
export function kpiBoard(
  current: ReadonlyMap<string, AnswerMoments>,
  previous: ReadonlyMap<string, AnswerMoments> | null,
): KpiRow[] {
  return KPI_QUESTIONS.map((k) => {
    const f = kpiFigures(current.get(k.code) ?? NO_MOMENTS);
    const before = previous ? kpiFigures(previous.get(k.code) ?? NO_MOMENTS) : null;
    const delta = f.mean !== null && before?.mean != null ? f.mean - before.mean : null;
    return {
      code: k.code,
      outcome: k.outcome,
      baseline: k.baseline,
      target: k.target,
      ...f,
      delta,
      status: kpiStatus(f.mean, k),
      progress: kpiProgress(f.mean, k),
    };
  });
}
