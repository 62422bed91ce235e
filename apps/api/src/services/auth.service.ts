// Signing in and out (docs/interfaces.md "Start, sign-in, demo"): argon2id passwords, database sessions, and
// growing delays after failed attempts (per login id and address, per login id, per address), never a lock.
import {
  claimAttempt,
  createSession,
  deleteSession,
  findUserForLogin,
  forgiveAttempt,
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
  config: Pick<Deps, 'session' | 'throttle'>,
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

  const found = await findUserForLogin(db, input.loginId);
  const ok = found
    ? await verifyPassword(found.passwordHash, input.password)
    : (await verifyPassword(await dummyHash, input.password), false);
  if (!found || !ok) {
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
