// An evaluation sheet for printing.
import { apiClient, data } from '@jinzai/ui/client';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, params }) => ({
  sheet: await data(
    apiClient(fetch).review.sheets[':id'].$get({ param: { id: encodeURIComponent(params.id) } }),
  ),
});
