// Reading the organisation (docs/interfaces.md "Organisation and staff"): the unit tree with headcounts, and
// one person.
import {
  getStaff,
  listUnits,
  orgSummary,
  searchStaff,
  staffCountsByUnit,
  type Database,
  type StaffSearch,
} from '@jinzai/db';
import { unitAndDescendants } from '@jinzai/model';
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

/**
 * A page of the roster for HR's list (docs/interfaces.md "Daily work"): `unit` takes in every unit under it (an
 * unknown unit finds nobody); the read is audited with its filter and how many it found.
 */
export async function searchRoster(
  db: Db,
  actor: Actor,
  now: Date,
  f: Omit<StaffSearch, 'unitCodes'> & { unit?: string | undefined },
) {
  const { unit, ...rest } = f;
  const unitCodes = unit === undefined ? undefined : [...unitAndDescendants(unit, await listUnits(db))];
  const found = await searchStaff(db, { ...rest, unitCodes });
  await recordAudit(db, actor, now, {
    action: 'read',
    entity: 'staff',
    detail: { search: { ...f }, shown: found.staff.length, total: found.total },
  });
  return found;
}
