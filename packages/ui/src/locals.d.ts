// What the shared hooks (kit.ts) put on every request; the apps' app.d.ts declare the same.
import type { Lang } from './i18n/index.js';
import type { SessionUser } from './api.js';

declare global {
  namespace App {
    interface Locals {
      user: SessionUser | null;
      lang: Lang;
    }
  }
}

export {};
