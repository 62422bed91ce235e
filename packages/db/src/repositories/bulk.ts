import { CompiledQuery, PostgresAdapter, sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../schema.js';

export type BulkColumnType = 'text' | 'integer' | 'real';

/** A column of a bulk write: its value comes from the row, or from `value`, SQL over the row's columns. */
export interface BulkColumn<C extends string> {
  name: C;
  type: BulkColumnType;
  /**
   * What is written instead of the row's value, e.g. a look-up done by the database in the same statement:
   * `(row) => sql\`coalesce((select name from staff where staff_no = ${row('staff_no')}), ${row('display_name')})\``.
   * `row(column)` is the row's value of a column of this spec. The SQL must carry no parameters.
   */
  value?: (row: (column: C) => RawBuilder<unknown>) => RawBuilder<unknown>;
}

export interface BulkSpec<T extends keyof Database> {
  table: T;
  columns: readonly BulkColumn<keyof Database[T] & string>[];
  /** The unique key: a row whose key exists updates it (upsert); omit for a plain insert. */
  conflict?: readonly (keyof Database[T] & string)[];
  /** The columns an upsert sets on an existing row; default every column outside the key. */
  update?: readonly (keyof Database[T] & string)[];
}

/** Rows per statement: the rows travel as one JSON parameter, so only memory bounds a statement. */
const ROWS_PER_STATEMENT = 50_000;

/** SQLite binds at most 32,766 parameters per statement. */
const SQLITE_PARAMS = 30_000;

/** A value of a bulk write's row. */
export type BulkValue = string | number | null;

/**
 * The rows of `items` as a bulk write's rows, made one at a time while the write consumes them: a large import
 * never holds a second array of every row beside its records.
 */
export function* bulkRows<I>(
  items: Iterable<I>,
  row: (item: I) => readonly BulkValue[],
): Iterable<readonly BulkValue[]> {
  for (const item of items) yield row(item);
}

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
  rows: Iterable<readonly BulkValue[]>,
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
  const pick = selectList(spec, (i, type) =>
    sql.raw(`(e->>${i})::${type === 'real' ? 'double precision' : type}`),
  );
  const source = (json: string): RawBuilder<unknown> => sql`jsonb_array_elements(${json}::jsonb) as e`;
  let part: (readonly BulkValue[])[] = [];
  const flush = async () => {
    const json = JSON.stringify(part);
    part = [];
    await sql`insert into ${sql.id(spec.table)} (${sql.join(cols)}) select ${sql.join(pick)} from ${source(json)}${conflict}`.execute(
      db,
    );
  };
  for (const row of rows) {
    part.push(row);
    if (part.length < ROWS_PER_STATEMENT) continue;
    await flush();
    await yieldToEventLoop();
  }
  if (part.length > 0) await flush();
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

/**
 * The select list of a bulk write: each column's value in the source row, or its `value` expression over them.
 * `source(i, type)` is the source row's i-th value.
 */
function selectList<T extends keyof Database>(
  spec: BulkSpec<T>,
  source: (index: number, type: BulkColumnType) => RawBuilder<unknown>,
): RawBuilder<unknown>[] {
  const row = (name: string) => {
    const i = spec.columns.findIndex((c) => c.name === name);
    const column = spec.columns[i];
    if (!column) throw new Error(`bulkWrite: no column ${name} in ${String(spec.table)}`);
    return source(i, column.type);
  };
  return spec.columns.map((c, i) => (c.value ? c.value(row) : source(i, c.type)));
}

async function sqliteValues<T extends keyof Database>(
  db: Kysely<Database>,
  spec: BulkSpec<T>,
  rows: Iterable<readonly BulkValue[]>,
  conflictSql: string,
): Promise<void> {
  const width = spec.columns.length;
  const perStatement = Math.max(1, Math.floor(SQLITE_PARAMS / width));
  const into = `insert into "${String(spec.table)}" (${spec.columns.map((c) => `"${c.name}"`).join(', ')}) `;
  // With computed columns the rows are a VALUES table (columns column1, column2, …) selected from; `where true`
  // keeps SQLite from reading ON CONFLICT as a join's ON.
  const computed = spec.columns.some((c) => c.value);
  const pick = computed
    ? selectList(spec, (i) => sql.raw(`column${i + 1}`))
        .map((e) => {
          const compiled = e.compile(db);
          if (compiled.parameters.length > 0)
            throw new Error('bulkWrite: a column value may not bind parameters');
          return compiled.sql;
        })
        .join(', ')
    : '';
  const head = computed ? `${into}select ${pick} from (values ` : `${into}values `;
  const tail = computed ? `) where true${conflictSql}` : conflictSql;
  const tuple = `(${new Array(width).fill('?').join(', ')})`;
  const statement = (n: number) => head + new Array(n).fill(tuple).join(', ') + tail;
  const full = statement(perStatement);
  // A statement's parameters are filled as the rows come (kysely freezes them once sent: a new array each time).
  let params: BulkValue[] = new Array(perStatement * width);
  let k = 0;
  let wrote = false;
  for (const row of rows) {
    for (let j = 0; j < width; j++) params[k++] = row[j] ?? null;
    if (k < params.length) continue;
    if (wrote) await yieldToEventLoop();
    await db.executeQuery(CompiledQuery.raw(full, params));
    params = new Array(perStatement * width);
    wrote = true;
    k = 0;
  }
  if (k > 0) {
    if (wrote) await yieldToEventLoop();
    await db.executeQuery(CompiledQuery.raw(statement(k / width), params.slice(0, k)));
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

/**
 * Which constraint a failed statement broke, on either database: a foreign key (SQLite
 * SQLITE_CONSTRAINT_FOREIGNKEY, PostgreSQL 23503) or a unique key (SQLITE_CONSTRAINT_UNIQUE or _PRIMARYKEY,
 * PostgreSQL 23505); null for any other error. A bulk write that lets the database enforce its keys uses it to
 * tell a file's bad references from a fault.
 */
export function brokenConstraint(error: unknown): 'foreign-key' | 'unique' | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503') return 'foreign-key';
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505')
    return 'unique';
  return null;
}
