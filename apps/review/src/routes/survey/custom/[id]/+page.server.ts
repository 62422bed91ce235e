import { error, fail } from '@sveltejs/kit';
import { apiErrorOf, apiGet } from '$lib/server/survey-api';
import type { OpenSurvey } from '../+page.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, params }) => {
  const { surveys } = await apiGet<{ surveys: OpenSurvey[] }>(fetch, '/api/surveys/custom/open');
  const survey = surveys.find((s) => s.id === params.id);
  if (!survey) error(404, 'not found');
  return { survey };
};

export const actions: Actions = {
  default: async ({ request, fetch, params }) => {
    const form = await request.formData();
    const answers: (number | number[] | null)[] = [];
    for (let i = 0; i < 20 && form.has(`kind${i}`); i++) {
      if (form.get(`kind${i}`) === 'choice') {
        answers.push(
          form
            .getAll(`item${i}`)
            .map((v) => Number(v))
            .filter((n) => Number.isInteger(n)),
        );
      } else {
        const v = String(form.get(`item${i}`) ?? '');
        answers.push(/^[1-4]$/.test(v) ? Number(v) : null);
      }
    }
    const res = await fetch(`/api/surveys/custom/${encodeURIComponent(params.id)}/answers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ answers }),
    });
    if (res.status === 201) return { done: true };
    const e = await apiErrorOf(res);
    if (res.status === 409) return fail(409, { error: 'already' as const });
    if (res.status === 403) return fail(403, { error: 'notStaff' as const });
    if (res.status === 400)
      return fail(400, {
        error: 'invalid' as const,
        message: e.details.map((d) => d.message).join('、') || e.message,
      });
    return fail(res.status, { error: 'error' as const });
  },
};
