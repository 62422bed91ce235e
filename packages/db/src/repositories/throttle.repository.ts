import { delayAfterFailures, type DelayRule } from '@jinzai/model';
import { sql, type Expression, type Kysely, type RawBuilder } from 'kysely';
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
 * The wait after the count `n` (an SQL expression) as a timestamp, or null: the rule's doubling delays written out
 * as a CASE over the few counts before the cap, so the count and its wait are set in one statement.
 */
function waitAfter(n: Expression<number>, now: Date, rule: DelayRule): RawBuilder<string | null> {
  const at = (failures: number) => new Date(now.getTime() + delayAfterFailures(failures, rule)).toISOString();
  const steps: RawBuilder<unknown>[] = [];
  let failures = rule.freeFailures;
  while (delayAfterFailures(failures, rule) < rule.maxDelayMs) {
    steps.push(sql`when ${n} = ${failures} then ${at(failures)}`);
    failures++;
  }
  return sql<
    string | null
  >`case when ${n} < ${rule.freeFailures} then null ${sql.join(steps, sql` `)} else ${at(failures)} end`;
}

/**
 * Counts an attempt under key as a failure before its password is checked, unless the key must still wait; then
 * nothing is counted and the answer is false. One atomic upsert sets the count (starting over after `rule.windowMs`
 * without a failure) and the wait it earns, so that parallel attempts cannot all slip through before the first one
 * has failed. A successful sign-in takes its count back with `forgiveAttempt`.
 */
export async function claimAttempt(db: Db, key: string, now: Date, rule: DelayRule): Promise<boolean> {
  const at = now.toISOString();
  const windowFrom = new Date(now.getTime() - rule.windowMs).toISOString();
  const counted = sql<number>`case when login_attempts.last_failure_at > ${windowFrom} then login_attempts.failures + 1 else 1 end`;
  const r = await db
    .insertInto('login_attempts')
    .values({ key, failures: 1, last_failure_at: at, not_before: waitAfter(sql.lit(1), now, rule) })
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet({ failures: counted, last_failure_at: at, not_before: waitAfter(counted, now, rule) })
        .where((eb) =>
          eb.or([eb('login_attempts.not_before', 'is', null), eb('login_attempts.not_before', '<=', at)]),
        ),
    )
    .returning('failures')
    .executeTakeFirst();
  return r !== undefined;
}

/**
 * Takes back the attempt counted under key by `claimAttempt` after the right password: a pair of login id and address
 * starts over; a login id or an address keeps the other failures counted, and the wait they earn.
 */
export async function forgiveAttempt(
  db: Db,
  key: string,
  now: Date,
  rule: DelayRule,
  options: { all?: boolean } = {},
): Promise<void> {
  if (options.all) {
    await db.deleteFrom('login_attempts').where('key', '=', key).execute();
    return;
  }
  const left = sql<number>`case when login_attempts.failures > 0 then login_attempts.failures - 1 else 0 end`;
  await db
    .updateTable('login_attempts')
    .set({ failures: left, not_before: waitAfter(left, now, rule) })
    .where('key', '=', key)
    .execute();
}

/**
 * Forgets the counters that can no longer matter: no failure since `quietSince` (older than the longest window) and
 * no wait still running at `now`. The hourly sweep calls it; any API process may, the delete is idempotent.
 */
export async function deleteStaleAttempts(db: Db, quietSince: string, now: string): Promise<number> {
  const r = await db
    .deleteFrom('login_attempts')
    .where('last_failure_at', '<', quietSince)
    .where((eb) => eb.or([eb('not_before', 'is', null), eb('not_before', '<=', now)]))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
