import { error, redirect } from '@sveltejs/kit';
import { canUseRecruit } from '@jinzai/ui';
import { load as get, send } from '$lib/server/recruit-api';
import { to } from '$lib/paths';
import type { Round } from '$lib/recruitment';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, fetch }) => {
  if (!canUseRecruit(locals.user)) error(403, 'このページを表示する権限がありません');
  const { rounds } = await get<{ rounds: Round[] }>(fetch, '/rounds');
  const canManage = !!locals.user?.roles.some((r) => r === 'hr' || r === 'recruiter');
  return { rounds, canManage };
};

export const actions: Actions = {
  create: async ({ request, fetch }) => {
    const form = await request.formData();
    const body = {
      name: String(form.get('name') ?? ''),
      track: String(form.get('track') ?? ''),
      fiscalYear: Number(form.get('fiscalYear')),
    };
    const r = await send<Round>(fetch, 'POST', '/rounds', body);
    if (!r.ok) return r.failure;
    redirect(303, to(`rounds/${r.value.id}`));
  },
};
