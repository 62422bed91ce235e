// Notices and their mail (docs/domain.md §12): one row per notice is also the log of its mail; the scheduler's jobs,
// claimed through the database so that several API processes never run one twice at once.
import { sql, type Kysely } from 'kysely';
import { autoIdType, isPostgres } from './helpers.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = isPostgres(db);
  await db.schema
    .createTable('notices')
    .addColumn('id', autoIdType(db), (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    // Exactly one of the two: a staff number (whoever holds that record's account) or an account.
    .addColumn('recipient_staff_no', 'text')
    .addColumn('recipient_user_id', 'integer', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    // What the notice is about, e.g. review_sheet:12 or recruit_stage:3.
    .addColumn('subject', 'text', (c) => c.notNull())
    // The title in Japanese (also the mail's subject); params_json lets the screens say it in English.
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('params_json', 'text', (c) => c.notNull())
    // A path on the public origin, e.g. /review/evaluation/sheets/12.
    .addColumn('href', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    // Unique where set: a reminder's kind, item, recipient and day (one a day), whichever process writes it first.
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    // 'not-sent' (waiting), 'sent', 'failed' or 'off' (mail not configured).
    .addColumn('mail_status', 'text', (c) => c.notNull().defaultTo('not-sent'))
    .addColumn('mail_to', 'text')
    .addColumn('mail_sent_at', 'text')
    .addColumn('mail_error', 'text')
    .addColumn('mail_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    // A sender's claim: no other process takes the mail before this time (also the time of the next try).
    .addColumn('mail_claimed_until', 'text')
    .addColumn('mail_claimed_by', 'text')
    .addCheckConstraint(
      'notices_one_recipient',
      sql`(recipient_staff_no is null and recipient_user_id is not null) or (recipient_staff_no is not null and recipient_user_id is null)`,
    )
    .execute();
  await db.schema
    .createIndex('notices_staff_no')
    .on('notices')
    .columns(['recipient_staff_no', 'created_at'])
    .execute();
  await db.schema
    .createIndex('notices_user_id')
    .on('notices')
    .columns(['recipient_user_id', 'created_at'])
    .execute();
  await db.schema.createIndex('notices_mail_status').on('notices').columns(['mail_status', 'id']).execute();

  await db.schema
    .createTable('scheduled_jobs')
    .addColumn('name', 'text', (c) => c.primaryKey())
    // The job is due again at this time; the process that moves it on runs it.
    .addColumn('next_run_at', 'text', (c) => c.notNull())
    .addColumn('holder', 'text')
    .addColumn('claimed_at', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('scheduled_jobs').execute();
  await db.schema.dropTable('notices').execute();
}
