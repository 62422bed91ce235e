// A round's set-up page: its stages and panels, status and criteria, for those who manage the round.
import { apiClient, data, result } from '@jinzai/ui/client';
import type { LayerCode } from '@jinzai/ui';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, params }) => {
  const recruit = apiClient(fetch).recruit;
  const detail = await data(recruit.rounds[':id'].$get({ param: { id: params.id } }));
  const interviewers = detail.canManage ? (await data(recruit.interviewers.$get())).interviewers : [];
  return { detail, interviewers };
};

// The forms' strings go to the API as they are: it validates them and answers a 400 the form shows.
export const actions: Actions = {
  // One save per stage card: its name (when changed) and its panel.
  stage: async ({ request, fetch, params }) => {
    const form = await request.formData();
    const stageId = String(form.get('stageId'));
    const stage = apiClient(fetch).recruit.rounds[':id'].stages[':stageId'];
    const param = { id: params.id, stageId };
    const name = String(form.get('name') ?? '');
    if (name !== String(form.get('currentName') ?? '')) {
      const renamed = await result(stage.$patch({ param, json: { name } }));
      if (!renamed.ok) return renamed.failure;
    }
    const loginIds = form.getAll('loginIds').map(String);
    const r = await result(stage.panel.$put({ param, json: { loginIds } }));
    return r.ok ? { saved: 'panel', stageId: Number(stageId) } : r.failure;
  },
  addStage: async ({ request, fetch, params }) => {
    const form = await request.formData();
    const r = await result(
      apiClient(fetch).recruit.rounds[':id'].stages.$post({
        param: { id: params.id },
        json: { name: String(form.get('name') ?? '') },
      }),
    );
    return r.ok ? { saved: 'stage' } : r.failure;
  },
  status: async ({ request, fetch, params }) => {
    const form = await request.formData();
    const r = await result(
      apiClient(fetch).recruit.rounds[':id'].$patch({
        param: { id: params.id },
        json: {
          status: String(form.get('status')) as 'open' | 'closed',
          // The version the page showed: a round changed meanwhile answers 409 and is shown as it is now.
          ...(Number(form.get('version')) > 0 ? { version: Number(form.get('version')) } : {}),
        },
      }),
    );
    return r.ok ? { saved: 'status' } : r.failure;
  },
  criterion: async ({ request, fetch, params }) => {
    const form = await request.formData();
    const r = await result(
      apiClient(fetch).recruit.rounds[':id'].criteria[':code'].$put({
        param: { id: params.id, code: encodeURIComponent(String(form.get('code') ?? '')) },
        json: {
          layer: String(form.get('layer') ?? '') as LayerCode,
          nameJa: String(form.get('nameJa') ?? ''),
          nameEn: String(form.get('nameEn') ?? ''),
          anchorsJa: [1, 2, 3, 4, 5].map((i) => String(form.get(`anchor${i}`) ?? '')),
          questionsJa: String(form.get('questions') ?? '')
            .split('\n')
            .map((q) => q.trim())
            .filter(Boolean),
        },
      }),
    );
    return r.ok ? { saved: 'criterion' } : r.failure;
  },
};
