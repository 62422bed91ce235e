// Evaluation results against a KPI by unit (a scatter with Spearman's rho), and the year's grade distribution.
import { KPI_CODES } from '@jinzai/model';
import { apiClient, data } from '@jinzai/ui/client';
import { surveyYears } from '$lib/server/survey-years';
import { unitLabels } from '$lib/units';
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
  const [scatter, distribution, { units }] = await Promise.all([
    data(analytics['evaluation-vs-kpi'].$get({ query: { fiscalYear: year, kpi } })),
    data(analytics['evaluation-distribution'].$get({ query: { fiscalYear: year } })),
    data(apiClient(fetch).org.units.$get()),
  ]);
  // A 係 is named with its 課: a ward has several 庶務係.
  const label = unitLabels(units);
  const named = {
    ...scatter,
    units: scatter.units.map((u) => ({ ...u, name: label.get(u.unitCode) ?? u.name })),
  };
  return { years, fiscalYear, kpi, scatter: named, distribution };
};
