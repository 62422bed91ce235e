// Start-up of the API process: the database opened and migrated, and the dependencies the app runs with.
import { connect, countUsers, migrateToLatest, parseDatabaseUrl, type Connection } from '@jinzai/db';
import { defaultThrottle, type Deps } from './deps.js';
import type { Env } from './env.js';
import { parseTrustedProxies } from './http/peer.js';
import { seedDemo } from './demo/seed.js';
import { mailConfigFromEnv } from './mail/config.js';
import { directoryConfigFromEnv } from './services/directory.js';

/** Opens the database of DATABASE_URL, migrates it, and gives a new one the demo data unless JINZAI_DEMO=0. */
export async function openDatabase(
  env: Pick<Env, 'DATABASE_URL' | 'JINZAI_DEMO'>,
  options: { demo?: boolean; log?: (m: string) => void } = {},
): Promise<{ conn: Connection; migrated: string[]; seeded: boolean }> {
  const log = options.log ?? (() => {});
  const conn = connect(parseDatabaseUrl(env.DATABASE_URL));
  const migrated = await migrateToLatest(conn.db);
  if (migrated.length > 0) log(`マイグレーションを適用しました: ${migrated.join(', ')}`);
  // A new database (or one left empty by an interrupted first start) gets the demo ward.
  const wantsDemo = options.demo ?? env.JINZAI_DEMO;
  let seeded = false;
  // Asked again under the setup lock: another process starting on the same new database may be loading it now.
  if (wantsDemo && (await countUsers(conn.db)) === 0) {
    const r = await seedDemo(conn.db, new Date(), log, { ifEmpty: true });
    if (r) log(`デモデータを登録しました（組織 ${r.units}、職員 ${r.staff}、ログイン ${r.users}）`);
    seeded = r !== null;
  }
  return { conn, migrated, seeded };
}

/** The API's dependencies for a running process; `internalToken` is the one the apps' server side sends. */
export function depsFor(conn: Connection, env: Env, internalToken?: string): Deps {
  return {
    db: conn.db,
    dialect: conn.dialect,
    now: () => new Date(),
    session: { idleMinutes: env.SESSION_IDLE_MINUTES, maxHours: env.SESSION_MAX_HOURS },
    allowedOrigins: env.ALLOWED_ORIGINS,
    trustedProxies: parseTrustedProxies(env.TRUSTED_PROXIES),
    ...(env.ORIGIN ? { origin: env.ORIGIN } : {}),
    ...(internalToken ? { internalToken } : {}),
    throttle: { ...defaultThrottle },
    directory: directoryConfigFromEnv(env),
    mail: mailConfigFromEnv(env),
  };
}
