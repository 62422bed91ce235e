import type { EmploymentType, Staff, StaffRow, Unit, UnitLevel, UnitRow } from '@jinzai/model';
import { gradeByCode, staffSearchKey } from '@jinzai/model';
import type { Kysely, Selectable } from 'kysely';
import type { Database, StaffTable, UnitTable } from '../schema.js';
import { bulkRows, bulkWrite, chunked, oneOf, yieldToEventLoop } from './bulk.js';
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

/**
 * The counts of an upsert and, for each row, the record before and after (for the audit log's changes): made while
 * they are read, so that an import of 300,000 rows never holds 300,000 pairs.
 */
export interface UpsertResult<T> extends UpsertCounts {
  rows: Iterable<Upserted<T>>;
}

/** Pairs each new record (made by `after` from its row) with the stored one of its key, and counts the created ones. */
function paired<R, T>(
  stored: Map<string, T>,
  rows: readonly R[],
  key: (row: R) => string,
  after: (row: R) => T,
): UpsertResult<T> {
  let created = 0;
  for (const r of rows) if (!stored.has(key(r))) created += 1;
  return {
    created,
    updated: rows.length - created,
    rows: {
      *[Symbol.iterator]() {
        for (const r of rows) {
          const k = key(r);
          yield { key: k, before: stored.get(k) ?? null, after: after(r) };
        }
      },
    },
  };
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
    rows,
    (r) => r.code,
    (r) => toUnit({ ...r, updated_at: now }),
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
  const familyOf = (grade: string) => gradeByCode(grade)?.familyCode ?? 'general';
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
    bulkRows(rows, (r) => [
      r.staff_no,
      r.name,
      r.name_kana,
      r.unit_code,
      r.grade_code,
      familyOf(r.grade_code),
      r.employment_type,
      r.birth_year,
      now,
      null,
      staffSearchKey(r.name, r.name_kana),
    ]),
  );
  await bumpDataVersion(db, 'staff');
  await yieldToEventLoop();
  return paired(
    stored,
    rows,
    (r) => r.staff_no,
    (r): Staff => ({
      staffNo: r.staff_no,
      name: r.name,
      nameKana: r.name_kana,
      unitCode: r.unit_code,
      gradeCode: r.grade_code,
      jobFamily: familyOf(r.grade_code),
      employmentType: r.employment_type,
      birthYear: r.birth_year,
    }),
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

/** The orders of the roster: by 職員番号, kana, unit or grade (ties in 職員番号 order). */
export const STAFF_SORTS = ['staffNo', 'kana', 'unit', 'grade'] as const;
export type StaffSort = (typeof STAFF_SORTS)[number];

export interface StaffFilter {
  /** A 職員番号 prefix, or part of the name or kana in search form (model's searchForm); empty: everyone. */
  q?: string | undefined;
  /** The unit and every unit under it. */
  unitCodes?: readonly string[] | undefined;
  grade?: string | undefined;
  employmentType?: string | undefined;
  /** The order (職員番号 when not given), descending with `desc`. */
  sort?: StaffSort | undefined;
  desc?: boolean | undefined;
}

export interface StaffSearch extends StaffFilter {
  page: number;
  pageSize: number;
}

const SORT_COLUMN = {
  staffNo: 'staff_no',
  kana: 'name_kana',
  unit: 'unit_code',
  grade: 'grade_code',
} as const satisfies Record<StaffSort, string>;

const STAFF_LISTED = [
  'staff_no',
  'name',
  'name_kana',
  'unit_code',
  'grade_code',
  'job_family',
  'employment_type',
  'birth_year',
  'updated_at',
] as const;

/** The people who have not left and match the filter, in the filter's order (the query, not yet run). */
function rosterQuery(db: Db, f: StaffFilter) {
  let q = db.selectFrom('staff').where('left_on', 'is', null);
  if (f.q) q = q.where(staffMatch(db, f.q));
  if (f.unitCodes) q = q.where('unit_code', 'in', oneOf(db, f.unitCodes));
  if (f.grade) q = q.where('grade_code', '=', f.grade);
  if (f.employmentType) q = q.where('employment_type', '=', f.employmentType);
  return q;
}

function ordered<
  Q extends { orderBy: (c: 'staff_no' | 'name_kana' | 'unit_code' | 'grade_code', d: 'asc' | 'desc') => Q },
>(q: Q, f: StaffFilter): Q {
  const dir = f.desc ? 'desc' : 'asc';
  const column = SORT_COLUMN[f.sort ?? 'staffNo'];
  const sorted = q.orderBy(column, dir);
  return column === 'staff_no' ? sorted : sorted.orderBy('staff_no', dir);
}

/**
 * A page of the roster (people who have not left), in the order asked (職員番号 by default), with the total
 * matching: one counting and one listing query, the filters applied in SQL.
 */
export async function searchStaff(db: Db, f: StaffSearch): Promise<{ staff: Staff[]; total: number }> {
  const q = rosterQuery(db, f);
  const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await ordered(q.select(STAFF_LISTED), f)
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { staff: rows.map(toStaff), total: Number(n) };
}

/** Everyone the roster's filter matches, in its order, for an export (one query). */
export async function staffMatching(db: Db, f: StaffFilter): Promise<Staff[]> {
  const rows = await ordered(rosterQuery(db, f).select(STAFF_LISTED), f).execute();
  return rows.map(toStaff);
}
