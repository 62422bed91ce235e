// A hiring round's optimistic lock (docs/interfaces.md "Conventions": a stale version is a 409 that writes nothing).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('recruit_rounds')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('recruit_rounds').dropColumn('version').execute();
}
