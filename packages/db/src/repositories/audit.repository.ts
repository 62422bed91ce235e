import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../schema.js';
import { bulkRows, bulkWrite } from './bulk.js';

type Db = Kysely<Database>;

export type AuditAction =
  | 'read'
  | 'create'
  | 'update'
  | 'delete'
  | 'import'
  | 'export'
  | 'login'
  | 'login-failed'
  | 'logout'
  /** A notice's mail was sent, or failed (docs/domain.md §12). */
  | 'mail';

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

/**
 * Appends many entries at once, set-based (`bulkWrite`: a few statements however many entries), for the
 * per-record changes of an import; pass the import's transaction. The entries may be made while they are written
 * (a generator), so that an import of 300,000 records never holds 300,000 entries. Returns how many it wrote.
 */
export async function writeAuditBatch(db: Db, entries: Iterable<AuditEntry>): Promise<number> {
  let count = 0;
  await bulkWrite(
    db,
    {
      table: 'audit_log',
      columns: [
        { name: 'at', type: 'text' },
        { name: 'user_id', type: 'integer' },
        { name: 'login_id', type: 'text' },
        { name: 'action', type: 'text' },
        { name: 'entity', type: 'text' },
        { name: 'entity_id', type: 'text' },
        { name: 'before_json', type: 'text' },
        { name: 'after_json', type: 'text' },
        { name: 'detail_json', type: 'text' },
      ],
    },
    bulkRows(entries, (e) => {
      count += 1;
      return [
        e.at,
        e.userId,
        e.loginId,
        e.action,
        e.entity,
        e.entityId ?? null,
        json(e.before),
        json(e.after),
        json(e.detail),
      ];
    }),
  );
  return count;
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

/** What replaces a redacted text in the audit log. */
export const REDACTED = '（削除済み）';

/** SQLite binds at most 32,766 parameters per statement; PostgreSQL 65,535. */
const REDACT_PARAMS = 30_000;

export interface AuditRedaction {
  /** The audit rows of this entity id (among `entities`) lose the texts. */
  entityId: string;
  /** The personal texts (names, e-mail addresses) to remove wherever they appear in before, after or detail. */
  texts: readonly (string | null)[];
}

/**
 * Removes personal texts from the audit rows of the given entity ids (docs/domain.md §9: once the retention period
 * ends, the person's data goes, the log included), set-based: one UPDATE … FROM a VALUES list per chunk, the same
 * SQL on SQLite and PostgreSQL. The JSON columns are text, so each text is replaced in its JSON-escaped form (as
 * it appears between the quotes of a JSON string) and the JSON stays valid; the rows themselves stay.
 */
export async function redactAudit(
  db: Db,
  entities: readonly string[],
  redactions: readonly AuditRedaction[],
): Promise<void> {
  const width = Math.max(0, ...redactions.map((r) => r.texts.length));
  if (width === 0 || entities.length === 0) return;
  const escaped = (t: string | null) => (t ? JSON.stringify(t).slice(1, -1) : '');
  const cols = Array.from({ length: width }, (_, i) => `t${i}`);
  const column = (name: 'before_json' | 'after_json' | 'detail_json') =>
    cols.reduce<RawBuilder<unknown>>(
      (inner, c) => sql`replace(${inner}, ${sql.ref(`r.${c}`)}, ${REDACTED})`,
      sql.ref(`audit_log.${name}`),
    );
  const perStatement = Math.max(1, Math.floor((REDACT_PARAMS - entities.length - 3) / (width + 1)));
  for (let i = 0; i < redactions.length; i += perStatement) {
    const values = redactions
      .slice(i, i + perStatement)
      .map(
        (r) =>
          sql`(${sql.join([
            sql`cast(${r.entityId} as text)`,
            ...cols.map((_, k) => sql`cast(${escaped(r.texts[k] ?? null)} as text)`),
          ])})`,
      );
    await sql`with r (${sql.join([sql.id('entity_id'), ...cols.map((c) => sql.id(c))])}) as (values ${sql.join(values)})
      update audit_log set
        before_json = ${column('before_json')},
        after_json = ${column('after_json')},
        detail_json = ${column('detail_json')}
      from r
      where audit_log.entity_id = r.entity_id and audit_log.entity in (${sql.join(entities.map((e) => sql`${e}`))})`.execute(
      db,
    );
  }
}
