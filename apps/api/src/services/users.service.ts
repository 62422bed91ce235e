// HR's account administration (docs/interfaces.md "Accounts"): disabling and enabling a user, resetting a
// password; each ends the user's sessions where it must and is audited in its transaction.
import { deleteSessionsOfUser, findAccount, setPasswordHash, setUserActive, type Database } from '@jinzai/db';
import type { Kysely } from 'kysely';
import { audited } from '../audit.js';
import { ApiError, errors } from '../errors.js';
import { hashPassword } from '../passwords.js';
import type { Actor } from './actor.js';

type Db = Kysely<Database>;

export interface AccountChange {
  loginId: string;
  active: boolean;
  /** Sessions that the change ended. */
  sessionsEnded: number;
}

const change = ({ loginId, active, sessionsEnded }: AccountChange): AccountChange => ({
  loginId,
  active,
  sessionsEnded,
});

async function accountOf(trx: Db, loginId: string) {
  const account = await findAccount(trx, loginId);
  if (!account) throw errors.notFound('ユーザー');
  return account;
}

/**
 * Disables a user: they can no longer sign in, and every session of theirs ends for good (deleted, and the
 * credential generation moves on, so re-enabling revives none). HR cannot disable themselves.
 */
export async function disableUser(db: Db, actor: Actor, now: Date, loginId: string): Promise<AccountChange> {
  return audited(
    db,
    actor,
    now,
    async (trx) => {
      const account = await accountOf(trx, loginId);
      if (account.id === actor.userId) {
        throw new ApiError(409, 'conflict', '自分自身のアカウントは無効にできません');
      }
      await setUserActive(trx, account.id, false);
      const sessionsEnded = await deleteSessionsOfUser(trx, account.id);
      return { id: account.id, loginId: account.loginId, active: false, sessionsEnded, was: account.active };
    },
    (r) => ({
      action: 'update',
      entity: 'user',
      entityId: String(r.id),
      before: { active: r.was },
      after: { active: false },
      detail: { change: 'disable', loginId: r.loginId, sessionsEnded: r.sessionsEnded },
    }),
  ).then(change);
}

/** Enables a user again: they may sign in with their password; no old session comes back. */
export async function enableUser(db: Db, actor: Actor, now: Date, loginId: string): Promise<AccountChange> {
  return audited(
    db,
    actor,
    now,
    async (trx) => {
      const account = await accountOf(trx, loginId);
      await setUserActive(trx, account.id, true);
      return {
        id: account.id,
        loginId: account.loginId,
        active: true,
        sessionsEnded: 0,
        was: account.active,
      };
    },
    (r) => ({
      action: 'update',
      entity: 'user',
      entityId: String(r.id),
      before: { active: r.was },
      after: { active: true },
      detail: { change: 'enable', loginId: r.loginId },
    }),
  ).then(change);
}

/** Sets a new password for a user (already validated by `passwordSchema`) and ends every session of theirs. */
export async function resetPassword(
  db: Db,
  actor: Actor,
  now: Date,
  loginId: string,
  password: string,
): Promise<AccountChange> {
  // Hashing takes a while: outside the transaction.
  const passwordHash = await hashPassword(password);
  return audited(
    db,
    actor,
    now,
    async (trx) => {
      const account = await accountOf(trx, loginId);
      await setPasswordHash(trx, account.id, passwordHash);
      const sessionsEnded = await deleteSessionsOfUser(trx, account.id);
      return { id: account.id, loginId: account.loginId, active: account.active, sessionsEnded };
    },
    // Never the password or its hash in the log.
    (r) => ({
      action: 'update',
      entity: 'user',
      entityId: String(r.id),
      detail: { change: 'password-reset', loginId: r.loginId, sessionsEnded: r.sessionsEnded },
    }),
  ).then(change);
}
