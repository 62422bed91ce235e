import { CompiledQuery, PostgresAdapter, sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../schema.js';

export type BulkColumnType = 'text' | 'integer' | 'real';

export interface BulkSpec<T extends keyof Database> {
  table: T;
  columns: readonly { name: keyof Database[T] & string; type: BulkColumnType }[];
  /** The unique key: a row whose key exists updates it (upsert); omit for a plain insert. */
  conflict?: readonly (keyof Database[T] & string)[];
  /** The columns an upsert sets on an existing row; default every column outside the key. */
  update?: readonly (keyof Database[T] & string)[];
}

/** Rows per statement: the rows travel as one JSON parameter, so only memory bounds a statement. */
const ROWS_PER_STATEMENT = 50_000;

/** SQLite binds at most 32,766 parameters per statement. */
const SQLITE_PARAMS = 30_000;

/**
 * Set-based bulk write, run inside the caller's transaction so that a file is written whole or not at all.
 * PostgreSQL: every row of a chunk goes as one JSON array in one parameter, expanded by jsonb_array_elements in one
 * INSERT … SELECT. SQLite: multi-row VALUES of a fixed number of rows, sent as an already compiled query, so the
 * connection's statement cache prepares it once and every further chunk only binds values (reading wide rows back
 * out of JSON in SQLite costs more than binding them). ON CONFLICT … DO UPDATE makes it an upsert.
 */
export async function bulkWrite<T extends keyof Database>(
  db: Kysely<Database>,
  spec: BulkSpec<T>,
  rows: readonly (readonly (string | number | null)[])[],
): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const conflict = spec.conflict?.length
    ? sql` on conflict (${sql.join(spec.conflict.map((c) => sql.id(c)))}) do update set ${sql.join(
        (spec.update ?? spec.columns.filter((c) => !spec.conflict?.includes(c.name)).map((c) => c.name)).map(
          (name) => sql`${sql.id(name)} = excluded.${sql.id(name)}`,
        ),
      )}`
    : sql``;
  if (!pg) {
    await sqliteValues(db, spec, rows, conflict.compile(db).sql);
    return;
  }
  const cols = spec.columns.map((c) => sql.id(c.name));
  const pick = spec.columns.map((c, i) =>
    sql.raw(`(e->>${i})::${c.type === 'real' ? 'double precision' : c.type}`),
  );
  const source = (json: string): RawBuilder<unknown> => sql`jsonb_array_elements(${json}::jsonb) as e`;
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const json = JSON.stringify(rows.slice(i, i + ROWS_PER_STATEMENT));
    await sql`insert into ${sql.id(spec.table)} (${sql.join(cols)}) select ${sql.join(pick)} from ${source(json)}${conflict}`.execute(
      db,
    );
    if (i + ROWS_PER_STATEMENT < rows.length) await yieldToEventLoop();
  }
}

/**
 * Lets the event loop answer other requests between the statements of a long write (SQLite runs a statement
 * synchronously; sqlite-driver.ts sends their reads to the reader connection meanwhile). Also for long loops that
 * build a batch.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Keys per lookup in `chunked`: one statement over 300,000 keys holds SQLite (and the event loop) for 0.3 s. */
const KEYS_PER_QUERY = 20_000;

/**
 * Runs a lookup over many keys a slice at a time, yielding between slices, and concatenates the results; inside a
 * transaction the slices see one snapshot, like a single query would.
 */
export async function chunked<V, R>(
  values: readonly V[],
  lookup: (part: readonly V[]) => Promise<readonly R[]>,
): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < values.length; i += KEYS_PER_QUERY) {
    if (i > 0) await yieldToEventLoop();
    for (const r of await lookup(values.slice(i, i + KEYS_PER_QUERY))) out.push(r);
  }
  return out;
}

async function sqliteValues<T extends keyof Database>(
  db: Kysely<Database>,
  spec: BulkSpec<T>,
  rows: readonly (readonly (string | number | null)[])[],
  conflictSql: string,
): Promise<void> {
  const width = spec.columns.length;
  const perStatement = Math.max(1, Math.floor(SQLITE_PARAMS / width));
  const head = `insert into "${String(spec.table)}" (${spec.columns.map((c) => `"${c.name}"`).join(', ')}) values `;
  const tuple = `(${new Array(width).fill('?').join(', ')})`;
  const statement = (n: number) => head + new Array(n).fill(tuple).join(', ') + conflictSql;
  const full = statement(perStatement);
  for (let i = 0; i < rows.length; i += perStatement) {
    const part = rows.slice(i, i + perStatement);
    const params: (string | number | null)[] = new Array(part.length * width);
    let k = 0;
    for (const row of part) for (let j = 0; j < width; j++) params[k++] = row[j] ?? null;
    const text = part.length === perStatement ? full : statement(part.length);
    await db.executeQuery(CompiledQuery.raw(text, params));
    if (i + perStatement < rows.length) await yieldToEventLoop();
  }
}

/**
 * The values as a one-column subquery, `(select … )`, for `where(column, 'in', oneOf(db, values))`: however many
 * values, they travel as one JSON parameter (json_each on SQLite, jsonb_array_elements_text on PostgreSQL), so a
 * batch's rows are read in one query.
 */
export function oneOf(db: Kysely<Database>, values: readonly (string | number)[]): RawBuilder<string> {
  const json = JSON.stringify(values);
  return db.getExecutor().adapter instanceof PostgresAdapter
    ? sql<string>`(select jsonb_array_elements_text(${json}::jsonb))`
    : sql<string>`(select value from json_each(${json}))`;
}
