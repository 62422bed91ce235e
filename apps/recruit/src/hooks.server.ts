import { redirect, type Handle, type HandleFetch } from '@sveltejs/kit';
import { createApi } from '@jinzai/ui/api';
import {
  LANG_COOKIE,
  LANG_COOKIE_MAX_AGE,
  SESSION_COOKIE,
  loginUrl,
  resolveLang,
  toApiRequest,
  withoutLangParam,
} from '@jinzai/ui/server';
import { loginPath } from '$lib/paths';
import { appEnv } from '$lib/server/env';

export const handleFetch: HandleFetch = async ({ event, request, fetch }) => {
  const apiRequest = await toApiRequest(request, {
    appOrigin: event.url.origin,
    apiOrigin: appEnv.apiOrigin,
    cookie: event.request.headers.get('cookie'),
    clientAddress: event.getClientAddress(),
  });
  // The API is not a route of this app: send it straight there, not through SvelteKit's own routing.
  return apiRequest ? globalThis.fetch(apiRequest) : fetch(request);
};

export const handle: Handle = async ({ event, resolve }) => {
  const { lang, remember } = resolveLang(event.url.searchParams.get('lang'), event.cookies.get(LANG_COOKIE));
  if (remember) {
    event.cookies.set(LANG_COOKIE, lang, {
      path: '/',
      maxAge: LANG_COOKIE_MAX_AGE,
      sameSite: 'lax',
      httpOnly: false,
      secure: event.url.protocol === 'https:',
    });
  }
  if (event.request.method === 'GET' && event.url.searchParams.has('lang')) {
    redirect(303, withoutLangParam(event.url));
  }
  event.locals.lang = lang;

  event.locals.user = event.cookies.get(SESSION_COOKIE) ? await createApi(event.fetch).me() : null;
  if (!event.locals.user && event.url.pathname !== loginPath) {
    redirect(303, loginUrl(loginPath, event.url));
  }

  return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', lang) });
};
