// Test fixtures of personnel evaluation: a small ward, its people, and an open period with its sheets.
import { findSheet } from '@jinzai/db';
import { expect } from 'vitest';
import { json, type Harness } from './harness.js';
import { seedStaff, seedUnits, staffRow } from './org-fixture.js';

/** A small ward: 総務部 (部長 B) → 人事課 (課長 K) → 人事係 (主事 S, 主任 S2); 経理課 (課長 K2). */
export const PEOPLE = {
  bucho: '000001',
  kacho: '000002',
  shuji: '000003',
  shunin: '000004',
  kacho2: '000005',
} as const;

export async function seedWard(h: Harness): Promise<void> {
  await seedUnits(h, ['10', '1010', '101010', '1020']);
  const person = (staff_no: string, name: string, unit_code: string, grade_code: string) =>
    staffRow({ staff_no, name, name_kana: 'テスト', unit_code, grade_code, birth_year: 1980 });
  await seedStaff(h, [
    person(PEOPLE.bucho, '部長 一郎', '10', 'bucho'),
    person(PEOPLE.kacho, '課長 花子', '1010', 'kacho'),
    person(PEOPLE.shuji, '主事 翔太', '101010', 'shuji'),
    person(PEOPLE.shunin, '主任 次郎', '101010', 'shunin'),
    person(PEOPLE.kacho2, '課長 三郎', '1020', 'kacho'),
  ]);
  await h.addUser('eval1', ['evaluator', 'staff'], PEOPLE.kacho);
  await h.addUser('eval2', ['evaluator', 'staff'], PEOPLE.bucho);
  await h.addUser('staff1', ['staff'], PEOPLE.shuji);
  await h.addUser('staff2', ['staff'], PEOPLE.shunin);
  await h.addUser('eval3', ['evaluator', 'staff'], PEOPLE.kacho2);
}

/** Opens the fiscal 2026 period with default assignments; returns its id and staff1's sheet id. */
export async function openPeriodWithSheets(
  h: Harness,
  hr: string,
): Promise<{ periodId: number; sheetId: number }> {
  const res = await h.request('/api/review/periods', json({ fiscalYear: 2026, kind: 'fiscal' }, 'POST', hr));
  const { id } = (await res.json()) as { id: number };
  const d = await h.request(`/api/review/periods/${id}/assignments/defaults`, json({}, 'POST', hr));
  expect(d.status).toBe(200);
  const sheet = await findSheet(h.db.db, id, PEOPLE.shuji);
  if (!sheet) throw new Error('the default assignments made no sheet for the 主事');
  return { periodId: id, sheetId: sheet.id };
}

export interface SheetBody {
  version: number;
  state: string;
  actions: string[];
  editable: string | null;
  visible: Record<string, boolean>;
  ratings: { part: string; item: string; rating: string | null }[];
  competencies: { code: string }[];
  goals: unknown[];
  history: { action: string; fromState: string; toState: string; reason: string | null }[];
  revisions: unknown[];
  revision: number;
}

export const GOALS = [
  { content: '窓口の待ち時間を短縮する', outcome: '03', difficulty: 'high', measure: '平均待ち時間20%減' },
  { content: '研修を企画する', outcome: '05', difficulty: 'standard', measure: '年2回実施' },
];

/** Every item of a sheet rated with one grade (overall too unless self). */
export function allRatings(sheet: SheetBody, grade: string, overall = true) {
  return [
    ...sheet.competencies.map((c) => ({ item: c.code, rating: grade })),
    ...sheet.goals.map((_, i) => ({ item: `goal:${i + 1}`, rating: grade })),
    ...(overall ? [{ item: 'overall', rating: grade }] : []),
  ];
}
