// A large import must not hold up other requests: /api/health answers while the upload is read.
import { describe, expect, it } from 'vitest';
import { hrHarness } from '../testing/harness.js';

/** 200,000 units with long names (about 20 MB); the last row has a level that does not exist. */
function bigUnitsCsv(): Uint8Array {
  const name = '総務部'.repeat(20);
  const lines = ['code,name,parent_code,level'];
  for (let i = 0; i < 200_000; i += 1) lines.push(`${100_000 + i},${name}${i},,部`);
  lines.push('999999,最後の行,,区');
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

describe('a large import', () => {
  it('leaves the server answering /api/health while it is read, with the same result', async () => {
    const { h, hr } = await hrHarness('sqlite');
    const bytes = bigUnitsCsv();
    const order: string[] = [];
    let health: Promise<Response> | undefined;
    const chunk = 1024 * 1024;
    let offset = 0;
    // The body arrives in chunks; /api/health is asked only once the last one is handed over, that is, once the
    // import has all its bytes and starts reading them.
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(bytes.subarray(offset, offset + chunk));
        offset += chunk;
        if (offset < bytes.length) return;
        controller.close();
        setImmediate(() => {
          health = h.request('/api/health').then((res) => {
            order.push('health');
            return res;
          });
        });
      },
    });
    const imported = await h
      .request('/api/org/units', {
        method: 'POST',
        headers: { 'content-type': 'text/csv' },
        body,
        cookie: hr,
        duplex: 'half',
      } as RequestInit & { cookie: string })
      .then((res) => {
        order.push('import');
        return res;
      });

    expect(order).toEqual(['health', 'import']);
    expect((await health)?.status).toBe(200);
    expect(imported.status).toBe(400);
    const { error } = (await imported.json()) as { error: { code: string; details: unknown[] } };
    expect(error.code).toBe('invalid_rows');
    expect(error.details).toEqual([
      { row: 200_002, column: 'level', message: expect.stringContaining('部・課・係') as string },
    ]);
  });
});
