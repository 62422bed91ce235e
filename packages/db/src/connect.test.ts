import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { backupSqlite, connect, migrateToLatest, parseDatabaseUrl } from './connect.js';
import { migrations } from './migrations/index.js';
import { orgSummary, upsertUnits } from './repositories/org.repository.js';
import { connectAgain, openTestDatabase, testDialects } from './test-support/databases.js';

describe('parseDatabaseUrl', () => {
  it('reads the forms of DATABASE_URL', () => {
    expect(parseDatabaseUrl(undefined)).toEqual({ dialect: 'sqlite', path: 'data/jinzai.db' });
    expect(parseDatabaseUrl('file:/tmp/x.db')).toEqual({ dialect: 'sqlite', path: '/tmp/x.db' });
    expect(parseDatabaseUrl('./y.db')).toEqual({ dialect: 'sqlite', path: './y.db' });
    expect(parseDatabaseUrl('postgres://u@h/db')).toEqual({ dialect: 'postgres', url: 'postgres://u@h/db' });
    expect(parseDatabaseUrl('postgresql://u@h/db').dialect).toBe('postgres');
  });
});

describe('SQLite files', () => {
  it('creates the folder, uses WAL, migrates once, and backs up while open', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jinzai-db-'));
    const conn = connect({ dialect: 'sqlite', path: join(dir, 'nested', 'j.db') });
    expect(conn.sqlite?.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(await migrateToLatest(conn.db)).toEqual(Object.keys(migrations));
    expect(await migrateToLatest(conn.db)).toEqual([]);
    await upsertUnits(
      conn.db,
      [{ code: '10', name: '総務部', parent_code: null, level: '部' }],
      '2025-01-01T00:00:00Z',
    );
    const file = join(dir, 'backup.db');
    await backupSqlite(conn, file);
    await conn.close();
    expect(existsSync(file)).toBe(true);
    const copy = connect({ dialect: 'sqlite', path: file });
    expect(await orgSummary(copy.db)).toEqual({ units: 1, staff: 0 });
    await copy.close();
  });
});

describe.each(testDialects())('migrations on %s', (dialect) => {
  it('create every table', async () => {
    const t = await openTestDatabase(dialect);
    try {
      // Only this test's own tables: other processes may be creating and dropping schemas on the same server.
      const query =
        dialect === 'postgres'
          ? sql<{
              name: string;
            }>`select table_name as name from information_schema.tables where table_schema = current_schema()`
          : sql<{ name: string }>`select name from sqlite_master where type = 'table'`;
      const tables = (await query.execute(t.db)).rows.map((x) => x.name);
      for (const name of [
        'units',
        'staff',
        'users',
        'user_roles',
        'sessions',
        'login_attempts',
        'audit_log',
        'weight_sets',
      ]) {
        expect(tables).toContain(name);
      }
    } finally {
      await t.dispose();
    }
  });
});

describe.skipIf(!testDialects().includes('postgres'))('PostgreSQL connections', () => {
  it('outlive the server closing an idle one (a restart, a failover)', async () => {
    const t = await openTestDatabase('postgres');
    const conn = connectAgain(t);
    try {
      const pid = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(conn.db)).rows[0]?.pid;
      await sql`select pg_terminate_backend(${pid})`.execute(t.db);
      // The query that meets the closed connection may fail; the process lives on and the next one works.
      let answer: number | undefined;
      for (let attempt = 0; attempt < 50 && answer === undefined; attempt++) {
        try {
          answer = (await sql<{ one: number }>`select 1 as one`.execute(conn.db)).rows[0]?.one;
        } catch {
          await new Promise((r) => setTimeout(r, 20));
        }
      }
      expect(answer).toBe(1);
      const other = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(conn.db)).rows[0]
        ?.pid;
      expect(other).not.toBe(pid);
    } finally {
      await conn.close();
      await t.dispose();
    }
  });
});
