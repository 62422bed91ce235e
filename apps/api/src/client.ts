import { hc } from 'hono/client';
import type { AppType } from './app.js';

/** A typed client of the API for the SvelteKit apps (they talk to the API over HTTP only). */
export function createApiClient(baseUrl: string, fetchFn: typeof fetch) {
  return hc<AppType>(baseUrl, { fetch: fetchFn });
}

export type ApiClient = ReturnType<typeof createApiClient>;
export type { AppType };
