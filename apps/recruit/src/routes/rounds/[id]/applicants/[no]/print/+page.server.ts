// One applicant's record for printing: the round's criteria and every stage's sheets and decision.
import { apiClient, data } from '@jinzai/ui/client';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, params }) => ({
  sheet: await data(
    apiClient(fetch).recruit.rounds[':id'].applicants[':applicantNo'].$get({
      param: { id: params.id, applicantNo: encodeURIComponent(params.no) },
    }),
  ),
});
