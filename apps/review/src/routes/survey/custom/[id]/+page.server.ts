// One open custom survey, and the form that answers it.
import { error, fail } from '@sveltejs/kit';
import { apiClient, data, fileProblems, result } from '@jinzai/ui/client';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, params }) => {
  const { surveys } = await data(apiClient(fetch).surveys.custom.open.$get());
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
    const r = await result(
      apiClient(fetch).surveys.custom[':id'].answers.$post({
        param: { id: encodeURIComponent(params.id) },
        json: { answers },
      }),
    );
    if (r.ok) return { done: true };
    const { status, message, details } = r.failure.data;
    if (status === 409) return fail(409, { error: 'already' as const });
    if (status === 403) return fail(403, { error: 'notStaff' as const });
    // Every answer given goes back with the error, so that nothing typed is lost.
    if (status === 400)
      return fail(400, {
        error: 'invalid' as const,
        message:
          fileProblems(details)
            .map((d) => d.message)
            .join('、') || message,
        values: answers,
      });
    return fail(status, { error: 'error' as const, values: answers });
  },
};
