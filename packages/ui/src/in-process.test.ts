// The apps' handleFetch: in the API's own process their `/api/…` calls go to its fetch, each page request with one
// session memo; other requests are left to SvelteKit.
import { registerInProcessApi, SESSION_MEMO, type InProcessBindings } from '@jinzai/api/in-process';
import type { RequestEvent } from '@sveltejs/kit';
import { afterEach, describe, expect, it } from 'vitest';
import { createServerHooks } from './kit.js';

const paths = {
  home: '/review',
  loginPath: '/review/login',
  logoutPath: '/review/logout',
  accountPath: '/review/account',
};

function pageRequest(): RequestEvent {
  return {
    url: new URL('http://app:3000/review/kpis'),
    request: new Request('http://app:3000/review/kpis', { headers: { cookie: 'jinzai_session=abc' } }),
    getClientAddress: () => '192.0.2.7',
  } as unknown as RequestEvent;
}

describe('the apps call the API in process when it is served beside them', () => {
  afterEach(() => registerInProcessApi(undefined));

  it('hands /api requests to the registered fetch, with one memo per page request', async () => {
    const seen: { url: string; cookie: string | null; memo: unknown }[] = [];
    registerInProcessApi((request, bindings: InProcessBindings) => {
      seen.push({ url: request.url, cookie: request.headers.get('cookie'), memo: bindings[SESSION_MEMO] });
      return new Response('{}');
    });
    const { handleFetch } = createServerHooks(paths, { apiOrigin: 'http://127.0.0.1:3000' });
    const never = () => Promise.reject(new Error('not over SvelteKit'));
    const first = pageRequest();
    const second = pageRequest();
    for (const event of [first, first, second]) {
      await handleFetch({ event, request: new Request('http://app:3000/api/me'), fetch: never });
    }
    expect(seen.map((s) => [s.url, s.cookie])).toEqual([
      ['http://127.0.0.1:3000/api/me', 'jinzai_session=abc'],
      ['http://127.0.0.1:3000/api/me', 'jinzai_session=abc'],
      ['http://127.0.0.1:3000/api/me', 'jinzai_session=abc'],
    ]);
    expect(seen[0]?.memo).toBe(seen[1]?.memo);
    expect(seen[2]?.memo).not.toBe(seen[0]?.memo);
    // Not the API: SvelteKit's own fetch.
    const own = await handleFetch({
      event: first,
      request: new Request('http://app:3000/review/other'),
      fetch: () => Promise.resolve(new Response('page')),
    });
    expect(await own.text()).toBe('page');
  });
});
