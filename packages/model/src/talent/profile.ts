// The profile (docs/domain.md §10): who may see a person's talent data, and how much of it.
import { evaluationPoints, type EvaluationGrade } from '../scales.js';
import { gradeByCode } from '../grades.js';
import { LAYERS, type LayerCode } from '../layers.js';
import type { Role } from '../schemas/auth.js';

/** Why a viewer sees a profile: HR, the person themself, or one of their current evaluators. */
export type ProfileRelation = 'hr' | 'self' | 'first' | 'second';

/**
 * The viewer's relation to the person (docs/domain.md §10 "Access"): HR sees everyone, a person themself, and the
 * first and second evaluators of a sheet of a period open today their evaluatee; null for everyone else.
 */
export function profileRelation(
  viewer: { staffNo: string | null; roles: readonly Role[] },
  staffNo: string,
  currentEvaluators: readonly { firstStaffNo: string | null; secondStaffNo: string | null }[],
): ProfileRelation | null {
  if (viewer.roles.includes('hr')) return 'hr';
  if (viewer.staffNo === null) return null;
  if (viewer.staffNo === staffNo) return 'self';
  if (currentEvaluators.some((e) => e.firstStaffNo === viewer.staffNo)) return 'first';
  if (currentEvaluators.some((e) => e.secondStaffNo === viewer.staffNo)) return 'second';
  return null;
}

/** What of a profile a relation shows (docs/domain.md §10): the rest is left out of the answer, not hidden on screen. */
export interface ProfileVisibility {
  /** Family or health circumstances of a declaration: HR, and the person who wrote them. */
  circumstances: boolean;
  /** 面談 notes marked private: HR only (the evaluator who wrote them sees them in HR's and their own record). */
  privateNotes: boolean;
  /** I・メッセージ counts: the person and HR; an evaluator sees none of other people's messages. */
  iMessages: boolean;
}

export function profileVisibility(relation: ProfileRelation): ProfileVisibility {
  return {
    circumstances: relation === 'hr' || relation === 'self',
    privateNotes: relation === 'hr',
    iMessages: relation === 'hr' || relation === 'self',
  };
}

/** The layers 能力評価 rates (the grade standards group their items under these three, docs/domain.md §3). */
export const RATED_LAYERS: readonly LayerCode[] = ['stance', 'interpersonal', 'problem'];

/**
 * One year's 能力評価 by layer: the mean of the rated items of each rated layer of the grade, S = 5 … D = 1; null
 * for a layer without a rated item.
 */
export function layerMeans(
  gradeCode: string,
  items: Readonly<Record<string, string>>,
): { layer: LayerCode; nameJa: string; nameEn: string; mean: number | null }[] {
  const grade = gradeByCode(gradeCode);
  return LAYERS.filter((l) => RATED_LAYERS.includes(l.code)).map((l) => {
    const pts = (grade?.competencies ?? [])
      .filter((k) => k.layer === l.code && items[k.code])
      .map((k) => evaluationPoints(items[k.code] as EvaluationGrade));
    return {
      layer: l.code,
      nameJa: l.nameJa,
      nameEn: l.nameEn,
      mean: pts.length ? pts.reduce((a, b) => a + b, 0) / pts.length : null,
    };
  });
}

/**
 * The years a person has been in their current unit, counted back from the latest year over a history of
 * (fiscal year, unit) pairs ending with the current one: consecutive years in that unit.
 */
export function yearsInUnit(
  history: readonly { fiscalYear: number; unitCode: string }[],
  unitCode: string,
): number {
  const byYear = [...history].sort((a, b) => b.fiscalYear - a.fiscalYear);
  let n = 0;
  for (const h of byYear) {
    if (h.unitCode !== unitCode) break;
    n++;
  }
  return n;
}
