import type { Database, DialectName } from '@jinzai/db';
import type { User } from '@jinzai/model';
import type { Kysely } from 'kysely';

/** What every route needs, injected so tests can swap the clock and the database. */
export interface Deps {
  db: Kysely<Database>;
  dialect: DialectName;
  /** The clock: tests inject one; nothing else calls `new Date()` for business rules. */
  now: () => Date;
  session: { idleMinutes: number; maxHours: number };
  allowedOrigins: readonly string[];
  throttle: { maxFailures: number; windowMs: number; lockMs: number; maxFailuresPerIp: number };
}

export interface AppEnv {
  Variables: {
    deps: Deps;
    user: User | null;
    sessionId: string | null;
  };
}

export const defaultThrottle = {
  maxFailures: 5,
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
  maxFailuresPerIp: 50,
} as const;
