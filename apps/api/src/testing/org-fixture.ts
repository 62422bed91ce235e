// Test fixtures of the organisation: the small ward's units and staff rows, shared by the route tests' setups.
import { upsertStaff, upsertUnits } from '@jinzai/db';
import type { StaffRow, UnitRow } from '@jinzai/model';
import type { Harness } from './harness.js';

/** The units the route tests use: 総務部 → 人事課 (→ 人事係, 庶務係), 経理課, 広報課, 契約課. Parents come first. */
const UNITS = {
  '10': { name: '総務部', parent_code: null, level: '部' },
  '1010': { name: '人事課', parent_code: '10', level: '課' },
  '101010': { name: '人事係', parent_code: '1010', level: '係' },
  '101020': { name: '庶務係', parent_code: '1010', level: '係' },
  '1020': { name: '経理課', parent_code: '10', level: '課' },
  '1030': { name: '広報課', parent_code: '10', level: '課' },
  '1040': { name: '契約課', parent_code: '10', level: '課' },
} as const satisfies Record<string, Omit<UnitRow, 'code'>>;

export type UnitCode = keyof typeof UNITS;

/** Upserts the named units (in the order above, parents first) as of at (the harness clock's now by default). */
export async function seedUnits(h: Harness, codes: readonly UnitCode[], at = h.clock.now().toISOString()) {
  const rows = (Object.keys(UNITS) as UnitCode[])
    .filter((code) => codes.includes(code))
    .map((code): UnitRow => ({ code, ...UNITS[code] }));
  await upsertUnits(h.db.db, rows, at);
}

/** A regular staff row: a 主事 born in 1990 named 職員 unless the row says otherwise. */
export const staffRow = (row: Pick<StaffRow, 'staff_no' | 'unit_code'> & Partial<StaffRow>): StaffRow => ({
  name: '職員',
  name_kana: 'ショクイン',
  grade_code: 'shuji',
  employment_type: 'regular',
  birth_year: 1990,
  ...row,
});

/** Upserts the staff rows as of at (the harness clock's now by default). */
export async function seedStaff(h: Harness, rows: readonly StaffRow[], at = h.clock.now().toISOString()) {
  await upsertStaff(h.db.db, rows, at);
}
