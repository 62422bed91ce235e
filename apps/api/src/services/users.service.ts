// HR's account administration (docs/interfaces.md "Accounts"): disabling and enabling a user, resetting a
// password; each ends the user's sessions where it must and is audited in its transaction.
import {
  deleteSessionsOfUser,
  findAccount,
  setIssuedPassword,
  setUserActive,
  type Database,
} from '@jinzai/db';
import type { Kysely } from 'kysely';
import { audited } from '../audit.js';
import { ApiError, errors } from '../errors.js';
import { hashPassword, passwordProblem } from '../passwords.js';
import type { Actor } from './actor.js';

type Db = Kysely<Database>;

export interface AccountChange {
  loginId: string;
  active: boolean;
  /** Sessions that the change ended. */
  sessionsEnded: number;
}

async function accountOf(trx: Db, loginId: string) {
  const account = await findAccount(trx, loginId);
  if (!account) throw errors.notFound('ユーザー');
  return account;
}

type Account = NonNullable<Awaited<ReturnType<typeof findAccount>>>;

/**
 * One change of an account, in one transaction with its audit row: `apply` makes the change and says whether the
 * account is active after it and how many sessions it ended. The audit row names the change, the active flag before
 * and after, and the sessions ended — never a password or its hash.
 */
async function changeAccount(
  db: Db,
  actor: Actor,
  now: Date,
  loginId: string,
  kind: 'disable' | 'enable' | 'password-reset',
  apply: (trx: Db, account: Account) => Promise<{ active: boolean; sessionsEnded: number }>,
): Promise<AccountChange> {
  const r = await audited(
    db,
    actor,
    now,
    async (trx) => {
      const account = await accountOf(trx, loginId);
      return { account, ...(await apply(trx, account)) };
    },
    ({ account, active, sessionsEnded }) => ({
      action: 'update',
      entity: 'user',
      entityId: String(account.id),
      ...(active !== account.active ? { before: { active: account.active }, after: { active } } : {}),
      detail: { change: kind, loginId: account.loginId, ...(sessionsEnded ? { sessionsEnded } : {}) },
    }),
  );
  return { loginId: r.account.loginId, active: r.active, sessionsEnded: r.sessionsEnded };
}

/**
 * Disables a user: they can no longer sign in, and every session of theirs ends for good (deleted, and the
 * credential generation moves on, so re-enabling revives none). HR cannot disable themselves.
 */
export async function disableUser(db: Db, actor: Actor, now: Date, loginId: string): Promise<AccountChange> {
  return changeAccount(db, actor, now, loginId, 'disable', async (trx, account) => {
    if (account.id === actor.userId) {
      throw new ApiError(409, 'conflict', '自分自身のアカウントは無効にできません');
    }
    await setUserActive(trx, account.id, false);
    return { active: false, sessionsEnded: await deleteSessionsOfUser(trx, account.id) };
  });
}

/** Enables a user again: they may sign in with their password; no old session comes back. */
export async function enableUser(db: Db, actor: Actor, now: Date, loginId: string): Promise<AccountChange> {
  return changeAccount(db, actor, now, loginId, 'enable', async (trx, account) => {
    await setUserActive(trx, account.id, true);
    return { active: true, sessionsEnded: 0 };
  });
}

/**
 * Sets a new password for a user (already validated by `passwordSchema`; common passwords refused) and ends every
 * session of theirs. It is an issued password: the person must replace it at the next sign-in.
 */
export async function resetPassword(
  db: Db,
  actor: Actor,
  now: Date,
  loginId: string,
  password: string,
): Promise<AccountChange> {
  const problem = await passwordProblem(password, loginId);
  if (problem) throw new ApiError(400, 'invalid_request', problem, [{ field: 'password', message: problem }]);
  // Hashing takes a while: outside the transaction.
  const passwordHash = await hashPassword(password);
  return changeAccount(db, actor, now, loginId, 'password-reset', async (trx, account) => {
    await setIssuedPassword(trx, account.id, passwordHash, null);
    return { active: account.active, sessionsEnded: await deleteSessionsOfUser(trx, account.id) };
  });
}
