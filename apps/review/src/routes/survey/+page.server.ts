import { fail } from '@sveltejs/kit';
import { KPI_CODES, fiscalYearOf } from '@jinzai/model';
import { apiErrorOf, apiGet } from '$lib/server/survey-api';
import type { Actions, PageServerLoad } from './$types';

interface Status {
  fiscalYear: number;
  open: boolean;
  canAnswer: boolean;
  answered: boolean;
}

export const load: PageServerLoad = async ({ fetch, locals }) => {
  const fiscalYear = fiscalYearOf(new Date());
  const status = await apiGet<Status>(fetch, `/api/surveys/kpi/${fiscalYear}/status`);
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
    const res = await fetch(`/api/surveys/kpi/${fiscalYear}/answers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ answers }),
    });
    if (res.status === 201) return { done: true };
    const e = await apiErrorOf(res);
    if (res.status === 409)
      return fail(409, {
        error: e.message.includes('回答済み') ? ('already' as const) : ('closed' as const),
      });
    if (res.status === 403) return fail(403, { error: 'notStaff' as const });
    return fail(res.status, { error: 'error' as const });
  },
};
