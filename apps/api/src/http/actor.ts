// Who is asking, in the form the services take (they never see Hono's Context).
import type { Context } from 'hono';
import type { AppEnv } from '../deps.js';
import { currentUser } from '../middleware/session.js';
import type { Actor } from '../services/actor.js';

/** The signed-in user as the acting person of a service call (401 without a session). */
export function actorOf(c: Context<AppEnv>): Actor {
  const u = currentUser(c);
  return { userId: u.id, loginId: u.loginId };
}
