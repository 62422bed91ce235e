import { listAudit } from '@jinzai/db';
import { testDialects } from '@jinzai/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, expectError, json, type Harness } from '../testing/harness.js';

describe.each(testDialects())('auth routes on %s', (dialect) => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness(dialect);
  });
  afterEach(async () => h.dispose());

  it('signs in, shows the user, and signs out for good', async () => {
    const cookie = await h.login('hr');
    expect(cookie).toMatch(/^jinzai_session=/);
    const me = await h.request('/api/me', { cookie });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ user: { loginId: 'hr', roles: ['hr'] } });

    const out = await h.request('/api/auth/logout', { method: 'POST', cookie });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/jinzai_session=;/);
    await expectError(await h.request('/api/me', { cookie }), 401);

    const actions = (await listAudit(h.db.db, { entity: 'user' })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['login', 'logout']));
  });

  it('sets an HttpOnly SameSite cookie', async () => {
    const res = await h.request(
      '/api/auth/login',
      json({ loginId: 'staff', password: 'correct-horse-battery' }),
    );
    const header = res.headers.get('set-cookie') ?? '';
    expect(header).toMatch(/HttpOnly/i);
    expect(header).toMatch(/SameSite=Lax/i);
    expect(header).toMatch(/Path=\//);
  });

  it('refuses wrong credentials with 401 and the error shape', async () => {
    const e = await expectError(
      await h.request('/api/auth/login', json({ loginId: 'hr', password: 'nope' })),
      401,
    );
    expect(e.code).toBe('invalid_credentials');
    await expectError(await h.request('/api/auth/login', json({ loginId: 'ghost', password: 'nope' })), 401);
    expect((await listAudit(h.db.db, { entity: 'user' }))[0]?.action).toBe('login-failed');
  });

  it('answers bad input with 400', async () => {
    await expectError(await h.request('/api/auth/login', json('{"loginId": ')), 400);
    await expectError(await h.request('/api/auth/login', json({ loginId: 'hr' })), 400);
    await expectError(await h.request('/api/auth/login', json({ loginId: 42, password: ['x'] })), 400);
    await expectError(await h.request('/api/auth/login', json([])), 400);
  });

  it('refuses oversized bodies with 413', async () => {
    const big = JSON.stringify({ loginId: 'hr', password: 'x'.repeat(300_000) });
    await expectError(await h.request('/api/auth/login', json(big)), 413);
  });

  it('ends an idle session', async () => {
    const cookie = await h.login('staff');
    h.clock.advance(59 * 60_000);
    expect((await h.request('/api/me', { cookie })).status).toBe(200);
    h.clock.advance(59 * 60_000); // the previous request slid the expiry forward
    expect((await h.request('/api/me', { cookie })).status).toBe(200);
    h.clock.advance(61 * 60_000);
    await expectError(await h.request('/api/me', { cookie }), 401);
  });

  it('ends every session at its longest life even when active', async () => {
    const cookie = await h.login('staff');
    for (let i = 0; i < 14; i++) {
      h.clock.advance(55 * 60_000);
      await h.request('/api/me', { cookie });
    }
    await expectError(await h.request('/api/me', { cookie }), 401);
  });

  it('refuses cross-site state changes (CSRF) and lets same-origin and scripts through', async () => {
    const body = { loginId: 'hr', password: 'correct-horse-battery' };
    const evil = {
      ...json(body),
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
    };
    await expectError(await h.request('/api/auth/login', evil), 403);
    const site = {
      ...json(body),
      headers: { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' },
    };
    await expectError(await h.request('/api/auth/login', site), 403);
    const same = {
      ...json(body),
      headers: { 'content-type': 'application/json', origin: 'http://localhost' },
    };
    expect((await h.request('http://localhost/api/auth/login', same)).status).toBe(200);
    expect((await h.request('/api/auth/login', json(body))).status).toBe(200);
  });

  it('needs a session for /api/me and logout', async () => {
    await expectError(await h.request('/api/me'), 401);
    await expectError(await h.request('/api/auth/logout', { method: 'POST' }), 401);
    await expectError(await h.request('/api/me', { cookie: 'jinzai_session=forged' }), 401);
  });
});
