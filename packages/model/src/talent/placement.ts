// 配置検討 (docs/domain.md §10 "Placement"): what-if moves and the headcount by grade per unit that results.
import { z } from 'zod';

/** A what-if move: a person to a unit. */
export interface Move {
  staffNo: string;
  toUnit: string;
}

export const movesSchema = z
  .array(z.object({ staffNo: z.string().trim().min(1).max(32), toUnit: z.string().trim().min(1).max(32) }))
  .max(200, '一度に検討できる異動は200件までです');

/**
 * The headcount by grade of each unit before and after the moves (a later move of the same person replaces an
 * earlier one). Only the units that a move touches are returned, in the order first touched; a person not on
 * the list is ignored (the caller reports them).
 */
export function headcountAfterMoves(
  staff: readonly { staffNo: string; unitCode: string; gradeCode: string }[],
  moves: readonly Move[],
): { unitCode: string; grades: { gradeCode: string; before: number; after: number }[] }[] {
  const byNo = new Map(staff.map((s) => [s.staffNo, s]));
  const last = new Map<string, string>();
  for (const m of moves) if (byNo.has(m.staffNo)) last.set(m.staffNo, m.toUnit);
  const touched: string[] = [];
  const touch = (u: string) => {
    if (!touched.includes(u)) touched.push(u);
  };
  for (const [no, to] of last) {
    touch((byNo.get(no) as { unitCode: string }).unitCode);
    touch(to);
  }
  const counts = new Map<string, Map<string, { before: number; after: number }>>(
    touched.map((u) => [u, new Map()]),
  );
  const cell = (u: string, g: string) => {
    const unit = counts.get(u);
    if (!unit) return undefined;
    let c = unit.get(g);
    if (!c) unit.set(g, (c = { before: 0, after: 0 }));
    return c;
  };
  for (const s of staff) {
    const before = cell(s.unitCode, s.gradeCode);
    if (before) before.before++;
    const after = cell(last.get(s.staffNo) ?? s.unitCode, s.gradeCode);
    if (after) after.after++;
  }
  return touched.map((u) => ({
    unitCode: u,
    grades: [...(counts.get(u) ?? new Map<string, { before: number; after: number }>())].map(
      ([gradeCode, c]) => ({
        gradeCode,
        ...c,
      }),
    ),
  }));
}
