// The apps' in-process calls (in-process.ts): one page request resolves its session once and its later calls reuse
// it; a write forgets it; another token, or a call without the memo, looks the session up itself.
import { describe, expect, it, onTestFinished } from 'vitest';
import { SESSION_MEMO, type SessionMemo } from '../in-process.js';
import { createHarness, PASSWORD } from '../testing/harness.js';

describe('the API called in process', () => {
  it('resolves a page request’s session once, and looks again after a write', async () => {
    const h = await createHarness('sqlite');
    onTestFinished(() => h.dispose());
    const staff = await h.login('staff');
    const hr = await h.login('hr');
    const memo: SessionMemo = {};
    const call = (path: string, cookie: string, init: RequestInit = {}) =>
      h.app.fetch(new Request(`http://127.0.0.1${path}`, { ...init, headers: { cookie, ...init.headers } }), {
        [SESSION_MEMO]: memo,
      });
    expect((await call('/api/me', staff)).status).toBe(200);
    expect(memo.resolved?.user.loginId).toBe('staff');
    // The session row is gone, but this page request already knows who it is for.
    await h.db.db.deleteFrom('sessions').execute();
    expect((await call('/api/me', staff)).status).toBe(200);
    // Another token is looked up (and there is no such session any more); so is a call without the memo.
    expect((await call('/api/me', hr)).status).toBe(401);
    expect((await h.request('/api/me', { cookie: staff })).status).toBe(401);
    // A write forgets what the memo knew: the next call looks the session up again.
    const again = await h.login('staff', PASSWORD);
    expect((await call('/api/me', again)).status).toBe(200);
    const logout = await call('/api/auth/logout', again, { method: 'POST' });
    expect(logout.status).toBeLessThan(300);
    expect(memo.resolved).toBeUndefined();
    expect((await call('/api/me', again)).status).toBe(401);
  });
});
