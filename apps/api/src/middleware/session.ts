// The session cookie: loading the signed-in user on every request, and the role check the routes build on.
import { findLiveSession, touchSession } from '@jinzai/db';
import { hasRole, type Role, type User } from '@jinzai/model';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from '../deps.js';
import { ApiError, errors } from '../errors.js';
import { sessionIdOf } from '../services/session-token.js';
import { sessionMemoOf } from '../in-process.js';

export const SESSION_COOKIE = 'jinzai_session';

/**
 * Loads the signed-in user from the session cookie (or none), sliding the idle expiry now and then. A page request
 * of the apps served in this process resolves its session once: the in-process calls carry a memo of it (see
 * in-process.ts), which a write clears.
 */
export function loadSession(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('user', null);
    c.set('sessionId', null);
    const token = getCookie(c, SESSION_COOKIE);
    const memo = sessionMemoOf(c.env);
    if (token && token.length < 200) {
      const known = memo?.token === token ? memo.resolved : undefined;
      const resolved = known === undefined ? await resolveSession(c.var.deps, token) : known;
      if (memo) Object.assign(memo, { token, resolved });
      if (resolved) {
        c.set('user', resolved.user);
        c.set('sessionId', resolved.sessionId);
      }
    }
    try {
      await next();
    } finally {
      // A write may have ended the session, changed the password or the roles: the next call looks again.
      if (memo && c.req.method !== 'GET' && c.req.method !== 'HEAD') delete memo.resolved;
    }
  };
}

/** The live session of a token and its user (one query), sliding the idle expiry at most once a minute. */
async function resolveSession(
  deps: AppEnv['Variables']['deps'],
  token: string,
): Promise<{ user: User; sessionId: string } | null> {
  const { db, now, session: cfg } = deps;
  const at = now();
  const id = sessionIdOf(token);
  const live = await findLiveSession(db, id, at.toISOString());
  if (!live) return null;
  // Write at most once a minute per session: reads stay reads.
  if (at.getTime() - Date.parse(live.session.lastSeenAt) > 60_000) {
    const cap = Date.parse(live.session.createdAt) + cfg.maxHours * 3_600_000;
    const expires = Math.min(at.getTime() + cfg.idleMinutes * 60_000, cap);
    await touchSession(db, id, at.toISOString(), new Date(expires).toISOString());
  }
  return { user: live.user, sessionId: id };
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
