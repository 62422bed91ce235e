import { delayAfterFailures, type DelayRule } from '@jinzai/model';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

/**
 * Until when the next attempt under any of `keys` must wait, if that is after now (the latest of them). Stored in
 * the database so that every API process agrees.
 */
export async function waitUntil(db: Db, keys: readonly string[], now: string): Promise<string | undefined> {
  if (keys.length === 0) return undefined;
  const r = await db
    .selectFrom('login_attempts')
    .select((eb) => eb.fn.max('not_before').as('until'))
    .where('key', 'in', keys)
    .where('not_before', '>', now)
    .executeTakeFirst();
  return r?.until ?? undefined;
}

/**
 * Counts one failed sign-in under key (one atomic upsert, so concurrent processes do not lose a count; the count
 * starts over after `rule.windowMs` without a failure) and sets the wait the rule asks for. Returns until when the
 * next attempt must wait, if at all.
 */
export async function recordFailure(
  db: Db,
  key: string,
  now: Date,
  rule: DelayRule,
): Promise<string | undefined> {
  const at = now.toISOString();
  const windowFrom = new Date(now.getTime() - rule.windowMs).toISOString();
  const { failures } = await db
    .insertInto('login_attempts')
    .values({ key, failures: 1, last_failure_at: at, not_before: null })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: sql<number>`case when login_attempts.last_failure_at > ${windowFrom} then login_attempts.failures + 1 else 1 end`,
        last_failure_at: at,
      }),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  const delay = delayAfterFailures(Number(failures), rule);
  const notBefore = delay > 0 ? new Date(now.getTime() + delay).toISOString() : null;
  await db.updateTable('login_attempts').set({ not_before: notBefore }).where('key', '=', key).execute();
  return notBefore ?? undefined;
}

/** Forgets the failures under key (after a successful sign-in). */
export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('key', '=', key).execute();
}
