import { writeAudit, type AuditEntry } from '@jinzai/db';
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '@jinzai/db';
import type { AppEnv } from './deps.js';

type Fields = Omit<AuditEntry, 'at' | 'userId' | 'loginId'>;

/** Records what the signed-in person read or wrote (DOMAIN §9); pass a transaction to commit with the write. */
export async function audit(c: Context<AppEnv>, fields: Fields, db: Kysely<Database> = c.var.deps.db) {
  const user = c.var.user;
  await writeAudit(db, {
    ...fields,
    at: c.var.deps.now().toISOString(),
    userId: user?.id ?? null,
    loginId: user?.loginId ?? null,
  });
}
