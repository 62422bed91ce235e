import type { EmploymentType, Staff, StaffRow, Unit, UnitLevel, UnitRow } from '@jinzai/model';
import { gradeByCode, staffSearchKey } from '@jinzai/model';
import type { Kysely, Selectable } from 'kysely';
import type { Database, StaffTable, UnitTable } from '../schema.js';
import { bulkWrite, chunked, oneOf, yieldToEventLoop } from './bulk.js';
import { staffMatch } from './staff-match.js';
import { bumpDataVersion } from './data-versions.repository.js';

type Db = Kysely<Database>;

const toUnit = (r: Selectable<UnitTable>): Unit => ({
  code: r.code,
  name: r.name,
  parentCode: r.parent_code,
  level: r.level as UnitLevel,
});

const toStaff = (r: Omit<Selectable<StaffTable>, 'left_on' | 'search_key'>): Staff => ({
  staffNo: r.staff_no,
  name: r.name,
  nameKana: r.name_kana,
  unitCode: r.unit_code,
  gradeCode: r.grade_code,
  jobFamily: r.job_family,
  employmentType: r.employment_type as EmploymentType,
  birthYear: r.birth_year,
});

export interface UpsertCounts {
  created: number;
  updated: number;
}

/** One record an upsert wrote: as it was (null: created) and as it is now. */
export interface Upserted<T> {
  key: string;
  before: T | null;
  after: T;
}

/** The counts of an upsert and, for each row, the record before and after (for the audit log's changes). */
export interface UpsertResult<T> extends UpsertCounts {
  rows: Upserted<T>[];
}

/** Pairs each new record with the stored one of its key, and counts the created ones. */
function paired<T>(stored: Map<string, T>, next: readonly [string, T][]): UpsertResult<T> {
  const rows = next.map(([key, after]) => ({ key, before: stored.get(key) ?? null, after }));
  const created = rows.filter((r) => r.before === null).length;
  return { created, updated: rows.length - created, rows };
}

async function countRows(db: Db, table: 'units' | 'staff'): Promise<number> {
  const r = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Every unit, ordered by code. */
export async function listUnits(db: Db): Promise<Unit[]> {
  return (await db.selectFrom('units').selectAll().orderBy('code').execute()).map(toUnit);
}

/**
 * Inserts or updates units by code (docs/interfaces.md "Organisation and staff": re-importing a code updates
 * that unit), set-based: the stored rows of the batch are read in one query first and returned with the new ones.
 */
export async function upsertUnits(
  db: Db,
  rows: readonly UnitRow[],
  now: string,
): Promise<UpsertResult<Unit>> {
  const stored = await unitsByCode(
    db,
    rows.map((r) => r.code),
  );
  await bulkWrite(
    db,
    {
      table: 'units',
      columns: [
        { name: 'code', type: 'text' },
        { name: 'name', type: 'text' },
        { name: 'parent_code', type: 'text' },
        { name: 'level', type: 'text' },
        { name: 'updated_at', type: 'text' },
      ],
      conflict: ['code'],
    },
    rows.map((r) => [r.code, r.name, r.parent_code, r.level, now]),
  );
  await yieldToEventLoop();
  return paired(
    stored,
    rows.map((r) => [r.code, toUnit({ ...r, updated_at: now })]),
  );
}

/** The stored units of the given codes, in one query. */
export async function unitsByCode(db: Db, codes: readonly string[]): Promise<Map<string, Unit>> {
  if (codes.length === 0) return new Map();
  const found = await chunked(codes, (part) =>
    db.selectFrom('units').selectAll().where('code', 'in', oneOf(db, part)).execute(),
  );
  return new Map(found.map((r) => [r.code, toUnit(r)]));
}

/** The stored staff of the given 職員番号, in one query. */
export async function staffByNo(db: Db, staffNos: readonly string[]): Promise<Map<string, Staff>> {
  if (staffNos.length === 0) return new Map();
  const found = await chunked(staffNos, (part) =>
    db.selectFrom('staff').selectAll().where('staff_no', 'in', oneOf(db, part)).execute(),
  );
  return new Map(found.map((r) => [r.staff_no, toStaff(r)]));
}

/** One member of staff by 職員番号, or undefined. */
export async function getStaff(db: Db, staffNo: string): Promise<Staff | undefined> {
  const r = await db.selectFrom('staff').selectAll().where('staff_no', '=', staffNo).executeTakeFirst();
  return r ? toStaff(r) : undefined;
}

/**
 * Inserts or updates staff by 職員番号 (docs/interfaces.md "Organisation and staff"), set-based; the job family
 * follows from the grade (docs/domain.md §3). The stored rows of the batch are read in one query first and returned
 * with the new ones.
 */
export async function upsertStaff(
  db: Db,
  rows: readonly StaffRow[],
  now: string,
): Promise<UpsertResult<Staff>> {
  const stored = await staffByNo(
    db,
    rows.map((r) => r.staff_no),
  );
  const next = rows.map((r) => ({
    ...r,
    job_family: gradeByCode(r.grade_code)?.familyCode ?? 'general',
    updated_at: now,
  }));
  await bulkWrite(
    db,
    {
      table: 'staff',
      columns: [
        { name: 'staff_no', type: 'text' },
        { name: 'name', type: 'text' },
        { name: 'name_kana', type: 'text' },
        { name: 'unit_code', type: 'text' },
        { name: 'grade_code', type: 'text' },
        { name: 'job_family', type: 'text' },
        { name: 'employment_type', type: 'text' },
        { name: 'birth_year', type: 'integer' },
        { name: 'updated_at', type: 'text' },
        // A person in the file is on the roster (again).
        { name: 'left_on', type: 'text' },
        { name: 'search_key', type: 'text' },
      ],
      conflict: ['staff_no'],
    },
    next.map((r) => [
      r.staff_no,
      r.name,
      r.name_kana,
      r.unit_code,
      r.grade_code,
      r.job_family,
      r.employment_type,
      r.birth_year,
      r.updated_at,
      null,
      staffSearchKey(r.name, r.name_kana),
    ]),
  );
  await bumpDataVersion(db, 'staff');
  await yieldToEventLoop();
  return paired(
    stored,
    next.map((r) => [r.staff_no, toStaff(r)]),
  );
}

/** Headcounts: staff per unit (direct members only). */
export async function staffCountsByUnit(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('staff')
    .select(['unit_code', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('unit_code')
    .execute();
  return new Map(rows.map((r) => [r.unit_code, Number(r.n)]));
}

/** How many units and staff the organisation holds. */
export async function orgSummary(db: Db): Promise<{ units: number; staff: number }> {
  return { units: await countRows(db, 'units'), staff: await countRows(db, 'staff') };
}

export interface StaffSearch {
  /** A 職員番号 prefix, or part of the name or kana in search form (model's searchForm); empty: everyone. */
  q?: string | undefined;
  /** The unit and every unit under it. */
  unitCodes?: readonly string[] | undefined;
  grade?: string | undefined;
  employmentType?: string | undefined;
  page: number;
  pageSize: number;
}

/**
 * A page of the roster (people who have not left), ordered by 職員番号, with the total matching: one counting and
 * one listing query, the filters applied in SQL.
 */
export async function searchStaff(db: Db, f: StaffSearch): Promise<{ staff: Staff[]; total: number }> {
  let q = db.selectFrom('staff').where('left_on', 'is', null);
  if (f.q) q = q.where(staffMatch(db, f.q));
  if (f.unitCodes) q = q.where('unit_code', 'in', oneOf(db, f.unitCodes));
  if (f.grade) q = q.where('grade_code', '=', f.grade);
  if (f.employmentType) q = q.where('employment_type', '=', f.employmentType);
  const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .select([
      'staff_no',
      'name',
      'name_kana',
      'unit_code',
      'grade_code',
      'job_family',
      'employment_type',
      'birth_year',
      'updated_at',
    ])
    .orderBy('staff_no')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { staff: rows.map(toStaff), total: Number(n) };
}
