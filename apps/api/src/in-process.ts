// The API called in process: when main.ts serves the SvelteKit apps beside the API (docs/toolchain.md "Running"),
// it registers the Hono app's fetch here, and the apps' handleFetch (packages/ui kit.ts) hands their `/api/…`
// requests straight to it, without a TCP hop. The apps are bundled separately, so the two meet on a global under
// a registered symbol; apps that run as processes of their own find nothing here and call the API over HTTP.
import type { User } from '@jinzai/model';

/**
 * One page request's memo of the signed-in user: the hooks' `/api/me` resolves the session, and the page's own
 * API calls in the same request reuse it. It lives only as long as the page request (nothing outlives it, so it
 * cannot go stale across processes), and a write forgets it (it may have ended or changed the session).
 */
export interface SessionMemo {
  token?: string;
  resolved?: { user: User; sessionId: string } | null;
}

/** What the apps pass as the second argument of the in-process fetch (Hono's `c.env`). */
export interface InProcessBindings {
  readonly [SESSION_MEMO]: SessionMemo;
}

export type InProcessApi = (request: Request, bindings: InProcessBindings) => Response | Promise<Response>;

const API = Symbol.for('jinzai.in-process-api');
export const SESSION_MEMO = Symbol.for('jinzai.in-process-session-memo');

type Holder = { [API]?: InProcessApi };

/** Registers the API's fetch for the apps served by this process (main.ts); undefined: none any more. */
export function registerInProcessApi(fetch: InProcessApi | undefined): void {
  (globalThis as Holder)[API] = fetch;
}

/** The API's fetch when this process serves it, else undefined. */
export function inProcessApi(): InProcessApi | undefined {
  return (globalThis as Holder)[API];
}

/** The page request's session memo of an in-process call (only the apps' server side can pass one). */
export function sessionMemoOf(env: unknown): SessionMemo | undefined {
  if (typeof env !== 'object' || env === null || !(SESSION_MEMO in env)) return undefined;
  return (env as InProcessBindings)[SESSION_MEMO];
}
