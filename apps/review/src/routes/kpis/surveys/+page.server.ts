// HR's custom surveys: the list with respondents, and the form that creates one.
import { fail } from '@sveltejs/kit';
import { fiscalYearOf } from '@jinzai/model';
import { apiClient, data, fileProblems, result } from '@jinzai/ui/client';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch }) => {
  const { surveys } = await data(apiClient(fetch).surveys.custom.$get());
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
    // The form's strings go to the API as they are: it validates them and answers a 400 the form shows.
    const json = { titleJa: values.titleJa, fiscalYear: Number(values.fiscalYear), items } as Parameters<
      ReturnType<typeof apiClient>['surveys']['custom']['$post']
    >[0]['json'];
    const r = await result(apiClient(fetch).surveys.custom.$post({ json }));
    if (!r.ok) {
      const { message, details } = r.failure.data;
      return fail(400, {
        values,
        message,
        details: fileProblems(details).map((d) =>
          `${(d as { path?: string }).path ?? ''} ${d.message}`.trim(),
        ),
      });
    }
    return { created: r.value.id };
  },
};
