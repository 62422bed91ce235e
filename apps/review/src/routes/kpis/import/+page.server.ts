import { fail } from '@sveltejs/kit';
import { apiErrorOf, apiGet, surveyYears } from '$lib/server/survey-api';
import type { Actions, PageServerLoad } from './$types';

interface Rate {
  staff: number;
  responses: number;
  rate: number | null;
  units: {
    unitCode: string;
    name: string;
    staff: number;
    responses: number | null;
    rate: number | null;
    suppressed: boolean;
  }[];
}

export const load: PageServerLoad = async ({ fetch, url }) => {
  const { years, fiscalYear } = await surveyYears(fetch, url);
  const rate = await apiGet<Rate>(fetch, `/api/surveys/kpi/${fiscalYear}/response-rate`);
  return { years, fiscalYear, rate };
};

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const actions: Actions = {
  default: async ({ request, fetch }) => {
    const form = await request.formData();
    const fiscalYear = Number(form.get('fiscalYear'));
    const file = form.get('file');
    if (!(file instanceof File) || file.size === 0)
      return fail(400, { fiscalYear, error: 'noFile' as const });
    if (!Number.isInteger(fiscalYear) || fiscalYear < 2000 || fiscalYear > 2100) {
      return fail(400, {
        fiscalYear,
        error: 'failed' as const,
        message: '年度が正しくありません',
        details: [],
      });
    }
    const type = /\.xlsx$/i.test(file.name) ? XLSX : 'text/csv';
    const res = await fetch(`/api/surveys/kpi/${fiscalYear}/responses`, {
      method: 'POST',
      headers: { 'content-type': type },
      body: await file.arrayBuffer(),
    });
    if (!res.ok) {
      const e = await apiErrorOf(res);
      return fail(res.status, {
        fiscalYear,
        error: 'failed' as const,
        message: e.message,
        details: e.details.slice(0, 20),
      });
    }
    const { rows } = (await res.json()) as { rows: number };
    return { fiscalYear, imported: rows };
  },
};
