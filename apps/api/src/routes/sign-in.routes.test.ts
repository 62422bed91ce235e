// Sign-in throttling: growing delays per login id and address, caps per login id and per address, never a lock.
import { testDialects } from '@jinzai/db/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultThrottle, type Deps } from '../deps.js';
import { createHarness, expectError, json, PASSWORD, type Harness } from '../testing/harness.js';

describe.each(testDialects())('sign-in throttling on %s', (dialect) => {
  let h: Harness;
  const open = async (overrides: Partial<Deps> = {}) => {
    h = await createHarness(dialect, overrides);
  };
  afterEach(async () => h.dispose());

  /** A sign-in attempt whose socket comes from `address` (no proxy in between). */
  const attempt = (loginId: string, password: string, address: string) =>
    h.app.request('/api/auth/login', json({ loginId, password }), {
      incoming: { socket: { remoteAddress: address } },
    });

  it("lets the owner in from their own address however often an attacker's address failed", async () => {
    await open();
    for (let i = 0; i < 12; i++) {
      const res = await attempt('staff', 'guess', '198.51.100.66');
      expect([401, 429]).toContain(res.status);
    }
    expect((await attempt('staff', PASSWORD, '203.0.113.5')).status).toBe(200);
  });

  it('makes the pair wait seconds after five failures, says how long, then lets the right password in', async () => {
    await open();
    for (let i = 0; i < 5; i++) await expectError(await attempt('staff', 'typo', '203.0.113.5'), 401);
    const res = await attempt('staff', PASSWORD, '203.0.113.5');
    expect(res.headers.get('retry-after')).toBe('1');
    const e = await expectError(res, 429);
    expect(e.code).toBe('too_many_attempts');
    expect(e.details).toMatchObject({ retryAfterSeconds: 1 });
    expect(e.message).toContain('1秒後');
    h.clock.advance(1000);
    expect((await attempt('staff', PASSWORD, '203.0.113.5')).status).toBe(200);
  });

  it('doubles the wait with every further failure, up to a cap, and never checks a password while waiting', async () => {
    await open();
    for (let i = 0; i < 5; i++) await attempt('staff', 'typo', '203.0.113.5');
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await attempt('staff', 'typo', '203.0.113.5');
      expect(res.status).toBe(429);
      const seconds = Number(res.headers.get('retry-after'));
      waits.push(seconds);
      h.clock.advance(seconds * 1000);
      await expectError(await attempt('staff', 'typo', '203.0.113.5'), 401);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300]);
    // A quiet window later the count starts over.
    h.clock.advance(defaultThrottle.pair.windowMs);
    expect((await attempt('staff', PASSWORD, '203.0.113.5')).status).toBe(200);
  });

  it('caps failures per login id from rotating addresses with a delay, not a lock', async () => {
    await open({
      throttle: { ...defaultThrottle, loginId: { ...defaultThrottle.loginId, freeFailures: 20 } },
    });
    for (let i = 0; i < 20; i++) {
      await expectError(await attempt('staff', 'guess', `198.51.100.${i + 1}`), 401);
    }
    const res = await attempt('staff', 'guess', '198.51.100.200');
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    await res.text();
    h.clock.advance(1000);
    expect((await attempt('staff', PASSWORD, '203.0.113.5')).status).toBe(200);
  });

  it('does not block an office NAT: many failures of colleagues leave another colleague free', async () => {
    await open();
    for (let i = 0; i < 60; i++) {
      await expectError(await attempt(`ghost${i}`, 'nope', '192.0.2.10'), 401);
    }
    expect((await attempt('staff', PASSWORD, '192.0.2.10')).status).toBe(200);
  });

  it('does not let a burst of parallel attempts slip past the wait', async () => {
    await open();
    const burst = await Promise.all(
      Array.from({ length: 12 }, () =>
        Promise.resolve(attempt('staff', 'guess', '198.51.100.66')).then((r) => r.status),
      ),
    );
    expect(burst.filter((s) => s === 401)).toHaveLength(5);
    expect(burst.filter((s) => s === 429)).toHaveLength(7);
    h.clock.advance(1000);
    expect((await attempt('staff', PASSWORD, '198.51.100.66')).status).toBe(200);
  });

  it('does not count successful sign-ins against a shared address', async () => {
    await open({
      throttle: { ...defaultThrottle, address: { ...defaultThrottle.address, freeFailures: 2 } },
    });
    for (const who of ['hr', 'recruiter', 'interviewer', 'evaluator', 'staff', 'hr']) {
      expect((await attempt(who, PASSWORD, '192.0.2.10')).status).toBe(200);
    }
  });

  it('counts IPv6 addresses by their /64, so rotating inside it does not start over', async () => {
    await open();
    const statuses: number[] = [];
    for (let i = 1; i <= 7; i++)
      statuses.push((await attempt('staff', 'guess', `2001:db8:1:2::${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    expect((await attempt('staff', PASSWORD, '2001:db8:1:3::1')).status).toBe(200);
  });
});
