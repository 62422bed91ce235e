// An interviewer's scoring sheet for one applicant at one stage: save as draft or submit.
import { apiClient, data, result } from '@jinzai/ui/client';
import type { Actions, PageServerLoad } from './$types';

const sheetRoute = (fetch: typeof globalThis.fetch) =>
  apiClient(fetch).recruit.rounds[':id'].stages[':stageId'].sheets[':applicantNo'];
const param = (p: { id: string; stageId: string; no: string }) => ({
  id: p.id,
  stageId: p.stageId,
  applicantNo: encodeURIComponent(p.no),
});

export const load: PageServerLoad = async ({ fetch, params }) => ({
  sheet: await data(sheetRoute(fetch).$get({ param: param(params) })),
});

export const actions: Actions = {
  default: async ({ request, fetch, params }) => {
    const form = await request.formData();
    const codes = form.getAll('criterion').map(String);
    const submit = form.get('intent') === 'submit';
    const scores = codes.map((code) => {
      const raw = form.get(`score.${code}`);
      return {
        criterion: code,
        score: raw === null || raw === '' ? null : Number(raw),
        note: String(form.get(`note.${code}`) ?? ''),
      };
    });
    const r = await result(
      sheetRoute(fetch).$put({
        param: param(params),
        json: { version: Number(form.get('version') ?? 0), submit, scores },
      }),
    );
    return r.ok ? { saved: submit ? 'submitted' : 'draft' } : r.failure;
  },
};
