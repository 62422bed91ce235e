// The session cookie: loading the signed-in user on every request, and the role check the routes build on.
import { findLiveSession, touchSession } from '@jinzai/db';
import { hasRole, type Role, type User } from '@jinzai/model';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from '../deps.js';
import { ApiError, errors } from '../errors.js';
import { sessionIdOf } from '../services/session-token.js';

export const SESSION_COOKIE = 'jinzai_session';

/** Loads the signed-in user from the session cookie (or none), sliding the idle expiry now and then. */
export function loadSession(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('user', null);
    c.set('sessionId', null);
    const token = getCookie(c, SESSION_COOKIE);
    if (token && token.length < 200) {
      const { db, now, session: cfg } = c.var.deps;
      const at = now();
      const id = sessionIdOf(token);
      const live = await findLiveSession(db, id, at.toISOString());
      if (live) {
        c.set('user', live.user);
        c.set('sessionId', id);
        // Write at most once a minute per session: reads stay reads.
        if (at.getTime() - Date.parse(live.session.lastSeenAt) > 60_000) {
          const cap = Date.parse(live.session.createdAt) + cfg.maxHours * 3_600_000;
          const expires = Math.min(at.getTime() + cfg.idleMinutes * 60_000, cap);
          await touchSession(db, id, at.toISOString(), new Date(expires).toISOString());
        }
      }
    }
    await next();
  };
}

/** The signed-in user, or a 401. */
export function currentUser(c: Context<AppEnv>): User {
  const user = c.var.user;
  if (!user) throw errors.unauthenticated();
  return user;
}

/** Requires a session (401) and, when roles are given, one of them (403). */
export function requireRole(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const user = currentUser(c);
    if (!hasRole(user, ...roles)) throw errors.forbidden();
    await next();
  };
}

/** What a person who must first set their own password may still reach. */
const BEFORE_PASSWORD_CHANGE = new Set([
  '/api/me',
  '/api/me/account',
  '/api/me/password',
  '/api/auth/logout',
]);

/**
 * Someone signed in with an issued password (initial or reset) must set their own before anything else
 * (docs/domain.md §9 "Accounts"): every other route answers 403 `password_change_required`.
 */
export function passwordChangeGate(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.var.user?.mustChangePassword && !BEFORE_PASSWORD_CHANGE.has(c.req.path.replace(/\/$/, ''))) {
      throw new ApiError(
        403,
        'password_change_required',
        '初めてのログインです（またはパスワードが再設定されました）。先にご自分のパスワードを設定してください',
      );
    }
    await next();
  };
}
