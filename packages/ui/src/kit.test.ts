import { describe, expect, it } from 'vitest';
import { withPageHeaders } from './kit.js';

describe('withPageHeaders', () => {
  it('keeps no copy of a page, never sniffs its type and sends no address in a Referer', () => {
    const res = withPageHeaders(new Response('<p>sheet</p>', { headers: { 'content-type': 'text/html' } }));
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });
  it('leaves a header the page set itself', () => {
    const res = withPageHeaders(new Response('x', { headers: { 'cache-control': 'private, max-age=60' } }));
    expect(res.headers.get('cache-control')).toBe('private, max-age=60');
  });
});
