import { fail } from '@sveltejs/kit';
import { PROGRAMMES } from '@jinzai/model';
import { apiErrorOf, apiGet } from '$lib/server/survey-api';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, url }) => {
  const data = await apiGet<{
    years: number[];
    counts: { fiscalYear: number; programmeCode: string; count: number }[];
  }>(fetch, '/api/kpis/programmes');
  const asked = Number(url.searchParams.get('fiscalYear'));
  const editYear =
    Number.isInteger(asked) && asked >= 2000 ? asked : (data.years.at(-1) ?? new Date().getFullYear());
  return { ...data, editYear };
};

export const actions: Actions = {
  default: async ({ request, fetch }) => {
    const form = await request.formData();
    const fiscalYear = Number(form.get('fiscalYear'));
    const counts: Record<string, number | null> = {};
    for (const p of PROGRAMMES) {
      const raw = String(form.get(p.code) ?? '')
        .normalize('NFKC')
        .replace(/,/g, '')
        .trim();
      if (raw === '') counts[p.code] = null;
      else if (/^\d+$/.test(raw)) counts[p.code] = Number(raw);
      else return fail(400, { fiscalYear, error: 'invalid' as const });
    }
    if (!Number.isInteger(fiscalYear) || fiscalYear < 2000 || fiscalYear > 2100) {
      return fail(400, { fiscalYear, error: 'invalid' as const });
    }
    const res = await fetch(`/api/kpis/programmes/${fiscalYear}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ counts }),
    });
    if (!res.ok)
      return fail(res.status, {
        fiscalYear,
        error: 'invalid' as const,
        message: (await apiErrorOf(res)).message,
      });
    return { saved: fiscalYear };
  },
};
