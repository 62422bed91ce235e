import { load as get } from '$lib/server/recruit-api';
import type { Criterion, SheetJson } from '$lib/recruitment';
import type { Weights } from '@jinzai/ui';
import type { PageServerLoad } from './$types';

export interface ApplicantDetail {
  round: { id: number; name: string; track: string; fiscalYear: number };
  applicant: { applicantNo: string; name: string | null; nameKana: string | null; email: string | null };
  weights: Weights;
  criteria: Criterion[];
  stages: {
    id: number;
    name: string;
    decision: { decision: 'pass' | 'hold' | 'fail'; reason: string; decidedAt: string } | null;
    sheets: SheetJson[];
  }[];
}

export const load: PageServerLoad = async ({ fetch, params }) => ({
  sheet: await get<ApplicantDetail>(
    fetch,
    `/rounds/${params.id}/applicants/${encodeURIComponent(params.no)}`,
  ),
});
