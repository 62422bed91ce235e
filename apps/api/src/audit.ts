// Writing the audit log (docs/domain.md §9): from a route, for the signed-in person, or from a service, for
// its actor.
import { writeAudit, writeAuditBatch, type AuditEntry, type Database, type Upserted } from '@jinzai/db';
import { fieldChanges } from '@jinzai/model';
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import type { AppEnv } from './deps.js';
import { fileSha256 } from './import/references.js';
import type { Upload } from './import/table.js';
import type { Actor } from './services/actor.js';

type Fields = Omit<AuditEntry, 'at' | 'userId' | 'loginId'>;

/** Records what an actor read or wrote at a time; pass the transaction of the write to commit with it. */
export async function recordAudit(db: Kysely<Database>, actor: Actor, now: Date, fields: Fields) {
  await writeAudit(db, { ...fields, at: now.toISOString(), userId: actor.userId, loginId: actor.loginId });
}

/**
 * Runs a write and its audit entry in one transaction: `entry` describes what the write returned (null: nothing
 * happened, so nothing is recorded). Returns the write's result.
 */
export async function audited<T>(
  db: Kysely<Database>,
  actor: Actor,
  now: Date,
  write: (trx: Kysely<Database>) => Promise<T>,
  entry: (result: T) => Fields | null,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const result = await write(trx);
    const fields = entry(result);
    if (fields) await recordAudit(trx, actor, now, fields);
    return result;
  });
}

/**
 * Records an import in the transaction of its write: what was imported into what, the counts, and the file's
 * SHA-256 (the log names the exact file without keeping it).
 */
export async function recordImport(
  trx: Kysely<Database>,
  actor: Actor,
  now: Date,
  into: { entity: string; entityId?: string },
  file: Upload,
  counts: Record<string, number>,
) {
  await recordAudit(trx, actor, now, {
    action: 'import',
    ...into,
    detail: { ...counts, sha256: fileSha256(file.bytes) },
  });
}

/**
 * Records what an import changed, record by record (docs/domain.md §9: the before and after of a write): one
 * entry per created or changed record with the changed fields only, none for a record the file left as it was;
 * all of them in one set-based write, in the import's transaction (the import's summary entry, written with
 * them, has the same time and actor). The entries are made while the write consumes them (it yields to the event
 * loop between its statements), never all held at once. Returns how many entries it wrote.
 */
export async function recordChanges<T extends object>(
  trx: Kysely<Database>,
  actor: Actor,
  now: Date,
  entity: string,
  records: Iterable<Upserted<T>>,
): Promise<number> {
  const at = now.toISOString();
  function* entries(): Generator<AuditEntry> {
    for (const r of records) {
      const changes = fieldChanges(r.before, r.after);
      if (!changes) continue;
      yield {
        at,
        userId: actor.userId,
        loginId: actor.loginId,
        action: r.before ? 'update' : 'create',
        entity,
        entityId: r.key,
        before: changes.before,
        after: changes.after,
      };
    }
  }
  return writeAuditBatch(trx, entries());
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
