// The one parser of the API's error body, and the load and action readers built on it.
import { isHttpError } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { data, parseApiError, result } from './client.js';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('parseApiError', () => {
  it('reads code, message and details of the error shape', async () => {
    const details = [{ row: 3, column: 'grade_code', message: '不明な等級です' }];
    const res = json(400, { error: { code: 'invalid_input', message: '3行目に誤りがあります', details } });
    expect(await parseApiError(res)).toEqual({
      status: 400,
      code: 'invalid_input',
      message: '3行目に誤りがあります',
      details,
    });
  });

  it('leaves details out when the API sends none', async () => {
    const failure = await parseApiError(json(404, { error: { code: 'not_found', message: 'ありません' } }));
    expect(failure).toEqual({ status: 404, code: 'not_found', message: 'ありません' });
    expect('details' in failure).toBe(false);
  });

  it('gives a generic failure for a body that is not the error shape', async () => {
    expect(await parseApiError(new Response('<html>bad gateway</html>', { status: 502 }))).toEqual({
      status: 502,
      code: 'http_error',
      message: '502',
    });
    expect(await parseApiError(json(500, { message: 'no' }))).toMatchObject({ status: 500, message: '500' });
  });
});

describe('data', () => {
  it('returns the JSON of a success', async () => {
    expect(await data(json(200, { rows: 2 }))).toEqual({ rows: 2 });
  });

  it("raises SvelteKit's error with the API's status and message", async () => {
    const caught = await data(json(403, { error: { code: 'forbidden', message: '権限がありません' } })).catch(
      (e: unknown) => e,
    );
    expect(isHttpError(caught)).toBe(true);
    expect(caught).toMatchObject({ status: 403, body: { message: '権限がありません' } });
  });
});

describe('result', () => {
  it('returns the value of a success, and null for an empty body', async () => {
    expect(await result(json(201, { id: 7 }))).toEqual({ ok: true, value: { id: 7 } });
    expect(await result(new Response(null, { status: 204 }))).toEqual({ ok: true, value: null });
  });

  it('returns the failure the forms read', async () => {
    const r = await result(
      json(409, { error: { code: 'conflict', message: '更新されています', details: 1 } }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.failure.status).toBe(409);
    expect(r.failure.data).toEqual({
      status: 409,
      code: 'conflict',
      message: '更新されています',
      details: 1,
    });
  });
});
