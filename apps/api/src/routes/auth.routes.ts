// Sign-in, sign-out and the signed-in user (docs/interfaces.md "Start, sign-in, demo").
import { loginSchema, ownPasswordSchema, type User } from '@jinzai/model';
import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import type { AppEnv } from '../deps.js';
import { errorBody, errors } from '../errors.js';
import { actorOf } from '../http/actor.js';
import { clientIp, isHttps } from '../http/peer.js';
import { currentUser, SESSION_COOKIE } from '../middleware/session.js';
import { describe, validate } from '../openapi.js';
import { changeOwnPassword, ownAccount } from '../services/accounts.service.js';
import { signIn, signOut } from '../services/auth.service.js';
import { unreadNoticeCount } from '../services/notices.service.js';

export const userSchema = z.object({
  id: z.number(),
  loginId: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
  staffNo: z.string().nullable(),
  /** Signed in with an issued password: nothing else works until the person sets their own. */
  mustChangePassword: z.boolean(),
});

/** GET /api/me adds the header's count of unread notices and whether mail is on (docs/domain.md §12). */
const meSchema = userSchema.extend({ notices: z.object({ unread: z.number(), mail: z.boolean() }) });

const publicUser = (u: User) => ({
  id: u.id,
  loginId: u.loginId,
  displayName: u.displayName,
  roles: u.roles,
  staffNo: u.staffNo,
  mustChangePassword: u.mustChangePassword === true,
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
        401: { description: 'Wrong login id or password, or an issued password that expired' },
        403: {
          description: 'Directory sign-in: not on the roster, account disabled, or another staff number',
        },
        503: { description: 'The directory cannot be reached (local accounts still sign in)' },
        429: {
          description:
            'Too many failed attempts: wait Retry-After seconds (also in details.retryAfterSeconds)',
        },
      },
    }),
    validate('json', loginSchema),
    async (c) => {
      const { db, now, session: cfg, throttle, directory } = c.var.deps;
      const { loginId, password } = c.req.valid('json');
      const signedIn = await signIn(
        db,
        now(),
        { session: cfg, throttle, directory: directory ?? null },
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

const accountSchema = z.object({
  loginId: z.string(),
  displayName: z.string(),
  staffNo: z.string().nullable(),
  email: z.string().nullable(),
  roles: z.array(z.string()),
  authSource: z.enum(['local', 'directory']),
  lastSignInAt: z.string().nullable(),
  mustChangePassword: z.boolean(),
});

/** GET /api/me: the signed-in user and their roles; their account page and their own password. */
export const meRoutes = new Hono<AppEnv>()
  .get(
    '/',
    describe({
      summary: 'The signed-in user and their roles, with their unread notices and whether mail is on',
      tags: ['auth'],
      responses: { 200: { description: 'Signed in', schema: z.object({ user: meSchema }) } },
    }),
    async (c) => {
      const user = currentUser(c);
      const { db, mail } = c.var.deps;
      const unread = await unreadNoticeCount(db, user);
      return c.json({ user: { ...publicUser(user), notices: { unread, mail: Boolean(mail) } } }, 200);
    },
  )
  .get(
    '/account',
    describe({
      summary: "The signed-in person's own account: how it signs in, its roles, the last sign-in",
      tags: ['auth'],
      responses: { 200: { description: 'The account', schema: z.object({ account: accountSchema }) } },
    }),
    async (c) => {
      const user = currentUser(c);
      const { db, now } = c.var.deps;
      const a = await ownAccount(db, { userId: user.id, loginId: user.loginId }, user.loginId, now());
      return c.json(
        {
          account: {
            loginId: a.loginId,
            displayName: a.displayName,
            staffNo: a.staffNo,
            email: a.email,
            roles: a.roles,
            authSource: a.authSource,
            lastSignInAt: a.lastSignInAt,
            mustChangePassword: a.mustChangePassword,
          },
        },
        200,
      );
    },
  )
  .post(
    '/password',
    describe({
      summary: "Set one's own password (local accounts): every other session ends",
      tags: ['auth'],
      responses: {
        200: { description: 'Changed' },
        400: { description: 'Current password wrong, or the new one too short, common or the login id' },
        409: { description: "A directory account: its password is the directory's" },
      },
    }),
    validate('json', ownPasswordSchema),
    async (c) => {
      const user = currentUser(c);
      const { db, now } = c.var.deps;
      const sessionId = c.var.sessionId;
      if (!sessionId) throw errors.unauthenticated();
      await changeOwnPassword(
        db,
        { userId: user.id, loginId: user.loginId },
        now(),
        sessionId,
        c.req.valid('json'),
      );
      return c.json({ ok: true as const }, 200);
    },
  );
