import { describe, expect, it } from 'vitest';
import { ApiError, createApi, readSetCookie } from './api.js';

const user = { id: 1, loginId: 'hr', displayName: '人事 花子', roles: ['hr'], staffNo: null };

function stub(res: () => Response) {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const fetch = (async (url: string, init?: RequestInit) => {
    calls.push({ url, init });
    return res();
  }) as typeof globalThis.fetch;
  return { api: createApi(fetch), calls };
}

const json = (status: number, body: unknown, headers?: HeadersInit) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('readSetCookie', () => {
  it('finds the cookie and its Max-Age', () => {
    const headers = new Headers();
    headers.append('set-cookie', 'other=1; Path=/');
    headers.append('set-cookie', 'jinzai_session=abc%3D; Path=/; HttpOnly; SameSite=Lax; Max-Age=28800');
    expect(readSetCookie(headers, 'jinzai_session')).toEqual({ value: 'abc%3D', maxAge: 28800 });
    expect(readSetCookie(headers, 'missing')).toBeNull();
  });

  it('leaves Max-Age undefined for a browser-session cookie', () => {
    const headers = new Headers({ 'set-cookie': 'jinzai_session=abc; Path=/' });
    expect(readSetCookie(headers, 'jinzai_session')).toEqual({ value: 'abc', maxAge: undefined });
  });
});

describe('createApi', () => {
  it('returns the user, or null without a session', async () => {
    expect(await stub(() => json(200, { user })).api.me()).toEqual(user);
    expect(
      await stub(() => json(401, { error: { code: 'unauthorized', message: 'no' } })).api.me(),
    ).toBeNull();
  });

  it('turns an error body into an ApiError', async () => {
    const { api } = stub(() => json(403, { error: { code: 'forbidden', message: 'no', details: { a: 1 } } }));
    await expect(api.tracks()).rejects.toMatchObject({ status: 403, code: 'forbidden', details: { a: 1 } });
    const plain = stub(() => new Response('<html>', { status: 502 })).api;
    await expect(plain.grades()).rejects.toBeInstanceOf(ApiError);
  });

  it('signs in with JSON and reads the session cookie', async () => {
    const { api, calls } = stub(() =>
      json(200, { user }, { 'set-cookie': 'jinzai_session=tok; Path=/; HttpOnly; Max-Age=60' }),
    );
    const result = await api.login({ loginId: 'hr', password: 'pw' });
    expect(result).toEqual({ ok: true, user, session: { value: 'tok', maxAge: 60 } });
    expect(calls[0]?.url).toBe('/api/auth/login');
    expect(calls[0]?.init?.method).toBe('POST');
    expect(JSON.parse(String(calls[0]?.init?.body))).toEqual({ loginId: 'hr', password: 'pw' });
  });

  it('names why signing in failed', async () => {
    const fail = (status: number) => stub(() => json(status, { error: { code: 'x', message: 'x' } })).api;
    expect(await fail(401).login({ loginId: 'a', password: 'b' })).toEqual({
      ok: false,
      status: 401,
      reason: 'invalid',
    });
    expect(await fail(429).login({ loginId: 'a', password: 'b' })).toMatchObject({ reason: 'rateLimited' });
    expect(await fail(400).login({ loginId: 'a', password: 'b' })).toMatchObject({ reason: 'missing' });
    expect(await fail(500).login({ loginId: 'a', password: 'b' })).toMatchObject({
      status: 503,
      reason: 'unavailable',
    });
  });

  it('treats signing out of an ended session as done', async () => {
    await expect(stub(() => json(401, {})).api.logout()).resolves.toBeUndefined();
    await expect(stub(() => json(500, {})).api.logout()).rejects.toBeInstanceOf(ApiError);
  });
});
