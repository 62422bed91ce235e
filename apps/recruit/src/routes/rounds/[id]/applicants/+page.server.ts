// A round's applicants: import them (CSV/.xlsx) or add one, record stage decisions, import keyed-in scores.
import { fail } from '@sveltejs/kit';
import { apiClient, data, fileUpload, jsonBody, result } from '@jinzai/ui/client';
import type { Actions, PageServerLoad } from './$types';

const noFile = () => fail(400, { status: 400, message: 'ファイルを選んでください' });

export const load: PageServerLoad = async ({ fetch, params }) => {
  const round = apiClient(fetch).recruit.rounds[':id'];
  const param = { id: params.id };
  const [detail, list] = await Promise.all([
    data(round.$get({ param })),
    data(round.applicants.$get({ param, query: {} })),
  ]);
  return { detail, applicants: list.applicants };
};

export const actions: Actions = {
  import: async ({ request, fetch, params }) => {
    const file = await fileUpload(await request.formData());
    if (!file) return noFile();
    const round = apiClient(fetch).recruit.rounds[':id'];
    const r = await result(round.applicants.$post({ param: { id: params.id } }, file));
    if (!r.ok) return r.failure;
    return { imported: 'rows' in r.value ? r.value.rows : 0 };
  },
  add: async ({ request, fetch, params }) => {
    const form = await request.formData();
    const body = jsonBody({
      applicantNo: encodeURIComponent(String(form.get('applicantNo') ?? '')),
      name: String(form.get('name') ?? ''),
      nameKana: String(form.get('nameKana') ?? ''),
      email: String(form.get('email') ?? ''),
      consent: form.get('consent') === 'on',
    });
    const round = apiClient(fetch).recruit.rounds[':id'];
    const r = await result(round.applicants.$post({ param: { id: params.id } }, body));
    return r.ok ? { added: true } : r.failure;
  },
  decide: async ({ request, fetch, params }) => {
    const form = await request.formData();
    const round = apiClient(fetch).recruit.rounds[':id'];
    const r = await result(
      round.stages[':stageId'].decisions[':applicantNo'].$put({
        param: {
          id: params.id,
          stageId: String(form.get('stageId') ?? ''),
          applicantNo: encodeURIComponent(String(form.get('applicantNo') ?? '')),
        },
        json: {
          decision: String(form.get('decision') ?? '') as 'pass' | 'hold' | 'fail',
          reason: String(form.get('reason') ?? ''),
        },
      }),
    );
    return r.ok ? { decided: true } : r.failure;
  },
  scores: async ({ request, fetch, params }) => {
    const file = await fileUpload(await request.formData());
    if (!file) return noFile();
    const round = apiClient(fetch).recruit.rounds[':id'];
    const r = await result(round.scores.$post({ param: { id: params.id } }, file));
    return r.ok ? { scored: r.value.rows } : r.failure;
  },
};
