// HR's list of a period's sheets (docs/interfaces.md "Daily work" GET /api/review/periods/{id}/sheets): in the order
// it shows them (unit, then staff number), whole or by state, so that a page is read off an index, not sorted; for
// a text search, the roster's search key with the staff number (a pass over that narrow index, not the table) and
// a sheet's state and unit by period and staff number (the found staff's sheets without reading the table).
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
  await db.schema
    .createIndex('review_sheets_period_staff_idx')
    .on('review_sheets')
    .columns(['period_id', 'staff_no', 'state', 'unit_code'])
    .execute();
  await db.schema
    .createIndex('staff_search_key_idx')
    .on('staff')
    .columns(['search_key', 'staff_no'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('staff_search_key_idx').execute();
  await db.schema.dropIndex('review_sheets_period_staff_idx').execute();
  await db.schema.dropIndex('review_sheets_period_state_idx').execute();
  await db.schema.dropIndex('review_sheets_period_unit_idx').execute();
}
