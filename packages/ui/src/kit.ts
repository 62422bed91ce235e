// The server side both SvelteKit apps share: hooks, the sign-in action, sign-out and the own-account page. Each app
// passes its own paths (they depend on its base path) and its environment; nothing else differs between the apps.
import {
  fail,
  redirect,
  type Handle,
  type HandleFetch,
  type RequestHandler,
  type ServerLoad,
} from '@sveltejs/kit';
import { checkPasswordForm, openBeforePasswordChange, passwordProblem } from './account.js';
import { inProcessApi, SESSION_MEMO, type SessionMemo } from '@jinzai/api/in-process';
import { apiClient, createApi } from './api.js';
import { data, result } from './client.js';
import {
  LANG_COOKIE,
  LANG_COOKIE_MAX_AGE,
  SESSION_COOKIE,
  loginUrl,
  readLoginForm,
  resolveLang,
  safeNext,
  sessionCookieOptions,
  toApiRequest,
  withoutLangParam,
  type AppEnv,
} from './server.js';
// Declares App.Locals for every app that uses these hooks, so the apps need no app.d.ts of their own.
import type {} from './locals.js';

export interface AppPaths {
  home: string;
  loginPath: string;
}

/** The paths the hooks need besides home and sign-in: what stays open before a first password is set. */
export interface HookPaths extends AppPaths {
  logoutPath: string;
  accountPath: string;
}

/** Each page request's memo of its session, for the in-process API calls it makes. */
const memos = new WeakMap<object, SessionMemo>();
const memoOf = (event: object): SessionMemo => {
  let memo = memos.get(event);
  if (!memo) {
    memo = {};
    memos.set(event, memo);
  }
  return memo;
};

/**
 * handleFetch and handle: API calls go to the API origin; language; the signed-in user or a redirect to sign-in;
 * someone who must set their own password first is sent to their account page from every other page.
 */
export function createServerHooks(
  paths: HookPaths,
  env: AppEnv,
): { handle: Handle; handleFetch: HandleFetch } {
  const handleFetch: HandleFetch = async ({ event, request, fetch }) => {
    const apiRequest = await toApiRequest(request, {
      appOrigin: event.url.origin,
      apiOrigin: env.apiOrigin,
      cookie: event.request.headers.get('cookie'),
      clientAddress: event.getClientAddress(),
      ...(env.internalToken ? { internalToken: env.internalToken } : {}),
    });
    // The API is not a route of this app: send it straight there, not through SvelteKit's own routing. When this
    // process serves the API too, that is a call of its fetch (no TCP), with the page request's session memo.
    if (!apiRequest) return fetch(request);
    const inProcess = inProcessApi();
    return inProcess
      ? inProcess(apiRequest, { [SESSION_MEMO]: memoOf(event) })
      : globalThis.fetch(apiRequest);
  };

  const handle: Handle = async ({ event, resolve }) => {
    const { lang, remember } = resolveLang(
      event.url.searchParams.get('lang'),
      event.cookies.get(LANG_COOKIE),
    );
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
    if (!event.locals.user && event.url.pathname !== paths.loginPath) {
      redirect(303, loginUrl(paths.loginPath, event.url));
    }
    // The API refuses everything else to them (403 password_change_required): the page to go to is their account.
    if (event.locals.user?.mustChangePassword && !openBeforePasswordChange(event.url.pathname, paths)) {
      redirect(303, paths.accountPath);
    }

    const response = await resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', lang) });
    return withPageHeaders(response);
  };

  return { handle, handleFetch };
}

/**
 * Headers of every page: pages show personal data, so no copy is kept (a shared office PC's back button or cache must
 * not show the last person's sheet); the type is never sniffed; no address leaves in a Referer.
 */
export function withPageHeaders(response: Response): Response {
  const set = (name: string, value: string) => {
    if (!response.headers.has(name)) response.headers.set(name, value);
  };
  try {
    set('cache-control', 'no-store');
    set('x-content-type-options', 'nosniff');
    set('referrer-policy', 'same-origin');
    set('x-frame-options', 'DENY');
  } catch {
    // A response with immutable headers (a fetched one passed through) keeps its own.
  }
  return response;
}

/** The root layout's load: who is signed in, and the page's language (both set by the hooks above). */
export const sessionLayoutLoad = ({ locals }: { locals: App.Locals }) => ({
  user: locals.user,
  lang: locals.lang,
});

/** The sign-in page's load and form action (works without JavaScript). */
export function signInPage(paths: AppPaths) {
  const load = ({
    locals,
    url,
  }: Pick<Parameters<ServerLoad>[0], 'locals' | 'url'>): { next: string | null } => {
    const next = safeNext(url.searchParams.get('next'), paths.home);
    if (locals.user) redirect(303, next ?? paths.home);
    return { next };
  };
  const actions = {
    default: async ({ request, fetch, cookies, url }: Parameters<RequestHandler>[0]) => {
      const { loginId, password, next } = readLoginForm(await request.formData(), paths.home);
      if (!loginId || !password) return fail(400, { loginId, error: 'missing' as const });

      const result = await createApi(fetch).login({ loginId, password });
      if (!result.ok) {
        if (result.reason === 'refused') {
          // Refusals with a message of their own: the form shows it (in English, the same message translated).
          return fail(result.status, {
            loginId,
            error: result.reason,
            code: result.code,
            message: result.message,
          });
        }
        const wait = result.retryAfterSeconds;
        return fail(result.status, {
          loginId,
          error: result.reason,
          ...(wait ? { retryAfterSeconds: wait } : {}),
        });
      }

      cookies.set(
        SESSION_COOKIE,
        result.session.value,
        sessionCookieOptions(result.session, url.protocol === 'https:'),
      );
      redirect(303, next ?? paths.home);
    },
  };
  return { load, actions };
}

/** Sign-out: a POST (never a GET, so a link or prefetch cannot sign anyone out). */
export function signOutHandler(paths: AppPaths): RequestHandler {
  return async ({ fetch, cookies }) => {
    try {
      await createApi(fetch).logout();
    } catch (error) {
      // The browser forgets the session below in any case; the API's copy then simply expires.
      console.error('sign-out: the API did not end the session', error);
    }
    cookies.delete(SESSION_COOKIE, { path: '/' });
    redirect(303, paths.loginPath);
  };
}

/**
 * The own-account page's load and form action (both apps; works without JavaScript): the account as the API shows
 * it, and the password change of a local account. After the first password is set, the app's home opens.
 */
export function accountPage(paths: AppPaths) {
  const load = async ({ fetch }: Pick<Parameters<ServerLoad>[0], 'fetch'>) => {
    const { account } = await data(apiClient(fetch).me.account.$get());
    return { account, forced: account.mustChangePassword };
  };
  const actions = {
    password: async ({ request, fetch, locals }: Parameters<RequestHandler>[0]) => {
      const form = await request.formData();
      const text = (name: string) => {
        const value = form.get(name);
        return typeof value === 'string' ? value : '';
      };
      const input = { current: text('current'), password: text('password'), confirm: text('confirm') };
      // The passwords never go back to the page: only which field is wrong and why.
      const problem = checkPasswordForm(input);
      if (problem) return fail(400, { problem });
      const r = await result(
        apiClient(fetch).me.password.$post({ json: { current: input.current, password: input.password } }),
      );
      if (!r.ok) {
        const failure = r.failure.data;
        return fail(failure.status, { problem: passwordProblem(failure) });
      }
      if (locals.user?.mustChangePassword) redirect(303, paths.home);
      return { changed: true as const };
    },
  };
  return { load, actions };
}
