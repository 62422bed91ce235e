// A user's credential generation: disabling the user or resetting the password ends every session for good.
import type { Kysely } from 'kysely';

/**
 * `users.credential_generation` goes up whenever the user's sessions must end (disabled, password reset); a
 * session holds the generation it was opened under and is live only while the two agree, so re-enabling a user
 * never revives an old session, not even one opened by a sign-in that raced with the disabling.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('credential_generation', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('sessions')
    .addColumn('credential_generation', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sessions').dropColumn('credential_generation').execute();
  await db.schema.alterTable('users').dropColumn('credential_generation').execute();
}
