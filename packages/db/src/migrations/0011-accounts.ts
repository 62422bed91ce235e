// Accounts for the whole roster (docs/domain.md §9 "Accounts"): e-mail, how the account signs in, the first-sign-in
// password change, the last sign-in, why it is disabled; one account per staff record; who has left the roster.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addColumn('email', 'text').execute();
  // 'local' (a password kept here, hashed) or 'directory' (checked against LDAP, never stored).
  await db.schema
    .alterTable('users')
    .addColumn('auth_source', 'text', (c) => c.notNull().defaultTo('local'))
    .execute();
  // 1 after HR issued an initial password or reset one: the person must choose their own before anything else.
  await db.schema
    .alterTable('users')
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // When an issued one-time password stops working (null: the password is the person's own).
  await db.schema.alterTable('users').addColumn('password_expires_at', 'text').execute();
  await db.schema.alterTable('users').addColumn('last_sign_in_at', 'text').execute();
  // 'left' (the person left the roster: re-enabled if they come back) or 'hr' (HR disabled the account).
  await db.schema.alterTable('users').addColumn('disabled_reason', 'text').execute();
  await db.schema.createIndex('users_staff_no_unique').on('users').column('staff_no').unique().execute();
  // The date a person left the roster (a full-roster import without them); null while they are on it.
  await db.schema.alterTable('staff').addColumn('left_on', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('staff').dropColumn('left_on').execute();
  await db.schema.dropIndex('users_staff_no_unique').execute();
  for (const column of [
    'disabled_reason',
    'last_sign_in_at',
    'password_expires_at',
    'must_change_password',
    'auth_source',
    'email',
  ]) {
    await db.schema.alterTable('users').dropColumn(column).execute();
  }
}
