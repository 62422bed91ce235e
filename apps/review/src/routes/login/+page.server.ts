import { fail, redirect } from '@sveltejs/kit';
import { createApi } from '@jinzai/ui/api';
import { SESSION_COOKIE, readLoginForm, safeNext, sessionCookieOptions } from '@jinzai/ui/server';
import { home } from '$lib/paths';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
  const next = safeNext(url.searchParams.get('next'), home);
  if (locals.user) redirect(303, next ?? home);
  return { next };
};

export const actions: Actions = {
  default: async ({ request, fetch, cookies, url }) => {
    const { loginId, password, next } = readLoginForm(await request.formData(), home);
    if (!loginId || !password) return fail(400, { loginId, error: 'missing' as const });

    const result = await createApi(fetch).login({ loginId, password });
    if (!result.ok) return fail(result.status, { loginId, error: result.reason });

    cookies.set(
      SESSION_COOKIE,
      result.session.value,
      sessionCookieOptions(result.session, url.protocol === 'https:'),
    );
    redirect(303, next ?? home);
  },
};
