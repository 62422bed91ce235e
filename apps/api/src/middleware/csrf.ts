import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../deps.js';
import { errors } from '../errors.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses a state-changing request that a browser says comes from another site (docs/interfaces.md
 * "Conventions"): a foreign Origin, or Sec-Fetch-Site other than same-origin/none. Requests without either
 * header (curl, batch jobs, the apps' own server side) go through; the session cookie is SameSite=Lax
 * besides.
 */
export function csrf(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!SAFE.has(c.req.method)) {
      const origin = c.req.header('origin');
      const site = c.req.header('sec-fetch-site');
      const own = new URL(c.req.url).origin;
      const allowed = new Set([own, ...c.var.deps.allowedOrigins]);
      if (origin !== undefined && !allowed.has(origin)) {
        throw errors.forbidden();
      }
      if (origin === undefined && site !== undefined && site !== 'same-origin' && site !== 'none') {
        throw errors.forbidden();
      }
    }
    await next();
  };
}
