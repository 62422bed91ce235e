// The custom surveys open to the person signed in.
import { apiClient, data } from '@jinzai/ui/client';
import type { PageServerLoad } from './$types';

export type { OpenSurvey } from '$lib/survey-types';

export const load: PageServerLoad = async ({ fetch }) => {
  const { surveys } = await data(apiClient(fetch).surveys.custom.open.$get());
  return { surveys };
};
