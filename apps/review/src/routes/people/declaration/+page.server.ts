// The person's 自己申告 (docs/domain.md §10): the window open today and their declaration of its year; the form
// declares, or corrects within the window.
import { fail } from '@sveltejs/kit';
import { apiClient, data, result } from '@jinzai/ui/client';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch }) => data(apiClient(fetch).talent.declarations.me.$get());

export const actions: Actions = {
  default: async ({ fetch, request }) => {
    const form = await request.formData();
    const text = (name: string) => String(form.get(name) ?? '').trim();
    // The strings go to the API as they are: it validates them and answers a 400 the form shows.
    const json = {
      fiscalYear: Number(text('fiscalYear')),
      transferWish: text('transferWish') as 'stay' | 'move' | 'either',
      wishedUnits: ['unit1', 'unit2', 'unit3'].map(text).filter((u) => u !== ''),
      reason: text('reason'),
      careerGoal: text('careerGoal'),
      growthLayer: (text('growthLayer') || null) as 'stance' | null,
      circumstances: text('circumstances'),
      managerExamInterest: form.get('managerExamInterest') === 'yes',
    };
    const declarations = apiClient(fetch).talent.declarations;
    const r =
      text('mode') === 'correct'
        ? await result(declarations.$put({ json }))
        : await result(declarations.$post({ json }));
    if (!r.ok) return fail(r.failure.status, r.failure.data);
    return { declared: true as const };
  },
};
