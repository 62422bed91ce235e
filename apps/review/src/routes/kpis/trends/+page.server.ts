import { apiGet } from '$lib/server/survey-api';
import type { PageServerLoad } from './$types';

export interface Trend {
  code: string;
  outcome: string;
  baseline: number;
  target: number;
  points: { fiscalYear: number; mean: number | null; n: number; ci95: [number, number] | null }[];
}

export const load: PageServerLoad = async ({ fetch }) => {
  return apiGet<{ years: number[]; kpis: Trend[] }>(fetch, '/api/kpis/trends');
};
