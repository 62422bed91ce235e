import type { Database, DialectName } from '@jinzai/db';
import { SIGN_IN_THROTTLE, type SignInThrottle, type User } from '@jinzai/model';
import type { Kysely } from 'kysely';
import type { TrustedProxies } from './http/peer.js';
import type { MailConfig } from './mail/config.js';
import type { DirectoryConfig } from './services/directory.js';

/** What every route needs, injected so tests can swap the clock and the database. */
export interface Deps {
  db: Kysely<Database>;
  dialect: DialectName;
  /** The clock: tests inject one; nothing else calls `new Date()` for business rules. */
  now: () => Date;
  session: { idleMinutes: number; maxHours: number };
  allowedOrigins: readonly string[];
  /** The proxies whose X-Forwarded-For and X-Forwarded-Proto are believed (TRUSTED_PROXIES); none by default. */
  trustedProxies?: TrustedProxies;
  /** The public origin (ORIGIN), e.g. https://jinzai.example.jp behind a TLS-terminating proxy. */
  origin?: string;
  /** The token with which the apps' server side proves that its X-Forwarded-For is the visitor's address. */
  internalToken?: string;
  /** How failed sign-ins delay further attempts (the rule is in model; tests may tighten it). */
  throttle: SignInThrottle;
  /** The office directory that checks directory accounts' passwords (LDAP_URL …); null or absent: none. */
  directory?: DirectoryConfig | null;
  /** Mail (SMTP_URL, MAIL_FROM); null or absent: off, and notices appear in the app only (docs/domain.md §12). */
  mail?: MailConfig | null;
}

export interface AppEnv {
  Variables: {
    deps: Deps;
    user: User | null;
    sessionId: string | null;
  };
}

export const defaultThrottle: SignInThrottle = SIGN_IN_THROTTLE;
