// Findings of the hardening review (issue 11) that cut across areas: path ids, cache and security headers.
import { testDialects } from '@jinzai/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, csv, expectError, json, type Harness } from '../testing/harness.js';

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
      expect(res.status, text).toBe(404);
      const patched = await h.request(
        `/api/recruit/rounds/${text}`,
        json({ name: '書き換え' }, 'PATCH', recruiter),
      );
      await expectError(patched, 404);
    }
    expect(await roundName(id)).toBe('選考3');
    expect((await h.request(`/api/recruit/rounds/${id}`, { cookie: recruiter })).status).toBe(200);
  });

  it('finds no id past PostgreSQL integer, and refuses a query fiscal year that is not four digits', async () => {
    await expectError(await h.request('/api/recruit/rounds/2147483648', { cookie: recruiter }), 404);
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

  it('refuses control characters, lone surrogates and bidi overrides in any JSON string, naming the field', async () => {
    for (const name of ['選考\u0000', 'abc\u202Egpj', 'x\ud800']) {
      // JSON.stringify writes NUL and the lone surrogate as \u escapes: what a client library sends.
      const body = JSON.stringify({ name, track: 'new-graduate', fiscalYear: 2027 });
      const e = await expectError(await h.request('/api/recruit/rounds', json(body, 'POST', recruiter)), 400);
      expect(JSON.stringify(e.details)).toContain('"path":"name"');
    }
  });

  it('refuses a staff birth year no one on the roster can have, naming row and column', async () => {
    const hr = await h.login('hr');
    const units = 'code,name,parent_code,level\n01,総務部,,部\n';
    expect((await h.request('/api/org/units', csv(units, hr))).status).toBe(200);
    const staff = (year: number) =>
      `staff_no,name,name_kana,unit_code,grade_code,employment_type,birth_year\n000001,品川 花子,シナガワ ハナコ,01,主事,regular,1990\n000002,大井 太郎,オオイ タロウ,01,主事,regular,${year}\n`;
    for (const year of [2030, 1900]) {
      const e = await expectError(await h.request('/api/org/staff', csv(staff(year), hr)), 400);
      expect(e.details).toEqual([expect.objectContaining({ row: 3, column: 'birth_year' })]);
    }
    expect((await h.request('/api/org/staff', csv(staff(1960), hr))).status).toBe(200);
  });

  it('closes the connection after a 413, whose unread body could not carry another request', async () => {
    const res = await h.request(
      '/api/recruit/rounds',
      json(JSON.stringify({ name: 'x'.repeat(300 * 1024) }), 'POST', recruiter),
    );
    await expectError(res, 413);
    expect(res.headers.get('connection')).toBe('close');
  });
});
