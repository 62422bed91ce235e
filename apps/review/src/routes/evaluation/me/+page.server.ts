// A staff member's own evaluation: their sheets, past results and competency pyramid.
import { apiClient, data } from '@jinzai/ui/client';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch }) => ({
  me: await data(apiClient(fetch).review.me.$get()),
});
