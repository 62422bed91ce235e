import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { connect, migrateToLatest, type Connection, type DialectName } from '../connect.js';
import { testEnv } from './env.js';

/** A migrated, empty database for one test, and how to drop it afterwards. */
export interface TestDatabase extends Connection {
  dispose(): Promise<void>;
}

/**
 * The dialects every repository and route test runs on: SQLite always, PostgreSQL when TEST_DATABASE_URL is set.
 * Under CI=true a missing PostgreSQL is an error, never a silent skip.
 */
export function testDialects(): DialectName[] {
  if (!testEnv.postgresUrl && testEnv.ci) {
    throw new Error('CI=true but TEST_DATABASE_URL is not set: the PostgreSQL tier would be skipped');
  }
  return testEnv.postgresUrl ? ['sqlite', 'postgres'] : ['sqlite'];
}

/** Opens a fresh database of the dialect: a temp SQLite file, or a new schema on the test PostgreSQL server. */
export async function openTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'jinzai-test-'));
    const conn = connect({ dialect: 'sqlite', path: join(dir, 'test.db') });
    await migrateToLatest(conn.db);
    return {
      ...conn,
      dispose: async () => {
        await conn.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const url = testEnv.postgresUrl;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const conn = connect({ dialect: 'postgres', url }, { searchPath: schema, poolSize: 4 });
  await migrateToLatest(conn.db, { schema });
  return {
    ...conn,
    dispose: async () => {
      await conn.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}
