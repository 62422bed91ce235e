import { expect } from 'vitest';
import { csv, type Harness } from './harness.js';
import { seedStaff, seedUnits, staffRow } from './org-fixture.js';

/** The header of a KPI survey import (docs/interfaces.md "Survey and KPIs"). */
export const HEADER =
  'unit_code,grade_code,age_band,employment_type,q01,q02,q03,q04,q05,q06,q07,q08,q09,q10,q11,q12,q13,q14,q15';
export const answers = (v: string) => Array.from({ length: 15 }, () => v).join(',');

/** Units 10 (部) → 1010, 1020, 1030 (課); 1010 → 101010 (係), and staff 000103 in 101010. */
export async function seedOrg(h: Harness): Promise<void> {
  const at = '2025-04-01T00:00:00Z';
  await seedUnits(h, ['10', '1010', '1020', '1030', '101010'], at);
  await seedStaff(
    h,
    [
      staffRow({
        staff_no: '000103',
        name: '小林 翔太',
        name_kana: 'コバヤシ ショウタ',
        unit_code: '101010',
        birth_year: 1998,
      }),
    ],
    at,
  );
}

/** n rows of unit with every answer v. */
export const rows = (unit: string, n: number, v: string, grade = 'shuji', age = '-29') =>
  Array.from({ length: n }, () => `${unit},${grade},${age},regular,${answers(v)}`).join('\n');

/** Posts a KPI survey file (header included) for the fiscal year. */
export const postKpiFile = (
  h: Harness,
  cookie: string,
  year: number,
  body: string | Uint8Array,
  type?: string,
) => h.request(`/api/surveys/kpi/${year}/responses`, csv(body, cookie, type));

/** Imports the rows under HEADER for the fiscal year; the import must succeed. */
export async function importKpiRows(h: Harness, cookie: string, year: number, body: string): Promise<void> {
  const res = await postKpiFile(h, cookie, year, `${HEADER}\n${body}\n`);
  expect(res.status).toBe(200);
}
