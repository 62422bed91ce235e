// Accounts for the whole roster (docs/domain.md §9 "Accounts", docs/interfaces.md "Accounts"): the users import,
// HR's list, initial passwords, how an account signs in, and each person's own account and password.
import { randomInt } from 'node:crypto';
import {
  accountsByLogin,
  auditedAccount,
  brokenConstraint,
  createAccounts,
  deleteSessionsOfUser,
  findAccount,
  findUserForLogin,
  keepOnlySession,
  listAccounts,
  loginsOfStaff,
  setAuthSource,
  setIssuedPassword,
  setOwnPassword,
  namesByStaffNo,
  writeAccounts,
  yieldToEventLoop,
  type AccountFilter,
  type AccountRow,
  type Database,
  type Upserted,
} from '@jinzai/db';
import { fieldChanges, userRowSpec } from '@jinzai/model';
import type { Kysely } from 'kysely';
import { audited, recordAudit, recordChanges, recordImport } from '../audit.js';
import { ApiError, errors } from '../errors.js';
import { throwIfAny, type ImportDetail } from '../import/errors.js';
import { readRows, type Upload } from '../import/table.js';
import { hashPassword, passwordProblem, verifyPassword } from '../passwords.js';
import type { Actor } from './actor.js';

type Db = Kysely<Database>;

export interface UsersImportSummary {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
}

/**
 * Imports users (`login_id,staff_no,roles,email`), all or nothing, in one transaction. A staff number must be on
 * the roster and may belong to one account only; a new account signs in through the directory when one is
 * configured, else it waits for HR to issue an initial password (no password is hashed here). New accounts are
 * written and audited set-based by the database (createAccounts); an existing account is written and audited only
 * when the file changes it. The database enforces both rules on the staff number; when a row breaks one, the
 * transaction rolls back and the rows at fault are found and named (refusalOf).
 */
export async function importUsers(
  db: Db,
  file: Upload,
  actor: Actor,
  now: Date,
  options: { directory: boolean },
): Promise<UsersImportSummary> {
  const { rows, details } = await readRows(file, userRowSpec);
  throwIfAny('invalid_rows', details);
  await yieldToEventLoop();
  const at = now.toISOString();
  const authSource = options.directory ? 'directory' : 'local';
  try {
    return await db.transaction().execute(async (trx) => {
      const stored = await accountsByLogin(
        trx,
        rows.map((r) => r.login_id),
      );
      const known = rows.filter((r) => stored.has(r.login_id));
      const names = await namesByStaffNo(
        trx,
        known.flatMap((r) => (r.staff_no ? [r.staff_no] : [])),
      );
      const changed: AccountRow[] = [];
      const changes: Upserted<ReturnType<typeof auditedAccount>>[] = [];
      for (const r of known) {
        const before = stored.get(r.login_id);
        if (!before) continue;
        const after: AccountRow = {
          loginId: r.login_id,
          displayName: (r.staff_no && names.get(r.staff_no)) || before.displayName || r.login_id,
          staffNo: r.staff_no,
          email: r.email,
          roles: r.roles,
        };
        const was = auditedAccount({ ...before, roles: r.roles ? before.grantedRoles : null });
        if (!fieldChanges(was, auditedAccount(after))) continue;
        changed.push(after);
        changes.push({ key: r.login_id, before: was, after: auditedAccount(after) });
      }
      await writeAccounts(trx, changed, authSource, at);
      const fresh = rows.filter((r) => !stored.has(r.login_id));
      await createAccounts(
        trx,
        fresh.map((r) => ({ loginId: r.login_id, staffNo: r.staff_no, email: r.email, roles: r.roles })),
        authSource,
        at,
        actor,
      );
      await recordChanges(trx, actor, now, 'user', changes);
      const summary = {
        rows: rows.length,
        created: fresh.length,
        updated: changed.length,
        unchanged: known.length - changed.length,
      };
      await recordImport(trx, actor, now, { entity: 'users' }, file, summary);
      return summary;
    });
  } catch (error) {
    if (brokenConstraint(error)) throwIfAny('invalid_reference', await refusalOf(db, rows));
    throw error;
  }
}

/**
 * Why the database refused a users import's staff numbers, row by row, against the stored roster and accounts: a
 * staff number that is not on the roster, or that already belongs to another account (one account per person).
 */
async function refusalOf(
  db: Db,
  rows: readonly { row: number; login_id: string; staff_no: string | null }[],
): Promise<ImportDetail[]> {
  const staffNos = rows.flatMap((r) => (r.staff_no ? [r.staff_no] : []));
  const staff = await namesByStaffNo(db, staffNos);
  const owners = await loginsOfStaff(db, staffNos);
  const problems: ImportDetail[] = [];
  for (const r of rows) {
    if (!r.staff_no) continue;
    if (!staff.has(r.staff_no)) {
      problems.push({
        row: r.row,
        column: 'staff_no',
        message: `職員番号「${r.staff_no}」は名簿にありません`,
      });
      continue;
    }
    const owner = owners.get(r.staff_no);
    if (owner && owner !== r.login_id) {
      problems.push({
        row: r.row,
        column: 'staff_no',
        message: `職員番号「${r.staff_no}」には既にアカウント「${owner}」があります（1人1アカウント）`,
      });
    }
  }
  return problems;
}

/** HR's list of accounts (a read of personal data: audited). */
export async function listUsers(db: Db, actor: Actor, now: Date, filter: Omit<AccountFilter, 'today'>) {
  const result = await listAccounts(db, { ...filter, today: now.toISOString().slice(0, 10) });
  await recordAudit(db, actor, now, {
    action: 'read',
    entity: 'users',
    detail: { filter: { ...filter }, shown: result.accounts.length, total: result.total },
  });
  return result;
}

/** Characters of an issued password: no 0/O, 1/l/I, so that it can be read out or printed. */
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** 14 of them: about 81 bits. */
const ISSUED_LENGTH = 14;
/** An issued password stops working after two weeks. */
const ISSUED_DAYS = 14;

/** A random one-time password (crypto.randomInt). */
export function newIssuedPassword(): string {
  let s = '';
  for (let i = 0; i < ISSUED_LENGTH; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return s;
}

/**
 * Issues a one-time initial password for a local account (or turns a directory account local): shown once to
 * HR, valid for two weeks, to be replaced at the first sign-in; every session of the account ends. Audited
 * without the password.
 */
export async function issueInitialPassword(
  db: Db,
  actor: Actor,
  now: Date,
  loginId: string,
): Promise<{ loginId: string; password: string; expiresAt: string }> {
  const password = newIssuedPassword();
  const passwordHash = await hashPassword(password);
  const expiresAt = new Date(now.getTime() + ISSUED_DAYS * 86_400_000).toISOString();
  return audited(
    db,
    actor,
    now,
    async (trx) => {
      const account = await findAccount(trx, loginId);
      if (!account) throw errors.notFound('ユーザー');
      await setIssuedPassword(trx, account.id, passwordHash, expiresAt);
      const sessionsEnded = await deleteSessionsOfUser(trx, account.id);
      return { account, sessionsEnded };
    },
    ({ account, sessionsEnded }) => ({
      action: 'update',
      entity: 'user',
      entityId: String(account.id),
      detail: { change: 'initial-password', loginId: account.loginId, expiresAt, sessionsEnded },
    }),
  ).then(({ account }) => ({ loginId: account.loginId, password, expiresAt }));
}

/** Chooses how an account signs in (HR): `directory` removes any local password; every session ends. */
export async function setUserAuthSource(
  db: Db,
  actor: Actor,
  now: Date,
  loginId: string,
  source: 'local' | 'directory',
): Promise<{ loginId: string; authSource: 'local' | 'directory' }> {
  const r = await audited(
    db,
    actor,
    now,
    async (trx) => {
      const [account] = [...(await accountsByLogin(trx, [loginId])).values()];
      if (!account) throw errors.notFound('ユーザー');
      await setAuthSource(trx, account.id, source);
      await deleteSessionsOfUser(trx, account.id);
      return account;
    },
    (account) => ({
      action: 'update',
      entity: 'user',
      entityId: String(account.id),
      before: { authSource: account.authSource },
      after: { authSource: source },
      detail: { change: 'auth-source', loginId: account.loginId },
    }),
  );
  return { loginId: r.loginId, authSource: source };
}

/** The signed-in person's own account (their page): what it is, how it signs in, when it last did. */
export async function ownAccount(db: Db, actor: Actor & { userId: number }, loginId: string, now: Date) {
  const [account] = [...(await accountsByLogin(db, [loginId])).values()];
  if (!account || account.id !== actor.userId) throw errors.notFound('アカウント');
  const found = await findUserForLogin(db, loginId, now.toISOString().slice(0, 10));
  return { ...account, roles: found?.user.roles ?? [] };
}

/**
 * The person sets their own password (a local account): the current one must be right, the new one must pass the
 * policy; every other session ends and this one stays. Audited without either password.
 */
export async function changeOwnPassword(
  db: Db,
  actor: Actor & { userId: number; loginId: string },
  now: Date,
  sessionId: string,
  input: { current: string; password: string },
): Promise<void> {
  const found = await findUserForLogin(db, actor.loginId);
  if (!found) throw errors.notFound('アカウント');
  if (found.authSource === 'directory') {
    throw new ApiError(
      409,
      'directory_account',
      'このアカウントは庁内ディレクトリのパスワードでログインします。パスワードはディレクトリ側で変更してください',
    );
  }
  if (!(await verifyPassword(found.passwordHash, input.current))) {
    throw new ApiError(400, 'invalid_request', '現在のパスワードが正しくありません', [
      { field: 'current', message: '現在のパスワードが正しくありません' },
    ]);
  }
  const problem =
    input.password === input.current
      ? '今のパスワードとは別のパスワードにしてください'
      : await passwordProblem(input.password, actor.loginId);
  if (problem) throw new ApiError(400, 'invalid_request', problem, [{ field: 'password', message: problem }]);
  const passwordHash = await hashPassword(input.password);
  await audited(
    db,
    actor,
    now,
    async (trx) => {
      await setOwnPassword(trx, actor.userId, passwordHash);
      return keepOnlySession(trx, actor.userId, sessionId);
    },
    (sessionsEnded) => ({
      action: 'update',
      entity: 'user',
      entityId: String(actor.userId),
      detail: { change: 'own-password', sessionsEnded },
    }),
  );
}
