import type { Kysely } from 'kysely';
import { autoIdType, isPostgres } from './helpers.js';

/**
 * Personnel evaluation (docs/domain.md §4): periods with their phase dates, the confirmed result of each
 * staff member per period (a snapshot of unit and grade), evaluator assignments, sheets with optimistic
 * locking, ratings per item and role, goals, the transition history, revisions after confirmation, and
 * I・メッセージ.
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

  // One sheet per staff member and period; its evaluator columns are the assignment (editable until confirmed).
  await db.schema
    .createTable('review_sheets')
    .addColumn('id', autoIdType(db), (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('period_id', 'integer', (c) => c.notNull().references('review_periods.id').onDelete('cascade'))
    .addColumn('staff_no', 'text', (c) => c.notNull().references('staff.staff_no'))
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('grade_code', 'text', (c) => c.notNull())
    .addColumn('first_staff_no', 'text')
    .addColumn('second_staff_no', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('goals_submitted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('appeal_open', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('appeal_reason', 'text')
    .addColumn('disclosed_at', 'text')
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addUniqueConstraint('review_sheets_period_staff_uq', ['period_id', 'staff_no'])
    .execute();
  await db.schema
    .createIndex('review_sheets_first_idx')
    .on('review_sheets')
    .columns(['first_staff_no', 'period_id'])
    .execute();
  await db.schema
    .createIndex('review_sheets_second_idx')
    .on('review_sheets')
    .columns(['second_staff_no', 'period_id'])
    .execute();
  await db.schema.createIndex('review_sheets_staff_idx').on('review_sheets').column('staff_no').execute();

  await db.schema
    .createTable('review_goals')
    .addColumn('sheet_id', 'integer', (c) => c.notNull().references('review_sheets.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('difficulty', 'text', (c) => c.notNull())
    .addColumn('measure', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('review_goals_pk', ['sheet_id', 'position'])
    .execute();

  // part: self | first | second | final; item: a competency code, goal:N or overall.
  await db.schema
    .createTable('review_ratings')
    .addColumn('sheet_id', 'integer', (c) => c.notNull().references('review_sheets.id').onDelete('cascade'))
    .addColumn('part', 'text', (c) => c.notNull())
    .addColumn('item', 'text', (c) => c.notNull())
    .addColumn('rating', 'text')
    .addColumn('comment', 'text')
    .addPrimaryKeyConstraint('review_ratings_pk', ['sheet_id', 'part', 'item'])
    .execute();

  await db.schema
    .createTable('review_history')
    .addColumn('id', autoIdType(db), (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('sheet_id', 'integer', (c) => c.notNull().references('review_sheets.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer')
    .addColumn('login_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text', (c) => c.notNull())
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('revision', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('review_history_sheet_idx')
    .on('review_history')
    .columns(['sheet_id', 'id'])
    .execute();

  // The sheet as it stood when each revision was confirmed: a confirmed sheet is never edited in place.
  await db.schema
    .createTable('review_revisions')
    .addColumn('sheet_id', 'integer', (c) => c.notNull().references('review_sheets.id').onDelete('cascade'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('snapshot_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addPrimaryKeyConstraint('review_revisions_pk', ['sheet_id', 'revision'])
    .execute();

  // I・メッセージ: a message about a strength, no scores. The recipient's unit is kept for HR's counts.
  await db.schema
    .createTable('i_messages')
    .addColumn('id', autoIdType(db), (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('sender_user_id', 'integer', (c) => c.notNull())
    .addColumn('sender_name', 'text', (c) => c.notNull())
    .addColumn('recipient_staff_no', 'text', (c) => c.notNull().references('staff.staff_no'))
    .addColumn('recipient_unit_code', 'text', (c) => c.notNull())
    .addColumn('strength', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('i_messages_recipient_idx')
    .on('i_messages')
    .columns(['recipient_staff_no', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'i_messages',
    'review_revisions',
    'review_history',
    'review_ratings',
    'review_goals',
    'review_sheets',
    'review_results',
    'review_periods',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
