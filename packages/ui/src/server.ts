// The pure parts of the apps' server hooks: each app keeps a small hooks.server.ts that wires these to SvelteKit.
import type { SessionCookie } from './api.js';
import { DEFAULT_LANG, isLang, type Lang } from './i18n/index.js';

export const SESSION_COOKIE = 'jinzai_session';
export const LANG_COOKIE = 'jinzai_lang';
export const LANG_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

export interface AppEnv {
  /** Where the API listens, e.g. http://127.0.0.1:3000 (origin only). */
  readonly apiOrigin: string;
  /** The token with which the API believes the visitor's address this server passes on (JINZAI_INTERNAL_TOKEN). */
  readonly internalToken?: string;
}

/** Reads the apps' settings from the environment, failing with a message that names the variable. */
export function parseAppEnv(env: Readonly<Record<string, string | undefined>>): AppEnv {
  const port = env['PORT']?.trim() || '3000';
  if (!/^\d+$/.test(port) || Number(port) < 1 || Number(port) > 65535) {
    throw new Error(`PORT must be a port number (1–65535), got "${port}"`);
  }
  const raw = env['JINZAI_API_ORIGIN']?.trim() || `http://127.0.0.1:${port}`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`JINZAI_API_ORIGIN must be a URL such as http://127.0.0.1:3000, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`JINZAI_API_ORIGIN must use http or https, got "${raw}"`);
  }
  if (url.pathname !== '/' || url.search || url.hash) {
    throw new Error(`JINZAI_API_ORIGIN must be an origin without a path, got "${raw}"`);
  }
  const internalToken = env['JINZAI_INTERNAL_TOKEN']?.trim();
  return internalToken ? { apiOrigin: url.origin, internalToken } : { apiOrigin: url.origin };
}

/** The language of a request: `?lang=` wins (and should be remembered in the cookie), then the cookie, then Japanese. */
export function resolveLang(
  query: string | null,
  cookie: string | undefined,
): { lang: Lang; remember: boolean } {
  if (isLang(query)) return { lang: query, remember: query !== cookie };
  return { lang: isLang(cookie) ? cookie : DEFAULT_LANG, remember: false };
}

/** Where to send the browser once `?lang=` has been remembered: the same URL without it. */
export function withoutLangParam(url: URL): string {
  const params = new URLSearchParams(url.search);
  params.delete('lang');
  const search = params.toString();
  return search ? `${url.pathname}?${search}` : url.pathname;
}

/**
 * A `next` target after sign-in, or null when it is unsafe: only a path on this origin under the app's base,
 * so the login form can never be used to send someone to another site.
 */
export function safeNext(next: unknown, base: string): string | null {
  if (typeof next !== 'string' || next === '' || next.length > 2000) return null;
  // Reject what browsers might read as another host (//evil, /\evil) or what hides control characters.
  if (!next.startsWith('/') || next.startsWith('//') || hasUnsafeChar(next)) return null;
  const probe = 'http://jinzai.invalid';
  let url: URL;
  try {
    url = new URL(next, probe);
  } catch {
    return null;
  }
  if (url.origin !== probe) return null;
  const root = base.replace(/\/+$/, '');
  if (root && url.pathname !== root && !url.pathname.startsWith(`${root}/`)) return null;
  if (url.pathname === `${root}/login` || url.pathname === `${root}/logout`) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

function hasUnsafeChar(text: string): boolean {
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code < 0x20 || code === 0x7f || char === '\\') return true;
  }
  return false;
}

/** The URL of the login page that brings the visitor back to `url` afterwards. */
export function loginUrl(loginPath: string, url: URL): string {
  const next = `${url.pathname}${url.search}`;
  return `${loginPath}?next=${encodeURIComponent(next)}`;
}

/**
 * The request to send to the API for a server-side fetch of `/api/…` on the app's own origin, or null for any
 * other request. It keeps path, query, method and body, carries the visitor's cookies and address, and sends no Origin: the
 * browser's origin was already checked by SvelteKit, and this hop is server to server.
 */
export async function toApiRequest(
  request: Request,
  opts: {
    appOrigin: string;
    apiOrigin: string;
    cookie: string | null;
    clientAddress?: string;
    internalToken?: string;
  },
): Promise<Request | null> {
  const url = new URL(request.url);
  if (url.origin !== opts.appOrigin || !url.pathname.startsWith('/api/')) return null;
  const headers = new Headers(request.headers);
  headers.delete('origin');
  headers.delete('host');
  if (opts.cookie) headers.set('cookie', opts.cookie);
  else headers.delete('cookie');
  // The API throttles sign-in per address: it must see the visitor's, not this server's. It believes the address
  // only with the internal token; never pass on a token or forwarded headers that the browser sent.
  headers.delete('x-forwarded-for');
  headers.delete('x-forwarded-proto');
  headers.delete('x-jinzai-internal');
  if (opts.clientAddress) headers.set('x-forwarded-for', opts.clientAddress);
  if (opts.clientAddress && opts.internalToken) headers.set('x-jinzai-internal', opts.internalToken);
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  return new Request(new URL(`${url.pathname}${url.search}`, opts.apiOrigin), {
    method: request.method,
    headers,
    body: hasBody ? await request.arrayBuffer() : undefined,
    redirect: 'manual',
    signal: request.signal,
  });
}

/** The fields of the login form; `next` is null when missing or unsafe. */
export function readLoginForm(
  form: FormData,
  base: string,
): { loginId: string; password: string; next: string | null } {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : '';
  };
  return { loginId: text('loginId').trim(), password: text('password'), next: safeNext(text('next'), base) };
}

/** How the apps set the API's session cookie on the browser: the same attributes the API gives it. */
export function sessionCookieOptions(session: SessionCookie, secure: boolean) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure,
    maxAge: session.maxAge,
    // The value comes from the API's Set-Cookie already encoded; encoding it again would change it.
    encode: (value: string) => value,
  };
}
