// Evaluation periods: open one, assign the default evaluators, import assignments or earlier results (CSV/.xlsx).
import { fail } from '@sveltejs/kit';
import { apiClient, data, fileProblems, fileUpload, result } from '@jinzai/ui/client';
import type { Actions, PageServerLoad } from './$types';

type Periods = ReturnType<typeof apiClient>['review']['periods'];

export const load: PageServerLoad = async ({ fetch }) => ({
  periods: (await data(apiClient(fetch).review.periods.$get())).periods,
});

/** Sends an uploaded CSV or .xlsx on to the API as the body, as a script would. */
async function upload(
  send: (file: { init: RequestInit }) => ReturnType<Periods[':id']['results']['$post']>,
  form: FormData,
) {
  const file = await fileUpload(form);
  if (!file) return fail(400, { error: 'ファイルを選んでください' });
  const r = await result(send(file));
  if (!r.ok) {
    const { status, message, details } = r.failure.data;
    return fail(status, {
      error: message,
      details: fileProblems(details),
    });
  }
  return { imported: r.value.rows ?? 0 };
}

export const actions: Actions = {
  create: async ({ fetch, request }) => {
    const form = await request.formData();
    // The form's strings go to the API as they are: it validates them and answers a 400 the form shows.
    const json = {
      fiscalYear: Number(form.get('fiscalYear')),
      kind: String(form.get('kind')) as 'fiscal' | 'calendar',
    };
    const r = await result(apiClient(fetch).review.periods.$post({ json }));
    if (!r.ok) return fail(r.failure.status, { error: r.failure.data.message });
    return { created: r.value.name };
  },
  defaults: async ({ fetch, request }) => {
    const id = String(Number((await request.formData()).get('periodId')));
    const periods = apiClient(fetch).review.periods;
    const r = await result(periods[':id'].assignments.defaults.$post({ param: { id } }));
    if (!r.ok) return fail(r.failure.status, { error: r.failure.data.message });
    return { assigned: r.value.created };
  },
  results: async ({ fetch, request }) => {
    const form = await request.formData();
    const param = { id: String(Number(form.get('periodId'))) };
    const periods = apiClient(fetch).review.periods;
    return upload((file) => periods[':id'].results.$post({ param }, file), form);
  },
  assignments: async ({ fetch, request }) => {
    const form = await request.formData();
    const param = { id: String(Number(form.get('periodId'))) };
    const periods = apiClient(fetch).review.periods;
    return upload((file) => periods[':id'].assignments.$post({ param }, file), form);
  },
};
