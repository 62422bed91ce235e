// The hiring weights of the policy (docs/interfaces.md "The policy"): the version in force, and publishing a
// new one.
import { saveWeightSet, weightSetInForce, type Database, type StoredWeightSet } from '@jinzai/db';
import type { WeightSet } from '@jinzai/model';
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit.js';
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
  const result = await db.transaction().execute(async (trx) => {
    const r = await saveWeightSet(
      trx,
      {
        version: body.version,
        effectiveFrom: body.effectiveFrom,
        weights: body.weights,
        note: body.note ?? null,
      },
      actor.userId,
      now.toISOString(),
    );
    if (r === 'created') {
      await recordAudit(trx, actor, now, {
        action: 'create',
        entity: 'weight_set',
        entityId: body.version,
        after: body,
      });
    }
    return r;
  });
  if (result === 'exists') throw errors.conflict(`バージョン ${body.version} は既に存在します`);
}
