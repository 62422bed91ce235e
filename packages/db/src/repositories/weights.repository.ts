import { DEFAULT_WEIGHT_SET, type WeightSet } from '@jinzai/model';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

export interface StoredWeightSet extends WeightSet {
  note: string | null;
}

/** The weight set in force on date (ISO): the latest effective one HR published, else the policy default. */
export async function weightSetInForce(db: Db, date: string): Promise<StoredWeightSet> {
  const r = await db
    .selectFrom('weight_sets')
    .selectAll()
    .where('effective_from', '<=', date)
    .orderBy('effective_from', 'desc')
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  if (!r) return { ...DEFAULT_WEIGHT_SET, note: null };
  return {
    version: r.version,
    effectiveFrom: r.effective_from,
    weights: JSON.parse(r.weights_json) as WeightSet['weights'],
    note: r.note,
  };
}

/** A weight set by version (a round keeps the version it opened with), the policy default included. */
export async function weightSetByVersion(db: Db, version: string): Promise<StoredWeightSet | undefined> {
  if (version === DEFAULT_WEIGHT_SET.version) return { ...DEFAULT_WEIGHT_SET, note: null };
  const r = await db.selectFrom('weight_sets').selectAll().where('version', '=', version).executeTakeFirst();
  if (!r) return undefined;
  return {
    version: r.version,
    effectiveFrom: r.effective_from,
    weights: JSON.parse(r.weights_json) as WeightSet['weights'],
    note: r.note,
  };
}

/** Publishes a new version; versions are never overwritten, so old results keep their weights. */
export async function saveWeightSet(
  db: Db,
  set: WeightSet & { note?: string | null },
  createdBy: number | null,
  now: string,
): Promise<'created' | 'exists'> {
  if (set.version === DEFAULT_WEIGHT_SET.version) return 'exists';
  const r = await db
    .insertInto('weight_sets')
    .values({
      version: set.version,
      effective_from: set.effectiveFrom,
      weights_json: JSON.stringify(set.weights),
      note: set.note ?? null,
      created_at: now,
      created_by: createdBy,
    })
    .onConflict((oc) => oc.column('version').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1 ? 'created' : 'exists';
}
