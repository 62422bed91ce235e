import { load as get, send } from '$lib/server/recruit-api';
import type { RoundDetail } from '$lib/recruitment';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, params }) => {
  const detail = await get<RoundDetail>(fetch, `/rounds/${params.id}`);
  const interviewers = detail.canManage
    ? (await get<{ interviewers: { loginId: string; displayName: string }[] }>(fetch, '/interviewers'))
        .interviewers
    : [];
  return { detail, interviewers };
};

export const actions: Actions = {
  panel: async ({ request, fetch, params }) => {
    const form = await request.formData();
    const stageId = String(form.get('stageId'));
    const loginIds = form.getAll('loginIds').map(String);
    const r = await send(fetch, 'PUT', `/rounds/${params.id}/stages/${stageId}/panel`, { loginIds });
    return r.ok ? { saved: 'panel', stageId: Number(stageId) } : r.failure;
  },
  rename: async ({ request, fetch, params }) => {
    const form = await request.formData();
    const r = await send(fetch, 'PATCH', `/rounds/${params.id}/stages/${String(form.get('stageId'))}`, {
      name: String(form.get('name') ?? ''),
    });
    return r.ok ? { saved: 'stage' } : r.failure;
  },
  addStage: async ({ request, fetch, params }) => {
    const form = await request.formData();
    const r = await send(fetch, 'POST', `/rounds/${params.id}/stages`, {
      name: String(form.get('name') ?? ''),
    });
    return r.ok ? { saved: 'stage' } : r.failure;
  },
  status: async ({ request, fetch, params }) => {
    const form = await request.formData();
    const r = await send(fetch, 'PATCH', `/rounds/${params.id}`, { status: String(form.get('status')) });
    return r.ok ? { saved: 'status' } : r.failure;
  },
  criterion: async ({ request, fetch, params }) => {
    const form = await request.formData();
    const code = String(form.get('code') ?? '');
    const r = await send(fetch, 'PUT', `/rounds/${params.id}/criteria/${encodeURIComponent(code)}`, {
      layer: String(form.get('layer') ?? ''),
      nameJa: String(form.get('nameJa') ?? ''),
      nameEn: String(form.get('nameEn') ?? ''),
      anchorsJa: [1, 2, 3, 4, 5].map((i) => String(form.get(`anchor${i}`) ?? '')),
      questionsJa: String(form.get('questions') ?? '')
        .split('\n')
        .map((q) => q.trim())
        .filter(Boolean),
    });
    return r.ok ? { saved: 'criterion' } : r.failure;
  },
};
