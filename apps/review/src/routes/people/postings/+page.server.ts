// 公募 (docs/domain.md §10): the postings; staff apply with a statement, HR posts a position.
import { fail } from '@sveltejs/kit';
import { isHr } from '@jinzai/ui';
import { apiClient, data, result } from '@jinzai/ui/client';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, locals }) => ({
  ...(await data(apiClient(fetch).talent.postings.$get())),
  hr: isHr(locals.user),
});

export const actions: Actions = {
  apply: async ({ fetch, request }) => {
    const form = await request.formData();
    const id = String(form.get('id') ?? '');
    if (!/^[1-9][0-9]{0,9}$/.test(id)) return fail(400, { message: '公募が指定されていません' });
    const json = { statement: String(form.get('statement') ?? '') };
    const r = await result(
      apiClient(fetch).talent.postings[':id'].applications.$post({ param: { id }, json }),
    );
    if (!r.ok) return fail(r.failure.status, r.failure.data);
    return { applied: Number(id) };
  },
  post: async ({ fetch, request }) => {
    const form = await request.formData();
    const text = (name: string) => String(form.get(name) ?? '').trim();
    // The strings go to the API as they are: it validates them and answers a 400 the form shows.
    const json = {
      title: text('title'),
      unitCode: text('unitCode'),
      gradeMin: text('gradeMin') as 'shuji',
      gradeMax: text('gradeMax') as 'shuji',
      needs: text('needs') ? { problem: text('needs') } : {},
      description: text('description'),
      deadline: text('deadline'),
    };
    const r = await result(apiClient(fetch).talent.postings.$post({ json }));
    if (!r.ok) return fail(r.failure.status, r.failure.data);
    return { posted: r.value.id };
  },
};
