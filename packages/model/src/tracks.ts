import { z } from 'zod';
import { LAYER_CODES, type LayerCode } from './layers.js';

/** Hiring tracks (採用区分) of policy II-6-(3). */
export const TRACK_CODES = ['new-graduate', 'experienced', 'specialist'] as const;
export type TrackCode = (typeof TRACK_CODES)[number];
export const trackCodeSchema = z.enum(TRACK_CODES);

/** Per-cent weight of each layer in a track's interview total: integers that add up to 100. */
export type LayerWeights = Record<LayerCode, number>;

const percent = z.number().int().min(0).max(100);

export const layerWeightsSchema = z
  .object({
    potential: percent,
    stance: percent,
    interpersonal: percent,
    problem: percent,
    ict: percent,
    technical: percent,
  })
  .refine((w) => LAYER_CODES.reduce((sum, l) => sum + w[l], 0) === 100, {
    message: '重みの合計は100にしてください',
  });

export interface Track {
  code: TrackCode;
  nameJa: string;
  nameEn: string;
  /** What the policy says is weighed, quoted from II-6-(3). */
  descriptionJa: string;
  descriptionEn: string;
}

export const TRACKS: readonly Track[] = [
  {
    code: 'new-graduate',
    nameJa: '新卒採用',
    nameEn: 'New-graduate hiring',
    descriptionJa:
      '新卒採用においてはポテンシャルやスタンスを重視し、それに加えて経歴により、対人力や対課題力にも着目します。',
    descriptionEn:
      'Potential and stance come first; depending on the applicant’s background, interpersonal and problem-solving skills are considered too.',
  },
  {
    code: 'experienced',
    nameJa: '経験者採用',
    nameEn: 'Experienced hiring',
    descriptionJa:
      '経験者採用はそれらに加えてポータブルスキルと、さらにICTリテラシーを持ち合わせていることが望ましいです。',
    descriptionEn: 'In addition to the above, applicants should bring portable skills and ICT literacy.',
  },
  {
    code: 'specialist',
    nameJa: '専門職経験者採用',
    nameEn: 'Experienced specialist hiring',
    descriptionJa: '専門職経験者採用においては上記に加え、テクニカルスキルを重視して採用を行います。',
    descriptionEn: 'In addition to the above, technical skills are given weight.',
  },
];

/** The hiring track with this code (policy II-6-(3)). */
export function trackByCode(code: TrackCode): Track;
export function trackByCode(code: string): Track | undefined;
export function trackByCode(code: string): Track | undefined {
  return TRACKS.find((t) => t.code === code);
}

/** A versioned table of layer weights per track; a round keeps the version it opened with. */
export interface WeightSet {
  version: string;
  /** ISO date (YYYY-MM-DD) from which the set is in force. */
  effectiveFrom: string;
  weights: Record<TrackCode, LayerWeights>;
}

export const weightSetSchema = z.object({
  version: z.string().trim().min(1).max(32),
  effectiveFrom: z.iso.date(),
  weights: z.object({
    'new-graduate': layerWeightsSchema,
    experienced: layerWeightsSchema,
    specialist: layerWeightsSchema,
  }),
});

/**
 * The default weights (docs/domain.md §2). The policy names what each track weighs but gives no numbers;
 * these follow its order: potential and stance first, then portable skills, ICT literacy for experienced
 * hires, technical skills for specialists.
 */
export const DEFAULT_WEIGHT_SET: WeightSet = {
  version: '2024.1',
  effectiveFrom: '2024-04-01',
  weights: {
    'new-graduate': { potential: 35, stance: 35, interpersonal: 15, problem: 15, ict: 0, technical: 0 },
    experienced: { potential: 20, stance: 25, interpersonal: 20, problem: 20, ict: 15, technical: 0 },
    specialist: { potential: 15, stance: 20, interpersonal: 15, problem: 15, ict: 10, technical: 25 },
  },
};

/** The layers a track asks about: those with a weight above 0 (policy II-6-(3)). */
export function askedLayers(weights: LayerWeights): LayerCode[] {
  return LAYER_CODES.filter((l) => weights[l] > 0);
}

/** Weighted mean of layer scores (1–5) over the layers weighted above 0, null if one lacks a score (policy II-6-(3)). */
export function weightedTotal(
  layerScores: Partial<Record<LayerCode, number | null>>,
  weights: LayerWeights,
): number | null {
  let sum = 0;
  let weightSum = 0;
  for (const layer of LAYER_CODES) {
    const w = weights[layer];
    if (!(w > 0)) continue;
    const score = layerScores[layer];
    if (score === undefined || score === null || !Number.isFinite(score)) return null;
    sum += w * score;
    weightSum += w;
  }
  return weightSum > 0 ? sum / weightSum : null;
}
