import { testDialects } from '@jinzai/db/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../testing/harness.js';

const contentTypes = [
  'application/json',
  'text/csv',
  'application/octet-stream',
  'text/plain',
  'multipart/form-data',
];

describe.each(testDialects())('random bodies on every route (%s)', (dialect) => {
  let h: Harness;
  let cookie: string;
  beforeAll(async () => {
    h = await createHarness(dialect);
    cookie = await h.login('hr');
  });
  afterAll(async () => h.dispose());

  it('never answers 5xx', async () => {
    const routes = [
      ...new Map(
        h.app.routes
          .filter((r) => r.method !== 'ALL' && !r.path.endsWith('/logout'))
          .map((r) => [`${r.method} ${r.path}`, r] as const),
      ).values(),
    ];
    const body = fc.oneof(
      fc.json(),
      fc.string(),
      fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString('latin1')),
      fc.constantFrom('code,name\n', 'staff_no\n"unterminated', '{"loginId":"hr","password":1}', ''),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        body,
        fc.constantFrom(...contentTypes),
        fc.boolean(),
        fc.string({ maxLength: 12 }),
        async (route, payload, type, signedIn, param) => {
          const path = route.path.replace(/:[A-Za-z0-9_]+/g, encodeURIComponent(param) || 'x');
          const init: RequestInit & { cookie?: string } = {
            method: route.method,
            headers: { 'content-type': type },
            ...(route.method === 'GET' ? {} : { body: payload }),
            ...(signedIn ? { cookie } : {}),
          };
          const res = await h.request(path, init);
          expect(res.status, `${route.method} ${path}`).toBeLessThan(500);
        },
      ),
      { numRuns: 300 },
    );
  });
});
