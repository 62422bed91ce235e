// The logic model: the outcomes and their KPIs' progress in a survey year.
import { apiClient, data } from '@jinzai/ui/client';
import { surveyYears } from '$lib/server/survey-years';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, url }) => {
  const { years, fiscalYear } = await surveyYears(fetch, url);
  const board = await data(apiClient(fetch).kpis.$get({ query: { fiscalYear: String(fiscalYear) } }));
  return { years, fiscalYear, board };
};
