// A route's documentation and its access rule in one middleware, so that the roles the OpenAPI document names
// are the roles that are checked (ARCHITECTURE.md, the routes row).
import type { Role } from '@jinzai/model';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../deps.js';
import { requireRole } from '../middleware/session.js';
import { documented, type RouteDoc } from '../openapi.js';

/**
 * Documents the route and lets through only a signed-in user with one of `doc.roles` (HR passes every role check,
 * see `hasRole`); without `roles`, any signed-in user. Object-level checks stay in the services.
 */
export function guard(doc: RouteDoc & { roles?: readonly Role[] }): MiddlewareHandler<AppEnv> {
  return documented(requireRole(...(doc.roles ?? [])), doc);
}
