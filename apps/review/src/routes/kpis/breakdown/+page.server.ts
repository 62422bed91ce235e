import { apiGet, surveyYears } from '$lib/server/survey-api';
import type { PageServerLoad } from './$types';

const BY = ['unit', 'grade', 'age_band', 'employment_type'] as const;
type By = (typeof BY)[number];

export interface Group {
  key: string;
  labelJa: string;
  labelEn: string;
  n: number | null;
  suppressed: boolean;
  kpis: { code: string; mean: number | null; n: number | null; suppressed: boolean }[];
}

export const load: PageServerLoad = async ({ fetch, url }) => {
  const { years, fiscalYear } = await surveyYears(fetch, url);
  const asked = url.searchParams.get('by');
  const by: By = (BY as readonly string[]).includes(asked ?? '') ? (asked as By) : 'unit';
  const { groups } = await apiGet<{ groups: Group[] }>(
    fetch,
    `/api/kpis/breakdown?fiscalYear=${fiscalYear}&by=${by}`,
  );
  return { years, fiscalYear, by, groups };
};
