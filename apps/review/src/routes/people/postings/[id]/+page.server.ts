// HR's 公募 view (docs/domain.md §10): the applicants side by side with their profiles, and each one's outcome.
import { error, fail } from '@sveltejs/kit';
import { isHr } from '@jinzai/ui';
import { apiClient, data, result } from '@jinzai/ui/client';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, locals, params }) => {
  if (!isHr(locals.user)) error(403, 'このページを表示する権限がありません');
  return data(apiClient(fetch).talent.postings[':id'].$get({ param: { id: params.id } }));
};

export const actions: Actions = {
  decide: async ({ fetch, request, params }) => {
    const form = await request.formData();
    const staffNo = String(form.get('staffNo') ?? '');
    const outcome = String(form.get('outcome') ?? '') as 'accepted';
    const r = await result(
      apiClient(fetch).talent.postings[':id'].applications[':staffNo'].outcome.$post({
        param: { id: params.id, staffNo: encodeURIComponent(staffNo) },
        json: { outcome },
      }),
    );
    if (!r.ok) return fail(r.failure.status, r.failure.data);
    return { decided: staffNo };
  },
};
