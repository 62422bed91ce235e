import type { Lang, SessionUser } from '@jinzai/ui';

declare global {
  namespace App {
    interface Locals {
      /** The signed-in user from GET /api/me; null on the login page when nobody is signed in. */
      user: SessionUser | null;
      lang: Lang;
    }
  }
}

export {};
