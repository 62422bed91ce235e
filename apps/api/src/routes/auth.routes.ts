// Sign-in, sign-out and the signed-in user (docs/interfaces.md "Start, sign-in, demo").
import { loginSchema, type User } from '@jinzai/model';
import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import type { AppEnv } from '../deps.js';
import { errorBody } from '../errors.js';
import { actorOf } from '../http/actor.js';
import { clientIp, isHttps } from '../http/peer.js';
import { currentUser, SESSION_COOKIE } from '../middleware/session.js';
import { describe, validate } from '../openapi.js';
import { signIn, signOut } from '../services/auth.service.js';

export const userSchema = z.object({
  id: z.number(),
  loginId: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
  staffNo: z.string().nullable(),
});

const publicUser = (u: User) => ({
  id: u.id,
  loginId: u.loginId,
  displayName: u.displayName,
  roles: u.roles,
  staffNo: u.staffNo,
});

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
        429: {
          description:
            'Too many failed attempts: wait Retry-After seconds (also in details.retryAfterSeconds)',
        },
      },
    }),
    validate('json', loginSchema),
    async (c) => {
      const { db, now, session: cfg, throttle } = c.var.deps;
      const { loginId, password } = c.req.valid('json');
      const signedIn = await signIn(
        db,
        now(),
        { session: cfg, throttle },
        { loginId, password, ip: clientIp(c) },
      );
      if (!signedIn) {
        return c.json(errorBody('invalid_credentials', 'ログインIDまたはパスワードが正しくありません'), 401);
      }
      const { user, token } = signedIn;
      setCookie(c, SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'Lax',
        secure: isHttps(c),
        maxAge: cfg.maxHours * 3600,
      });
      c.set('user', user);
      return c.json({ user: publicUser(user) }, 200);
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
      await signOut(c.var.deps.db, actorOf(c), c.var.deps.now(), c.var.sessionId);
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
