import {
  clearFailures,
  createSession,
  deleteSession,
  findUserForLogin,
  lockedUntil,
  recordFailure,
} from '@jinzai/db';
import { loginSchema, type User } from '@jinzai/model';
import { Hono, type Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { audit } from '../audit.js';
import type { AppEnv } from '../deps.js';
import { ApiError, errorBody } from '../errors.js';
import { currentUser, newSessionToken, SESSION_COOKIE } from '../middleware/session.js';
import { describe, validate } from '../openapi.js';
import { dummyHash, verifyPassword } from '../passwords.js';

export const userSchema = z.object({
  id: z.number(),
  loginId: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
  staffNo: z.string().nullable(),
});

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * The address a sign-in attempt comes from, for throttling. X-Forwarded-For is believed only from loopback: that is
 * the apps' own server side passing on the visitor's address; anyone else could write any address there.
 */
export function clientIp(c: Context<AppEnv>): string {
  const socket = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming
    ?.socket;
  const remote = socket?.remoteAddress;
  const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
  if (forwarded && (remote === undefined || LOOPBACK.has(remote))) return forwarded;
  return remote ?? 'unknown';
}

const tooMany = (until: string) =>
  new ApiError(429, 'too_many_attempts', 'ログイン試行が多すぎます。しばらくしてから再度お試しください', {
    retryAfter: until,
  });

const publicUser = (u: User) => ({
  id: u.id,
  loginId: u.loginId,
  displayName: u.displayName,
  roles: u.roles,
  staffNo: u.staffNo,
});

/** Sign-in, sign-out: argon2id passwords, database sessions, throttling per login id and per address. */
export const authRoutes = new Hono<AppEnv>()
  .post(
    '/login',
    describe({
      summary: 'Sign in; sets the session cookie',
      tags: ['auth'],
      auth: false,
      responses: {
        200: { description: 'Signed in', schema: z.object({ user: userSchema }) },
        401: { description: 'Wrong login id or password' },
        429: { description: 'Too many failed attempts' },
      },
    }),
    validate('json', loginSchema),
    async (c) => {
      const { db, now, session: cfg, throttle } = c.var.deps;
      const { loginId, password } = c.req.valid('json');
      const at = now();
      const idKey = `id:${loginId.toLowerCase()}`;
      const ipKey = `ip:${clientIp(c)}`;
      const locked =
        (await lockedUntil(db, idKey, at.toISOString())) ?? (await lockedUntil(db, ipKey, at.toISOString()));
      if (locked) throw tooMany(locked);

      const found = await findUserForLogin(db, loginId);
      const ok = found
        ? await verifyPassword(found.passwordHash, password)
        : (await verifyPassword(await dummyHash, password), false);
      if (!found || !ok) {
        const lockId = await recordFailure(db, idKey, at, throttle);
        const lockIp = await recordFailure(db, ipKey, at, {
          ...throttle,
          maxFailures: throttle.maxFailuresPerIp,
        });
        await audit(c, { action: 'login-failed', entity: 'user', entityId: loginId });
        if (lockId ?? lockIp) throw tooMany((lockId ?? lockIp) as string);
        return c.json(errorBody('invalid_credentials', 'ログインIDまたはパスワードが正しくありません'), 401);
      }
      await clearFailures(db, idKey);
      const { token, id } = newSessionToken();
      const expires = new Date(at.getTime() + cfg.idleMinutes * 60_000);
      await createSession(db, {
        id,
        userId: found.user.id,
        createdAt: at.toISOString(),
        lastSeenAt: at.toISOString(),
        expiresAt: expires.toISOString(),
      });
      setCookie(c, SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'Lax',
        secure: new URL(c.req.url).protocol === 'https:',
        maxAge: cfg.maxHours * 3600,
      });
      c.set('user', found.user);
      await audit(c, { action: 'login', entity: 'user', entityId: String(found.user.id) });
      return c.json({ user: publicUser(found.user) }, 200);
    },
  )
  .post(
    '/logout',
    describe({
      summary: 'Sign out: ends the session',
      tags: ['auth'],
      responses: { 200: { description: 'Signed out' } },
    }),
    async (c) => {
      currentUser(c);
      const id = c.var.sessionId;
      if (id) await deleteSession(c.var.deps.db, id);
      await audit(c, { action: 'logout', entity: 'user', entityId: String(c.var.user?.id) });
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.json({ ok: true as const }, 200);
    },
  );

/** GET /api/me: the signed-in user and their roles. */
export const meRoutes = new Hono<AppEnv>().get(
  '/',
  describe({
    summary: 'The signed-in user and their roles',
    tags: ['auth'],
    responses: { 200: { description: 'Signed in', schema: z.object({ user: userSchema }) } },
  }),
  (c) => c.json({ user: publicUser(currentUser(c)) }, 200),
);
