import { KPI_CODES } from '@jinzai/model';
import { apiGet, surveyYears, type KpiRow } from '$lib/server/survey-api';
import type { PageServerLoad } from './$types';

export interface ScatterUnit {
  unitCode: string;
  name: string;
  evaluationMean: number;
  kpiMean: number;
  n: number;
  evaluated: number;
}

export const load: PageServerLoad = async ({ fetch, url }) => {
  const { years, fiscalYear } = await surveyYears(fetch, url);
  const asked = url.searchParams.get('kpi') ?? '';
  const kpi = (KPI_CODES as readonly string[]).includes(asked) ? asked : 'q15';
  const [scatter, distribution] = await Promise.all([
    apiGet<{
      units: ScatterUnit[];
      leftOut: number;
      spearman: { rho: number | null; n: number; ci95: [number, number] | null };
    }>(fetch, `/api/analytics/evaluation-vs-kpi?fiscalYear=${fiscalYear}&kpi=${kpi}`),
    apiGet<{
      total: number;
      grades: { grade: string; count: number; share: number | null }[];
      kpi: KpiRow | null;
    }>(fetch, `/api/analytics/evaluation-distribution?fiscalYear=${fiscalYear}`),
  ]);
  return { years, fiscalYear, kpi, scatter, distribution };
};
