// The apps set the session cookie Secure exactly when the visitor's URL is https (ORIGIN or the protocol header).
import { describe, expect, it } from 'vitest';
import { signInPage } from './kit.js';

const signedIn = () =>
  new Response(
    JSON.stringify({ user: { id: 1, loginId: 'hr', displayName: 'hr', roles: ['hr'], staffNo: null } }),
    {
      status: 200,
      headers: {
        'content-type': 'application/json',
        'set-cookie': 'jinzai_session=tok; Path=/; HttpOnly; Max-Age=60',
      },
    },
  );

async function cookieSecure(url: string): Promise<boolean | undefined> {
  const { actions } = signInPage({ home: '/review', loginPath: '/review/login' });
  const form = new FormData();
  form.set('loginId', 'hr');
  form.set('password', 'pw');
  let secure: boolean | undefined;
  const cookies = { set: (_n: string, _v: string, o: { secure?: boolean }) => void (secure = o.secure) };
  await actions
    .default({
      request: new Request(url, { method: 'POST', body: form }),
      fetch: (async () => signedIn()) as unknown as typeof fetch,
      cookies,
      url: new URL(url),
    } as unknown as Parameters<typeof actions.default>[0])
    .catch((e: unknown) => {
      // A successful sign-in ends in SvelteKit's redirect.
      if ((e as { status?: number }).status !== 303) throw e;
    });
  return secure;
}

describe('the session cookie the apps set', () => {
  it('is Secure over https and not over http', async () => {
    expect(await cookieSecure('https://jinzai.example.jp/review/login')).toBe(true);
    expect(await cookieSecure('http://localhost:3000/review/login')).toBe(false);
  });
});
