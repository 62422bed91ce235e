import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupSqlite, connect, migrateToLatest, parseDatabaseUrl } from './connect.js';
import { orgSummary, upsertUnits } from './repositories/org.repository.js';
import { migrations } from './migrations/index.js';
import { openTestDatabase, testDialects } from './test-support/databases.js';

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
      const tables = (await t.db.introspection.getTables()).map((x) => x.name);
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
