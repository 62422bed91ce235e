import type { Role, User } from '@jinzai/model';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

async function rolesOf(db: Db, userIds: number[]): Promise<Map<number, Role[]>> {
  const map = new Map<number, Role[]>();
  if (userIds.length === 0) return map;
  const rows = await db
    .selectFrom('user_roles')
    .select(['user_id', 'role'])
    .where('user_id', 'in', userIds)
    .orderBy('role')
    .execute();
  for (const r of rows) map.set(r.user_id, [...(map.get(r.user_id) ?? []), r.role as Role]);
  return map;
}

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

/** The active user with this login id, and their password hash, for sign-in. */
export async function findUserForLogin(
  db: Db,
  loginId: string,
): Promise<{ user: User; passwordHash: string; credentialGeneration: number } | undefined> {
  const r = await db
    .selectFrom('users')
    .selectAll()
    .where('login_id', '=', loginId)
    .where('active', '=', 1)
    .executeTakeFirst();
  if (!r) return undefined;
  const roles = (await rolesOf(db, [r.id])).get(r.id) ?? [];
  return {
    user: { id: r.id, loginId: r.login_id, displayName: r.display_name, roles, staffNo: r.staff_no },
    passwordHash: r.password_hash,
    credentialGeneration: Number(r.credential_generation),
  };
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
      ...(active ? {} : { credential_generation: eb('credential_generation', '+', 1) }),
    }))
    .where('id', '=', userId)
    .execute();
}

/** Replaces a user's password hash and moves the credential generation on, so that old sessions end. */
export async function setPasswordHash(db: Db, userId: number, passwordHash: string): Promise<void> {
  await db
    .updateTable('users')
    .set((eb) => ({
      password_hash: passwordHash,
      credential_generation: eb('credential_generation', '+', 1),
    }))
    .where('id', '=', userId)
    .execute();
}

/** A user by id (active or not), or undefined. */
export async function getUser(db: Db, id: number): Promise<User | undefined> {
  const r = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) return undefined;
  const roles = (await rolesOf(db, [r.id])).get(r.id) ?? [];
  return { id: r.id, loginId: r.login_id, displayName: r.display_name, roles, staffNo: r.staff_no };
}

/** Every user, ordered by login id. */
export async function listUsers(db: Db): Promise<User[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('login_id').execute();
  const roles = await rolesOf(
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
