// The KPIs of a survey year broken down by unit, grade, age band or employment type.
import { apiClient, data } from '@jinzai/ui/client';
import { surveyYears } from '$lib/server/survey-years';
import type { PageServerLoad } from './$types';

export type { Group } from '$lib/survey-types';

const BY = ['unit', 'grade', 'age_band', 'employment_type'] as const;
type By = (typeof BY)[number];

export const load: PageServerLoad = async ({ fetch, url }) => {
  const { years, fiscalYear } = await surveyYears(fetch, url);
  const asked = url.searchParams.get('by');
  const by: By = (BY as readonly string[]).includes(asked ?? '') ? (asked as By) : 'unit';
  const { groups } = await data(
    apiClient(fetch).kpis.breakdown.$get({ query: { fiscalYear: String(fiscalYear), by } }),
  );
  return { years, fiscalYear, by, groups };
};
