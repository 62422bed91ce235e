// A stage's results: applicants' layer scores and totals, the panel's reliability and the raters' deviations.
import { error } from '@sveltejs/kit';
import { apiClient, data, parseApiError } from '@jinzai/ui/client';
import type { PageServerLoad } from './$types';

/** The error message the route's error page knows: the interviewer's scoring of the stage is not all in. */
const UNFINISHED = 'scoring_unfinished';

export const load: PageServerLoad = async ({ fetch, params, url }) => {
  const round = apiClient(fetch).recruit.rounds[':id'];
  const detail = await data(round.$get({ param: { id: params.id } }));
  const asked = url.searchParams.get('stage');
  // Without a choice, the latest stage that has submitted sheets (else the first).
  const scored = [...detail.stages].reverse().find((s) => s.sheets.submitted > 0);
  const stage = detail.stages.find((s) => String(s.id) === asked) ?? scored ?? detail.stages[0];
  const answer = await round.results.$get({
    param: { id: params.id },
    query: { stage: String(stage?.id ?? '') },
  });
  // An interviewer sees a stage's results once their own sheets of it are in: the page says so (+error.svelte).
  if ((answer.status as number) === 403) {
    const failure = await parseApiError(answer.clone() as unknown as Response);
    if (failure.code === 'scoring_unfinished') error(403, UNFINISHED);
  }
  const results = await data(answer);
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
