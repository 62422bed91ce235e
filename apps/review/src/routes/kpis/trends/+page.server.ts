// Each KPI's mean over the survey years.
import { apiClient, data } from '@jinzai/ui/client';
import type { PageServerLoad } from './$types';

export type { Trend } from '$lib/survey-types';

export const load: PageServerLoad = async ({ fetch }) => data(apiClient(fetch).kpis.trends.$get());
