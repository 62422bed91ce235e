// Signing in and out (docs/interfaces.md "Start, sign-in, demo"): argon2id passwords, database sessions, and
// throttling of failed attempts per login id and per address.
import {
  clearFailures,
  createSession,
  deleteSession,
  findUserForLogin,
  lockedUntil,
  recordFailure,
  type Database,
} from '@jinzai/db';
import type { User } from '@jinzai/model';
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit.js';
import type { Deps } from '../deps.js';
import { ApiError } from '../errors.js';
import { newSessionToken } from './session-token.js';
import { dummyHash, verifyPassword } from '../passwords.js';
import type { Actor } from './actor.js';

type Db = Kysely<Database>;

const NOBODY: Actor = { userId: null, loginId: null };

const tooMany = (until: string) =>
  new ApiError(429, 'too_many_attempts', 'ログイン試行が多すぎます。しばらくしてから再度お試しください', {
    retryAfter: until,
  });

/**
 * Checks a login id and password from an address: a new session (its cookie token) for the user, or null for wrong
 * credentials; 429 while the id or the address is locked out. Every attempt is audited.
 */
export async function signIn(
  db: Db,
  now: Date,
  config: Pick<Deps, 'session' | 'throttle'>,
  input: { loginId: string; password: string; ip: string },
): Promise<{ user: User; token: string } | null> {
  const { throttle, session } = config;
  const idKey = `id:${input.loginId.toLowerCase()}`;
  const ipKey = `ip:${input.ip}`;
  const at = now.toISOString();
  const locked = (await lockedUntil(db, idKey, at)) ?? (await lockedUntil(db, ipKey, at));
  if (locked) throw tooMany(locked);

  const found = await findUserForLogin(db, input.loginId);
  const ok = found
    ? await verifyPassword(found.passwordHash, input.password)
    : (await verifyPassword(await dummyHash, input.password), false);
  if (!found || !ok) {
    const lockId = await recordFailure(db, idKey, now, throttle);
    const lockIp = await recordFailure(db, ipKey, now, {
      ...throttle,
      maxFailures: throttle.maxFailuresPerIp,
    });
    await recordAudit(db, NOBODY, now, { action: 'login-failed', entity: 'user', entityId: input.loginId });
    if (lockId ?? lockIp) throw tooMany((lockId ?? lockIp) as string);
    return null;
  }
  await clearFailures(db, idKey);
  const { token, id } = newSessionToken();
  await createSession(db, {
    id,
    userId: found.user.id,
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
