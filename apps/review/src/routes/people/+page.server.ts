// The talent area's start (docs/domain.md §10): one's own profile and 自己申告, the profiles of one's evaluatees,
// and for HR a look-up by staff number and the HR pages.
import { redirect } from '@sveltejs/kit';
import { isHr } from '@jinzai/ui';
import { apiClient, data } from '@jinzai/ui/client';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, locals, url }) => {
  const wanted = url.searchParams.get('staffNo')?.trim();
  if (wanted) redirect(303, `${url.pathname}/${encodeURIComponent(wanted)}`);
  const roles = locals.user?.roles ?? [];
  const evaluatees = roles.includes('evaluator')
    ? (await data(apiClient(fetch).review.queue.$get({ query: {} }))).sheets.map((s) => ({
        staffNo: s.staffNo,
        name: s.name,
        relation: s.relation,
      }))
    : [];
  return { staffNo: locals.user?.staffNo ?? null, hr: isHr(locals.user), evaluatees };
};
