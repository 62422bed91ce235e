import { redirect } from '@sveltejs/kit';
import { createApi } from '@jinzai/ui/api';
import { SESSION_COOKIE } from '@jinzai/ui/server';
import { loginPath } from '$lib/paths';
import type { RequestHandler } from './$types';

// Signing out is a POST from the form in the header (never a GET, so a link or prefetch cannot sign anyone out).
export const POST: RequestHandler = async ({ fetch, cookies }) => {
  try {
    await createApi(fetch).logout();
  } catch (error) {
    // The browser forgets the session below in any case; the API's copy then simply expires.
    console.error('sign-out: the API did not end the session', error);
  }
  cookies.delete(SESSION_COOKIE, { path: '/' });
  redirect(303, loginPath);
};
