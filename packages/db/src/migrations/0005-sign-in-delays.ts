// Sign-in throttling by growing delays instead of locks: the counters keep their last failure and a not-before time.
import { sql, type Kysely } from 'kysely';

/**
 * `login_attempts` counted failures in a fixed window and locked a key; it now counts them until a quiet window
 * passes (`last_failure_at`) and makes the next attempt wait (`not_before`). Old rows (locks) are dropped.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`delete from login_attempts`.execute(db);
  await db.schema.alterTable('login_attempts').renameColumn('window_start', 'last_failure_at').execute();
  await db.schema.alterTable('login_attempts').renameColumn('locked_until', 'not_before').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from login_attempts`.execute(db);
  await db.schema.alterTable('login_attempts').renameColumn('not_before', 'locked_until').execute();
  await db.schema.alterTable('login_attempts').renameColumn('last_failure_at', 'window_start').execute();
}
