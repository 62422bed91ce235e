// The people who score applicants, looked up by login id or user id for the score import, the results and the demo.
import type { Role } from '@jinzai/model';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

/** A user as a rater appears in results: id, login and display name. */
export interface RaterName {
  id: number;
  loginId: string;
  displayName: string;
}

// Bounded IN lists keep both dialects well inside their parameter limits.
const CHUNK = 500;

/** The active users among these login ids, with their roles (a user without roles has none). */
export async function activeUsersByLogin(
  db: Db,
  loginIds: readonly string[],
): Promise<Map<string, { id: number; roles: Role[] }>> {
  const users = new Map<string, { id: number; roles: Role[] }>();
  for (let i = 0; i < loginIds.length; i += CHUNK) {
    const rows = await db
      .selectFrom('users')
      .leftJoin('user_roles', 'user_roles.user_id', 'users.id')
      .select(['users.id', 'users.login_id', 'user_roles.role'])
      .where('users.login_id', 'in', loginIds.slice(i, i + CHUNK))
      .where('users.active', '=', 1)
      .execute();
    for (const r of rows) {
      const u = users.get(r.login_id) ?? { id: r.id, roles: [] };
      if (r.role) u.roles.push(r.role as Role);
      users.set(r.login_id, u);
    }
  }
  return users;
}

/** The names of these users, by id order; unknown ids are left out. */
export async function raterNamesById(db: Db, ids: readonly number[]): Promise<RaterName[]> {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'login_id', 'display_name'])
    .where('id', 'in', [0, ...new Set(ids)])
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, loginId: r.login_id, displayName: r.display_name }));
}

/** The names of the users with these login ids, by id order; unknown logins are left out. */
export async function raterNamesByLogin(db: Db, loginIds: readonly string[]): Promise<RaterName[]> {
  if (loginIds.length === 0) return [];
  const rows = await db
    .selectFrom('users')
    .select(['id', 'login_id', 'display_name'])
    .where('login_id', 'in', [...loginIds])
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, loginId: r.login_id, displayName: r.display_name }));
}
