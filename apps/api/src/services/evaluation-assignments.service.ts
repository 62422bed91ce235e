import {
  listUnits,
  sheetStatesOfPeriod,
  staffPlacements,
  upsertAssignments,
  type Assignment,
  type Database,
} from '@jinzai/db';
import { divisionAndDepartment, type Unit } from '@jinzai/model';
import type { Kysely } from 'kysely';

/**
 * Default evaluators from the organisation tree (issue 4): the 課長 (grade kacho) of the staff member's 課 first,
 * the 部長 (bucho) of the 部 second. A 課長 is evaluated first by the 部長; a 部長 has no evaluator in the system.
 */
export function defaultAssignments(
  staff: readonly { staffNo: string; unitCode: string; gradeCode: string }[],
  unitList: readonly Unit[],
): (Assignment & { unitCode: string; gradeCode: string })[] {
  const units = new Map(unitList.map((u) => [u.code, u]));
  const kacho = new Map<string, string>();
  const bucho = new Map<string, string>();
  for (const s of staff) {
    const { ka, bu } = divisionAndDepartment(s.unitCode, units);
    if (s.gradeCode === 'kacho' && ka && !kacho.has(ka)) kacho.set(ka, s.staffNo);
    if (s.gradeCode === 'bucho' && bu && !bucho.has(bu)) bucho.set(bu, s.staffNo);
  }
  return staff.map((s) => {
    const { ka, bu } = divisionAndDepartment(s.unitCode, units);
    const head = bu ? (bucho.get(bu) ?? null) : null;
    const chief = ka ? (kacho.get(ka) ?? null) : null;
    let first: string | null;
    let second: string | null;
    if (s.gradeCode === 'bucho') [first, second] = [null, null];
    else if (s.gradeCode === 'kacho' || !chief || chief === s.staffNo) [first, second] = [head, null];
    else [first, second] = [chief, head];
    if (first === s.staffNo) first = null;
    if (second === s.staffNo) second = null;
    return {
      staffNo: s.staffNo,
      unitCode: s.unitCode,
      gradeCode: s.gradeCode,
      firstStaffNo: first,
      secondStaffNo: second,
    };
  });
}

/**
 * Creates the sheets of a period for every staff member who has none yet, with default evaluators from the
 * organisation tree; existing sheets keep their (possibly edited) evaluators. Set-based. Returns how many it created.
 */
export async function assignDefaults(db: Kysely<Database>, periodId: number, now: string): Promise<number> {
  const existing = await sheetStatesOfPeriod(db, periodId);
  const rows = defaultAssignments(await staffPlacements(db), await listUnits(db)).filter(
    (r) => !existing.has(r.staffNo),
  );
  await upsertAssignments(db, periodId, rows, now);
  return rows.length;
}
