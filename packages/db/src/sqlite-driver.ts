// SQLite for a server that keeps answering while a large import writes (docs/toolchain.md, the default database):
// a writer and a reader connection on one WAL file, and checkpoints off the event loop.
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type SqliteDatabase from 'better-sqlite3';
import {
  CompiledQuery,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';

/**
 * Prepared statements kept per connection: the same few queries run on every request, and kysely's own driver
 * prepares each anew. A schema change (a migration on the writer) empties every cache of the file.
 */
class StatementCache {
  readonly #caches: Map<string, SqliteDatabase.Statement>[] = [new Map(), new Map()];
  static readonly LIMIT = 500;

  prepare(db: SqliteDatabase.Database, index: 0 | 1, source: string): SqliteDatabase.Statement {
    if (/^\s*(create|alter|drop)\b/i.test(source)) {
      for (const c of this.#caches) c.clear();
      return db.prepare(source);
    }
    const cache = this.#caches[index] as Map<string, SqliteDatabase.Statement>;
    let stmt = cache.get(source);
    if (!stmt) {
      stmt = db.prepare(source);
      if (cache.size >= StatementCache.LIMIT) cache.delete(cache.keys().next().value as string);
      cache.set(source, stmt);
    }
    return stmt;
  }
}

function run(stmt: SqliteDatabase.Statement, parameters: readonly unknown[]): QueryResult<unknown> {
  if (stmt.reader) return { rows: stmt.all(parameters) };
  const { changes, lastInsertRowid } = stmt.run(parameters);
  return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
}

/** One waiting line for the writer: SQLite has one writer, and a transaction holds it until commit or rollback. */
class Mutex {
  #tail: Promise<void> = Promise.resolve();

  async lock(): Promise<() => void> {
    let release!: () => void;
    const previous = this.#tail;
    this.#tail = new Promise((resolve) => {
      release = resolve;
    });
    await previous;
    return release;
  }
}

/** The WAL size past which a checkpoint is started (about what SQLite's own auto-checkpoint waits for). */
const CHECKPOINT_BYTES = 4 * 2 ** 20;

/**
 * Copies the WAL back into the database file in a worker thread with its own connection (a PASSIVE checkpoint
 * never waits for readers or the writer). SQLite's automatic checkpoint would run inside the COMMIT of whichever
 * write passed the threshold: after a 300,000-row import that is most of a second with the event loop stopped.
 */
class Checkpointer {
  #worker: Worker | null = null;
  #busy = false;
  #again = false;
  #closed = false;

  constructor(private readonly path: string) {}

  /** After a write: checkpoint when the WAL has grown past the threshold; at most one at a time. */
  wrote(): void {
    // A checkpoint that ends after close must not start another worker on the closed database.
    if (this.#closed) return;
    if (this.#busy) {
      this.#again = true;
      return;
    }
    let size = 0;
    try {
      size = statSync(`${this.path}-wal`).size;
    } catch {
      return;
    }
    if (size < CHECKPOINT_BYTES) return;
    this.#busy = true;
    this.#start().postMessage('checkpoint');
  }

  #start(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(CHECKPOINT_WORKER, {
      eval: true,
      workerData: { module: createRequire(import.meta.url).resolve('better-sqlite3'), path: this.path },
    });
    worker.on('message', () => {
      this.#busy = false;
      if (this.#again) {
        this.#again = false;
        this.wrote();
      }
    });
    // A worker that fails leaves checkpointing to the next start or to close (SQLite checkpoints on close).
    worker.on('error', () => {
      this.#worker = null;
      this.#busy = false;
    });
    // After the listeners: attaching a 'message' listener refs the worker's port again, and a ref'd port keeps
    // the process alive (a script that wrote much and closed the database would never exit).
    worker.unref();
    this.#worker = worker;
    return worker;
  }

  /**
   * Lets a running checkpoint finish and the worker close its connection, then waits for it to exit: a worker
   * terminated mid-checkpoint would keep its connection open past the database's close, and the WAL and shared
   * memory files would be written and removed after the caller thinks the database is closed (and, say, deletes
   * its folder). A worker that does not exit in 10 s is terminated.
   */
  async close(): Promise<void> {
    this.#closed = true;
    const worker = this.#worker;
    this.#worker = null;
    if (!worker) return;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => {
      timer = setTimeout(() => void worker.terminate().then(() => resolve()), 10_000);
      timer.unref();
    });
    worker.postMessage('close');
    await Promise.race([exited, late]);
    clearTimeout(timer);
  }
}

const CHECKPOINT_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 5000');
parentPort.on('message', (message) => {
  if (message === 'close') {
    try { db.close(); } catch {}
    parentPort.close();
    return;
  }
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {}
  parentPort.postMessage('done');
});
`;

/**
 * A kysely driver over one SQLite file with two connections. Transactions and every write run on the writer, one
 * at a time; a statement outside a transaction that only reads runs on the reader, which sees the last commit (WAL), so reads never
 * wait for a long transaction. Between its statements a bulk write yields the event loop (bulk.ts), and meanwhile
 * other requests read from the reader and queue their writes. A database in memory has no second connection: there
 * the writer reads too.
 */
class SplitDriver implements Driver {
  readonly #mutex = new Mutex();
  readonly #cache = new StatementCache();
  readonly #checkpointer: Checkpointer | null;

  constructor(
    private readonly writer: SqliteDatabase.Database,
    private readonly reader: SqliteDatabase.Database | null,
    path: string | null,
  ) {
    this.#checkpointer = path ? new Checkpointer(path) : null;
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new SplitConnection(this);
  }

  /** Runs a statement on the writer; `locked` when the caller already holds it (a transaction). */
  async write(query: CompiledQuery, locked: boolean): Promise<QueryResult<unknown>> {
    const release = locked ? null : await this.#mutex.lock();
    try {
      return run(this.#cache.prepare(this.writer, 0, query.sql), query.parameters);
    } finally {
      if (release) {
        release();
        this.#checkpointer?.wrote();
      }
    }
  }

  /**
   * A statement outside a transaction: on the reader when it only reads (SQLite says so), else on the writer.
   * PRAGMAs always go to the writer: a setting is the connection's own.
   */
  async route(query: CompiledQuery): Promise<QueryResult<unknown>> {
    const stmt =
      this.reader && !/^\s*pragma\b/i.test(query.sql) && this.#cache.prepare(this.reader, 1, query.sql);
    return stmt && stmt.readonly ? run(stmt, query.parameters) : this.write(query, false);
  }

  lock(): Promise<() => void> {
    return this.#mutex.lock();
  }

  wrote(): void {
    this.#checkpointer?.wrote();
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as SplitConnection).begin();
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as SplitConnection).end('commit');
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as SplitConnection).end('rollback');
  }

  async releaseConnection(): Promise<void> {}

  async destroy(): Promise<void> {
    await this.#checkpointer?.close();
    this.reader?.close();
    this.writer.close();
  }
}

class SplitConnection implements DatabaseConnection {
  #release: (() => void) | null = null;

  constructor(private readonly driver: SplitDriver) {}

  async begin(): Promise<void> {
    this.#release = await this.driver.lock();
    try {
      await this.driver.write(CompiledQuery.raw('begin'), true);
    } catch (err) {
      this.#done();
      throw err;
    }
  }

  async end(how: 'commit' | 'rollback'): Promise<void> {
    try {
      await this.driver.write(CompiledQuery.raw(how), true);
    } finally {
      this.#done();
      this.driver.wrote();
    }
  }

  #done(): void {
    const release = this.#release;
    this.#release = null;
    release?.();
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const result =
      this.#release !== null ? await this.driver.write(query, true) : await this.driver.route(query);
    return result as QueryResult<R>;
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not used with SQLite');
  }
}

/** The kysely dialect of SplitDriver: SQLite's adapter, compiler and introspector. */
export function splitSqliteDialect(
  writer: SqliteDatabase.Database,
  reader: SqliteDatabase.Database | null,
  path: string | null,
): Dialect {
  return {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new SplitDriver(writer, reader, path),
    createQueryCompiler: () => new SqliteQueryCompiler(),
    createIntrospector: (db: Kysely<unknown>) => new SqliteIntrospector(db),
  };
}
