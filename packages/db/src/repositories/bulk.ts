import { PostgresAdapter, sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../schema.js';

export type BulkColumnType = 'text' | 'integer' | 'real';

export interface BulkSpec<T extends keyof Database> {
  table: T;
  columns: readonly { name: keyof Database[T] & string; type: BulkColumnType }[];
  /** The unique key: a row whose key exists updates it (upsert); omit for a plain insert. */
  conflict?: readonly (keyof Database[T] & string)[];
}

/** Rows per statement: the rows travel as one JSON parameter, so only memory bounds a statement. */
const ROWS_PER_STATEMENT = 50_000;

/**
 * Set-based bulk write: every row of a chunk goes to the database as one JSON array in one parameter, and one
 * INSERT … SELECT expands it (json_each on SQLite, jsonb_array_elements on PostgreSQL), with ON CONFLICT for
 * upserts. One statement per 50,000 rows instead of one per row or thousands of bound parameters; run it inside
 * the caller's transaction so a file is written whole or not at all.
 */
export async function bulkWrite<T extends keyof Database>(
  db: Kysely<Database>,
  spec: BulkSpec<T>,
  rows: readonly (readonly (string | number | null)[])[],
): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const cols = spec.columns.map((c) => sql.id(c.name));
  const pick = spec.columns.map((c, i) =>
    pg ? sql.raw(`(e->>${i})::${c.type === 'real' ? 'double precision' : c.type}`) : sql.raw(`value->>${i}`),
  );
  const source = (json: string): RawBuilder<unknown> =>
    pg ? sql`jsonb_array_elements(${json}::jsonb) as e` : sql`json_each(${json})`;
  const conflict = spec.conflict?.length
    ? sql` on conflict (${sql.join(spec.conflict.map((c) => sql.id(c)))}) do update set ${sql.join(
        spec.columns
          .filter((c) => !spec.conflict?.includes(c.name))
          .map((c) => sql`${sql.id(c.name)} = excluded.${sql.id(c.name)}`),
      )}`
    : sql``;
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const json = JSON.stringify(rows.slice(i, i + ROWS_PER_STATEMENT));
    // "where true" lets SQLite tell the upsert's ON from a join's ON after a SELECT.
    await sql`insert into ${sql.id(spec.table)} (${sql.join(cols)}) select ${sql.join(pick)} from ${source(json)} where true${conflict}`.execute(
      db,
    );
  }
}
