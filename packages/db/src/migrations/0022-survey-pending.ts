// Online answers held apart until they can join the figures in a batch (docs/domain.md §5 "Rows that cannot be
// linked"): no time, no order, no person; a random key. The batch is written in random order and these rows deleted.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('survey_pending')
    .addColumn('survey_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    // The response as JSON: its attributes (already generalised) and its answers.
    .addColumn('payload', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('survey_pending_pk', ['survey_id', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('survey_pending').execute();
}
