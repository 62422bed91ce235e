import type { Kysely } from 'kysely';
import { autoIdType, isPostgres } from './helpers.js';

/**
 * Personnel evaluation (DOMAIN §4): periods with their phase dates, the confirmed result of each staff member per
 * period (a snapshot of unit and grade), evaluator assignments, sheets with optimistic locking, ratings per item
 * and role, goals, the transition history, revisions after confirmation, and I・メッセージ.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = isPostgres(db);

  await db.schema
    .createTable('review_periods')
    .addColumn('id', autoIdType(db), (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('goals_due', 'text')
    .addColumn('self_due', 'text')
    .addColumn('first_due', 'text')
    .addColumn('second_due', 'text')
    .addColumn('adjust_due', 'text')
    .addColumn('disclose_due', 'text')
    .addColumn('scale_version', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('review_periods_year_idx')
    .on('review_periods')
    .columns(['fiscal_year', 'kind'])
    .execute();

  await db.schema
    .createTable('review_results')
    .addColumn('period_id', 'integer', (c) => c.notNull().references('review_periods.id').onDelete('cascade'))
    .addColumn('staff_no', 'text', (c) => c.notNull().references('staff.staff_no'))
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('grade_code', 'text', (c) => c.notNull())
    .addColumn('overall', 'text', (c) => c.notNull())
    .addColumn('items_json', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('review_results_pk', ['period_id', 'staff_no'])
    .execute();
  await db.schema
    .createIndex('review_results_staff_idx')
    .on('review_results')
    .columns(['staff_no', 'period_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['review_results', 'review_periods']) {
    await db.schema.dropTable(t).execute();
  }
}
