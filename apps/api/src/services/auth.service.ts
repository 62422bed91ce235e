// Signing in and out (docs/interfaces.md "Start, sign-in, demo"): argon2id passwords, database sessions, and
// growing delays after failed attempts (per login id and address, per login id, per address), never a lock.
import {
  claimAttempt,
  createSession,
  deleteSession,
  findAccount,
  findUserForLogin,
  forgiveAttempt,
  loginsOfStaff,
  noteSignIn,
  staffOnRoster,
  writeAccounts,
  type LoginAccount,
  waitUntil,
  type Database,
} from '@jinzai/db';
import { secondsToWait, throttleAddress, type User } from '@jinzai/model';
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit.js';
import type { Deps } from '../deps.js';
import { ApiError } from '../errors.js';
import { newSessionToken } from './session-token.js';
import { dummyHash, verifyPassword } from '../passwords.js';
import { checkDirectoryPassword, type DirectoryConfig } from './directory.js';
import type { Actor } from './actor.js';

type Db = Kysely<Database>;

const NOBODY: Actor = { userId: null, loginId: null };

/** 429: the attempt must wait; `details.retryAfterSeconds` (and the route's Retry-After) say how long. */
const tooSoon = (until: string, now: Date) => {
  const retryAfterSeconds = secondsToWait(Date.parse(until), now.getTime());
  return new ApiError(
    429,
    'too_many_attempts',
    `ログイン試行が多すぎます。${retryAfterSeconds}秒後に再度お試しください`,
    { retryAfterSeconds, retryAt: until },
    { 'retry-after': String(retryAfterSeconds) },
  );
};

/** The throttle's counters for an attempt: the pair (one person's typos), the login id, the address. */
function throttleKeys(loginId: string, clientIp: string) {
  const id = loginId.toLowerCase();
  const ip = throttleAddress(clientIp);
  return { pair: `pair:${id}|${ip}`, loginId: `id:${id}`, address: `ip:${ip}` };
}

/**
 * Checks a login id and password from an address: a new session (its cookie token) for the user, or null for wrong
 * credentials. Failures slow further attempts down (429 with the seconds to wait while one of the counters asks
 * for a wait; the password is then not even checked) but never lock an id: a pair of login id and address that is
 * not being delayed always gets in with the right password. Every attempt is audited.
 */
export async function signIn(
  db: Db,
  now: Date,
  config: Pick<Deps, 'session' | 'throttle' | 'directory'>,
  input: { loginId: string; password: string; ip: string },
): Promise<{ user: User; token: string } | null> {
  const { throttle, session } = config;
  const keys = throttleKeys(input.loginId, input.ip);
  const at = now.toISOString();
  const all = [keys.pair, keys.loginId, keys.address];
  const wait = await waitUntil(db, all, at);
  if (wait) throw tooSoon(wait, now);
  // Each attempt counts as a failure until its password proves right, so parallel attempts cannot slip past a wait.
  for (const [key, rule] of [
    [keys.pair, throttle.pair],
    [keys.loginId, throttle.loginId],
    [keys.address, throttle.address],
  ] as const) {
    if (!(await claimAttempt(db, key, now, rule))) throw tooSoon((await waitUntil(db, all, at)) ?? at, now);
  }

  const found = await authenticate(db, now, config.directory ?? null, input);
  if (!found) {
    await recordAudit(db, NOBODY, now, { action: 'login-failed', entity: 'user', entityId: input.loginId });
    return null;
  }
  // The pair starts over; the login id and the address keep an attacker's other failures counted.
  await forgiveAttempt(db, keys.pair, now, throttle.pair, { all: true });
  await forgiveAttempt(db, keys.loginId, now, throttle.loginId);
  await forgiveAttempt(db, keys.address, now, throttle.address);
  const { token, id } = newSessionToken();
  await createSession(db, {
    id,
    userId: found.user.id,
    credentialGeneration: found.credentialGeneration,
    createdAt: at,
    lastSeenAt: at,
    expiresAt: new Date(now.getTime() + session.idleMinutes * 60_000).toISOString(),
  });
  const user = found.user;
  await noteSignIn(db, user.id, at);
  await recordAudit(db, { userId: user.id, loginId: user.loginId }, now, {
    action: 'login',
    entity: 'user',
    entityId: String(user.id),
  });
  return { user, token };
}

/** Ends a session (when there is one) and records the sign-out. */
export async function signOut(db: Db, actor: Actor, now: Date, sessionId: string | null): Promise<void> {
  if (sessionId) await deleteSession(db, sessionId);
  await recordAudit(db, actor, now, { action: 'logout', entity: 'user', entityId: String(actor.userId) });
}

const refused = (status: 401 | 403 | 503, code: string, message: string) =>
  new ApiError(status, code, message);

/**
 * Whose account a login id and password open, or null for wrong credentials (docs/domain.md §9 "Accounts").
 * A local account checks its stored hash (an issued one-time password that expired is refused with its own
 * message). A directory account, or a login id this database does not know while a directory is configured, asks
 * the directory: the entry's staff number must be the account's, and a person on the roster who signs in through
 * the directory for the first time gets their account then. Clear refusals (403, 503) come only after the
 * password proved right, so they reveal nothing to someone guessing.
 */
async function authenticate(
  db: Db,
  now: Date,
  directory: DirectoryConfig | null,
  input: { loginId: string; password: string },
): Promise<LoginAccount | null> {
  const today = now.toISOString().slice(0, 10);
  const found = await findUserForLogin(db, input.loginId, today);
  if (found?.authSource === 'local' || !directory) {
    const hash = found?.authSource === 'local' && found.passwordHash ? found.passwordHash : null;
    const ok = await verifyPassword(hash ?? (await dummyHash), input.password);
    if (!hash || !ok) return null;
    if (found?.passwordExpiresAt && found.passwordExpiresAt <= now.toISOString()) {
      throw refused(
        401,
        'password_expired',
        '初期パスワードの有効期限が切れています。人事担当に再発行を依頼してください',
      );
    }
    return found ?? null;
  }
  const r = await checkDirectoryPassword(directory, input.loginId, input.password);
  if (r.kind === 'unavailable') {
    console.error(`[jinzai] directory sign-in: ${r.message}`);
    throw refused(
      503,
      'directory_unavailable',
      '庁内ディレクトリに接続できないため、ログインできません。しばらくしてから再度お試しください（ディレクトリを使わないアカウントは通常どおりログインできます）',
    );
  }
  if (r.kind !== 'ok') return null;
  const mismatch = () =>
    refused(
      403,
      'directory_mismatch',
      'ディレクトリの職員番号がこのアカウントと一致しません。人事担当にお問い合わせください',
    );
  if (found) {
    if (found.user.staffNo && r.staffNo !== found.user.staffNo) throw mismatch();
    return found;
  }
  const disabled = () =>
    refused(403, 'account_disabled', 'このアカウントは無効になっています。人事担当にお問い合わせください');
  if (await findAccount(db, input.loginId)) throw disabled();
  const notOnRoster = refused(
    403,
    'not_on_roster',
    'ディレクトリでは確認できましたが、職員名簿に登録されていないためログインできません。人事担当にお問い合わせください',
  );
  if (!r.staffNo) throw notOnRoster;
  const person = await staffOnRoster(db, r.staffNo);
  if (!person) throw notOnRoster;
  const owner = (await loginsOfStaff(db, [r.staffNo])).get(r.staffNo);
  if (owner) {
    const linked = await findUserForLogin(db, owner, today);
    if (!linked) throw disabled();
    if (linked.authSource !== 'directory') throw mismatch();
    return linked;
  }
  // The first directory sign-in of a person on the roster: their account is made now, with no password.
  await db.transaction().execute(async (trx) => {
    await writeAccounts(
      trx,
      [{ loginId: input.loginId, displayName: person.name, staffNo: r.staffNo, email: null, roles: null }],
      'directory',
      now.toISOString(),
    );
    await recordAudit(trx, NOBODY, now, {
      action: 'create',
      entity: 'user',
      entityId: input.loginId,
      after: { staffNo: r.staffNo, authSource: 'directory' },
      detail: { change: 'directory-first-sign-in' },
    });
  });
  return (await findUserForLogin(db, input.loginId, today)) ?? null;
}
