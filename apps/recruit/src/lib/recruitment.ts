// Shapes of the recruitment API as the screens use them (the API's JSON; see apps/api recruitment routes).
import type { LayerCode, TrackCode, Weights } from '@jinzai/ui';

export interface Round {
  id: number;
  name: string;
  track: TrackCode;
  fiscalYear: number;
  weightVersion: string;
  status: 'open' | 'closed';
  closedAt: string | null;
  retentionMonths: number;
}

export interface Criterion {
  id: number;
  code: string;
  layer: LayerCode;
  nameJa: string;
  nameEn: string;
  anchorsJa: string[];
  questionsJa: string[];
  holistic: boolean;
}

export interface StageDetail {
  id: number;
  name: string;
  position: number;
  panel: { loginId: string; displayName: string }[];
  mine: boolean;
  sheets: { submitted: number; draft: number };
}

export interface RoundDetail {
  round: Round;
  weights: Weights;
  canManage: boolean;
  applicants: number;
  stages: StageDetail[];
  criteria: Criterion[];
}

export interface SheetJson {
  rater: string;
  raterName: string;
  status: 'draft' | 'submitted';
  version: number;
  submittedAt: string | null;
  updatedAt: string;
  scores: { criterion: string; score: number | null; note: string }[];
}

export interface Results {
  round: {
    id: number;
    name: string;
    track: TrackCode;
    fiscalYear: number;
    weightVersion: string;
    weights: Weights;
  };
  stage: { id: number; name: string };
  applicants: {
    applicantNo: string;
    name: string | null;
    nameKana: string | null;
    layers: Partial<Record<LayerCode, number>>;
    total: number | null;
    calibratedTotal: number | null;
    rank: number | null;
    complete: boolean;
    raters: number;
  }[];
  reliability: {
    icc2k: number | null;
    alpha: number | null;
    band: 'poor' | 'moderate' | 'good' | 'excellent' | null;
    alphaBand: 'poor' | 'moderate' | 'good' | 'excellent' | null;
    applicants: number;
    raters: number;
  };
  raters: { rater: string; displayName: string; meanDeviation: number; flagged: boolean; n: number }[];
  disagreement: {
    criterion: string;
    nameJa: string;
    nameEn: string;
    layer: string;
    meanSd: number;
    applicants: number;
  }[];
}

export const TRACKS: readonly TrackCode[] = ['new-graduate', 'experienced', 'specialist'];
export const LAYERS: readonly LayerCode[] = [
  'potential',
  'stance',
  'interpersonal',
  'problem',
  'ict',
  'technical',
];
