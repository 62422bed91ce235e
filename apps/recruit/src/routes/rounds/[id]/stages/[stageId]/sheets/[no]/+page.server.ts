import { load as get, send } from '$lib/server/recruit-api';
import type { Criterion, SheetJson } from '$lib/recruitment';
import type { Weights } from '@jinzai/ui';
import type { Actions, PageServerLoad } from './$types';

export interface SheetForm {
  round: { id: number; name: string; track: string };
  stage: { id: number; name: string };
  applicant: { applicantNo: string; name: string | null; nameKana: string | null };
  weights: Weights;
  criteria: Criterion[];
  mine: SheetJson | null;
  others: SheetJson[] | null;
}

const path = (p: { id: string; stageId: string; no: string }) =>
  `/rounds/${p.id}/stages/${p.stageId}/sheets/${encodeURIComponent(p.no)}`;

export const load: PageServerLoad = async ({ fetch, params }) => ({
  sheet: await get<SheetForm>(fetch, path(params)),
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
    const r = await send<SheetJson>(fetch, 'PUT', path(params), {
      version: Number(form.get('version') ?? 0),
      submit,
      scores,
    });
    return r.ok ? { saved: submit ? 'submitted' : 'draft' } : r.failure;
  },
};
