import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

export type AuditAction =
  'read' | 'create' | 'update' | 'delete' | 'import' | 'export' | 'login' | 'login-failed' | 'logout';

export interface AuditEntry {
  at: string;
  userId: number | null;
  loginId: string | null;
  action: AuditAction;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  detail?: unknown;
}

export interface AuditRecord extends AuditEntry {
  id: number;
}

const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));
const parse = (v: string | null) => (v === null ? undefined : (JSON.parse(v) as unknown));

/** Appends entries to the audit log (docs/domain.md §9: who, when, what; before/after for writes). */
export async function writeAudit(db: Db, ...entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insertInto('audit_log')
    .values(
      entries.map((e) => ({
        at: e.at,
        user_id: e.userId,
        login_id: e.loginId,
        action: e.action,
        entity: e.entity,
        entity_id: e.entityId ?? null,
        before_json: json(e.before),
        after_json: json(e.after),
        detail_json: json(e.detail),
      })),
    )
    .execute();
}

export interface AuditFilter {
  entity?: string;
  entityId?: string;
  userId?: number;
  limit?: number;
}

/** Audit entries, newest first. */
export async function listAudit(db: Db, filter: AuditFilter = {}): Promise<AuditRecord[]> {
  let q = db.selectFrom('audit_log').selectAll();
  if (filter.entity) q = q.where('entity', '=', filter.entity);
  if (filter.entityId) q = q.where('entity_id', '=', filter.entityId);
  if (filter.userId !== undefined) q = q.where('user_id', '=', filter.userId);
  const rows = await q
    .orderBy('id', 'desc')
    .limit(filter.limit ?? 100)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    userId: r.user_id,
    loginId: r.login_id,
    action: r.action as AuditAction,
    entity: r.entity,
    entityId: r.entity_id,
    before: parse(r.before_json),
    after: parse(r.after_json),
    detail: parse(r.detail_json),
  }));
}
