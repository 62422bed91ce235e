// HR's list of a period's sheets (docs/interfaces.md "Daily work" GET /api/review/periods/{id}/sheets): in the order
// it shows them (unit, then staff number), whole or by state, so that a page is read off an index, not sorted.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('review_sheets_period_unit_idx')
    .on('review_sheets')
    .columns(['period_id', 'unit_code', 'staff_no'])
    .execute();
  await db.schema
    .createIndex('review_sheets_period_state_idx')
    .on('review_sheets')
    .columns(['period_id', 'state', 'unit_code', 'staff_no'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('review_sheets_period_state_idx').execute();
  await db.schema.dropIndex('review_sheets_period_unit_idx').execute();
}
