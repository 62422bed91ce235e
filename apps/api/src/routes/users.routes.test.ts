// HR disables, enables and resets the password of a user; sessions end for good and every change is audited.
import { findAccount, listAudit, setUserActive } from '@jinzai/db';
import { testDialects } from '@jinzai/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, expectError, json, PASSWORD, type Harness } from '../testing/harness.js';

describe.each(testDialects())('user administration on %s', (dialect) => {
  let h: Harness;
  let hr: string;
  beforeEach(async () => {
    h = await createHarness(dialect);
    hr = await h.login('hr');
  });
  afterEach(async () => h.dispose());

  const post = (path: string, cookie: string, body?: unknown) =>
    h.request(path, body === undefined ? { method: 'POST', cookie } : json(body, 'POST', cookie));
  const me = async (cookie: string) => (await h.request('/api/me', { cookie })).status;
  const signIn = (password: string) => h.request('/api/auth/login', json({ loginId: 'staff', password }));

  it('disabling ends every session for good: enabling again revives none', async () => {
    const first = await h.login('staff');
    const second = await h.login('staff');
    const res = await post('/api/users/staff/disable', hr);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ user: { loginId: 'staff', active: false }, sessionsEnded: 2 });
    expect([await me(first), await me(second)]).toEqual([401, 401]);
    await expectError(await signIn(PASSWORD), 401);

    expect((await post('/api/users/staff/enable', hr)).status).toBe(200);
    expect([await me(first), await me(second)]).toEqual([401, 401]);
    expect(await me(await h.login('staff'))).toBe(200);
  });

  it('keeps a session opened before the disabling ended even if it escaped the deletion', async () => {
    const cookie = await h.login('staff');
    const account = await findAccount(h.db.db, 'staff');
    // The bare switch without the credential generation: the old session would come back with the user.
    await setUserActive(h.db.db, account!.id, false);
    expect(await me(cookie)).toBe(401);
    await setUserActive(h.db.db, account!.id, true);
    expect(await me(cookie)).toBe(401);
  });

  it('resetting a password ends the sessions; only the new password signs in', async () => {
    const cookie = await h.login('staff');
    const res = await post('/api/users/staff/password', hr, { password: 'a-new-long-secret' });
    expect(await res.json()).toEqual({ user: { loginId: 'staff', active: true }, sessionsEnded: 1 });
    expect(await me(cookie)).toBe(401);
    await expectError(await signIn(PASSWORD), 401);
    expect(await me(await h.login('staff', 'a-new-long-secret'))).toBe(200);
  });

  it('audits each change as HR, never with the password', async () => {
    await post('/api/users/staff/disable', hr);
    await post('/api/users/staff/enable', hr);
    await post('/api/users/staff/password', hr, { password: 'a-new-long-secret' });
    const account = await findAccount(h.db.db, 'staff');
    const entries = await listAudit(h.db.db, { entity: 'user', entityId: String(account!.id) });
    expect(entries.map((e) => [e.action, e.loginId, (e.detail as { change: string }).change])).toEqual([
      ['update', 'hr', 'password-reset'],
      ['update', 'hr', 'enable'],
      ['update', 'hr', 'disable'],
    ]);
    expect(entries[2]).toMatchObject({ before: { active: true }, after: { active: false } });
    expect(JSON.stringify(entries)).not.toContain('a-new-long-secret');
  });

  it('is for HR only, and refuses unknown users, short passwords and disabling oneself', async () => {
    const staff = await h.login('staff');
    await expectError(await post('/api/users/evaluator/disable', staff), 403);
    await expectError(await post('/api/users/evaluator/password', staff, { password: 'whatever-long' }), 403);
    await expectError(await post('/api/users/evaluator/disable', ''), 401);
    await expectError(await post('/api/users/nobody/disable', hr), 404);
    await expectError(await post('/api/users/staff/password', hr, { password: 'short' }), 400);
    await expectError(await post('/api/users/hr/disable', hr), 409);
    expect(await me(staff)).toBe(200);
  });
});
