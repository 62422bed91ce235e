// The data versions (issue 15): one counter per area of data that HR's aggregate views read, moved on in the same
// transaction as every write to the area's tables, so that each API process may keep a computed view as long as the
// version it was computed at is the one in the database (several processes on one PostgreSQL stay correct). A
// trigger moves the counter: once per statement on PostgreSQL, once per row on SQLite (which has no statement
// triggers). The staff roster is written in bulk by imports, so its counter moves in the repository instead, once per
// write (see data-versions.repository.ts), never per row.
import { sql, type Kysely } from 'kysely';
import { isPostgres } from './helpers.js';

/** The tables whose writes the triggers count, and the area each belongs to. */
const TRIGGERED: readonly (readonly [table: string, area: string])[] = [
  ['review_periods', 'evaluation'],
  ['review_results', 'evaluation'],
  ['review_sheets', 'evaluation'],
  ['review_ratings', 'evaluation'],
  ['survey_cells', 'survey'],
  // The disclosure plans (a breakdown shows what its year's plan publishes).
  ['survey_plans', 'survey'],
  ['units', 'org'],
];

const AREAS = ['evaluation', 'survey', 'org', 'staff'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('data_versions')
    .addColumn('area', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`insert into data_versions (area, version) values ${sql.join(AREAS.map((a) => sql`(${a}, 0)`))}`.execute(
    db,
  );
  if (isPostgres(db)) {
    await sql`create function bump_data_version() returns trigger language plpgsql as $$
      begin
        update data_versions set version = version + 1 where area = tg_argv[0];
        return null;
      end $$`.execute(db);
    for (const [table, area] of TRIGGERED) {
      await sql`create trigger ${sql.raw(`${table}_data_version`)} after insert or update or delete or truncate
        on ${sql.table(table)} for each statement execute function bump_data_version(${sql.lit(area)})`.execute(
        db,
      );
    }
    return;
  }
  for (const [table, area] of TRIGGERED) {
    for (const event of ['insert', 'update', 'delete']) {
      await sql`create trigger ${sql.raw(`${table}_data_version_${event}`)} after ${sql.raw(event)} on ${sql.table(table)}
        begin update data_versions set version = version + 1 where area = ${sql.lit(area)}; end`.execute(db);
    }
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    for (const [table] of TRIGGERED) {
      await sql`drop trigger if exists ${sql.raw(`${table}_data_version`)} on ${sql.table(table)}`.execute(
        db,
      );
    }
    await sql`drop function if exists bump_data_version()`.execute(db);
  } else {
    for (const [table] of TRIGGERED) {
      for (const event of ['insert', 'update', 'delete']) {
        await sql`drop trigger if exists ${sql.raw(`${table}_data_version_${event}`)}`.execute(db);
      }
    }
  }
  await db.schema.dropTable('data_versions').execute();
}
