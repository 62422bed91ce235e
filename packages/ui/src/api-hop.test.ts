// The hop from the apps' server side to the API: the visitor's address, vouched for by the internal token only.
import { describe, expect, it } from 'vitest';
import { parseAppEnv, toApiRequest } from './server.js';

describe('the apps pass the visitor on to the API', () => {
  const opts = { appOrigin: 'http://app:3100', apiOrigin: 'http://127.0.0.1:3100', cookie: null };
  const forged = () =>
    new Request('http://app:3100/api/auth/login', {
      method: 'POST',
      headers: {
        'x-forwarded-for': '6.6.6.6',
        'x-forwarded-proto': 'https',
        'x-jinzai-internal': 'forged',
      },
      body: '{}',
    });

  it('sends the token with the address, and never what the browser wrote in those headers', async () => {
    const out = await toApiRequest(forged(), { ...opts, clientAddress: '192.0.2.7', internalToken: 'tok' });
    expect(out?.headers.get('x-forwarded-for')).toBe('192.0.2.7');
    expect(out?.headers.get('x-jinzai-internal')).toBe('tok');
    expect(out?.headers.get('x-forwarded-proto')).toBeNull();
    const bare = await toApiRequest(forged(), opts);
    expect(bare?.headers.get('x-forwarded-for')).toBeNull();
    expect(bare?.headers.get('x-jinzai-internal')).toBeNull();
  });

  it('reads the token from JINZAI_INTERNAL_TOKEN', () => {
    expect(parseAppEnv({ JINZAI_INTERNAL_TOKEN: ' t0k ' })).toEqual({
      apiOrigin: 'http://127.0.0.1:3000',
      internalToken: 't0k',
    });
    expect(parseAppEnv({}).internalToken).toBeUndefined();
  });
});
