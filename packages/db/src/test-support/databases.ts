import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import {
  connect,
  migrateToLatest,
  type Connection,
  type DatabaseTarget,
  type DialectName,
} from '../connect.js';
import { testEnv } from './env.js';

/** A migrated, empty database for one test, and how to drop it afterwards. */
export interface TestDatabase extends Connection {
  /** Where it is, so that another connection (or another process) can open the same database. */
  location: { target: DatabaseTarget; searchPath?: string };
  dispose(): Promise<void>;
}

/** A second connection to a test database, as another API process would have; close it before disposing. */
export function connectAgain(t: TestDatabase): Connection {
  const { target, searchPath } = t.location;
  return connect(target, searchPath ? { searchPath, poolSize: 4 } : {});
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

/** Any constant: the advisory lock that test processes sharing one PostgreSQL server take around schema changes. */
const SCHEMA_LOCK = 4_242_001;

/**
 * Runs fn while holding a server-wide advisory lock. kysely's migrator lists the tables of every schema before it
 * migrates; a schema that another test process drops at that moment (turbo runs packages' tests side by side, and
 * developers share one server) would fail that listing. Creating, migrating and dropping test schemas one at a
 * time keeps every listing consistent.
 */
async function withSchemaLock<T>(url: string, fn: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [SCHEMA_LOCK]);
    return await fn();
  } finally {
    await client.query('select pg_advisory_unlock($1)', [SCHEMA_LOCK]).catch(() => undefined);
    await client.end();
  }
}

/** Opens a fresh database of the dialect: a temp SQLite file, or a new schema on the test PostgreSQL server. */
export async function openTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'jinzai-test-'));
    const target: DatabaseTarget = { dialect: 'sqlite', path: join(dir, 'test.db') };
    const conn = connect(target);
    await migrateToLatest(conn.db);
    return {
      ...conn,
      location: { target },
      dispose: async () => {
        await conn.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const url = testEnv.postgresUrl;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const conn = await withSchemaLock(url, async () => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const c = connect({ dialect: 'postgres', url }, { searchPath: schema, poolSize: 4 });
    await migrateToLatest(c.db, { schema });
    return c;
  });
  return {
    ...conn,
    location: { target: { dialect: 'postgres', url }, searchPath: schema },
    dispose: async () => {
      await conn.close();
      await withSchemaLock(url, async () => {
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        await c.query(`drop schema ${schema} cascade`);
        await c.end();
      });
    },
  };
}

/**
 * A new, empty database on the PostgreSQL server of `serverUrl`, for a server process to migrate and seed itself
 * (the bench), and how to drop it afterwards (with whatever connections are left).
 */
export async function createPostgresDatabase(
  serverUrl: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `jinzai_bench_${randomBytes(4).toString('hex')}`;
  const run = async (text: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  };
  await run(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`drop database if exists ${name} with (force)`) };
}
