import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect } from 'kysely';
import pg from 'pg';
import { migrationProvider } from './migrations/index.js';
import type { Database } from './schema.js';
import { statementName } from './repositories/prepared.js';
import { splitSqliteDialect } from './sqlite-driver.js';

export type DialectName = 'sqlite' | 'postgres';

/** An open database: the kysely handle plus what the dialect needs for backups and shutdown. */
export interface Connection {
  db: Kysely<Database>;
  dialect: DialectName;
  /** The SQLite file, for backups; null on PostgreSQL. */
  sqlite: SqliteDatabase.Database | null;
  close(): Promise<void>;
}

export type DatabaseTarget = { dialect: 'sqlite'; path: string } | { dialect: 'postgres'; url: string };

/**
 * Reads DATABASE_URL's forms (docs/interfaces.md "Start, sign-in, demo"): postgres://…, a file path, or
 * file:path; default data/jinzai.db.
 */
export function parseDatabaseUrl(url: string | undefined, defaultPath = 'data/jinzai.db'): DatabaseTarget {
  const value = (url ?? '').trim();
  if (/^postgres(ql)?:\/\//.test(value)) return { dialect: 'postgres', url: value };
  if (value === '') return { dialect: 'sqlite', path: defaultPath };
  return { dialect: 'sqlite', path: value.startsWith('file:') ? value.slice('file:'.length) : value };
}

// PostgreSQL returns bigint and numeric as strings; the product's counts and means fit in a double.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export interface ConnectOptions {
  /** PostgreSQL schema to use (tests give each run its own). */
  searchPath?: string;
  poolSize?: number;
}

/**
 * The queries on every request's path (repositories/prepared.ts) run as named prepared statements on each pooled
 * connection: PostgreSQL parses and plans them once per connection instead of on every request.
 */
function preparedStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as { query: unknown }).query = (config: unknown, values?: unknown, callback?: unknown) => {
    const name = typeof config === 'string' ? statementName(config) : undefined;
    if (name && Array.isArray(values)) return query({ name, text: config, values }, callback);
    return query(config, values, callback);
  };
}

/**
 * Opens the database named by target; SQLite files are created (with their folder) and set to WAL, with a writer
 * and a reader connection (sqlite-driver.ts).
 */
export function connect(target: DatabaseTarget, options: ConnectOptions = {}): Connection {
  if (target.dialect === 'postgres') {
    const pool = new pg.Pool({
      connectionString: target.url,
      max: options.poolSize ?? 10,
      ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
    });
    // PostgreSQL may close an idle connection of the pool (a restart, a failover, pg_terminate_backend): the pool
    // drops it and opens another for the next query. Unheard, this error event would end the whole process, and
    // with it every API process of a deployment at the same moment.
    pool.on('error', (err) => console.error(`[jinzai] PostgreSQL closed an idle connection: ${err.message}`));
    pool.on('connect', preparedStatements);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', sqlite: null, close: () => db.destroy() };
  }
  const memory = target.path === ':memory:';
  const path = memory ? ':memory:' : resolve(target.path);
  if (!memory) mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SqliteDatabase(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Checkpoints run in a worker (sqlite-driver.ts), never inside a COMMIT on the event loop.
  sqlite.pragma('wal_autocheckpoint = 0');
  sqlite.pragma('journal_size_limit = 67108864');
  const reader = memory ? null : new SqliteDatabase(path, { readonly: true });
  reader?.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: splitSqliteDialect(sqlite, reader, memory ? null : path) });
  return { db, dialect: 'sqlite', sqlite, close: () => db.destroy() };
}

/**
 * Applies every pending migration; returns the names applied now. On a PostgreSQL schema other than the default,
 * name it: kysely looks for its migration tables by name across every schema unless told which one, so two test
 * schemas migrating at the same moment would otherwise see each other's lock table.
 */
export async function migrateToLatest(
  db: Kysely<Database>,
  options: { schema?: string } = {},
): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: migrationProvider,
    ...(options.schema ? { migrationTableSchema: options.schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** A consistent copy of a running SQLite database (online backup API). */
export async function backupSqlite(conn: Connection, file: string): Promise<void> {
  if (!conn.sqlite) throw new Error('backupSqlite needs a SQLite connection');
  mkdirSync(dirname(resolve(file)), { recursive: true });
  await conn.sqlite.backup(resolve(file));
}
