import { upsertStaff, upsertUnits } from '@jinzai/db';
import type { Harness } from './harness.js';

/** The header of a KPI survey import (docs/interfaces.md "Survey and KPIs"). */
export const HEADER =
  'unit_code,grade_code,age_band,employment_type,q01,q02,q03,q04,q05,q06,q07,q08,q09,q10,q11,q12,q13,q14,q15';
export const answers = (v: string) => Array.from({ length: 15 }, () => v).join(',');

/** Units 10 (部) → 1010, 1020 (課) → 101010 (係), and staff 000103 in 101010. */
export async function seedOrg(h: Harness): Promise<void> {
  await upsertUnits(
    h.db.db,
    [
      { code: '10', name: '総務部', parent_code: null, level: '部' },
      { code: '1010', name: '人事課', parent_code: '10', level: '課' },
      { code: '1020', name: '経理課', parent_code: '10', level: '課' },
      { code: '1030', name: '広報課', parent_code: '10', level: '課' },
      { code: '101010', name: '人事係', parent_code: '1010', level: '係' },
    ],
    '2025-04-01T00:00:00Z',
  );
  await upsertStaff(
    h.db.db,
    [
      {
        staff_no: '000103',
        name: '小林 翔太',
        name_kana: 'コバヤシ ショウタ',
        unit_code: '101010',
        grade_code: 'shuji',
        employment_type: 'regular',
        birth_year: 1998,
      },
    ],
    '2025-04-01T00:00:00Z',
  );
}

/** n rows of unit with every answer v. */
export const rows = (unit: string, n: number, v: string, grade = 'shuji', age = '-29') =>
  Array.from({ length: n }, () => `${unit},${grade},${age},regular,${answers(v)}`).join('\n');
