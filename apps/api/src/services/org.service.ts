// Reading the organisation (docs/interfaces.md "Organisation and staff"): the unit tree with headcounts, and
// one person.
import { getStaff, listUnits, orgSummary, staffCountsByUnit, type Database } from '@jinzai/db';
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit.js';
import { errors } from '../errors.js';
import type { Actor } from './actor.js';

type Db = Kysely<Database>;

/** The units with their direct headcounts, and the summary of the whole organisation. */
export async function orgTree(db: Db) {
  const [units, counts, summary] = await Promise.all([listUnits(db), staffCountsByUnit(db), orgSummary(db)]);
  return { summary, units: units.map((u) => ({ ...u, staff: counts.get(u.code) ?? 0 })) };
}

/** One member of staff by 職員番号 (404 for an unknown number); the read is audited. */
export async function staffRecord(db: Db, actor: Actor, now: Date, staffNo: string) {
  const staff = await getStaff(db, staffNo);
  if (!staff) throw errors.notFound('職員');
  await recordAudit(db, actor, now, { action: 'read', entity: 'staff', entityId: staffNo });
  return staff;
}
