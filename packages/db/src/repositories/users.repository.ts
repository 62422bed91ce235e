import type { Role, User } from '@jinzai/model';
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { effectiveRolesOf, grantedRolesOf } from './accounts.repository.js';

type Db = Kysely<Database>;

export interface CreateUserInput {
  loginId: string;
  displayName: string;
  passwordHash: string;
  staffNo: string | null;
  roles: readonly Role[];
}

/** Creates a user with their roles, in one transaction (or in the caller's). */
export async function createUser(db: Db, input: CreateUserInput, now: string): Promise<User> {
  const write = async (trx: Db): Promise<User> => {
    const { id } = await trx
      .insertInto('users')
      .values({
        login_id: input.loginId,
        display_name: input.displayName,
        password_hash: input.passwordHash,
        staff_no: input.staffNo,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('user_roles')
      .values([...new Set(input.roles)].map((role) => ({ user_id: id, role })))
      .execute();
    return {
      id,
      loginId: input.loginId,
      displayName: input.displayName,
      roles: [...new Set(input.roles)].sort(),
      staffNo: input.staffNo,
    };
  };
  return db.isTransaction ? write(db) : db.transaction().execute(write);
}

/** What sign-in needs of an account besides the user. */
export interface LoginAccount {
  user: User;
  passwordHash: string;
  credentialGeneration: number;
  authSource: 'local' | 'directory';
  /** An issued one-time password stops working at this time; null for the person's own password. */
  passwordExpiresAt: string | null;
}

/**
 * The active user with this login id (or, with `by: 'staffNo'`, linked to this staff number) and what sign-in
 * needs. Roles are the effective ones on `today` (accounts.repository.ts); without it, the granted ones only.
 */
export async function findUserForLogin(
  db: Db,
  key: string,
  today?: string,
  by: 'loginId' | 'staffNo' = 'loginId',
): Promise<LoginAccount | undefined> {
  const r = await db
    .selectFrom('users')
    .selectAll()
    .where(by === 'loginId' ? 'login_id' : 'staff_no', '=', key)
    .where('active', '=', 1)
    .executeTakeFirst();
  if (!r) return undefined;
  const roles = today
    ? ((await effectiveRolesOf(db, [r.id], today)).get(r.id) ?? [])
    : ((await grantedRolesOf(db, [r.id])).get(r.id) ?? []);
  return {
    user: {
      id: r.id,
      loginId: r.login_id,
      displayName: r.display_name,
      roles,
      staffNo: r.staff_no,
      ...(r.must_change_password === 1 ? { mustChangePassword: true } : {}),
    },
    passwordHash: r.password_hash,
    credentialGeneration: Number(r.credential_generation),
    authSource: r.auth_source === 'directory' ? 'directory' : 'local',
    passwordExpiresAt: r.password_expires_at,
  };
}

/** Notes a successful sign-in (HR's list filters on it). */
export async function noteSignIn(db: Db, userId: number, at: string): Promise<void> {
  await db.updateTable('users').set({ last_sign_in_at: at }).where('id', '=', userId).execute();
}

/**
 * The person's own new password: stored (hashed), no longer to be changed, no expiry; the credential generation
 * moves on so that every other session ends.
 */
export async function setOwnPassword(db: Db, userId: number, passwordHash: string): Promise<void> {
  await db
    .updateTable('users')
    .set((eb) => ({
      password_hash: passwordHash,
      must_change_password: 0,
      password_expires_at: null,
      credential_generation: eb('credential_generation', '+', 1),
    }))
    .where('id', '=', userId)
    .execute();
}

/**
 * A password HR issued (initial or reset): the person must replace it at the next sign-in, and it stops working
 * at `expiresAt`; the account signs in locally from now on, and every session ends.
 */
export async function setIssuedPassword(
  db: Db,
  userId: number,
  passwordHash: string,
  expiresAt: string | null,
): Promise<void> {
  await db
    .updateTable('users')
    .set((eb) => ({
      password_hash: passwordHash,
      must_change_password: 1,
      password_expires_at: expiresAt,
      auth_source: 'local',
      credential_generation: eb('credential_generation', '+', 1),
    }))
    .where('id', '=', userId)
    .execute();
}

/** How an account signs in: a local password, or the directory (a local password is then removed). */
export async function setAuthSource(db: Db, userId: number, source: 'local' | 'directory'): Promise<void> {
  await db
    .updateTable('users')
    .set((eb) => ({
      auth_source: source,
      ...(source === 'directory'
        ? { password_hash: '', must_change_password: 0, password_expires_at: null }
        : {}),
      credential_generation: eb('credential_generation', '+', 1),
    }))
    .where('id', '=', userId)
    .execute();
}

/** A user's account state by login id (active or not), for HR's account administration; undefined if none. */
export async function findAccount(
  db: Db,
  loginId: string,
): Promise<{ id: number; loginId: string; active: boolean } | undefined> {
  const r = await db
    .selectFrom('users')
    .select(['id', 'login_id', 'active'])
    .where('login_id', '=', loginId)
    .executeTakeFirst();
  return r ? { id: r.id, loginId: r.login_id, active: r.active === 1 } : undefined;
}

/** Disables or enables a user; disabling also moves the credential generation on (see sessions). */
export async function setUserActive(db: Db, userId: number, active: boolean): Promise<void> {
  await db
    .updateTable('users')
    .set((eb) => ({
      active: active ? 1 : 0,
      disabled_reason: active ? null : 'hr',
      ...(active ? {} : { credential_generation: eb('credential_generation', '+', 1) }),
    }))
    .where('id', '=', userId)
    .execute();
}

/** A user by id (active or not), or undefined. */
export async function getUser(db: Db, id: number): Promise<User | undefined> {
  const r = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) return undefined;
  const roles = (await grantedRolesOf(db, [r.id])).get(r.id) ?? [];
  return { id: r.id, loginId: r.login_id, displayName: r.display_name, roles, staffNo: r.staff_no };
}

/** Every user, ordered by login id. */
export async function listUsers(db: Db): Promise<User[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('login_id').execute();
  const roles = await grantedRolesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    loginId: r.login_id,
    displayName: r.display_name,
    roles: roles.get(r.id) ?? [],
    staffNo: r.staff_no,
  }));
}

/** Number of users (a new database without demo data has only the administrator). */
export async function countUsers(db: Db): Promise<number> {
  const r = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Any constant: the advisory lock under which one API process at a time fills a new database. */
const SETUP_LOCK = 4_242_015;

/**
 * Inside a transaction, waits for and holds (until it ends) the lock under which a new database gets its first data,
 * so that API processes starting together on one new PostgreSQL database fill it once: the second one waits, then
 * finds the users the first one made. SQLite needs nothing: its transactions already take turns at the one writer.
 */
export async function lockDatabaseSetup(trx: Db): Promise<void> {
  if (trx.getExecutor().adapter instanceof PostgresAdapter)
    await sql`select pg_advisory_xact_lock(${SETUP_LOCK})`.execute(trx);
}
