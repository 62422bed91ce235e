// A person's profile (docs/domain.md §10): what the API lets this viewer see; the person acknowledges a 面談 here.
import { fail } from '@sveltejs/kit';
import { apiClient, data, result } from '@jinzai/ui/client';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, params }) => ({
  profile: await data(
    apiClient(fetch).talent.staff[':staffNo'].$get({
      param: { staffNo: encodeURIComponent(params.staffNo) },
    }),
  ),
});

export const actions: Actions = {
  acknowledge: async ({ fetch, request }) => {
    const id = (await request.formData()).get('id');
    if (typeof id !== 'string' || !/^[1-9][0-9]{0,9}$/.test(id))
      return fail(400, { message: '面談が指定されていません' });
    const r = await result(apiClient(fetch).talent.interviews[':id'].acknowledge.$post({ param: { id } }));
    if (!r.ok) return fail(r.failure.status, { message: r.failure.data.message });
    return { acknowledged: Number(id) };
  },
};
