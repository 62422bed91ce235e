import type { Role, User } from '@jinzai/model';
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../schema.js';
import { effectiveRolesQuery } from './accounts.repository.js';
import { prepared } from './prepared.js';

type Db = Kysely<Database>;

export interface Session {
  id: string;
  userId: number;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  /** The user's credential generation at sign-in (see `findUserForLogin`); 0 when not given. */
  credentialGeneration?: number;
}

/** Stores a new session under the hash of its token. */
export async function createSession(db: Db, s: Session): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: s.id,
      user_id: s.userId,
      created_at: s.createdAt,
      last_seen_at: s.lastSeenAt,
      expires_at: s.expiresAt,
      credential_generation: s.credentialGeneration ?? 0,
    })
    .execute();
}

// The session, its active user and their effective roles in one query: one row per role (one with a null role for
// a user with none), sorted by role.
const sessionQuery = prepared(['id', 'now', 'today'], (db, p) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .leftJoin(
      effectiveRolesQuery(
        db,
        (id) => sql<SqlBool>`${id} in (select user_id from sessions where id = ${p('id')})`,
        p('today'),
      ).as('r'),
      'r.user_id',
      'users.id',
    )
    .select([
      'sessions.id',
      'sessions.user_id',
      'sessions.created_at',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'users.login_id',
      'users.display_name',
      'users.staff_no',
      'users.must_change_password',
      'r.role',
    ])
    .where('sessions.id', '=', p('id'))
    .where('sessions.expires_at', '>', p('now'))
    .where('users.active', '=', 1)
    // Disabling the user or resetting the password moved the generation on: older sessions never come back.
    .whereRef('sessions.credential_generation', '=', 'users.credential_generation')
    .orderBy('r.role'),
);

/**
 * The live session with this id and its active user; expired sessions, inactive users and sessions of an older
 * credential generation yield undefined.
 */
export async function findLiveSession(
  db: Db,
  id: string,
  now: string,
): Promise<{ session: Session; user: User } | undefined> {
  const rows = await sessionQuery(db, { id, now, today: now.slice(0, 10) });
  const [r] = rows;
  if (!r) return undefined;
  return {
    session: {
      id: r.id,
      userId: r.user_id,
      createdAt: r.created_at,
      lastSeenAt: r.last_seen_at,
      expiresAt: r.expires_at,
    },
    user: {
      id: r.user_id,
      loginId: r.login_id,
      displayName: r.display_name,
      roles: rows.flatMap((x) => (x.role === null ? [] : [x.role as Role])),
      staffNo: r.staff_no,
      ...(r.must_change_password === 1 ? { mustChangePassword: true } : {}),
    },
  };
}

/** Slides an idle session forward. */
export async function touchSession(db: Db, id: string, lastSeenAt: string, expiresAt: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: lastSeenAt, expires_at: expiresAt })
    .where('id', '=', id)
    .execute();
}

/** Ends a session (logout). */
export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Ends every session of a user (disabled, password reset); returns how many. */
export async function deleteSessionsOfUser(db: Db, userId: number): Promise<number> {
  const r = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Removes every expired session; returns how many. */
export async function deleteExpiredSessions(db: Db, now: string): Promise<number> {
  const r = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/**
 * After the person set their own password (the credential generation moved on): this session carries on under the
 * new generation, every other session of theirs is deleted. Returns how many ended.
 */
export async function keepOnlySession(db: Db, userId: number, sessionId: string): Promise<number> {
  await db
    .updateTable('sessions')
    .set({
      credential_generation: (eb) =>
        eb.selectFrom('users').select('credential_generation').where('users.id', '=', userId),
    })
    .where('id', '=', sessionId)
    .where('user_id', '=', userId)
    .execute();
  const r = await db
    .deleteFrom('sessions')
    .where('user_id', '=', userId)
    .where('id', '!=', sessionId)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
