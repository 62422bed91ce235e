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
  interview: async ({ fetch, request, params }) => {
    const form = await request.formData();
    const text = (name: string) => String(form.get(name) ?? '').trim();
    // The strings go to the API as they are: it validates them and answers a 400 the form shows.
    const json = {
      staffNo: params.staffNo,
      kind: text('kind') as 'start',
      heldOn: text('heldOn'),
      topics: text('topics'),
      actions: text('actions'),
      privateNotes: text('privateNotes'),
    };
    const r = await result(apiClient(fetch).talent.interviews.$post({ json }));
    if (!r.ok) return fail(r.failure.status, r.failure.data);
    return { recorded: r.value.id };
  },
  acknowledge: async ({ fetch, request }) => {
    const id = (await request.formData()).get('id');
    if (typeof id !== 'string' || !/^[1-9][0-9]{0,9}$/.test(id))
      return fail(400, { message: '面談が指定されていません' });
    const r = await result(apiClient(fetch).talent.interviews[':id'].acknowledge.$post({ param: { id } }));
    if (!r.ok) return fail(r.failure.status, { message: r.failure.data.message });
    return { acknowledged: Number(id) };
  },
};
