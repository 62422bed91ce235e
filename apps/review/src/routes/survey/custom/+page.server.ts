import { apiGet } from '$lib/server/survey-api';
import type { PageServerLoad } from './$types';

export interface OpenSurvey {
  id: string;
  fiscalYear: number;
  titleJa: string;
  items: (
    | { kind: 'agreement'; textJa: string }
    | { kind: 'choice'; textJa: string; options: string[]; maxChoices: number }
  )[];
  answered: boolean;
  canAnswer: boolean;
}

export const load: PageServerLoad = async ({ fetch }) => {
  const { surveys } = await apiGet<{ surveys: OpenSurvey[] }>(fetch, '/api/surveys/custom/open');
  return { surveys };
};
