// Parsing the organisation files (docs/interfaces.md "Organisation and staff"): units and staff, with the
// checks that need only the file.
import {
  GRADES,
  gradeByCode,
  staffRowSpec,
  unitRowSpec,
  UNIT_LEVELS,
  type StaffRow,
  type UnitRow,
} from '@jinzai/model';
import { yieldToEventLoop } from '@jinzai/db';
import { throwIfAny, type ImportDetail } from './errors.js';
import { readRows, type Numbered } from './table.js';

export type { Numbered } from './table.js';

/**
 * Parses a units file (docs/interfaces.md "Organisation and staff" `code,name,parent_code,level`) with the
 * checks that need only the file: duplicate codes, a unit that is its own parent, a parent cycle, and a
 * parent in the file whose level is not above the child's (部 → 課 → 係). A parent may come later in the file.
 * Whether a parent outside the file exists is the caller's question (see missingReferences).
 */
export async function parseUnitsFile(
  bytes: Uint8Array,
  contentType: string | undefined,
): Promise<Numbered<UnitRow>[]> {
  const { rows, details } = await readRows({ bytes, contentType }, unitRowSpec);
  // Each whole-file pass takes a fraction of a second on the largest files: other requests go between them.
  const byCode = new Map<string, Numbered<UnitRow>>();
  for (const r of rows) if (!byCode.has(r.code)) byCode.set(r.code, r);
  await yieldToEventLoop();

  details.push(...parentCycles(rows, byCode));
  await yieldToEventLoop();
  for (const r of rows) {
    if (r.parent_code === null) continue;
    if (r.parent_code === r.code) {
      details.push({
        row: r.row,
        column: 'parent_code',
        message: `上位コードに自分自身（${r.code}）が指定されています`,
      });
      continue;
    }
    const parent = byCode.get(r.parent_code);
    if (parent && UNIT_LEVELS.indexOf(parent.level) >= UNIT_LEVELS.indexOf(r.level)) {
      details.push({
        row: r.row,
        column: 'parent_code',
        message: `${r.level}の上位に${parent.level}（${parent.code}、${parent.row}行目）は置けません`,
      });
    }
  }
  throwIfAny('invalid_rows', details);
  return rows;
}

/** Finds each cycle of parent codes inside the file once, and names every row on it. */
function parentCycles(
  rows: readonly Numbered<UnitRow>[],
  byCode: Map<string, Numbered<UnitRow>>,
): ImportDetail[] {
  const details: ImportDetail[] = [];
  const done = new Set<string>();
  for (const start of rows) {
    const path: Numbered<UnitRow>[] = [];
    const onPath = new Set<string>();
    let current: Numbered<UnitRow> | undefined = start;
    while (current && !done.has(current.code)) {
      if (onPath.has(current.code)) {
        const cycle = path.slice(path.findIndex((u) => u.code === current?.code));
        // A self-parent is reported on its own.
        if (cycle.length > 1) {
          const codes = [...cycle, cycle[0]].map((u) => u?.code).join(' → ');
          const where = cycle.map((u) => `${u.row}行目`).join('・');
          const first = cycle.reduce((a, b) => (b.row < a.row ? b : a));
          details.push({
            row: first.row,
            column: 'parent_code',
            message: `上位コードが循環しています: ${codes}（${where}）`,
          });
        }
        break;
      }
      path.push(current);
      onPath.add(current.code);
      current = current.parent_code === null ? undefined : byCode.get(current.parent_code);
    }
    for (const u of path) done.add(u.code);
  }
  return details;
}

const GRADE_LIST = GRADES.map((g) => g.code).join(', ');

/**
 * A grade given as its code (any case) or, like employment_type, as its Japanese name with or without 級
 * (主事, 課長級, 課長): HR keys rosters by name. Returns the catalogue's code.
 */
export function resolveGrade(value: string): string | undefined {
  const byCode = gradeByCode(value.toLowerCase());
  if (byCode) return byCode.code;
  const bare = (s: string) => s.replace(/級$/, '');
  return GRADES.find((g) => g.nameJa === value || bare(g.nameJa) === bare(value))?.code;
}

/**
 * Parses a staff file (docs/interfaces.md "Organisation and staff"
 * `staff_no,name,name_kana,unit_code,grade_code,employment_type,birth_year`) with the checks that need only
 * the file: duplicate staff numbers and unknown grade codes. Whether each unit_code exists is the caller's
 * question (see missingReferences).
 */
export async function parseStaffFile(
  bytes: Uint8Array,
  contentType: string | undefined,
): Promise<Numbered<StaffRow>[]> {
  const { rows, details } = await readRows({ bytes, contentType }, staffRowSpec);
  for (const r of rows) {
    const grade = resolveGrade(r.grade_code);
    if (grade) r.grade_code = grade;
    else {
      details.push({
        row: r.row,
        column: 'grade_code',
        message: `職層コード「${r.grade_code}」はありません。使えるコード: ${GRADE_LIST}`,
      });
    }
  }
  throwIfAny('invalid_rows', details);
  return rows;
}
