// Participation in the HR programmes per year, and the form that keys in a year's counts.
import { fail } from '@sveltejs/kit';
import { PROGRAMMES } from '@jinzai/model';
import { apiClient, data, result } from '@jinzai/ui/client';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, url }) => {
  const programmes = await data(apiClient(fetch).kpis.programmes.$get());
  const asked = Number(url.searchParams.get('fiscalYear'));
  const editYear =
    Number.isInteger(asked) && asked >= 2000 ? asked : (programmes.years.at(-1) ?? new Date().getFullYear());
  return { ...programmes, editYear };
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
    const r = await result(
      apiClient(fetch).kpis.programmes[':fiscalYear'].$put({
        param: { fiscalYear: String(fiscalYear) },
        json: { counts },
      }),
    );
    if (!r.ok)
      return fail(r.failure.status, {
        fiscalYear,
        error: 'invalid' as const,
        message: r.failure.data.message,
      });
    return { saved: fiscalYear };
  },
};
