// Evaluation results (docs/interfaces.md "Evaluation"): the columns of a results file and its competency
// items.
import { GRADES, gradeByCode, type Competency } from '../grades.js';

/**
 * Columns of the results import (docs/interfaces.md "Evaluation"); unit_code and grade_code optionally
 * snapshot the past post.
 */
export const RESULT_COLUMNS = {
  required: ['staff_no', 'overall'],
  optional: ['unit_code', 'grade_code'],
} as const;

/** The item key of a competency code: `shuji.ethics` → `ethics`. */
export const competencyKey = (code: string): string => code.slice(code.indexOf('.') + 1);

/**
 * Whether a results-file column names a competency (docs/interfaces.md "Evaluation":
 * "optional columns named by competency"): a full code (`shuji.ethics`), an item key shared across grades
 * (`ethics`), or the policy's Japanese name (倫理), policy II-7.
 */
export function isCompetencyColumn(column: string): boolean {
  return GRADES.some((g) => g.competencies.some((c) => matchesColumn(c, column)));
}

function matchesColumn(c: Competency, column: string): boolean {
  const col = column.normalize('NFKC').trim();
  return c.code === col.toLowerCase() || competencyKey(c.code) === col.toLowerCase() || c.nameJa === col;
}

/** The competency of a grade that a results-file column names, or undefined when the grade has no such item (policy II-7). */
export function competencyForColumn(gradeCode: string, column: string): Competency | undefined {
  return gradeByCode(gradeCode)?.competencies.find((c) => matchesColumn(c, column));
}
