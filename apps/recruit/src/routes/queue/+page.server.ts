import { load as get } from '$lib/server/recruit-api';
import type { PageServerLoad } from './$types';

export interface QueueStage {
  round: { id: number; name: string; track: string };
  stage: { id: number; name: string };
  applicants: { applicantNo: string; name: string | null; status: 'none' | 'draft' | 'submitted' }[];
}

export const load: PageServerLoad = async ({ fetch }) => ({
  queue: (await get<{ stages: QueueStage[] }>(fetch, '/queue')).stages,
});
