// Writing the audit log (docs/domain.md §9): from a route, for the signed-in person, or from a service, for
// its actor.
import { writeAudit, type AuditEntry, type Database } from '@jinzai/db';
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import type { AppEnv } from './deps.js';
import type { Actor } from './services/actor.js';

type Fields = Omit<AuditEntry, 'at' | 'userId' | 'loginId'>;

/** Records what an actor read or wrote at a time; pass the transaction of the write to commit with it. */
export async function recordAudit(db: Kysely<Database>, actor: Actor, now: Date, fields: Fields) {
  await writeAudit(db, { ...fields, at: now.toISOString(), userId: actor.userId, loginId: actor.loginId });
}

/** Records what the signed-in person read or wrote; pass a transaction to commit with the write. */
export async function audit(c: Context<AppEnv>, fields: Fields, db: Kysely<Database> = c.var.deps.db) {
  const user = c.var.user;
  await recordAudit(
    db,
    { userId: user?.id ?? null, loginId: user?.loginId ?? null },
    c.var.deps.now(),
    fields,
  );
}
