import { fail } from '@sveltejs/kit';
import { apiGet, apiSend } from '$lib/server/review-api';
import type { Actions, PageServerLoad } from './$types';

interface Period {
  id: number;
  fiscalYear: number;
  kind: 'fiscal' | 'calendar';
  name: string;
  goalsDue: string | null;
  selfDue: string | null;
  firstDue: string | null;
  secondDue: string | null;
  adjustDue: string | null;
  discloseDue: string | null;
}

export const load: PageServerLoad = async ({ fetch }) => ({
  periods: (await apiGet<{ periods: Period[] }>(fetch, '/periods')).periods,
});

/** Sends an uploaded CSV or .xlsx on to the API as the body, as a script would. */
async function upload(fetch: typeof globalThis.fetch, path: string, file: FormDataEntryValue | null) {
  if (!(file instanceof File) || file.size === 0) return fail(400, { error: 'ファイルを選んでください' });
  const xlsx = file.name.toLowerCase().endsWith('.xlsx');
  const res = await fetch(`/api/review${path}`, {
    method: 'POST',
    headers: {
      'content-type': xlsx ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv',
    },
    body: new Uint8Array(await file.arrayBuffer()),
  });
  const body = (await res.json().catch(() => ({}))) as {
    rows?: number;
    error?: { message?: string; details?: { row?: number; column?: string; message: string }[] };
  };
  if (!res.ok)
    return fail(res.status, { error: body.error?.message ?? 'エラー', details: body.error?.details ?? [] });
  return { imported: body.rows ?? 0 };
}

export const actions: Actions = {
  create: async ({ fetch, request }) => {
    const form = await request.formData();
    const res = await apiSend<Period>(fetch, 'POST', '/periods', {
      fiscalYear: Number(form.get('fiscalYear')),
      kind: String(form.get('kind')),
    });
    if (!res.ok) return fail(res.error.status, { error: res.error.message });
    return { created: res.body.name };
  },
  defaults: async ({ fetch, request }) => {
    const id = Number((await request.formData()).get('periodId'));
    const res = await apiSend<{ created: number }>(fetch, 'POST', `/periods/${id}/assignments/defaults`, {});
    if (!res.ok) return fail(res.error.status, { error: res.error.message });
    return { assigned: res.body.created };
  },
  results: async ({ fetch, request }) => {
    const form = await request.formData();
    return upload(fetch, `/periods/${Number(form.get('periodId'))}/results`, form.get('file'));
  },
  assignments: async ({ fetch, request }) => {
    const form = await request.formData();
    return upload(fetch, `/periods/${Number(form.get('periodId'))}/assignments`, form.get('file'));
  },
};
