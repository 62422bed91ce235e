// Reading the organisation (docs/interfaces.md "Organisation and staff"): the unit tree with headcounts, and
// one person.
import {
  getStaff,
  listUnits,
  orgSummary,
  searchStaff,
  staffCountsByUnit,
  staffMatching,
  type Database,
  type StaffFilter,
  type StaffSearch,
  type StaffSort,
} from '@jinzai/db';
import { EMPLOYMENT_TYPES, gradeByCode, unitAndDescendants } from '@jinzai/model';
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit.js';
import { errors } from '../errors.js';
import { toCsv } from '../import/csv.js';
import { encodeCsv } from '../import/decode.js';
import { writeXlsx, XLSX_CONTENT_TYPE } from '../import/xlsx.js';
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

/** The roster's filter as its routes take it: a unit (with the units under it) and an order. */
export type RosterFilter = Omit<StaffFilter, 'unitCodes' | 'sort' | 'desc'> & {
  unit?: string | undefined;
  sort?: StaffSort | undefined;
  order?: 'asc' | 'desc' | undefined;
};

/** The repository's filter for a route's: the unit's whole subtree (an unknown unit finds nobody). */
async function staffFilter(db: Db, f: RosterFilter): Promise<StaffFilter> {
  const { unit, order, ...rest } = f;
  const unitCodes = unit === undefined ? undefined : [...unitAndDescendants(unit, await listUnits(db))];
  return { ...rest, unitCodes, desc: order === 'desc' };
}

/**
 * A page of the roster for HR's list (docs/interfaces.md "Daily work"): `unit` takes in every unit under it (an
 * unknown unit finds nobody); the read is audited with its filter and how many it found.
 */
export async function searchRoster(
  db: Db,
  actor: Actor,
  now: Date,
  f: RosterFilter & Pick<StaffSearch, 'page' | 'pageSize'>,
) {
  const found = await searchStaff(db, { ...(await staffFilter(db, f)), page: f.page, pageSize: f.pageSize });
  await recordAudit(db, actor, now, {
    action: 'read',
    entity: 'staff',
    detail: { search: { ...f }, shown: found.staff.length, total: found.total },
  });
  return found;
}

/** The export's header row (Japanese, as the screens name the columns). */
export const ROSTER_EXPORT_HEADER = [
  '職員番号',
  '氏名',
  'フリガナ',
  '所属コード',
  '所属',
  '職級コード',
  '職級',
  '雇用形態',
] as const;

/**
 * Everyone the roster's filter finds, in its order, as .xlsx or CSV (UTF-8 with BOM or CP932): the unit, grade and
 * employment type named beside their codes, formulas escaped. The export is audited with its filter and count.
 */
export async function exportRoster(
  db: Db,
  actor: Actor,
  now: Date,
  f: RosterFilter,
  format: 'xlsx' | 'csv',
  encoding: 'cp932' | 'utf-8-bom',
): Promise<{ bytes: Uint8Array; contentType: string; filename: string }> {
  const [staff, units] = await Promise.all([staffMatching(db, await staffFilter(db, f)), listUnits(db)]);
  const unitName = new Map(units.map((u) => [u.code, u.name]));
  const rows = staff.map((s) => [
    s.staffNo,
    s.name,
    s.nameKana,
    s.unitCode,
    unitName.get(s.unitCode) ?? '',
    s.gradeCode,
    gradeByCode(s.gradeCode)?.nameJa ?? '',
    EMPLOYMENT_TYPES.find((e) => e.code === s.employmentType)?.nameJa ?? s.employmentType,
  ]);
  await recordAudit(db, actor, now, {
    action: 'export',
    entity: 'staff',
    detail: { search: { ...f }, format, rows: rows.length },
  });
  const name = `staff-${now.toISOString().slice(0, 10)}`;
  const table = [[...ROSTER_EXPORT_HEADER], ...rows];
  if (format === 'csv')
    return {
      bytes: encodeCsv(toCsv(table, { escapeFormulas: true }), encoding),
      contentType: `text/csv; charset=${encoding === 'cp932' ? 'shift_jis' : 'utf-8'}`,
      filename: `${name}.csv`,
    };
  return {
    bytes: await writeXlsx([{ name: '職員名簿', rows: table }]),
    contentType: XLSX_CONTENT_TYPE,
    filename: `${name}.xlsx`,
  };
}
