// The hiring weights of the policy (docs/interfaces.md "The policy"): the version in force, and publishing a
// new one.
import { saveWeightSet, weightSetInForce, type Database, type StoredWeightSet } from '@jinzai/db';
import type { WeightSet } from '@jinzai/model';
import type { Kysely } from 'kysely';
import { audited } from '../audit.js';
import { errors } from '../errors.js';
import type { Actor } from './actor.js';

type Db = Kysely<Database>;

/** The weight set in force on the clock's date. */
export async function weightsInForce(db: Db, now: Date): Promise<StoredWeightSet> {
  return weightSetInForce(db, now.toISOString().slice(0, 10));
}

/** Publishes a new version of the weights; old versions stay as they were (409 when the version exists). */
export async function publishWeightSet(
  db: Db,
  actor: Actor,
  now: Date,
  body: WeightSet & { note?: string | null | undefined },
): Promise<void> {
  const set = {
    version: body.version,
    effectiveFrom: body.effectiveFrom,
    weights: body.weights,
    note: body.note ?? null,
  };
  const result = await audited(
    db,
    actor,
    now,
    (trx) => saveWeightSet(trx, set, actor.userId, now.toISOString()),
    (r) =>
      r === 'created'
        ? { action: 'create', entity: 'weight_set', entityId: body.version, after: body }
        : null,
  );
  if (result === 'exists') throw errors.conflict(`バージョン ${body.version} は既に存在します`);
}
