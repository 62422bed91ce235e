// TRUSTED_PROXIES: forwarded headers are believed only from the proxies named there, read from the right.
import { testDialects } from '@jinzai/db/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { readEnv } from '../env.js';
import { createHarness, json, PASSWORD, type Harness } from '../testing/harness.js';
import { clientAddress, forwardedProtocol, NO_PROXIES, parseTrustedProxies } from './peer.js';

describe('parseTrustedProxies', () => {
  it('reads addresses and CIDR ranges of both families', () => {
    const trusted = parseTrustedProxies(' 10.0.0.0/8, 192.0.2.1 ,::1, 2001:db8::/32');
    expect(['10.1.2.3', '192.0.2.1', '::ffff:10.9.9.9', '::1', '2001:db8::5'].map(trusted.has)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['11.0.0.1', '192.0.2.2', '127.0.0.1', '2001:db9::1', 'junk'].map(trusted.has)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('trusts nobody by default, loopback included', () => {
    expect(parseTrustedProxies(undefined).has('127.0.0.1')).toBe(false);
    expect(parseTrustedProxies('').has('::1')).toBe(false);
  });

  it('refuses entries that are not addresses, in the environment too', () => {
    expect(() => parseTrustedProxies('10.0.0.0/33')).toThrow(/10.0.0.0\/33/);
    expect(() => parseTrustedProxies('proxy.local')).toThrow(/proxy.local/);
    expect(() => readEnv({ TRUSTED_PROXIES: '10.0.0.1,nope' })).toThrow(/TRUSTED_PROXIES/);
    expect(readEnv({ TRUSTED_PROXIES: '10.0.0.1' }).TRUSTED_PROXIES).toBe('10.0.0.1');
  });
});

describe('clientAddress', () => {
  const trusted = parseTrustedProxies('127.0.0.1, 10.0.0.0/8');

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy, loopback by default', () => {
    expect(clientAddress('127.0.0.1', '203.0.113.7', NO_PROXIES)).toBe('127.0.0.1');
    expect(clientAddress('198.51.100.9', '203.0.113.7', trusted)).toBe('198.51.100.9');
  });

  it('takes the right-most address that is not a trusted proxy', () => {
    expect(clientAddress('127.0.0.1', 'forged, 203.0.113.7', trusted)).toBe('203.0.113.7');
    expect(clientAddress('127.0.0.1', '1.2.3.4, 203.0.113.7, 10.0.0.5', trusted)).toBe('203.0.113.7');
    expect(clientAddress('::ffff:127.0.0.1', '10.0.0.5', trusted)).toBe('10.0.0.5');
    expect(clientAddress('127.0.0.1', 'garbage', trusted)).toBe('127.0.0.1');
  });

  it('believes X-Forwarded-Proto only from a trusted proxy', () => {
    expect(forwardedProtocol('127.0.0.1', 'https', NO_PROXIES)).toBeUndefined();
    expect(forwardedProtocol('127.0.0.1', 'https', trusted)).toBe('https');
    expect(forwardedProtocol('198.51.100.9', 'https', trusted)).toBeUndefined();
  });
});

describe.each(testDialects())('sign-in behind a proxy on %s', (dialect) => {
  let h: Harness;
  afterEach(async () => h.dispose());

  const attempt = (password: string, forwardedFor: string, extra: Record<string, string> = {}) =>
    h.app.request(
      '/api/auth/login',
      {
        ...json({ loginId: 'staff', password }),
        headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor, ...extra },
      },
      { incoming: { socket: { remoteAddress: '127.0.0.1' } } },
    );

  it('does not let a rotating X-Forwarded-For from loopback escape the throttle', async () => {
    h = await createHarness(dialect);
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await attempt('guess', `198.51.100.${i + 1}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
  });

  it('keys on the address the trusted proxy appended, not on what the client wrote', async () => {
    h = await createHarness(dialect, { trustedProxies: parseTrustedProxies('127.0.0.1') });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      statuses.push((await attempt('guess', `198.51.100.${i + 1}, 203.0.113.66`)).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    // Another visitor behind the same proxy is not slowed down.
    expect((await attempt(PASSWORD, '203.0.113.5')).status).toBe(200);
  });

  it("believes the apps' server side only with the internal token", async () => {
    h = await createHarness(dialect, { internalToken: 'a-token-of-the-process-1234' });
    for (let i = 0; i < 5; i++) {
      await attempt('guess', '203.0.113.66', { 'x-jinzai-internal': 'a-token-of-the-process-1234' });
    }
    // The attacker's visitor address is delayed; another visitor coming through the apps is not.
    expect(
      (await attempt(PASSWORD, '203.0.113.66', { 'x-jinzai-internal': 'a-token-of-the-process-1234' }))
        .status,
    ).toBe(429);
    expect(
      (await attempt(PASSWORD, '203.0.113.5', { 'x-jinzai-internal': 'a-token-of-the-process-1234' })).status,
    ).toBe(200);
    // A wrong token is just a client on loopback: its forwarded address is ignored.
    for (let i = 0; i < 5; i++) await attempt('guess', `198.51.100.${i}`, { 'x-jinzai-internal': 'wrong' });
    expect((await attempt(PASSWORD, '198.51.100.77', { 'x-jinzai-internal': 'wrong' })).status).toBe(429);
  });
});
