// Parsing of evaluation files (docs/interfaces.md "Evaluation"): results from an earlier system, and HR's
// evaluators.
import {
  competencyForColumn,
  isCompetencyColumn,
  normalizeText,
  parseEvaluationGrade,
  RESULT_COLUMNS,
  type EvaluationGrade,
} from '@jinzai/model';
import { ImportError, type ImportDetail } from './errors.js';
import { readImport, readTable } from './table.js';
import { z } from 'zod';

/** One row of a results file, before the staff roster is consulted. */
export interface ResultFileRow {
  row: number;
  staffNo: string;
  overall: EvaluationGrade;
  unitCode: string | null;
  gradeCode: string | null;
  /** Column (as written) → grade, for the non-empty competency cells. */
  items: { column: string; grade: EvaluationGrade }[];
}

const GRADE_MESSAGE = 'S・A・B・C・D のいずれかを入力してください';

/**
 * Parses a results file from an earlier system (docs/interfaces.md "Evaluation": `staff_no,overall` plus
 * optional columns named by competency): every row's problems are collected; the caller checks staff numbers
 * and each competency against the row's grade, then throws them all at once (all or nothing).
 */
export async function parseResultsFile(
  bytes: Uint8Array,
  contentType: string | undefined,
): Promise<{ rows: ResultFileRow[]; details: ImportDetail[] }> {
  const table = await readTable(bytes, contentType);
  const header: ImportDetail[] = [];
  for (const name of RESULT_COLUMNS.required) {
    if (!table.header.includes(name))
      header.push({ row: 1, column: name, message: `必須の列「${name}」がありません` });
  }
  const fixed = new Set<string>([...RESULT_COLUMNS.required, ...RESULT_COLUMNS.optional]);
  const itemColumns: string[] = [];
  for (const name of table.header) {
    if (fixed.has(name)) continue;
    if (isCompetencyColumn(name)) itemColumns.push(name);
    else
      header.push({
        row: 1,
        column: name,
        message: `列「${name}」は使えません。使える列: staff_no, overall, unit_code, grade_code と能力評価の項目（コードまたは名称: 倫理, ethics など）`,
      });
  }
  if (header.length > 0)
    throw new ImportError('bad_columns', '見出し（1行目）の列名が正しくありません', header);

  const details: ImportDetail[] = [];
  const rows: ResultFileRow[] = [];
  const seen = new Map<string, number>();
  for (const { row, values } of table.rows) {
    const staffNo = normalizeText(values['staff_no'] ?? '');
    let ok = true;
    if (staffNo === '') {
      details.push({ row, column: 'staff_no', message: '値が入っていません（必須の項目です）' });
      ok = false;
    } else if (seen.has(staffNo)) {
      details.push({
        row,
        column: 'staff_no',
        message: `職員番号「${staffNo}」が${seen.get(staffNo)}行目と${row}行目で重複しています`,
      });
      ok = false;
    } else seen.set(staffNo, row);
    const overall = parseEvaluationGrade(values['overall'] ?? '');
    if (!overall) {
      details.push({ row, column: 'overall', message: GRADE_MESSAGE });
      ok = false;
    }
    const items: ResultFileRow['items'] = [];
    for (const column of itemColumns) {
      const raw = values[column] ?? '';
      if (raw.trim() === '') continue;
      const grade = parseEvaluationGrade(raw);
      if (!grade) {
        details.push({ row, column, message: GRADE_MESSAGE });
        ok = false;
      } else items.push({ column, grade });
    }
    const unit = normalizeText(values['unit_code'] ?? '');
    const gradeCode = normalizeText(values['grade_code'] ?? '');
    if (ok && overall) {
      rows.push({
        row,
        staffNo,
        overall,
        unitCode: unit === '' ? null : unit,
        gradeCode: gradeCode === '' ? null : gradeCode,
        items,
      });
    }
  }
  return { rows, details };
}

/** Resolves each item column against the row's grade; a rated item the grade does not have is an error of that row. */
export function resolveItems(
  row: ResultFileRow,
  gradeCode: string,
  details: ImportDetail[],
): Record<string, EvaluationGrade> {
  const items: Record<string, EvaluationGrade> = {};
  for (const { column, grade } of row.items) {
    const c = competencyForColumn(gradeCode, column);
    if (!c) {
      details.push({
        row: row.row,
        column,
        message: `この職員の職層（${gradeCode}）に項目「${column}」はありません`,
      });
    } else items[c.code] = grade;
  }
  return items;
}

const staffNoOrEmpty = z.string().transform((v) => {
  const s = normalizeText(v);
  return s === '' ? null : s;
});
const assignmentRow = z.object({
  staff_no: z.string().transform(normalizeText).pipe(z.string().min(1)),
  first_evaluator: staffNoOrEmpty,
  second_evaluator: staffNoOrEmpty,
});
/** The columns of an assignment file: `staff_no,first_evaluator,second_evaluator` (staff numbers; empty for none). */
export const ASSIGNMENT_COLUMNS = {
  required: ['staff_no', 'first_evaluator', 'second_evaluator'],
  optional: [],
} as const;

/** One row of an assignment file, before the roster is consulted. */
export interface AssignmentFileRow {
  row: number;
  staffNo: string;
  firstStaffNo: string | null;
  secondStaffNo: string | null;
}

/**
 * Parses a file of evaluators (first and second, by staff number): the header is checked at once; the rows'
 * problems are returned for the caller to add its own and throw them all together (all or nothing).
 */
export async function parseAssignmentsFile(
  bytes: Uint8Array,
  contentType: string | undefined,
): Promise<{ rows: AssignmentFileRow[]; details: ImportDetail[] }> {
  const { parsed, details } = await readImport(bytes, contentType, ASSIGNMENT_COLUMNS, assignmentRow);
  return {
    rows: parsed.map(({ row, value }) => ({
      row,
      staffNo: value.staff_no,
      firstStaffNo: value.first_evaluator,
      secondStaffNo: value.second_evaluator,
    })),
    details,
  };
}
