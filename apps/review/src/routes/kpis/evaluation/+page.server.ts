// Evaluation results against a KPI by unit (a scatter with Spearman's rho), and the year's grade distribution.
import { KPI_CODES } from '@jinzai/model';
import { apiClient, data } from '@jinzai/ui/client';
import { surveyYears } from '$lib/server/survey-years';
import type { PageServerLoad } from './$types';

export type { ScatterUnit } from '$lib/survey-types';

export const load: PageServerLoad = async ({ fetch, url }) => {
  const { years, fiscalYear } = await surveyYears(fetch, url);
  const asked = url.searchParams.get('kpi') ?? '';
  const kpi = (KPI_CODES as readonly string[]).includes(asked)
    ? (asked as (typeof KPI_CODES)[number])
    : 'q15';
  const analytics = apiClient(fetch).analytics;
  const year = String(fiscalYear);
  const [scatter, distribution] = await Promise.all([
    data(analytics['evaluation-vs-kpi'].$get({ query: { fiscalYear: year, kpi } })),
    data(analytics['evaluation-distribution'].$get({ query: { fiscalYear: year } })),
  ]);
  return { years, fiscalYear, kpi, scatter, distribution };
};
