import { apiGet, surveyYears, type Board } from '$lib/server/survey-api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, url }) => {
  const { years, fiscalYear } = await surveyYears(fetch, url);
  const board = await apiGet<Board>(fetch, `/api/kpis?fiscalYear=${fiscalYear}`);
  return { years, fiscalYear, board };
};
