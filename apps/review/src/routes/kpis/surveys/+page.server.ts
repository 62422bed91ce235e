import { fail } from '@sveltejs/kit';
import { fiscalYearOf } from '@jinzai/model';
import { apiErrorOf, apiGet } from '$lib/server/survey-api';
import type { Actions, PageServerLoad } from './$types';

export interface SurveySummary {
  id: string;
  fiscalYear: number;
  titleJa: string;
  items: unknown[];
  respondents: number;
}

export const load: PageServerLoad = async ({ fetch }) => {
  const { surveys } = await apiGet<{ surveys: SurveySummary[] }>(fetch, '/api/surveys/custom');
  return { surveys, currentYear: fiscalYearOf(new Date()) };
};

const lines = (v: FormDataEntryValue | null) =>
  String(v ?? '')
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter((s) => s !== '');

export const actions: Actions = {
  default: async ({ request, fetch }) => {
    const form = await request.formData();
    const values = {
      titleJa: String(form.get('titleJa') ?? ''),
      fiscalYear: String(form.get('fiscalYear') ?? ''),
      agreement: String(form.get('agreement') ?? ''),
      choiceText: String(form.get('choiceText') ?? ''),
      options: String(form.get('options') ?? ''),
      maxChoices: String(form.get('maxChoices') ?? ''),
    };
    const items: unknown[] = lines(values.agreement).map((textJa) => ({ kind: 'agreement', textJa }));
    if (values.choiceText.trim() !== '')
      items.push({
        kind: 'choice',
        textJa: values.choiceText,
        options: lines(values.options),
        maxChoices: Number(values.maxChoices),
      });
    const res = await fetch('/api/surveys/custom', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ titleJa: values.titleJa, fiscalYear: Number(values.fiscalYear), items }),
    });
    if (res.status !== 201) {
      const e = await apiErrorOf(res);
      return fail(400, {
        values,
        message: e.message,
        details: e.details.map((d) => `${(d as { path?: string }).path ?? ''} ${d.message}`.trim()),
      });
    }
    const created = (await res.json()) as { id: string };
    return { created: created.id };
  },
};
