// Importing a year's KPI survey answers (CSV/.xlsx), with the year's response rate by unit.
import { fail } from '@sveltejs/kit';
import { apiClient, data, fileProblems, fileUpload, result } from '@jinzai/ui/client';
import { surveyYears } from '$lib/server/survey-years';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, url }) => {
  const { years, fiscalYear } = await surveyYears(fetch, url);
  const rate = await data(
    apiClient(fetch).surveys.kpi[':fiscalYear']['response-rate'].$get({
      param: { fiscalYear: String(fiscalYear) },
    }),
  );
  return { years, fiscalYear, rate };
};

export const actions: Actions = {
  default: async ({ request, fetch }) => {
    const form = await request.formData();
    const fiscalYear = Number(form.get('fiscalYear'));
    const file = await fileUpload(form);
    if (!file) return fail(400, { fiscalYear, error: 'noFile' as const });
    if (!Number.isInteger(fiscalYear) || fiscalYear < 2000 || fiscalYear > 2100) {
      return fail(400, {
        fiscalYear,
        error: 'failed' as const,
        message: '年度が正しくありません',
        details: [],
      });
    }
    const r = await result(
      apiClient(fetch).surveys.kpi[':fiscalYear'].responses.$post(
        { param: { fiscalYear: String(fiscalYear) } },
        file,
      ),
    );
    if (!r.ok) {
      const { status, message, details } = r.failure.data;
      return fail(status, {
        fiscalYear,
        error: 'failed' as const,
        message,
        details: fileProblems(details).slice(0, 20),
      });
    }
    return { fiscalYear, imported: r.value.rows };
  },
};
