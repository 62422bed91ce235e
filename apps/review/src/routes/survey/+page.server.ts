// The yearly KPI survey as a staff member answers it online.
import { fail } from '@sveltejs/kit';
import { KPI_CODES, fiscalYearOf } from '@jinzai/model';
import { apiClient, data, result } from '@jinzai/ui/client';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, locals }) => {
  const fiscalYear = fiscalYearOf(new Date());
  const status = await data(
    apiClient(fetch).surveys.kpi[':fiscalYear'].status.$get({ param: { fiscalYear: String(fiscalYear) } }),
  );
  return { status, onRoster: !!locals.user?.staffNo };
};

export const actions: Actions = {
  default: async ({ request, fetch }) => {
    const form = await request.formData();
    const fiscalYear = Number(form.get('fiscalYear'));
    const answers: Record<string, number | null> = {};
    for (const code of KPI_CODES) {
      const v = String(form.get(code) ?? '');
      answers[code] = /^[1-4]$/.test(v) ? Number(v) : null;
    }
    const r = await result(
      apiClient(fetch).surveys.kpi[':fiscalYear'].answers.$post({
        param: { fiscalYear: String(fiscalYear) },
        json: { answers },
      }),
    );
    if (r.ok) return { done: true };
    const { status, message } = r.failure.data;
    if (status === 409)
      return fail(409, {
        error: message.includes('回答済み') ? ('already' as const) : ('closed' as const),
      });
    if (status === 403) return fail(403, { error: 'notStaff' as const });
    // Every answer given goes back with the error, so that nothing chosen is lost.
    return fail(status, { error: 'error' as const, values: answers });
  },
};
