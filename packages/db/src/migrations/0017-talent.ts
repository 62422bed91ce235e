// Talent data (docs/domain.md §10): training and self-development, the catalogue, 自己申告 and its windows, 面談
// records, 公募 postings and applications.
import type { Kysely } from 'kysely';
import { autoIdType, isPostgres } from './helpers.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = isPostgres(db);
  const id = (name: string) =>
    db.schema
      .createTable(name)
      .addColumn('id', autoIdType(db), (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()));

  await db.schema
    .createTable('talent_courses')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text')
    .addColumn('layer', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // A completion (imported, approved as it comes) or a self-development (自己啓発) waiting for HR.
  await id('talent_training')
    .addColumn('staff_no', 'text', (c) => c.notNull().references('staff.staff_no'))
    .addColumn('course', 'text', (c) => c.notNull())
    .addColumn('layer', 'text', (c) => c.notNull())
    .addColumn('completed_on', 'text', (c) => c.notNull())
    .addColumn('hours', 'real', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    // Self-development only: course, qualification or graduate, and the subsidy in yen if any.
    .addColumn('kind', 'text')
    .addColumn('subsidy_yen', 'integer')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text')
    .execute();
  // The key of an imported completion: importing the same file again updates it instead of doubling it.
  await db.schema
    .createIndex('talent_training_key')
    .on('talent_training')
    .columns(['staff_no', 'course', 'completed_on', 'source'])
    .unique()
    .execute();
  await db.schema
    .createIndex('talent_training_status')
    .on('talent_training')
    .columns(['status', 'id'])
    .execute();

  await db.schema
    .createTable('talent_declaration_windows')
    .addColumn('fiscal_year', 'integer', (c) => c.primaryKey())
    .addColumn('opens_on', 'text', (c) => c.notNull())
    .addColumn('closes_on', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('talent_declarations')
    .addColumn('staff_no', 'text', (c) => c.notNull().references('staff.staff_no'))
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    // The person's unit and grade when they declared (HR's list and summary count by them).
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('grade_code', 'text', (c) => c.notNull())
    .addColumn('transfer_wish', 'text', (c) => c.notNull())
    .addColumn('wished_units_json', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('career_goal', 'text', (c) => c.notNull())
    .addColumn('growth_layer', 'text')
    // HR only (docs/domain.md §10).
    .addColumn('circumstances', 'text', (c) => c.notNull())
    .addColumn('manager_exam_interest', 'integer', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('talent_declarations_pk', ['staff_no', 'fiscal_year'])
    .execute();
  await db.schema
    .createIndex('talent_declarations_year')
    .on('talent_declarations')
    .columns(['fiscal_year', 'unit_code'])
    .execute();

  await id('talent_interviews')
    .addColumn('staff_no', 'text', (c) => c.notNull().references('staff.staff_no'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('topics', 'text', (c) => c.notNull())
    .addColumn('actions', 'text', (c) => c.notNull())
    .addColumn('private_notes', 'text', (c) => c.notNull())
    .addColumn('recorded_by_user_id', 'integer')
    .addColumn('recorded_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('acknowledged_at', 'text')
    .execute();
  await db.schema
    .createIndex('talent_interviews_staff')
    .on('talent_interviews')
    .columns(['staff_no', 'held_on'])
    .execute();

  await id('talent_postings')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull().references('units.code'))
    .addColumn('grade_min', 'text', (c) => c.notNull())
    .addColumn('grade_max', 'text', (c) => c.notNull())
    // `{ "<layer>": "what it needs" }`
    .addColumn('needs_json', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('talent_applications')
    .addColumn('posting_id', 'integer', (c) =>
      c.notNull().references('talent_postings.id').onDelete('cascade'),
    )
    .addColumn('staff_no', 'text', (c) => c.notNull().references('staff.staff_no'))
    .addColumn('statement', 'text', (c) => c.notNull())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    // 'pending', 'accepted' or 'declined'.
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addPrimaryKeyConstraint('talent_applications_pk', ['posting_id', 'staff_no'])
    .execute();
  await db.schema
    .createIndex('talent_applications_staff')
    .on('talent_applications')
    .columns(['staff_no'])
    .execute();
  await db.schema
    .createIndex('talent_training_staff')
    .on('talent_training')
    .columns(['staff_no', 'completed_on'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'talent_applications',
    'talent_postings',
    'talent_interviews',
    'talent_declarations',
    'talent_declaration_windows',
    'talent_training',
    'talent_courses',
  ])
    await db.schema.dropTable(t).execute();
}
