import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

export interface ThrottlePolicy {
  /** Failures allowed inside the window before the key is locked. */
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

/** When the key is locked until, if it is locked at now (stored in the database so every API process agrees). */
export async function lockedUntil(db: Db, key: string, now: string): Promise<string | undefined> {
  const r = await db
    .selectFrom('login_attempts')
    .select('locked_until')
    .where('key', '=', key)
    .executeTakeFirst();
  return r?.locked_until && r.locked_until > now ? r.locked_until : undefined;
}

/** Counts one failed sign-in for key; locks it when the window holds too many. Returns the lock end, if any. */
export async function recordFailure(
  db: Db,
  key: string,
  now: Date,
  policy: ThrottlePolicy,
): Promise<string | undefined> {
  return db.transaction().execute(async (trx) => {
    const nowIso = now.toISOString();
    const r = await trx.selectFrom('login_attempts').selectAll().where('key', '=', key).executeTakeFirst();
    const windowOpen = r && Date.parse(r.window_start) + policy.windowMs > now.getTime();
    const failures = windowOpen ? r.failures + 1 : 1;
    const windowStart = windowOpen ? r.window_start : nowIso;
    const locked =
      failures >= policy.maxFailures ? new Date(now.getTime() + policy.lockMs).toISOString() : null;
    await trx
      .insertInto('login_attempts')
      .values({ key, failures, window_start: windowStart, locked_until: locked })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({ failures, window_start: windowStart, locked_until: locked }),
      )
      .execute();
    return locked ?? undefined;
  });
}

/** Forgets the failures of key (after a successful sign-in). */
export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('key', '=', key).execute();
}
