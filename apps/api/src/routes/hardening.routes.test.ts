// Findings of the hardening review (issue 11) that cut across areas: path ids, cache and security headers.
import { testDialects } from '@jinzai/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, expectError, json, type Harness } from '../testing/harness.js';

describe.each(testDialects())('hardening on %s', (dialect) => {
  let h: Harness;
  let recruiter: string;
  const ids: number[] = [];
  beforeAll(async () => {
    h = await createHarness(dialect);
    recruiter = await h.login('recruiter');
    for (let i = 1; i <= 3; i++) {
      const res = await h.request(
        '/api/recruit/rounds',
        json({ name: `選考${i}`, track: 'new-graduate', fiscalYear: 2027 }, 'POST', recruiter),
      );
      ids.push(((await res.json()) as { id: number }).id);
    }
  });
  afterAll(async () => h.dispose());

  const roundName = async (id: number) =>
    (
      (await (await h.request(`/api/recruit/rounds/${id}`, { cookie: recruiter })).json()) as {
        round: { name: string };
      }
    ).round.name;

  it('reads a path id only as a canonical decimal: 0x, 0b, 3.0, 1e0, +1 and 01 name nothing', async () => {
    const id = ids[2] ?? 0;
    for (const text of [
      `0x${id.toString(16)}`,
      `0b${id.toString(2)}`,
      `${id}.0`,
      `${id}e0`,
      `+${id}`,
      `0${id}`,
    ]) {
      const res = await h.request(`/api/recruit/rounds/${text}`, { cookie: recruiter });
      expect(res.status, text).toBe(400);
      const patched = await h.request(
        `/api/recruit/rounds/${text}`,
        json({ name: '書き換え' }, 'PATCH', recruiter),
      );
      await expectError(patched, 400);
    }
    expect(await roundName(id)).toBe('選考3');
    expect((await h.request(`/api/recruit/rounds/${id}`, { cookie: recruiter })).status).toBe(200);
  });

  it('refuses ids past PostgreSQL integer and a fiscal year that is not four digits', async () => {
    await expectError(await h.request('/api/recruit/rounds/2147483648', { cookie: recruiter }), 400);
    const hr = await h.login('hr');
    await expectError(await h.request('/api/kpis?fiscalYear=0x7e9', { cookie: hr }), 400);
    await expectError(await h.request('/api/kpis?fiscalYear=2025.0', { cookie: hr }), 400);
    expect((await h.request('/api/kpis?fiscalYear=2025', { cookie: hr })).status).toBe(200);
  });

  it('marks every API answer no-store, errors included', async () => {
    for (const [path, cookie] of [
      ['/api/me', recruiter],
      [`/api/recruit/rounds/${ids[0]}`, recruiter],
      ['/api/recruit/rounds/999999', recruiter],
      ['/api/me', ''],
    ] as const) {
      const res = await h.request(path, cookie ? { cookie } : {});
      expect(res.headers.get('cache-control'), path).toBe('no-store');
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
  });

  it('serves the API reference under a content security policy that allows nothing but its style', async () => {
    const res = await h.request('/api/docs');
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('script-src');
  });
});
