import { PostgresAdapter, type ColumnDataType, type Kysely } from 'kysely';

/** True when a migration runs against PostgreSQL (the schema builder covers the rest of the differences). */
export function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** The type of an auto-incrementing integer key in the running dialect. */
export function autoIdType(db: Kysely<unknown>): ColumnDataType {
  return isPostgres(db) ? 'serial' : 'integer';
}
