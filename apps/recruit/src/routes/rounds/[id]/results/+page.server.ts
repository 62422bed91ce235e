// A stage's results: applicants' layer scores and totals, the panel's reliability and the raters' deviations.
import { apiClient, data } from '@jinzai/ui/client';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, params, url }) => {
  const round = apiClient(fetch).recruit.rounds[':id'];
  const detail = await data(round.$get({ param: { id: params.id } }));
  const asked = url.searchParams.get('stage');
  // Without a choice, the latest stage that has submitted sheets (else the first).
  const scored = [...detail.stages].reverse().find((s) => s.sheets.submitted > 0);
  const stage = detail.stages.find((s) => String(s.id) === asked) ?? scored ?? detail.stages[0];
  const results = await data(
    round.results.$get({ param: { id: params.id }, query: { stage: String(stage?.id ?? '') } }),
  );
  const q = (url.searchParams.get('q') ?? '').normalize('NFKC').trim();
  const completeOnly = url.searchParams.get('complete') === '1';
  const flaggedRaters = new Set(results.raters.filter((r) => r.flagged).map((r) => r.rater));
  return {
    detail,
    results,
    stageId: stage?.id ?? 0,
    filters: { q, completeOnly },
    selected: url.searchParams.get('applicant'),
    flagged: flaggedRaters.size,
  };
};
