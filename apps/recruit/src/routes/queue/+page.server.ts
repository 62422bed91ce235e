// The interviewer's queue: the stages whose panel they sit on and the applicants still to score.
import { apiClient, data } from '@jinzai/ui/client';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch }) => ({
  queue: (await data(apiClient(fetch).recruit.queue.$get())).stages,
});
