import { apiGet } from '$lib/server/review-api';
import type { SheetData } from '../../../types';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, params }) => ({
  sheet: await apiGet<SheetData>(fetch, `/sheets/${encodeURIComponent(params.id)}`),
});
