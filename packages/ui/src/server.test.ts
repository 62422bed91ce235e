import { describe, expect, it } from 'vitest';
import {
  loginUrl,
  parseAppEnv,
  readLoginForm,
  sessionCookieOptions,
  resolveLang,
  safeNext,
  toApiRequest,
  withoutLangParam,
} from './server.js';
import { langHref } from './links.js';

describe('parseAppEnv', () => {
  it('defaults to the API on the same port', () => {
    expect(parseAppEnv({})).toEqual({ apiOrigin: 'http://127.0.0.1:3000' });
    expect(parseAppEnv({ PORT: '3100' })).toEqual({ apiOrigin: 'http://127.0.0.1:3100' });
  });

  it('takes JINZAI_API_ORIGIN as an origin', () => {
    expect(parseAppEnv({ JINZAI_API_ORIGIN: 'https://api.example.jp/' }).apiOrigin).toBe(
      'https://api.example.jp',
    );
  });

  it('fails with a message naming the variable', () => {
    expect(() => parseAppEnv({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => parseAppEnv({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => parseAppEnv({ JINZAI_API_ORIGIN: 'not a url' })).toThrow(/JINZAI_API_ORIGIN/);
    expect(() => parseAppEnv({ JINZAI_API_ORIGIN: 'ftp://x' })).toThrow(/JINZAI_API_ORIGIN/);
    expect(() => parseAppEnv({ JINZAI_API_ORIGIN: 'http://x/api' })).toThrow(/JINZAI_API_ORIGIN/);
  });
});

describe('resolveLang', () => {
  it('defaults to Japanese', () => {
    expect(resolveLang(null, undefined)).toEqual({ lang: 'ja', remember: false });
    expect(resolveLang('fr', 'xx')).toEqual({ lang: 'ja', remember: false });
  });

  it('follows the cookie', () => {
    expect(resolveLang(null, 'en')).toEqual({ lang: 'en', remember: false });
  });

  it('lets the query win and be remembered when it changes something', () => {
    expect(resolveLang('en', 'ja')).toEqual({ lang: 'en', remember: true });
    expect(resolveLang('en', 'en')).toEqual({ lang: 'en', remember: false });
    expect(resolveLang('ja', undefined)).toEqual({ lang: 'ja', remember: true });
  });
});

describe('language links', () => {
  it('adds and drops the lang parameter, keeping the rest', () => {
    const url = new URL('http://x/review/standards/kacho?tab=1&lang=ja');
    expect(langHref(url, 'en')).toBe('/review/standards/kacho?tab=1&lang=en');
    expect(withoutLangParam(new URL('http://x/review?lang=en'))).toBe('/review');
    expect(withoutLangParam(new URL('http://x/review/login?next=%2Freview&lang=en'))).toBe(
      '/review/login?next=%2Freview',
    );
  });
});

describe('safeNext', () => {
  it('accepts paths under the base', () => {
    expect(safeNext('/recruit', '/recruit')).toBe('/recruit');
    expect(safeNext('/recruit/rounds/1?stage=2', '/recruit')).toBe('/recruit/rounds/1?stage=2');
  });

  it('refuses other sites and other apps', () => {
    for (const bad of [
      'https://evil.example/recruit',
      '//evil.example/recruit',
      '/\\evil.example',
      'recruit',
      '/review',
      '/recruitment',
      '/recruit/../review',
      '/recruit/login',
      '/recruit/logout',
      '/recruit\n/x',
      '',
      null,
      42,
    ]) {
      expect(safeNext(bad, '/recruit'), String(bad)).toBeNull();
    }
  });

  it('builds the login URL that comes back', () => {
    expect(loginUrl('/review/login', new URL('http://x/review/standards/kacho?x=1'))).toBe(
      '/review/login?next=%2Freview%2Fstandards%2Fkacho%3Fx%3D1',
    );
  });
});

describe('toApiRequest', () => {
  const opts = {
    appOrigin: 'http://app:3100',
    apiOrigin: 'http://127.0.0.1:3100',
    cookie: 'jinzai_session=s1',
    clientAddress: '192.0.2.7',
  };

  it('sends /api/ requests on to the API with path, query, cookie and body', async () => {
    const request = new Request('http://app:3100/api/auth/login?x=1', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://app:3100', cookie: 'other=1' },
      body: '{"loginId":"hr"}',
    });
    const out = await toApiRequest(request, opts);
    expect(out?.url).toBe('http://127.0.0.1:3100/api/auth/login?x=1');
    expect(out?.method).toBe('POST');
    expect(out?.headers.get('cookie')).toBe('jinzai_session=s1');
    expect(out?.headers.get('origin')).toBeNull();
    expect(out?.headers.get('content-type')).toBe('application/json');
    expect(out?.headers.get('x-forwarded-for')).toBe('192.0.2.7');
    expect(await out?.text()).toBe('{"loginId":"hr"}');
  });

  it('leaves other requests alone', async () => {
    expect(await toApiRequest(new Request('http://app:3100/recruit/x'), opts)).toBeNull();
    expect(await toApiRequest(new Request('http://elsewhere/api/me'), opts)).toBeNull();
    expect(await toApiRequest(new Request('http://app:3100/apix'), opts)).toBeNull();
  });

  it('sends no cookie when the visitor has none', async () => {
    const out = await toApiRequest(new Request('http://app:3100/api/me'), { ...opts, cookie: null });
    expect(out?.headers.get('cookie')).toBeNull();
  });
});

describe('readLoginForm and sessionCookieOptions', () => {
  it('reads the fields, trimming the login ID and checking next', () => {
    const form = new FormData();
    form.set('loginId', ' recruiter ');
    form.set('password', ' pw ');
    form.set('next', '//evil.example');
    expect(readLoginForm(form, '/recruit')).toEqual({ loginId: 'recruiter', password: ' pw ', next: null });
    form.set('next', '/recruit?x=1');
    expect(readLoginForm(form, '/recruit').next).toBe('/recruit?x=1');
    expect(readLoginForm(new FormData(), '/recruit')).toEqual({ loginId: '', password: '', next: null });
  });

  it('sets the session cookie as the API does, without re-encoding', () => {
    const options = sessionCookieOptions({ value: 'a%3D', maxAge: 3600 }, false);
    expect(options).toMatchObject({
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: false,
      maxAge: 3600,
    });
    expect(options.encode('a%3D')).toBe('a%3D');
  });
});
