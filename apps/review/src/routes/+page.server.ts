// The home page: the signed-in person's to-do list across both apps (GET /api/me/tasks).
import { apiClient, data } from '@jinzai/ui/client';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch }) => {
  return await data(apiClient(fetch).me.tasks.$get());
};
