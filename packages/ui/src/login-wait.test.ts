// The sign-in screen tells how long to wait when the API throttles an attempt (429 with Retry-After).
import { describe, expect, it } from 'vitest';
import { createApi } from './api.js';
import { signInPage } from './kit.js';
import { loginErrorText } from './login-error.js';

const tooSoon = (seconds: number, header = true) =>
  new Response(
    JSON.stringify({
      error: { code: 'too_many_attempts', message: 'x', details: { retryAfterSeconds: seconds } },
    }),
    {
      status: 429,
      headers: { 'content-type': 'application/json', ...(header ? { 'retry-after': String(seconds) } : {}) },
    },
  );
const fetchOf = (res: () => Response) => (async () => res()) as unknown as typeof globalThis.fetch;

describe('waiting after too many sign-in attempts', () => {
  it('reads the wait from Retry-After, or else from the error details', async () => {
    expect(await createApi(fetchOf(() => tooSoon(8))).login({ loginId: 'a', password: 'b' })).toEqual({
      ok: false,
      status: 429,
      reason: 'rateLimited',
      retryAfterSeconds: 8,
    });
    expect(
      await createApi(fetchOf(() => tooSoon(4, false))).login({ loginId: 'a', password: 'b' }),
    ).toMatchObject({ retryAfterSeconds: 4 });
  });

  it('passes the wait from the sign-in action to the page', async () => {
    const { actions } = signInPage({ home: '/review', loginPath: '/review/login' } as Parameters<
      typeof signInPage
    >[0]);
    const form = new FormData();
    form.set('loginId', 'staff');
    form.set('password', 'pw');
    const result = await actions.default({
      request: new Request('http://localhost/review/login', { method: 'POST', body: form }),
      fetch: fetchOf(() => tooSoon(16)),
      url: new URL('http://localhost/review/login'),
    } as unknown as Parameters<typeof actions.default>[0]);
    expect(result).toMatchObject({ status: 429, data: { error: 'rateLimited', retryAfterSeconds: 16 } });
  });

  it('shows the wait in Japanese and in English', () => {
    const form = { error: 'rateLimited' as const, retryAfterSeconds: 32 };
    expect(loginErrorText('ja', form)).toBe('ログイン試行が多すぎます。32秒後に再度お試しください');
    expect(loginErrorText('en', form)).toBe('Too many sign-in attempts. Please try again in 32 seconds');
    expect(loginErrorText('ja', { error: 'rateLimited' })).toContain('しばらくしてから');
    expect(loginErrorText('en', { error: 'invalid' })).toBe('The login ID or password is incorrect');
    expect(loginErrorText('ja', null)).toBeNull();
  });
});
