import { z } from 'zod';

/**
 * Every scale carries a version, and whatever is scored on it keeps that version, so that an old review or round
 * can be re-scored exactly as it was (docs/domain.md: defaults are configurable and versioned).
 */
export interface ScaleVersion {
  version: string;
  /** ISO date (YYYY-MM-DD) from which the version is in force. */
  effectiveFrom: string;
}

export interface Anchor {
  ja: string;
  en: string;
}

/** Grades of personnel evaluation (人事評価), best first; B is the standard. */
export const EVALUATION_GRADES = ['S', 'A', 'B', 'C', 'D'] as const;
export type EvaluationGrade = (typeof EVALUATION_GRADES)[number];
export const evaluationGradeSchema = z.enum(EVALUATION_GRADES);

const POINTS: Record<EvaluationGrade, number> = { S: 5, A: 4, B: 3, C: 2, D: 1 };

/** Points of an evaluation grade, S = 5 … D = 1, for means and KPI comparisons (policy II-7, IV-3). */
export function evaluationPoints(grade: EvaluationGrade): number {
  return POINTS[grade];
}

export interface EvaluationScale extends ScaleVersion {
  /** Anchors for 能力評価, read against the standard of the evaluatee's grade. */
  competencyAnchors: Record<EvaluationGrade, Anchor>;
  /** Anchors for the achievement of a goal in 業績評価. */
  goalAnchors: Record<EvaluationGrade, Anchor>;
  standard: EvaluationGrade;
}

/** The S–D scale of personnel evaluation; absolute evaluation, no forced distribution. */
export const EVALUATION_SCALE: EvaluationScale = {
  version: '2024.1',
  effectiveFrom: '2024-04-01',
  competencyAnchors: {
    S: {
      ja: '職位の水準を上回り、一つ上の職層でも十分に職務を遂行できる',
      en: 'Exceeds the post and would be fully capable one grade up',
    },
    A: { ja: '職務を十分に遂行でき、円滑に業務を進めている', en: 'Fully capable, works smoothly' },
    B: { ja: '職務をおおむね遂行でき、特段の問題はない', en: 'Broadly capable, no particular problems' },
    C: { ja: '職務の遂行に不十分な点があり、時に支障を生じている', en: 'Lacking, sometimes causes problems' },
    D: { ja: '職務の遂行に著しく不十分な点がある', en: 'Seriously lacking' },
  },
  goalAnchors: {
    S: { ja: '大きく上回る', en: 'Far exceeded' },
    A: { ja: '上回る', en: 'Exceeded' },
    B: { ja: '期待どおり', en: 'As expected' },
    C: { ja: 'やや下回る', en: 'Slightly below' },
    D: { ja: '大きく下回る', en: 'Far below' },
  },
  standard: 'B',
};

export type AgreementValue = 1 | 2 | 3 | 4;

export interface AgreementScale extends ScaleVersion {
  points: readonly { value: AgreementValue; labelJa: string; labelEn: string }[];
}

/** The four-point answer scale of the staff survey, as policy IV-3-(1) scores it. */
export const AGREEMENT_SCALE: AgreementScale = {
  version: '2024.1',
  effectiveFrom: '2024-03-22',
  points: [
    { value: 4, labelJa: 'そう思う', labelEn: 'Agree' },
    { value: 3, labelJa: 'まあそう思う', labelEn: 'Somewhat agree' },
    { value: 2, labelJa: 'あまりそう思わない', labelEn: 'Somewhat disagree' },
    { value: 1, labelJa: 'そう思わない', labelEn: 'Disagree' },
  ],
};

/** Reads a survey answer, 1–4 or its label; '' is null (no answer), anything else undefined (policy IV-3-(1)). */
export function parseAgreement(value: string): AgreementValue | null | undefined {
  // NFKC, so that full-width digits and spaces keyed in Excel read like half-width ones.
  const v = value.normalize('NFKC').trim();
  if (v === '') return null;
  const point = AGREEMENT_SCALE.points.find((p) => String(p.value) === v || p.labelJa === v);
  return point?.value;
}

export interface InterviewScale extends ScaleVersion {
  min: 1;
  max: 5;
  /** Generic anchors, used for a criterion that has none of its own. */
  defaultAnchors: Record<1 | 2 | 3 | 4 | 5, Anchor>;
}

/** The 5-point behaviourally anchored scale of recruitment interviews (docs/domain.md §2). */
export const INTERVIEW_SCALE: InterviewScale = {
  version: '2024.1',
  effectiveFrom: '2024-04-01',
  min: 1,
  max: 5,
  defaultAnchors: {
    1: {
      ja: '求める水準に達していない。具体的な行動例を示せず、回答が抽象的・他人事にとどまる。',
      en: 'Below the required level. Gives no concrete example; answers stay abstract or about others.',
    },
    2: {
      ja: '求める水準をやや下回る。行動例はあるが、指示された範囲にとどまり、本人の工夫や役割が見えにくい。',
      en: 'Somewhat below the required level. Gives an example, but only of doing what was asked; their own part is unclear.',
    },
    3: {
      ja: '求める水準に達している。自分の役割と行動を具体的に説明でき、一定の成果につなげている。',
      en: 'Meets the required level. Explains their own role and actions concretely, with a reasonable result.',
    },
    4: {
      ja: '求める水準を上回る。状況に応じて自ら工夫し、周囲を巻き込みながら成果を上げた具体例を示せる。',
      en: 'Above the required level. Shows a concrete case of adapting on their own initiative and involving others to achieve results.',
    },
    5: {
      ja: '求める水準を大きく上回る。困難な状況でも主体的に行動し、成果や学びを周囲や組織に広げた具体例を複数示せる。',
      en: 'Well above the required level. Shows several concrete cases of acting on their own initiative under difficulty and spreading results and lessons to others and the organisation.',
    },
  },
};

/** Every version of each scale, oldest first; a new version is appended, never edited in place. */
export const SCALE_HISTORY = {
  evaluation: [EVALUATION_SCALE],
  agreement: [AGREEMENT_SCALE],
  interview: [INTERVIEW_SCALE],
} as const satisfies Record<string, readonly ScaleVersion[]>;

/** The version of each scale now in force. */
export const SCALES_IN_FORCE = {
  evaluation: EVALUATION_SCALE.version,
  agreement: AGREEMENT_SCALE.version,
  interview: INTERVIEW_SCALE.version,
} as const;
