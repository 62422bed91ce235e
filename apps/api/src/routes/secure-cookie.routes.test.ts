// The session cookie is Secure whenever the visitor came over https: ORIGIN, a trusted proxy, or TLS on the socket.
import { testDialects } from '@jinzai/db/testing';
import { afterEach, describe, expect, it } from 'vitest';
import type { Deps } from '../deps.js';
import { parseTrustedProxies, visitorOf } from '../http/peer.js';
import { createHarness, json, PASSWORD, type Harness } from '../testing/harness.js';

describe.each(testDialects())('the session cookie over https on %s', (dialect) => {
  let h: Harness;
  afterEach(async () => h.dispose());

  const cookieOf = async (
    overrides: Partial<Deps>,
    socket: { remoteAddress: string; encrypted?: boolean },
    headers: Record<string, string> = {},
  ) => {
    h = await createHarness(dialect, overrides);
    const res = await h.app.request(
      'http://jinzai.example.jp/api/auth/login',
      {
        ...json({ loginId: 'staff', password: PASSWORD }),
        headers: { 'content-type': 'application/json', ...headers },
      },
      { incoming: { socket } },
    );
    expect(res.status).toBe(200);
    return res.headers.get('set-cookie') ?? '';
  };

  it('is Secure when ORIGIN is https, even though the proxy speaks http to us', async () => {
    expect(await cookieOf({ origin: 'https://jinzai.example.jp' }, { remoteAddress: '127.0.0.1' })).toMatch(
      /;\s*Secure/i,
    );
  });

  it("is Secure when a trusted proxy says X-Forwarded-Proto: https, and not on an untrusted peer's word", async () => {
    const trustedProxies = parseTrustedProxies('127.0.0.1');
    expect(
      await cookieOf({ trustedProxies }, { remoteAddress: '127.0.0.1' }, { 'x-forwarded-proto': 'https' }),
    ).toMatch(/;\s*Secure/i);
    await h.dispose();
    expect(
      await cookieOf({ trustedProxies }, { remoteAddress: '198.51.100.9' }, { 'x-forwarded-proto': 'https' }),
    ).not.toMatch(/Secure/i);
  });

  it('is Secure on a TLS socket and not over plain http', async () => {
    expect(await cookieOf({}, { remoteAddress: '198.51.100.9', encrypted: true })).toMatch(/;\s*Secure/i);
    await h.dispose();
    expect(await cookieOf({}, { remoteAddress: '198.51.100.9' })).not.toMatch(/Secure/i);
  });
});

describe('what main.ts tells the apps about the visitor', () => {
  const trusted = parseTrustedProxies('127.0.0.1');

  it('takes the protocol and address from a trusted proxy only', () => {
    expect(
      visitorOf(
        { peer: '127.0.0.1', tls: false, forwardedFor: 'x, 203.0.113.7', forwardedProto: 'https' },
        trusted,
      ),
    ).toEqual({ protocol: 'https', address: '203.0.113.7' });
    expect(
      visitorOf(
        { peer: '198.51.100.9', tls: false, forwardedFor: '203.0.113.7', forwardedProto: 'https' },
        trusted,
      ),
    ).toEqual({ protocol: 'http', address: '198.51.100.9' });
    expect(visitorOf({ peer: '198.51.100.9', tls: true }, trusted)).toEqual({
      protocol: 'https',
      address: '198.51.100.9',
    });
  });
});
