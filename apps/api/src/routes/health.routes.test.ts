import { testDialects } from '@jinzai/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, expectError, type Harness } from '../testing/harness.js';

describe.each(testDialects())('health and docs on %s', (dialect) => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness(dialect);
  });
  afterEach(async () => h.dispose());

  it('reports ok and the database kind without a session', async () => {
    const res = await h.request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: dialect });
  });

  it('serves secure headers', async () => {
    const res = await h.request('/api/health');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  it('answers an unknown route with a 404 in the error shape', async () => {
    await expectError(await h.request('/api/nope'), 404);
  });

  it('documents every route in the OpenAPI document, publicly', async () => {
    const res = await h.request('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { summary?: string }>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m} ${p}`),
    );
    const registered = h.app.routes
      .filter((r) => r.method !== 'ALL')
      .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`);
    for (const route of new Set(registered)) expect(documented).toContain(route);
    expect(doc.paths['/api/org/staff']?.['post']?.summary).toMatch(/Import staff/);
    const page = await h.request('/api/docs');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('/api/org/staff/{staffNo}');
  });
});
