import { redirect } from '@sveltejs/kit';
import { resolve } from '$app/paths';
import type { PageServerLoad } from './$types';

/** The evaluation home: HR to the analytics, evaluators to their queue, everyone else to their own sheet. */
export const load: PageServerLoad = ({ locals }) => {
  const roles = locals.user?.roles ?? [];
  if (roles.includes('hr')) redirect(303, resolve('/evaluation/hr'));
  if (roles.includes('evaluator')) redirect(303, resolve('/evaluation/queue'));
  redirect(303, resolve('/evaluation/me'));
};
