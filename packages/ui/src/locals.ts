// What the shared hooks (kit.ts) put on every request; kit.ts imports this, so every app that uses the
// shared hooks gets the same App.Locals.
import type { Lang } from './i18n/index.js';
import type { SessionUser } from './api.js';

declare global {
  // SvelteKit declares its app types as the global namespace App; this adds to it.
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace App {
    interface Locals {
      /** The signed-in user from GET /api/me; null on the login page when nobody is signed in. */
      user: SessionUser | null;
      lang: Lang;
    }
  }
}

export {};
