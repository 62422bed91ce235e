import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { connect, migrateToLatest } from './connect.js';
import { orgSummary, upsertUnits } from './repositories/org.repository.js';

const unit = (code: string) => ({ code, name: `部${code}`, parent_code: null, level: '部' as const });
const NOW = '2026-04-01T00:00:00Z';

async function openFile() {
  const dir = mkdtempSync(join(tmpdir(), 'jinzai-split-'));
  const path = join(dir, 'j.db');
  const conn = connect({ dialect: 'sqlite', path });
  await migrateToLatest(conn.db);
  return { conn, path };
}

describe('SQLite with a writer and a reader connection', () => {
  it('answers reads while a transaction is open, queues writes behind it, and commits whole', async () => {
    const { conn } = await openFile();
    const { db } = conn;
    await upsertUnits(db, [unit('10')], NOW);
    let resume!: () => void;
    const paused = new Promise<void>((resolve) => {
      resume = resolve;
    });
    const events: string[] = [];
    let began!: () => void;
    const inside = new Promise<void>((resolve) => {
      began = resolve;
    });
    const long = db.transaction().execute(async (trx) => {
      await upsertUnits(trx, [unit('20')], NOW);
      began();
      await paused;
      events.push('commit');
    });
    await inside;
    // Another request's read is answered now, from the last commit: the open transaction's row is not seen.
    expect(await orgSummary(db)).toEqual({ units: 1, staff: 0 });
    events.push('read');
    // Another request's write waits for the writer.
    const write = upsertUnits(db, [unit('30')], NOW).then(() => events.push('write'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(events).toEqual(['read']);
    resume();
    await Promise.all([long, write]);
    expect(events).toEqual(['read', 'commit', 'write']);
    expect(await orgSummary(db)).toEqual({ units: 3, staff: 0 });
    await conn.close();
  });

  it('rolls back a failed transaction and frees the writer', async () => {
    const { conn } = await openFile();
    const { db } = conn;
    await expect(
      db.transaction().execute(async (trx) => {
        await upsertUnits(trx, [unit('10')], NOW);
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    await upsertUnits(db, [unit('20')], NOW);
    expect(await orgSummary(db)).toEqual({ units: 1, staff: 0 });
    await conn.close();
  });

  it('leaves checkpoints to a worker: COMMIT never copies the WAL back, the worker does soon after', async () => {
    const { conn, path } = await openFile();
    expect(conn.sqlite?.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const before = statSync(path).size;
    const rows = Array.from({ length: 40_000 }, (_, i) => ({
      ...unit(String(100_000 + i)),
      name: '部'.repeat(80),
    }));
    await conn.db.transaction().execute((trx) => upsertUnits(trx, rows, NOW));
    // Right after the commit the rows are only in the WAL; the database file grows when the worker copies them.
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(4 * 2 ** 20);
    for (let i = 0; i < 200 && statSync(path).size === before; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(statSync(path).size).toBeGreaterThan(before);
    expect(await orgSummary(conn.db)).toEqual({ units: 40_000, staff: 0 });
    await conn.close();
  });

  it('closes for good: a checkpoint still running at close leaves no connection and no WAL behind', async () => {
    const { conn, path } = await openFile();
    // Past the checkpoint threshold (4 MiB of WAL), several times, so that a checkpoint is running or queued.
    for (let batch = 0; batch < 6; batch++)
      await upsertUnits(
        conn.db,
        Array.from({ length: 2_000 }, (_, i) => ({
          ...unit(`${batch}-${i}`),
          name: `部${'あ'.repeat(300)}${i}`,
        })),
        NOW,
      );
    await conn.close();
    // Closed means closed at once: the last connection has removed the WAL and shared-memory files.
    expect(readdirSync(dirname(path))).toEqual(['j.db']);
    // And nothing opens the file again afterwards. This asserts an absence, so there is no condition to wait for:
    // the wait is the window in which the old driver's late checkpoint reply started a new worker (a few ms).
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(readdirSync(dirname(path))).toEqual(['j.db']);
  });
});
