// The list of recruitment rounds, and the form that opens a new one.
import { error, redirect } from '@sveltejs/kit';
import { canUseRecruit, type TrackCode } from '@jinzai/ui';
import { apiClient, data, result } from '@jinzai/ui/client';
import { to } from '$lib/paths';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, fetch }) => {
  if (!canUseRecruit(locals.user)) error(403, 'このページを表示する権限がありません');
  const { rounds } = await data(apiClient(fetch).recruit.rounds.$get());
  const canManage = !!locals.user?.roles.some((r) => r === 'hr' || r === 'recruiter');
  return { rounds, canManage };
};

export const actions: Actions = {
  create: async ({ request, fetch }) => {
    const form = await request.formData();
    // The form's strings go to the API as they are: the API validates them and answers a 400 the form shows.
    const json = {
      name: String(form.get('name') ?? ''),
      track: String(form.get('track') ?? '') as TrackCode,
      fiscalYear: Number(form.get('fiscalYear')),
    };
    const r = await result(apiClient(fetch).recruit.rounds.$post({ json }));
    if (!r.ok) return r.failure;
    redirect(303, to(`rounds/${r.value.id}`));
  },
};
