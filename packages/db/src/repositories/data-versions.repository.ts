// The data versions (migration 0018): one counter per area, moved on in the transaction of every write to the area,
// so that a view computed at a version may be served again while the database still holds that version, in any
// process. Triggers move the counters of most tables; the roster's moves here, once per write of it.
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { prepared } from './prepared.js';

type Db = Kysely<Database>;

/** The areas with a version: evaluation (periods, results, sheets, ratings), survey (KPI cells, disclosure plans), org (units), staff. */
export type DataArea = 'evaluation' | 'survey' | 'org' | 'staff';

const versionsQuery = prepared([], (db) => db.selectFrom('data_versions').select(['area', 'version']));

/**
 * The versions of the areas, as one text (e.g. `evaluation:12|org:3`), in one query: equal texts mean that nothing
 * in those areas was written in between.
 */
export async function dataVersion(db: Db, areas: readonly DataArea[]): Promise<string> {
  const rows = await versionsQuery(db, {});
  const of = new Map(rows.map((r) => [r.area, Number(r.version)]));
  return areas.map((a) => `${a}:${of.get(a) ?? 0}`).join('|');
}

/** Moves an area's version on; call it in the transaction of the write (tables without a trigger: staff). */
export async function bumpDataVersion(db: Db, area: DataArea): Promise<void> {
  await db
    .updateTable('data_versions')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('area', '=', area)
    .execute();
}
