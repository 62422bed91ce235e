import type { SheetState } from '@jinzai/model';
import { apiGet } from '$lib/server/review-api';
import type { PageServerLoad } from './$types';

export interface MeData {
  sheets: {
    id: number;
    periodName: string;
    fiscalYear: number | null;
    state: SheetState;
    due: string | null;
  }[];
  results: {
    fiscalYear: number;
    periodName: string;
    overall: string;
    unitName: string;
    gradeName: string;
    source: string;
  }[];
  pyramid: {
    fiscalYear: number;
    gradeCode: string;
    layers: { layer: string; nameJa: string; nameEn: string; mean: number | null }[];
  }[];
}

export const load: PageServerLoad = async ({ fetch }) => ({ me: await apiGet<MeData>(fetch, '/me') });
