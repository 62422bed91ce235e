// The person's own self-development (自己啓発, docs/domain.md §10): a course, a qualification or graduate study,
// with the subsidy if any, for HR to approve.
import { fail } from '@sveltejs/kit';
import { apiClient, result } from '@jinzai/ui/client';
import type { Actions } from './$types';

export const actions: Actions = {
  default: async ({ fetch, request }) => {
    const form = await request.formData();
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const subsidy = text('subsidyYen');
    // The strings go to the API as they are: it validates them and answers a 400 the form shows.
    const json = {
      course: text('course'),
      kind: text('kind') as 'course',
      layer: text('layer') as 'ict',
      completedOn: text('completedOn'),
      hours: Number(text('hours')),
      subsidyYen: subsidy === '' ? null : Number(subsidy),
    };
    const r = await result(apiClient(fetch).talent['self-development'].$post({ json }));
    if (!r.ok) return fail(r.failure.status, r.failure.data);
    return { added: true as const };
  },
};
